//===- ChildProcess.h - Work that must finish in time, or not at all -------===//
//
// Graphviz has no way to stop a layout part-way, and a layout can run for minutes
// (50 stages of 11 links each: 133 s). So a drawing is made in a forked child that
// hands back its bytes through a pipe; the parent waits up to a deadline and kills
// the child after it. A crash inside Graphviz then ends the child, not salesc.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_CHILDPROCESS_H
#define SALESC_EMIT_CHILDPROCESS_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <optional>
#include <string>

namespace salesc::emit {

/// Runs `work` in a child process and returns what it returned, or nothing when it
/// did not finish within `seconds`. An exception thrown by `work` is thrown again
/// here as std::runtime_error with the same message; a child that dies (a crash, the
/// memory limit) is a std::runtime_error too. Only for callers with one thread.
std::optional<std::string> runWithin(double seconds, llvm::function_ref<std::string()> work);

} // namespace salesc::emit

#endif // SALESC_EMIT_CHILDPROCESS_H
