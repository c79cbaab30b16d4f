//===- Workers.h - Running independent pieces of work on several threads --===//
#ifndef SALESC_FRONTEND_WORKERS_H
#define SALESC_FRONTEND_WORKERS_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstddef>

namespace salesc::frontend {

/// The number of threads `-j` means by default: every core (at least 1).
unsigned defaultJobs();

/// Calls work(i) for every i in [0, n), on up to `jobs` threads, the calling thread one
/// of them; returns when all are done. Each i is done once, by one thread, in no set
/// order: work(i) must touch only what belongs to i (and read what nobody writes). With
/// `jobs` <= 1, or n <= 1, everything runs in order on the calling thread.
void forEachIndex(size_t n, unsigned jobs, llvm::function_ref<void(size_t)> work);

} // namespace salesc::frontend

#endif // SALESC_FRONTEND_WORKERS_H
