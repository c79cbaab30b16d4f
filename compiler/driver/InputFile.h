//===- InputFile.h - Reading a file a command is given, or a pipe ---------===//
//
// The files salesc is pointed at (a CSV, a map, a tables.json, a config, a baseline) are
// read through readFileOrPipe: a regular file is mapped as llvm::vfs reads it; a pipe
// (`--events <(gunzip -c log.csv.gz)`, /dev/stdin from a pipe) is read up to a cap; a
// device or a socket is not read at all (/dev/zero would never end, a socket may never
// answer).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DRIVER_INPUTFILE_H
#define SALESC_DRIVER_INPUTFILE_H

#include "llvm/Support/ErrorOr.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <cstddef>
#include <memory>
#include <string>
#include <system_error>

namespace salesc::driver {

/// The error of a path that names a device or a socket: "it is a device or a socket, not
/// a file".
std::error_code notAFile();
/// The error of a pipe that gave more than the cap: "it gave more than N MiB ...".
std::error_code pipeTooLong();

/// The bytes of `path` on `fs`: a regular file (or what a link names) as
/// getBufferForFile reads it; a pipe, up to `pipeMaxBytes` (more is pipeTooLong); a
/// device or socket is notAFile.
llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
readFileOrPipe(llvm::vfs::FileSystem& fs, const std::string& path, size_t pipeMaxBytes,
               bool requiresNullTerminator = true);

} // namespace salesc::driver

#endif // SALESC_DRIVER_INPUTFILE_H
