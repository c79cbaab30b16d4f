//===- InputFile.cpp - Reading a file a command is given, or a pipe -------===//
#include "InputFile.h"

#include "llvm/Support/FileSystem.h"

namespace salesc::driver {

namespace {

enum class InputError { NotAFile = 1, PipeTooLong };

class InputErrorCategory : public std::error_category {
public:
  const char* name() const noexcept override { return "salesc input"; }
  std::string message(int e) const override {
    switch (static_cast<InputError>(e)) {
    case InputError::NotAFile:
      return "it is a device or a socket, not a file";
    case InputError::PipeTooLong:
      return "the pipe gave more than salesc reads of such a file";
    }
    return "unknown input error";
  }
};

const InputErrorCategory& category() {
  static const InputErrorCategory c;
  return c;
}

/// A pipe's bytes, up to `maxBytes`.
llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> readPipe(const std::string& path,
                                                            size_t maxBytes) {
  llvm::Expected<llvm::sys::fs::file_t> fd = llvm::sys::fs::openNativeFileForRead(path);
  if (!fd)
    return llvm::errorToErrorCode(fd.takeError());
  std::string bytes;
  std::error_code ec;
  for (char chunk[1 << 16];;) {
    llvm::Expected<size_t> n = llvm::sys::fs::readNativeFile(*fd, chunk);
    if (!n) {
      ec = llvm::errorToErrorCode(n.takeError());
      break;
    }
    if (*n == 0)
      break;
    bytes.append(chunk, *n);
    if (bytes.size() > maxBytes) {
      ec = pipeTooLong();
      break;
    }
  }
  llvm::sys::fs::closeFile(*fd);
  if (ec)
    return ec;
  return llvm::MemoryBuffer::getMemBufferCopy(bytes, path);
}

} // namespace

std::error_code notAFile() {
  return {static_cast<int>(InputError::NotAFile), category()};
}

std::error_code pipeTooLong() {
  return {static_cast<int>(InputError::PipeTooLong), category()};
}

llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> readFileOrPipe(llvm::vfs::FileSystem& fs,
                                                                  const std::string& path,
                                                                  size_t pipeMaxBytes,
                                                                  bool requiresNullTerminator) {
  llvm::ErrorOr<llvm::vfs::Status> st = fs.status(path);
  if (st && st->getType() == llvm::sys::fs::file_type::fifo_file)
    return readPipe(path, pipeMaxBytes);
  if (st && st->getType() != llvm::sys::fs::file_type::regular_file && !st->isDirectory())
    return notAFile();
  return fs.getBufferForFile(path, /*FileSize=*/-1, requiresNullTerminator);
}

} // namespace salesc::driver
