//===- OutputFile.h - Writing outputs atomically --------------------------===//
#ifndef SALESC_OUTPUT_OUTPUTFILE_H
#define SALESC_OUTPUT_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace salesc::output {

enum class WriteResult { Written, Unchanged };

/// Writes `bytes` to `path` through a temporary file in the same folder renamed over
/// it, so a reader never sees a half-written file and an interrupted run leaves the
/// old file whole. A file that already holds exactly `bytes` is not touched, so it
/// keeps its timestamp and a docs pipeline does not rebuild it; a file replaced keeps its
/// permissions. Only a regular file (or
/// nothing) at `path` is replaced: a symbolic link, a folder, a device, a FIFO or a socket
/// is refused with an error and left as it is (docs/security.md).
llvm::Expected<WriteResult> writeAtomically(llvm::StringRef path, llvm::StringRef bytes);

/// Holds an exclusive lock on a folder (flock on the folder itself, so nothing is added
/// to it) while one build writes into it: two builds into one folder take turns instead
/// of mixing their outputs. Released when destroyed.
class FolderLock {
public:
  /// Locks `dir`, waiting while another holder has it; `waiting` is called once before
  /// waiting. An error when the folder cannot be opened.
  static llvm::Expected<FolderLock> acquire(llvm::StringRef dir,
                                            llvm::function_ref<void()> waiting);
  FolderLock(FolderLock&& other) : fd_(other.fd_) { other.fd_ = -1; }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  FolderLock& operator=(FolderLock&&) = delete;
  ~FolderLock();

private:
  explicit FolderLock(int fd) : fd_(fd) {}
  int fd_;
};

/// Removes from `dir` the temporary files writeAtomically leaves when a run is killed
/// (`NAME.tmp-XXXXXX`, regular files only); call it under the folder's FolderLock, when
/// no other run can be writing them. Returns how many were removed.
unsigned removeStaleTemporaries(llvm::StringRef dir);

} // namespace salesc::output

#endif // SALESC_OUTPUT_OUTPUTFILE_H
