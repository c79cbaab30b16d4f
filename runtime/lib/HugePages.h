//===- HugePages.h - Large vectors on huge pages where the system offers them -===//
//
// A million events take 80 MB: in 4 KiB pages that is 20,000 page faults, a fifth of
// conform's time on a large log. Where Linux offers transparent huge pages on request
// (`/sys/kernel/mm/transparent_hugepage/enabled` set to `madvise`, as on Debian), a vector
// reserved for a large file is advised to take 2 MiB pages. Elsewhere this does nothing.
// Internal to the runtime library.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_HUGEPAGES_H
#define SALESC_RUNTIME_HUGEPAGES_H

#include <cstddef>
#include <vector>

namespace salesc::rt {

/// Advises the kernel to back [data, data + bytes) with huge pages (the whole 2 MiB pages
/// inside it); a hint, with no effect on what the memory holds.
void adviseHugePages(void* data, size_t bytes);

/// Reserves room for `n` elements in `v` (empty), on huge pages when it is large.
template <typename T> void reserveLarge(std::vector<T>& v, size_t n) {
  v.reserve(n);
  if (n * sizeof(T) >= (size_t(8) << 20))
    adviseHugePages(v.data(), n * sizeof(T));
}

} // namespace salesc::rt

#endif // SALESC_RUNTIME_HUGEPAGES_H
