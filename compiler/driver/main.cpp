//===- main.cpp - The salesc command ---------------------------------------===//
#include "Driver.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char** argv) {
  llvm::InitLLVM init(argc, argv);
  salesc::driver::CommandContext ctx{llvm::outs(), llvm::errs(), argv[0],
                                     llvm::vfs::getRealFileSystem()};
  return salesc::driver::runMain(
      llvm::ArrayRef<const char*>(const_cast<const char**>(argv), static_cast<size_t>(argc)), ctx);
}
