//===- Workers.h - Running independent pieces of work on several threads --===//
#ifndef SALESC_FRONTEND_WORKERS_H
#define SALESC_FRONTEND_WORKERS_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstddef>

namespace salesc::frontend {

/// The number of threads `-j` means by default: every core (at least 1).
unsigned defaultJobs();

/// Runs three stages for every item i in [0, n) on up to `jobs` threads, the calling
/// thread one of them, without waiting between stages for the other items:
/// - `first(i)` on any thread, started in the order of i;
/// - `serial(i)` on the calling thread only, in the order of i, once first(i) has
///   returned: while it runs, the other threads run first() for later items and last()
///   for earlier ones;
/// - `last(i)` on any thread, once serial(i) has returned true; when it returned false,
///   only once serial() has returned for every item (nothing serial() changes is
///   changing any more then).
/// Returns when all are done. first() and last() must touch only what belongs to their
/// item and read nothing serial() writes, apart from what serial(i) wrote for item i.
/// With `jobs` <= 1, or n <= 1, everything runs on the calling thread, item by item.
void runPipeline(size_t n, unsigned jobs, llvm::function_ref<void(size_t)> first,
                 llvm::function_ref<bool(size_t)> serial, llvm::function_ref<void(size_t)> last);

} // namespace salesc::frontend

#endif // SALESC_FRONTEND_WORKERS_H
