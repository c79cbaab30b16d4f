//===- SarifTest.cpp - URIs, rule help and results of the SARIF log -------===//
#include "ArtifactUri.h"
#include "DiagnosticEngine.h"
#include "Render.h"
#include "RuleHelp.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

namespace salesc::diag {
namespace {

TEST(ArtifactUriTest, PercentEncodesAllButUnreservedCharactersAndSlashes) {
  EXPECT_EQ(percentEncode("a-b_c.d~e/F9"), "a-b_c.d~e/F9");
  EXPECT_EQ(percentEncode("hash#x?.sales"), "hash%23x%3F.sales");
  EXPECT_EQ(percentEncode("a b%[]{}|^\\`\"<>"), "a%20b%25%5B%5D%7B%7D%7C%5E%5C%60%22%3C%3E");
  EXPECT_EQ(percentEncode("caf\xc3\xa9"), "caf%C3%A9");
  EXPECT_EQ(percentEncode("bad\xff"), "bad%FF");
  EXPECT_EQ(percentEncode("a:b@c;d=e+f&g,h!i$j'k(l)m*n"),
            "a%3Ab%40c%3Bd%3De%2Bf%26g%2Ch%21i%24j%27k%28l%29m%2An");
}

TEST(ArtifactUriTest, RelativeToTheStdlibTheSourceRootOrAbsolute) {
  UriBases b{"/repo/sub", "/repo", "/opt/salesc/share/salesc/stdlib"};
  ArtifactUri inRepo = artifactUri("x y.sales", b);
  EXPECT_EQ(inRepo.uri, "sub/x%20y.sales");
  EXPECT_EQ(inRepo.baseId, "%SRCROOT%");
  EXPECT_EQ(artifactUri("../top.sales", b).uri, "top.sales");
  EXPECT_EQ(artifactUri("/repo/./a/../b.sales", b).uri, "b.sales");
  ArtifactUri std = artifactUri("/opt/salesc/share/salesc/stdlib/std/tactics.sales", b);
  EXPECT_EQ(std.uri, "std/tactics.sales");
  EXPECT_EQ(std.baseId, "STDLIB");
  ArtifactUri outside = artifactUri("../../elsewhere/c#.sales", b);
  EXPECT_EQ(outside.uri, "file:///elsewhere/c%23.sales");
  EXPECT_EQ(outside.baseId, "");
  EXPECT_EQ(artifactUri("/repository.sales", b).baseId, "") << "a prefix is not a folder";
  EXPECT_EQ(artifactUri("a.sales", {"/", "/", ""}).uri, "a.sales");
  EXPECT_EQ(folderUri("/repo/my dir"), "file:///repo/my%20dir/");
  EXPECT_EQ(folderUri("/"), "file:///");
}

TEST(RuleHelpTest, EverySectionOfTheDocsIsTheHelpOfItsCode) {
  llvm::StringMap<RuleHelp> help =
      parseRuleHelp(diagnosticsDocs(), "https://example.invalid/docs/diagnostics.md");
  for (const KindInfo& k : allKinds()) {
    auto h = help.find(k.code);
    ASSERT_NE(h, help.end()) << k.code.str();
    EXPECT_FALSE(h->second.fullDescription.empty()) << k.code.str();
    EXPECT_EQ(h->second.fullDescription.find('\n'), std::string::npos) << k.code.str();
    EXPECT_EQ(h->second.fullDescription.find("**"), std::string::npos) << k.code.str();
    EXPECT_NE(h->second.markdown.find("**How to fix it.**"), std::string::npos) << k.code.str();
    EXPECT_EQ(h->second.text.find("**"), std::string::npos) << k.code.str();
  }
  const RuleHelp& n001 = help["N001"];
  EXPECT_EQ(n001.fullDescription.rfind("A name that is not declared anywhere", 0), 0u)
      << n001.fullDescription;
  EXPECT_NE(n001.markdown.find("```sales\nknowledge pricing"), std::string::npos);
  EXPECT_EQ(help.count("Reading"), 0u) << "only `## CODE name` sections";
}

TEST(RuleHelpTest, RelativeLinksBecomeAbsolute) {
  llvm::StringMap<RuleHelp> help = parseRuleHelp(
      "# Title\n\n## X001 thing\n\n**Error.** See [the language](language.md#names) and "
      "[S010](#s010-import-not-found) or [the web](https://example.org/).\n\nMore.\n\n"
      "```\n## not a heading\n```\n## Other\nnot part of it\n",
      "https://h.invalid/docs/diagnostics.md");
  ASSERT_EQ(help.size(), 1u);
  const RuleHelp& h = help["X001"];
  EXPECT_EQ(h.fullDescription, "See the language (language.md#names) and S010 "
                               "(#s010-import-not-found) or the web (https://example.org/).");
  EXPECT_NE(h.markdown.find("[the language](https://h.invalid/docs/language.md#names)"),
            std::string::npos)
      << h.markdown;
  EXPECT_NE(h.markdown.find("[S010](https://h.invalid/docs/diagnostics.md#s010-import-not-found)"),
            std::string::npos)
      << h.markdown;
  EXPECT_NE(h.markdown.find("[the web](https://example.org/)"), std::string::npos);
  EXPECT_NE(h.markdown.find("## not a heading"), std::string::npos) << "inside a code block";
  EXPECT_EQ(h.markdown.find("not part of it"), std::string::npos);
}

class SarifTest : public ::testing::Test {
protected:
  void load(llvm::StringRef name, llvm::StringRef text) {
    sm_.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, name), llvm::SMLoc());
  }
  /// The range of `needle` in the last buffer loaded.
  llvm::SMRange at(llvm::StringRef needle, unsigned nth = 0) {
    llvm::StringRef text = sm_.getMemoryBuffer(sm_.getNumBuffers())->getBuffer();
    size_t pos = text.find(needle);
    while (nth--)
      pos = text.find(needle, pos + 1);
    const char* p = text.data() + pos;
    return {llvm::SMLoc::getFromPointer(p), llvm::SMLoc::getFromPointer(p + needle.size())};
  }
  llvm::json::Value render(const DiagnosticEngine& e, size_t maxResults = 25000, int status = 1) {
    SarifRun run;
    run.toolVersion = "0.1.0";
    run.docsUrl = "https://example.invalid/diagnostics.md";
    run.bases = {"/repo", "/repo", "/lib"};
    run.maxResults = maxResults;
    run.exitCode = status;
    std::string out;
    llvm::raw_string_ostream os(out);
    renderSarif(os, sm_, e.sorted(), run);
    llvm::Expected<llvm::json::Value> doc = llvm::json::parse(os.str());
    EXPECT_TRUE(bool(doc)) << out;
    return doc ? std::move(*doc) : llvm::json::Value(nullptr);
  }
  static const llvm::json::Object& run0(const llvm::json::Value& log) {
    return *(*log.getAsObject()->getArray("runs"))[0].getAsObject();
  }
  static std::string fingerprintOf(const llvm::json::Value& log, size_t i) {
    const llvm::json::Object& r = *(*run0(log).getArray("results"))[i].getAsObject();
    return r.getObject("partialFingerprints")->getString("salesc/v1")->str();
  }
  llvm::SourceMgr sm_;
};

TEST_F(SarifTest, NotesAreLinkedFromTheMessage) {
  load("a.sales", "channel web;\nchannel web;\n");
  DiagnosticEngine e(sm_, {});
  e.report(DiagKind::DuplicateName, at("web", 1), "'web' [again]")
      .note(at("web"), "first [here]")
      .note({}, "looked elsewhere");
  llvm::json::Value log = render(e);
  const llvm::json::Object& r = *(*run0(log).getArray("results"))[0].getAsObject();
  EXPECT_EQ(*r.getObject("message")->getString("text"),
            "'web' \\[again\\] ([first \\[here\\]](1); looked elsewhere)");
  const llvm::json::Object& related = *(*r.getArray("relatedLocations"))[0].getAsObject();
  EXPECT_EQ(*related.getInteger("id"), 1);
  EXPECT_EQ(*related.getObject("message")->getString("text"), "first [here]");
  EXPECT_EQ(r.getArray("relatedLocations")->size(), 1u);
  const llvm::json::Object& loc =
      *(*r.getArray("locations"))[0].getAsObject()->getObject("physicalLocation");
  EXPECT_EQ(*loc.getObject("artifactLocation")->getString("uriBaseId"), "%SRCROOT%");
  EXPECT_EQ(*loc.getObject("artifactLocation")->getString("uri"), "a.sales");
  EXPECT_EQ(*loc.getObject("region")->getInteger("startLine"), 2);
}

TEST_F(SarifTest, TheFixItsOfADiagnosticAreOneFixUnsafeWhenOneIsAGuess) {
  load("a.sales", "channel web \"x\";\nchannel shop \"y\";\n");
  DiagnosticEngine e(sm_, {});
  e.report(DiagKind::CurlyQuotes, at("\"x\""), "quotes")
      .fix(at("\"", 0), "'", "open", Applicability::Safe)
      .fix(at("\"", 1), "'", "close", Applicability::Safe);
  e.report(DiagKind::UnknownName, at("shop"), "a guess")
      .fix(at("shop"), "shops", "replace", Applicability::Safe)
      .fix(at("y"), "z", "and this", Applicability::Unsafe);
  llvm::json::Value log = render(e);
  const llvm::json::Array& results = *run0(log).getArray("results");
  ASSERT_EQ(results.size(), 2u);
  auto fixOf = [&](size_t i) -> const llvm::json::Object& {
    const llvm::json::Array& fixes = *results[i].getAsObject()->getArray("fixes");
    EXPECT_EQ(fixes.size(), 1u);
    return *fixes[0].getAsObject();
  };
  const llvm::json::Object& quotes = fixOf(0);
  EXPECT_EQ(*quotes.getObject("description")->getString("text"), "open");
  EXPECT_EQ(*quotes.getObject("properties")->getString("applicability"), "safe");
  const llvm::json::Array& changes = *quotes.getArray("artifactChanges");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].getAsObject()->getArray("replacements")->size(), 2u);
  EXPECT_EQ(*fixOf(1).getObject("properties")->getString("applicability"), "unsafe");
}

TEST_F(SarifTest, AnInheritedDiagnosticIsOneResultNamingItsProcessesInProperties) {
  load("a.sales", "process base { stage demo {} }\nprocess web extends base {}\n"
                  "process phone extends base {}\n");
  DiagnosticEngine e(sm_, {});
  llvm::SMRange base = at("process base { stage demo {} }");
  for (llvm::StringRef name : {"web", "phone", "web"}) {
    ProcessContext c{
        name.str(), at(("process " + name + " extends base {}").str()), {{base, "base"}}};
    InheritedScope scope(e, c);
    e.report(DiagKind::UnreachableStage, at("demo"), "no prospect can reach stage 'demo'");
    e.report(DiagKind::UnreachableStage, at("process " + name.str()), "its own, not inherited");
  }
  EXPECT_EQ(e.warningCount(), 3u) << "one inherited warning and each process's own";
  llvm::json::Value log = render(e);
  const llvm::json::Array& results = *run0(log).getArray("results");
  ASSERT_EQ(results.size(), 3u);
  const llvm::json::Object& r = *results[0].getAsObject();
  EXPECT_EQ(*r.getObject("message")->getString("text"),
            "in processes 'web' and 'phone' (from 'base'): no prospect can reach stage 'demo'");
  const llvm::json::Array& processes = *r.getObject("properties")->getArray("process");
  ASSERT_EQ(processes.size(), 2u);
  EXPECT_EQ(*processes[0].getAsString(), "web");
  EXPECT_EQ(*processes[1].getAsString(), "phone");
  EXPECT_EQ(*r.getObject("properties")->getString("inheritedFrom"), "base");
  EXPECT_EQ(results[1].getAsObject()->getObject("properties"), nullptr);
}

TEST_F(SarifTest, ABaseThatSaysTheSameOfItselfTakesTheInheritedDiagnosticOver) {
  load("a.sales", "process base { stage demo {} }\nprocess web extends base {}\n");
  DiagnosticEngine e(sm_, {});
  {
    ProcessContext c{
        "web", at("process web extends base {}"), {{at("process base { stage demo {} }"), "base"}}};
    InheritedScope scope(e, c);
    e.report(DiagKind::UnreachableStage, at("demo"), "no prospect can reach stage 'demo'");
  }
  e.report(DiagKind::UnreachableStage, at("demo"), "no prospect can reach stage 'demo'");
  EXPECT_EQ(e.warningCount(), 1u);
  std::vector<Diagnostic> d = e.sorted();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "no prospect can reach stage 'demo'");
  EXPECT_TRUE(d[0].processes.empty());
}

TEST_F(SarifTest, FingerprintsSurviveUnrelatedEditsAndCountOccurrences) {
  load("a.sales", "channel web;\nchannel web;\nchannel   web;\n");
  DiagnosticEngine e(sm_, {});
  e.report(DiagKind::DuplicateName, at("web", 1), "dup");
  e.report(DiagKind::DuplicateName, at("web", 2), "dup");
  llvm::json::Value before = render(e);
  EXPECT_EQ(fingerprintOf(before, 0).substr(0, 17), fingerprintOf(before, 1).substr(0, 17));
  EXPECT_EQ(fingerprintOf(before, 0).substr(16), ":1");
  EXPECT_EQ(fingerprintOf(before, 1).substr(16), ":2") << "same code and text: the second one";

  // Lines added above and indentation change nothing; a different line does.
  sm_ = llvm::SourceMgr();
  load("a.sales", "// a comment\n\nchannel web;\n  channel web;\nchannel web;\n");
  DiagnosticEngine moved(sm_, {});
  moved.report(DiagKind::DuplicateName, at("web", 1), "dup, worded anew");
  moved.report(DiagKind::DuplicateName, at("web", 2), "dup");
  llvm::json::Value after = render(moved);
  EXPECT_EQ(fingerprintOf(after, 0), fingerprintOf(before, 0));
  EXPECT_EQ(fingerprintOf(after, 1), fingerprintOf(before, 1));

  sm_ = llvm::SourceMgr();
  load("a.sales", "channel web;\nchannel webs;\n");
  DiagnosticEngine other(sm_, {});
  other.report(DiagKind::DuplicateName, at("webs"), "dup");
  EXPECT_NE(fingerprintOf(render(other), 0), fingerprintOf(before, 0));
}

TEST_F(SarifTest, AtMostMaxResultsAndANotificationSayingHowManyWereLeftOut) {
  load("a.sales", "k k k k k\n");
  DiagnosticEngine e(sm_, {});
  for (unsigned i = 0; i < 5; ++i)
    e.report(DiagKind::UnknownName, at("k", i), "unknown " + std::to_string(i));
  llvm::json::Value log = render(e, 3);
  EXPECT_EQ(run0(log).getArray("results")->size(), 3u);
  const llvm::json::Object& inv = *(*run0(log).getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(*inv.getBoolean("executionSuccessful"), true);
  EXPECT_EQ(*inv.getInteger("exitCode"), 1);
  const llvm::json::Array& notes = *inv.getArray("toolExecutionNotifications");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].getAsObject()->getObject("message")->getString("text")->find(
                "salesc found 5 problems; this log holds the first 3"),
            std::string::npos);
}

TEST_F(SarifTest, DiagnosticsWithoutAPlaceAreNotificationsOfAnUnsuccessfulRun) {
  DiagnosticEngine e(sm_, {});
  e.reportFile(DiagKind::NoInput, "", "no file to check");
  e.reportFile(DiagKind::FileUnreadable, "gone.sales", "cannot read 'gone.sales'");
  llvm::json::Value log = render(e, 25000, 2);
  EXPECT_EQ(run0(log).getArray("results")->size(), 0u);
  const llvm::json::Object& inv = *(*run0(log).getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(*inv.getBoolean("executionSuccessful"), false);
  EXPECT_EQ(*inv.getInteger("exitCode"), 2);
  const llvm::json::Array& notes = *inv.getArray("toolExecutionNotifications");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(*notes[0].getAsObject()->getObject("associatedRule")->getString("id"), "D002");
  const llvm::json::Object& unreadable = *notes[1].getAsObject();
  EXPECT_EQ(*unreadable.getObject("associatedRule")->getString("id"), "S011");
  EXPECT_EQ(*unreadable.getString("level"), "error");
  EXPECT_EQ(*(*unreadable.getArray("locations"))[0]
                 .getAsObject()
                 ->getObject("physicalLocation")
                 ->getObject("artifactLocation")
                 ->getString("uri"),
            "gone.sales");
}

} // namespace
} // namespace salesc::diag
