//===- Apportion.cpp - Shares in whole percents that add up to 100 --------===//
#include "salesc/runtime/Apportion.h"

#include <algorithm>
#include <utility>

namespace salesc::rt {

std::vector<int> largestRemainder(llvm::ArrayRef<uint64_t> counts, uint64_t total) {
  std::vector<int> units(counts.size());
  std::vector<std::pair<uint64_t, size_t>> remainders; // (remainder x total, index)
  int given = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    units[i] = static_cast<int>(counts[i] * 100 / total);
    given += units[i];
    remainders.push_back({counts[i] * 100 % total, i});
  }
  std::stable_sort(remainders.begin(), remainders.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first)
      return x.first > y.first;
    return counts[x.second] > counts[y.second];
  });
  for (size_t k = 0; given < 100 && k < remainders.size(); ++k, ++given)
    ++units[remainders[k].second];
  return units;
}

} // namespace salesc::rt
