//===- CoverageTest.cpp - Every diagnostic kind is tested and documented --===//
#include "Expectations.h"

#include "diag/Diagnostic.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>
#include <set>

namespace salesc::testing {
namespace {

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
  // Codes no file can show (a file that cannot be read, or is too large to check in)
  // are covered by CLI tests that say so with "Covers CODE".
  if (auto cli = llvm::MemoryBuffer::getFile(SALESC_SOURCE_DIR "/tests/CliTest.cpp")) {
    llvm::StringRef text = (*cli)->getBuffer();
    for (size_t at = text.find("Covers "); at != std::string::npos;
         at = text.find("Covers ", at + 1))
      codes.insert(text.substr(at + 7, 4).str());
  }
  return codes;
}

TEST(DiagnosticCoverage, EveryKindHasAFileTest) {
  std::set<std::string> codes = testedCodes();
  for (const diag::KindInfo& k : diag::allKinds())
    EXPECT_TRUE(codes.count(k.code.str()))
        << k.code.str() << " (" << k.name.str()
        << ") has no test in tests/check/ (nor a CLI test marked \"Covers " << k.code.str()
        << "\")";
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
