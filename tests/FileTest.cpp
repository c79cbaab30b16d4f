//===- FileTest.cpp - Runs every tests/check/*.sales against its expectations ===//
//
// Each file is checked on its own, with the source tree's standard library, and what
// salesc reports must be exactly what the file's `// expect-...` comments say. With
// SALESC_UPDATE_EXPECTATIONS=1 the comments are rewritten from what salesc reports
// (review the diff). Also checks that examples/ and stdlib/ check clean.
//
//===----------------------------------------------------------------------===//
#include "Expectations.h"
#include "frontend/Suppressions.h"

#include "diag/Location.h"
#include "frontend/Compilation.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>

namespace salesc::testing {
namespace {

std::vector<std::string> filesIn(const std::string& dir, bool recursive = false) {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".sales")
      out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string testName(const std::string& path) {
  std::string n = llvm::sys::path::stem(path).str();
  std::replace_if(
      n.begin(), n.end(), [](char c) { return !isalnum(c); }, '_');
  return n;
}

/// `text` with the characters a reader cannot see written as <U+XXXX>.
std::string visible(llvm::StringRef text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = len == 1 ? c : c & (0x7Fu >> len);
    for (unsigned k = 1; k < len && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    bool hidden = cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD ||
                  (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
                  (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF;
    if (hidden) {
      char buf[16];
      snprintf(buf, sizeof buf, "<U+%04X>", cp);
      out += buf;
    } else {
      out.append(text.data() + i, std::min<size_t>(len, text.size() - i));
    }
    i += len;
  }
  return out;
}

/// A fix-it as an expectation: `'12,5%' -> '12.5%' (safe)`.
std::string fixText(const diag::FixIt& f) {
  llvm::StringRef replaced(f.range.Start.getPointer(),
                           f.range.End.getPointer() - f.range.Start.getPointer());
  return "'" + visible(replaced) + "' -> '" + visible(f.replacement) + "' (" +
         (f.applicability == diag::Applicability::Safe ? "safe" : "unsafe") + ")";
}

/// What salesc reports about `path`, as expectations (with its fix-its when
/// `withFixes`). Diagnostics in other files are returned in `elsewhere`.
std::vector<Expectation> actualFor(const std::string& path, std::vector<std::string>& elsewhere,
                                   bool withFixes = false) {
  sema::LoadOptions load;
  load.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
  frontend::Session session(load, {});
  frontend::Unit unit = session.compileFile(path);
  frontend::applySuppressions(session, unit); // `// salesc-ignore` comments, as in check
  std::vector<Expectation> out;
  const llvm::SourceMgr& sm = session.sourceMgr();
  for (const diag::Diagnostic& d : session.diags().sorted()) {
    diag::Location loc = diag::resolve(sm, d.range.Start);
    std::string sev(diag::severityName(d.severity));
    std::string code(diag::kindInfo(d.kind).code);
    if (loc.file != path) {
      elsewhere.push_back(loc.file + ":" + std::to_string(loc.line) + ": " + sev + " " + code +
                          ": " + d.message);
      continue;
    }
    out.push_back({sev, code, loc.line, d.message});
    for (const diag::Note& n : d.notes) {
      diag::Location nl = diag::resolve(sm, n.range.Start);
      if (nl.file == path && nl.line)
        out.push_back({"note", "", nl.line, n.message});
    }
    if (withFixes)
      for (const diag::FixIt& f : d.fixes)
        out.push_back({"fix", "", diag::resolve(sm, f.range.Start).line, fixText(f)});
  }
  std::sort(out.begin(), out.end());
  return out;
}

class CheckFile : public ::testing::TestWithParam<std::string> {};

TEST_P(CheckFile, ReportsExactlyWhatItExpects) {
  const std::string& path = GetParam();
  auto buffer = llvm::MemoryBuffer::getFile(path);
  ASSERT_TRUE(buffer) << "cannot read " << path;
  std::vector<std::string> errors;
  std::vector<Expectation> expected = parseExpectations((*buffer)->getBuffer(), errors);
  for (const std::string& e : errors)
    ADD_FAILURE() << path << ": " << e;

  std::vector<std::string> elsewhere;
  const bool withFixes = (*buffer)->getBuffer().contains("\n// CHECK-FIXES\n");
  std::vector<Expectation> actual = actualFor(path, elsewhere, withFixes);
  for (const std::string& e : elsewhere)
    ADD_FAILURE() << "a diagnostic outside the test file: " << e;

  if (std::getenv("SALESC_UPDATE_EXPECTATIONS") && expected != actual) {
    std::string text = rewriteExpectations((*buffer)->getBuffer(), actual);
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec) << ec.message();
    os << text;
    llvm::errs() << "updated " << path << '\n';
    return;
  }
  for (const Expectation& e : expected)
    if (std::find(actual.begin(), actual.end(), e) == actual.end())
      ADD_FAILURE() << path << ":" << e.line << ": expected but not reported:\n  " << e.str();
  for (const Expectation& a : actual)
    if (std::find(expected.begin(), expected.end(), a) == expected.end())
      ADD_FAILURE() << path << ":" << a.line << ": reported but not expected:\n  " << a.str();
}

INSTANTIATE_TEST_SUITE_P(Check, CheckFile,
                         ::testing::ValuesIn(filesIn(SALESC_SOURCE_DIR "/tests/check")),
                         [](const auto& info) { return testName(info.param); });

/// Every example and every standard library module checks clean, with no warning.
class CleanFile : public ::testing::TestWithParam<std::string> {};

TEST_P(CleanFile, ChecksWithoutAnyDiagnostic) {
  std::vector<std::string> elsewhere;
  std::vector<Expectation> actual = actualFor(GetParam(), elsewhere);
  for (const Expectation& a : actual)
    ADD_FAILURE() << GetParam() << ":" << a.str();
  for (const std::string& e : elsewhere)
    ADD_FAILURE() << e;
}

std::vector<std::string> cleanFiles() {
  std::vector<std::string> out = filesIn(SALESC_SOURCE_DIR "/examples");
  for (const std::string& f : filesIn(SALESC_SOURCE_DIR "/stdlib/std"))
    out.push_back(f);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Clean, CleanFile, ::testing::ValuesIn(cleanFiles()), [](const auto& info) {
  std::string dir = llvm::sys::path::filename(llvm::sys::path::parent_path(info.param)).str();
  return dir + "_" + testName(info.param);
});

} // namespace
} // namespace salesc::testing
