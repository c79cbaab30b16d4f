//===- CoverageTest.cpp - Every diagnostic kind is tested and documented --===//
#include "Expectations.h"

#include "diag/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>
#include <set>

namespace salesc::testing {
namespace {

/// A code no file test can show (it is about the command line, or about a file that
/// cannot be read or is too large to check in), with the test that covers it instead.
struct CoveredElsewhere {
  const char* code;
  const char* source;
  const char* test;
};

llvm::ArrayRef<CoveredElsewhere> coveredElsewhere() {
  static const CoveredElsewhere list[] = {
      {"S006", "tests/CliTest.cpp", "TEST_F(Cli, RefusesFilesLargerThanItReads)"},
      {"S011", "tests/CliTest.cpp", "TEST_F(Cli, AFileThatCannotBeReadIsAUsageError)"},
      {"D001", "tests/DriverTest.cpp", "TEST(Driver, ABadWarningOptionIsACodedDiagnosticInJson)"},
      {"D002", "tests/DriverTest.cpp", "TEST(Driver, FolderProblemsAreCodedDiagnostics)"},
      {"D003", "tests/DriverTest.cpp", "TEST(Driver, AFolderThatCannotBeListedIsACodedDiagnostic)"},
      {"D004", "tests/DriverTest.cpp", "TEST(Driver, FolderProblemsAreCodedDiagnostics)"},
      {"D005", "tests/DriverTest.cpp",
       "TEST(Driver, TwoProcessesBuiltUnderOneNameAreACodedDiagnostic)"},
      {"K001", "tests/DriverTest.cpp", "TEST(Driver, ConfigurationMistakesAreCodedDiagnostics)"},
      {"K002", "tests/DriverTest.cpp", "TEST(Driver, ConfigurationMistakesAreCodedDiagnostics)"},
      {"K003", "tests/DriverTest.cpp", "TEST(Driver, ConfigurationMistakesAreCodedDiagnostics)"},
      {"K004", "tests/DriverTest.cpp", "TEST(Driver, ConfigurationMistakesAreCodedDiagnostics)"},
      {"K005", "tests/DriverTest.cpp", "TEST(Driver, ConfigurationMistakesAreCodedDiagnostics)"},
  };
  return list;
}

std::set<std::string> testedCodes() {
  std::set<std::string> codes;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(SALESC_SOURCE_DIR "/tests/check", ec), end;
       it != end && !ec; it.increment(ec)) {
    if (llvm::sys::path::extension(it->path()) != ".sales")
      continue;
    auto buffer = llvm::MemoryBuffer::getFile(it->path());
    if (!buffer)
      continue;
    std::vector<std::string> errors;
    for (const Expectation& e : parseExpectations((*buffer)->getBuffer(), errors))
      codes.insert(e.code);
  }
  for (const CoveredElsewhere& c : coveredElsewhere())
    codes.insert(c.code);
  return codes;
}

TEST(DiagnosticCoverage, CodesCoveredElsewhereNameARealTest) {
  for (const CoveredElsewhere& c : coveredElsewhere()) {
    auto source = llvm::MemoryBuffer::getFile(std::string(SALESC_SOURCE_DIR "/") + c.source);
    ASSERT_TRUE(bool(source)) << c.source;
    std::string text = (*source)->getBuffer().str();
    size_t at = text.find(c.test);
    ASSERT_NE(at, std::string::npos) << c.code << " is said to be covered by '" << c.test << "' in "
                                     << c.source << ", which has no such test";
    size_t end = text.find("\nTEST", at + 1);
    EXPECT_NE(text.substr(at, end == std::string::npos ? end : end - at).find(c.code),
              std::string::npos)
        << "'" << c.test << "' never checks for " << c.code;
  }
}

TEST(DiagnosticCoverage, EveryKindHasAFileTest) {
  std::set<std::string> codes = testedCodes();
  for (const diag::KindInfo& k : diag::allKinds())
    EXPECT_TRUE(codes.count(k.code.str()))
        << k.code.str() << " (" << k.name.str()
        << ") has no test in tests/check/ (nor an entry in coveredElsewhere())";
}

TEST(DiagnosticCoverage, EveryKindIsDocumented) {
  auto docs = llvm::MemoryBuffer::getFile(SALESC_SOURCE_DIR "/docs/diagnostics.md");
  ASSERT_TRUE(docs) << "docs/diagnostics.md is missing";
  llvm::StringRef text = (*docs)->getBuffer();
  for (const diag::KindInfo& k : diag::allKinds()) {
    std::string heading = "## " + k.code.str() + " " + k.name.str() + "\n";
    EXPECT_NE(text.find(heading), std::string::npos)
        << "docs/diagnostics.md has no heading '" << heading.substr(0, heading.size() - 1) << "'";
  }
}

TEST(DiagnosticCoverage, CodesAndNamesAreUnique) {
  std::set<std::string> codes, names;
  for (const diag::KindInfo& k : diag::allKinds()) {
    EXPECT_TRUE(codes.insert(k.code.str()).second) << "code used twice: " << k.code.str();
    EXPECT_TRUE(names.insert(k.name.str()).second) << "name used twice: " << k.name.str();
  }
}

} // namespace
} // namespace salesc::testing
