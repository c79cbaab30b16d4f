//===- OutputTest.cpp - Runs tests/output/**/*.sales and compares all salesc prints ===//
//
// Each test file is run in process on its files in memory (FileTestFormat.h), and its
// CHECK lines must be exactly what salesc printed on stdout and stderr and its exit
// status. With SALESC_UPDATE_EXPECTATIONS=1 (`make update-tests`) the CHECK lines are
// rewritten from what salesc prints now (review the diff).
//
//===----------------------------------------------------------------------===//
#include "FileTestFormat.h"
#include "InProcess.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>

namespace salesc::testing {
namespace {

const std::string Root = SALESC_SOURCE_DIR "/tests/output/";

/// Every test file, relative to Root, sorted.
std::vector<std::string> testFiles() {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(Root, ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".sales")
      out.push_back(llvm::StringRef(it->path()).drop_front(Root.size()).str());
  std::sort(out.begin(), out.end());
  return out;
}

/// The files of the test in memory, beside the standard library.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> filesOf(const FileTest& test,
                                                        std::vector<std::string>& errors) {
  auto fs = memoryFileSystem();
  for (const TestFile& f : test.files) {
    bool added = f.folder ? fs->addFile(f.name, 0, llvm::MemoryBuffer::getMemBuffer(""), llvm::None,
                                        llvm::None, llvm::sys::fs::file_type::directory_file)
                          : fs->addFile(f.name, 0, llvm::MemoryBuffer::getMemBufferCopy(f.text));
    if (!added)
      errors.push_back("'" + f.name + "' is given twice, or inside a file");
  }
  return fs;
}

/// The version is written `salesc [version]`, so that a release changes no test.
std::string withoutVersion(std::string text) {
  const std::string version = "salesc " SALESC_VERSION;
  for (size_t at = text.find(version); at != std::string::npos; at = text.find(version, at))
    text.replace(at, version.size(), "salesc [version]");
  return text;
}

class Output : public ::testing::TestWithParam<std::string> {};

TEST_P(Output, IsExactlyWhatTheCheckLinesSay) {
  const std::string path = Root + GetParam();
  auto buffer = llvm::MemoryBuffer::getFile(path);
  ASSERT_TRUE(buffer) << "cannot read " << path;
  llvm::StringRef text = (*buffer)->getBuffer();
  std::vector<std::string> errors;
  FileTest test = parseFileTest(llvm::sys::path::filename(path), text, errors);
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = filesOf(test, errors);
  for (const std::string& e : errors)
    ADD_FAILURE() << path << ": " << e;

  RunResult r = runInProcess(test.args, fs);
  std::string actual = checkLines(r.status, withoutVersion(r.out), withoutVersion(r.err));
  if (std::getenv("SALESC_UPDATE_EXPECTATIONS") && actual != test.checks) {
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec) << ec.message();
    os << withChecks(text, actual);
    llvm::errs() << "updated " << path << '\n';
    return;
  }
  EXPECT_EQ(test.checks, actual) << path << ": salesc printed something else than the CHECK "
                                 << "lines say; 'make update-tests' rewrites them (then review "
                                 << "the diff)";
}

INSTANTIATE_TEST_SUITE_P(File, Output, ::testing::ValuesIn(testFiles()), [](const auto& info) {
  std::string n = llvm::StringRef(info.param).drop_back(llvm::StringRef(".sales").size()).str();
  std::replace_if(
      n.begin(), n.end(), [](char c) { return !isalnum(c); }, '_');
  return n;
});

} // namespace
} // namespace salesc::testing
