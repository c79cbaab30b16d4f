//===- OutputFile.h - Writing outputs atomically --------------------------===//
#ifndef SALESC_DRIVER_OUTPUTFILE_H
#define SALESC_DRIVER_OUTPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace salesc::driver {

enum class WriteResult { Written, Unchanged };

/// Writes `bytes` to `path` through a temporary file in the same folder renamed over
/// it, so a reader never sees a half-written file and an interrupted run leaves the
/// old file whole. A file that already holds exactly `bytes` is not touched, so it
/// keeps its timestamp and a docs pipeline does not rebuild it. Only a regular file (or
/// nothing) at `path` is replaced: a symbolic link, a folder, a device, a FIFO or a socket
/// is refused with an error and left as it is (docs/security.md).
llvm::Expected<WriteResult> writeAtomically(llvm::StringRef path, llvm::StringRef bytes);

} // namespace salesc::driver

#endif // SALESC_DRIVER_OUTPUTFILE_H
