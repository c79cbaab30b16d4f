//===- OutputFile.cpp - Writing outputs atomically ------------------------===//
#include "OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace salesc::output {

namespace {

llvm::Error refuse(llvm::StringRef path, const char* what) {
  return llvm::createStringError(std::errc::operation_not_permitted,
                                 "'%s' is %s; salesc writes only regular files (or standard "
                                 "output), so it leaves it alone",
                                 path.str().c_str(), what);
}

/// Whether the regular file at `path` already holds exactly `bytes`: read only when its
/// size says it may, so the read is bounded by the output's own size.
bool holds(llvm::StringRef path, uint64_t size, llvm::StringRef bytes) {
  if (size != bytes.size())
    return false;
  auto existing = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
  return existing && (*existing)->getBuffer() == bytes;
}

} // namespace

llvm::Expected<WriteResult> writeAtomically(llvm::StringRef path, llvm::StringRef bytes) {
  // What is there now, the link itself rather than what it points to: a device, a FIFO
  // or a link is never read (it may never end) nor renamed over.
  llvm::sys::fs::file_status st;
  bool replacing = !llvm::sys::fs::status(path, st, /*follow=*/false);
  if (replacing) {
    switch (st.type()) {
    case llvm::sys::fs::file_type::regular_file:
      if (holds(path, st.getSize(), bytes))
        return WriteResult::Unchanged;
      break;
    case llvm::sys::fs::file_type::symlink_file:
      return refuse(path, "a symbolic link");
    case llvm::sys::fs::file_type::directory_file:
      return refuse(path, "a folder");
    default:
      return refuse(path, "a device, a FIFO or a socket, not a regular file");
    }
  }
  llvm::SmallString<256> model(path);
  model += ".tmp-%%%%%%";
  int fd = -1;
  llvm::SmallString<256> temp;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(model, fd, temp))
    return llvm::createStringError(ec, "cannot create a file beside '%s': %s", path.str().c_str(),
                                   ec.message().c_str());
  if (replacing) // the new file keeps the old one's permissions (a fixed source file)
    llvm::sys::fs::setPermissions(fd, st.permissions());
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << bytes;
    os.close();
    if (os.has_error()) {
      std::error_code ec = os.error();
      os.clear_error();
      llvm::sys::fs::remove(temp);
      return llvm::createStringError(ec, "cannot write '%s': %s", path.str().c_str(),
                                     ec.message().c_str());
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path)) {
    llvm::sys::fs::remove(temp);
    return llvm::createStringError(ec, "cannot write '%s': %s", path.str().c_str(),
                                   ec.message().c_str());
  }
  return WriteResult::Written;
}

llvm::Expected<FolderLock> FolderLock::acquire(llvm::StringRef dir,
                                               llvm::function_ref<void()> waiting) {
  int fd = ::open(dir.str().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return llvm::createStringError(std::error_code(errno, std::generic_category()),
                                   "cannot open folder '%s': %s", dir.str().c_str(),
                                   std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    waiting();
    while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  return FolderLock(fd);
}

FolderLock::~FolderLock() {
  if (fd_ >= 0)
    ::close(fd_); // releases the lock
}

unsigned removeStaleTemporaries(llvm::StringRef dir) {
  unsigned removed = 0;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec)) {
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    size_t at = name.rfind(".tmp-");
    if (at == llvm::StringRef::npos || at == 0 || name.size() != at + 5 + 6)
      continue;
    llvm::sys::fs::file_status st;
    if (llvm::sys::fs::status(it->path(), st, /*follow=*/false) ||
        st.type() != llvm::sys::fs::file_type::regular_file)
      continue;
    if (!llvm::sys::fs::remove(it->path()))
      ++removed;
  }
  return removed;
}

} // namespace salesc::output
