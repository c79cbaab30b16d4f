//===- Apportion.h - Shares in whole percents that add up to 100 ----------===//
#ifndef SALESC_RUNTIME_APPORTION_H
#define SALESC_RUNTIME_APPORTION_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace salesc::rt {

/// Whole percentages for the shares counts[i] / total that add up to exactly 100 (when
/// the counts add up to total): each share's floor, then one more point to the largest
/// remainders (ties: the larger count, then the earlier one). total > 0.
std::vector<int> largestRemainder(llvm::ArrayRef<uint64_t> counts, uint64_t total);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_APPORTION_H
