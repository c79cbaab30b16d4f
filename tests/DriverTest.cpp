//===- DriverTest.cpp - The command table and the driver, in process ------===//
#include "driver/Driver.h"
#include "InProcess.h"
#include "diag/Diagnostic.h"
#include "driver/Config.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace salesc::driver {
namespace {

struct Outcome {
  int status = -1;
  std::string out, err;
};

Outcome run(std::vector<const char*> args) {
  args.insert(args.begin(), "/some/where/bin/salesc");
  Outcome r;
  llvm::raw_string_ostream out(r.out), err(r.err);
  CommandContext ctx{out, err, "salesc"};
  r.status = runMain(args, ctx);
  out.flush();
  err.flush();
  return r;
}

const char* Quickstart = SALESC_SOURCE_DIR "/examples/quickstart.sales";
const char* Stdlib = "--stdlib=" SALESC_SOURCE_DIR "/stdlib";

TEST(Driver, UnknownCommandSuggestsTheClosestWithoutThePath) {
  Outcome r = run({"chek", "x.sales"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "salesc: error: unknown command 'chek'; did you mean 'check'?\n"
                   "Run 'salesc help' for the list of commands.\n");
  Outcome far = run({"frobnicate"});
  EXPECT_EQ(far.status, 2);
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
  EXPECT_EQ(run({"help", "simulat"}).err.find("did you mean 'simulate'?") != std::string::npos,
            true);
}

TEST(Driver, VersionWorksBeforeAndAfterACommand) {
  for (auto args : {std::vector<const char*>{"--version"},
                    {"check", "--version"},
                    {"analyze", Quickstart, "--version"}}) {
    Outcome r = run(args);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, "salesc " SALESC_VERSION "\n");
  }
}

TEST(Driver, HelpListsEveryCommandOfTheTable) {
  Outcome r = run({"help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, topLevelHelp());
  EXPECT_EQ(run({"--help"}).out, topLevelHelp());
  for (const Command& c : commands())
    EXPECT_NE(r.out.find("  salesc " + c.name.str() + " "), std::string::npos) << c.name.str();
}

TEST(Driver, NoCommandAndOptionsBeforeTheCommandAreUsageErrors) {
  Outcome none = run({});
  EXPECT_EQ(none.status, 2);
  EXPECT_EQ(none.err,
            "salesc: error: no command given; try 'salesc check FILE' or 'salesc help'\n");
  Outcome early = run({"--format=json", "check"});
  EXPECT_EQ(early.status, 2);
  EXPECT_NE(early.err.find("options come after the command"), std::string::npos) << early.err;
}

TEST(Driver, DocsShowTheHelpAndEveryCommand) {
  auto docs = llvm::MemoryBuffer::getFile(SALESC_SOURCE_DIR "/docs/cli.md");
  ASSERT_TRUE(bool(docs));
  std::string text = (*docs)->getBuffer().str();
  EXPECT_NE(text.find("$ salesc help\n" + topLevelHelp() + "```"), std::string::npos)
      << "docs/cli.md does not show the current 'salesc help':\n"
      << topLevelHelp();
  for (const Command& c : commands())
    EXPECT_NE(text.find("## salesc " + c.name.str()), std::string::npos)
        << "docs/cli.md has no section for 'salesc " << c.name.str() << "'";
}

TEST(Driver, ABadWarningOptionIsACodedDiagnosticInJson) {
  Outcome r = run({"check", "-Wno-bogus", Quickstart, "--format=json", Stdlib});
  EXPECT_EQ(r.status, 2);
  llvm::Expected<llvm::json::Value> doc = llvm::json::parse(r.out);
  ASSERT_TRUE(bool(doc)) << llvm::toString(doc.takeError()) << r.out;
  const llvm::json::Array& diags = *doc->getAsObject()->getArray("diagnostics");
  ASSERT_EQ(diags.size(), 1u) << r.out; // after an option error no file is read
  EXPECT_EQ(*diags[0].getAsObject()->getString("code"), "D001");
  EXPECT_EQ(*diags[0].getAsObject()->getString("message"),
            "'-Wno-bogus': there is no warning named 'bogus'; 'salesc check "
            "--list-diagnostics' lists them");
  Outcome sarif = run({"check", "-Wbogus", Quickstart, "--format=sarif", Stdlib});
  EXPECT_EQ(sarif.status, 2);
  // A diagnostic about the command line has no place: a notification of the invocation.
  EXPECT_NE(sarif.out.find("\"associatedRule\": {\n"), std::string::npos) << sarif.out;
  EXPECT_NE(sarif.out.find("\"id\": \"D001\""), std::string::npos) << sarif.out;
}

TEST(Driver, FolderProblemsAreCodedDiagnostics) {
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("salesc-driver", dir));
  Outcome r = run({"check", dir.c_str(), Stdlib});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("there is no .sales file in folder '" + dir.str().str() + "' [D004]"),
            std::string::npos)
      << r.err;
  Outcome none = run({"check", Stdlib});
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.err.find("no file to check; try 'salesc check examples/quickstart.sales' [D002]"),
            std::string::npos)
      << none.err;
  llvm::sys::fs::remove(dir);
}

/// Writes `text` to `dir`/`name` and returns the path.
std::string writeFile(llvm::StringRef dir, llvm::StringRef name, llvm::StringRef text) {
  llvm::SmallString<128> path(dir);
  path += "/";
  path += name;
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  EXPECT_FALSE(ec) << ec.message();
  os << text;
  return path.str().str();
}

TEST(Driver, TwoProcessesBuiltUnderOneNameAreACodedDiagnostic) {
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("salesc-build", dir));
  const char* process = "process p {\n  stage a { next won 50%; }\n  won won;\n  lost lost;\n}\n";
  std::string one = writeFile(dir, "one.sales", process);
  std::string two = writeFile(dir, "two.sales", process);
  std::string out = (dir + "/out").str();
  Outcome r = run({"build", one.c_str(), two.c_str(), "-o", out.c_str(), Stdlib});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(two + ": error: process 'p' is declared in both '" + one + "' and '" + two +
                       "'; build writes one set of files per process name, so rename one [D005]"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(llvm::sys::fs::exists(out)) << "nothing is written";
  llvm::sys::fs::remove_directories(dir);
}

TEST(Driver, AFolderThatCannotBeListedIsACodedDiagnostic) {
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("salesc-locked", dir));
  std::string locked = (dir + "/locked").str();
  ASSERT_FALSE(llvm::sys::fs::create_directory(locked));
  std::string good = writeFile(dir, "good.sales", "channel web;\n");
  ::chmod(dir.c_str(), 0755);
  ::chmod(good.c_str(), 0644);
  ::chmod(locked.c_str(), 0);
  // Root reads every folder: the check runs as 'nobody' in a child process then.
  int pipeFds[2];
  ASSERT_EQ(::pipe(pipeFds), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (::getuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
      ::_exit(99);
    Outcome r = run({"check", locked.c_str(), Stdlib});
    // A sub-folder that cannot be listed was once skipped without a word (status 0).
    Outcome parent = run({"check", dir.c_str(), Stdlib});
    std::string report = std::to_string(r.status) + "\n" + r.err + "---\n" +
                         std::to_string(parent.status) + "\n" + parent.err;
    ssize_t written = ::write(pipeFds[1], report.data(), report.size());
    ::_exit(written == ssize_t(report.size()) ? 0 : 98);
  }
  ::close(pipeFds[1]);
  std::string report;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
    report.append(buffer, n);
  ::close(pipeFds[0]);
  int wstatus = 0;
  ::waitpid(child, &wstatus, 0);
  ::chmod(locked.c_str(), 0755);
  llvm::sys::fs::remove_directories(dir);
  ASSERT_TRUE(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) << wstatus;
  EXPECT_EQ(report.substr(0, 2), "2\n") << report;
  EXPECT_NE(report.find(locked + ": error: cannot read folder '" + locked +
                        "': Permission denied [D003]"),
            std::string::npos)
      << report;
  size_t second = report.find("---\n");
  ASSERT_NE(second, std::string::npos) << report;
  EXPECT_EQ(report.substr(second + 4, 2), "2\n") << report;
  EXPECT_NE(report.find("cannot read folder '" + locked + "'", second), std::string::npos)
      << report;
}

TEST(Driver, OptionsAreResetBetweenRunsInOneProcess) {
  Outcome json = run({"check", Quickstart, "--format=json", Stdlib});
  EXPECT_EQ(json.status, 0);
  EXPECT_EQ(json.out.rfind("{", 0), 0u) << json.out;
  Outcome text = run({"check", Quickstart, Stdlib});
  EXPECT_EQ(text.status, 0);
  EXPECT_EQ(text.out, "") << "--format=json leaked into the next run";
  // Options declared without cl::init are not reset by llvm::cl: every one has one.
  EXPECT_EQ(run({"check", "--list-diagnostics"}).status, 0);
  EXPECT_EQ(run({"check", Quickstart, Stdlib}).out, "") << "--list-diagnostics leaked";
  EXPECT_EQ(run({"emit", "--to=mermaid", "--process=nope", Quickstart, Stdlib}).status, 1);
  Outcome any = run({"emit", "--to=mermaid", Quickstart, Stdlib});
  EXPECT_EQ(any.status, 0) << "--process leaked into the next run: " << any.err;
}

TEST(Driver, RuntimeCommandsPrintTheirReportOnTheInjectedStream) {
  Outcome r = run({"analyze", Quickstart, Stdlib});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("direct_consulting", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("win rate from the start"), std::string::npos);
}

/// The invocation of a SARIF log: executionSuccessful, exitCode and the notifications'
/// texts.
struct Invocation {
  bool successful = true;
  int64_t exitCode = -1;
  std::vector<std::string> notifications;
  size_t results = 0;
};

Invocation invocationOf(const std::string& sarif) {
  Invocation out;
  llvm::Expected<llvm::json::Value> doc = llvm::json::parse(sarif);
  EXPECT_TRUE(bool(doc)) << (doc ? "" : llvm::toString(doc.takeError())) << sarif;
  if (!doc)
    return out;
  const llvm::json::Object& run0 = *(*doc->getAsObject()->getArray("runs"))[0].getAsObject();
  const llvm::json::Object& inv = *(*run0.getArray("invocations"))[0].getAsObject();
  out.successful = *inv.getBoolean("executionSuccessful");
  out.exitCode = *inv.getInteger("exitCode");
  for (const llvm::json::Value& n : *inv.getArray("toolExecutionNotifications"))
    out.notifications.push_back(n.getAsObject()->getObject("message")->getString("text")->str());
  out.results = run0.getArray("results")->size();
  return out;
}

TEST(Driver, AUsageErrorStillWritesASarifLog) {
  Outcome emit = run({"check", "--format=sarif", "--emit=ast", Quickstart, Stdlib});
  EXPECT_EQ(emit.status, 2);
  Invocation a = invocationOf(emit.out);
  EXPECT_FALSE(a.successful);
  EXPECT_EQ(a.exitCode, 2);
  ASSERT_EQ(a.notifications.size(), 1u);
  EXPECT_EQ(a.notifications[0].rfind("--emit prints on stdout", 0), 0u) << a.notifications[0];

  Outcome unknown = run({"check", "--bogus", "--format", "sarif", Quickstart, Stdlib});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("Unknown command line argument '--bogus'"), std::string::npos);
  Invocation b = invocationOf(unknown.out);
  EXPECT_FALSE(b.successful);
  ASSERT_EQ(b.notifications.size(), 1u);
  EXPECT_NE(b.notifications[0].find("'--bogus'"), std::string::npos) << b.notifications[0];

  Outcome none = run({"check", "--format=sarif", Stdlib});
  Invocation c = invocationOf(none.out);
  EXPECT_EQ(c.exitCode, 2);
  EXPECT_EQ(c.notifications.size(), 1u);
  EXPECT_EQ(c.results, 0u);

  Outcome text = run({"check", "--bogus", Quickstart, Stdlib});
  EXPECT_EQ(text.out, "") << "only --format=sarif writes a log";
}

TEST(Driver, ACleanRunIsASuccessfulInvocation) {
  Outcome r = run({"check", "--format=sarif", Quickstart, Stdlib});
  EXPECT_EQ(r.status, 0);
  Invocation i = invocationOf(r.out);
  EXPECT_TRUE(i.successful);
  EXPECT_EQ(i.exitCode, 0);
  EXPECT_TRUE(i.notifications.empty());
}

TEST(Driver, ListsTheDiagnosticsAsJson) {
  Outcome r = run({"check", "--list-diagnostics", "--format=json"});
  EXPECT_EQ(r.status, 0);
  llvm::Expected<llvm::json::Value> doc = llvm::json::parse(r.out);
  ASSERT_TRUE(bool(doc)) << llvm::toString(doc.takeError());
  const llvm::json::Array& list = *doc->getAsObject()->getArray("diagnostics");
  ASSERT_EQ(list.size(), diag::allKinds().size());
  auto entry = llvm::find_if(list, [](const llvm::json::Value& v) {
    return v.getAsObject()->getString("code") == llvm::StringRef("N008");
  });
  ASSERT_NE(entry, list.end());
  const llvm::json::Object& n008 = *entry->getAsObject();
  EXPECT_EQ(*n008.getString("code"), "N008");
  EXPECT_EQ(*n008.getString("name"), "unused-declaration");
  EXPECT_EQ(*n008.getString("severity"), "warning");
  EXPECT_EQ(*n008.getString("summary"), "a declaration that nothing uses");
  EXPECT_EQ(
      *n008.getString("help_uri"),
      "https://github.com/salesc/salesc/blob/main/docs/diagnostics.md#n008-unused-declaration");
}

TEST(Driver, ChecksStandardInput) {
  std::string out, err;
  llvm::raw_string_ostream os(out), es(err);
  CommandContext ctx{os, es, "salesc"};
  ctx.readStdin = [] {
    return llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>(
        llvm::MemoryBuffer::getMemBufferCopy("channel web;\nchannel web;\n", "<stdin>"));
  };
  std::vector<const char*> args{"salesc", "check", "--format=json", "--stdin-filename=p/x.sales",
                                "-",      Stdlib};
  EXPECT_EQ(runMain(args, ctx), 1);
  EXPECT_NE(os.str().find("\"file\":\"p/x.sales\",\"line\":2"), std::string::npos) << out;
}

} // namespace
} // namespace salesc::driver

namespace salesc::driver {
namespace {

/// Runs `salesc ARGS` on `files` (path, text) in memory.
testing::RunResult runOn(std::vector<std::pair<std::string, std::string>> files,
                         std::vector<std::string> args) {
  auto fs = testing::memoryFileSystem();
  for (const auto& [path, text] : files)
    fs->addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy(text));
  return testing::runInProcess(args, fs);
}

const char* Process = "process p {\n  stage a { next won 40%; }\n  won won;\n  lost lost;\n}\n";

TEST(Driver, ConfigurationMistakesAreCodedDiagnostics) {
  const std::pair<const char*, const char*> cases[] = {
      {"diagnostics:\n  N008: off\n F006: error\n", "[K001]"},
      {"diagnostic:\n  N008: off\n", "[K002]"},
      {"max-warnings: ten\n", "[K003]"},
      {"diagnostics:\n  N999: off\n", "[K004]"},
      {"diagnostics:\n  syntax-error: off\n", "[K004]"},
      {"extends: missing.yaml\n", "[K005]"},
  };
  for (const auto& [config, code] : cases) {
    testing::RunResult r = runOn({{"repo/.salesc.yaml", config}, {"repo/a.sales", Process}},
                                 {"check", "repo/a.sales"});
    EXPECT_EQ(r.status, 2) << config;
    EXPECT_NE(r.err.find(code), std::string::npos) << config << r.err;
    EXPECT_NE(r.err.find("repo/.salesc.yaml:"), std::string::npos) << r.err;
  }
  testing::RunResult missing =
      runOn({{"repo/a.sales", Process}}, {"check", "--config=nope.yaml", "repo/a.sales"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("that --config names [K005]"), std::string::npos) << missing.err;
}

TEST(Driver, SuppressedDiagnosticsAreSuppressedResultsInSarif) {
  testing::RunResult r = runOn({{"a.sales", "knowledge unused \"x\"; // salesc-ignore N008: kept\n"
                                            "knowledge bare \"y\"; // salesc-ignore N008\n" +
                                                std::string(Process)},
                                {".git/HEAD", ""}},
                               {"check", "--format=sarif", "a.sales"});
  EXPECT_EQ(r.status, 0) << r.err;
  llvm::Expected<llvm::json::Value> log = llvm::json::parse(r.out);
  ASSERT_TRUE(bool(log)) << llvm::toString(log.takeError());
  const llvm::json::Array* results =
      (*log->getAsObject()->getArray("runs"))[0].getAsObject()->getArray("results");
  ASSERT_TRUE(results);
  std::vector<std::string> seen;
  for (const llvm::json::Value& v : *results) {
    const llvm::json::Object& result = *v.getAsObject();
    std::string entry = result.getString("ruleId")->str();
    if (const llvm::json::Array* s = result.getArray("suppressions")) {
      const llvm::json::Object& first = *(*s)[0].getAsObject();
      entry += " " + first.getString("kind")->str();
      if (auto why = first.getString("justification"))
        entry += " '" + why->str() + "'";
    }
    seen.push_back(entry);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"N008 inSource 'kept'", "N008 inSource", "U001"}));
}

TEST(Driver, GlobsMatchAsDocumented) {
  EXPECT_TRUE(globMatches("legacy/**", "legacy/a.sales"));
  EXPECT_TRUE(globMatches("legacy/**", "legacy/deep/a.sales"));
  EXPECT_FALSE(globMatches("legacy/**", "new/legacy.sales"));
  EXPECT_TRUE(globMatches("legacy/*.sales", "legacy/a.sales"));
  EXPECT_FALSE(globMatches("legacy/*.sales", "legacy/deep/a.sales"));
  EXPECT_TRUE(globMatches("**/draft.sales", "draft.sales"));
  EXPECT_TRUE(globMatches("**/draft.sales", "a/b/draft.sales"));
  EXPECT_TRUE(globMatches("*_draft.sales", "a/b/web_draft.sales"));
  EXPECT_TRUE(globMatches("./p[0-9].sales", "p7.sales"));
  EXPECT_FALSE(globMatches("p[!0-9].sales", "p7.sales"));
  EXPECT_TRUE(globMatches("a/?.sales", "a/x.sales"));
  EXPECT_FALSE(globMatches("a/?.sales", "a/xy.sales"));
}

} // namespace
} // namespace salesc::driver
