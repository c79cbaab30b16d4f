//===- RadixSort.h - Sorting the many times in stage conform measures ------===//
//
// A non-negative double orders as its bit pattern read as an unsigned integer, so the
// hundreds of thousands of times in stage of a large log sort by an LSD radix sort (11
// bits a pass, a pass skipped when every time has the same digit there) in a few passes
// over memory instead of std::sort's n log n comparisons. Internal to the runtime
// library.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_RADIXSORT_H
#define SALESC_RUNTIME_RADIXSORT_H

#include <vector>

namespace salesc::rt {

/// Sorts `v` ascending: the order std::sort gives. Radix when every value is a
/// non-negative number (not -0, not NaN) and there are enough of them to pay for the
/// passes; std::sort otherwise.
void sortTimes(std::vector<double>& v);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_RADIXSORT_H
