//===- Hash.h - Short strings hashed and compared for the loaders' lookups ===//
//
// Deal ids and stage names are short: each 8 bytes is mixed in by splitmix64's finalizer
// (Random.h), which spreads every bit of the input over the low bits an open-addressed
// table takes. Not seeded: the tables it serves are rebuilt per file. Internal to the
// runtime library.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_HASH_H
#define SALESC_RUNTIME_HASH_H

#include "salesc/runtime/Random.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Compiler.h"
#include "llvm/Support/SwapByteOrder.h"

#include <cstdint>
#include <cstring>

namespace salesc::rt {

/// The first 8 bytes of the `n` at `p` (all of fewer, zero-padded) as one word, by loads of
/// fixed sizes: a copy of varying size into a word stalls store forwarding when the word
/// is read, on every lookup of a short id.
LLVM_ATTRIBUTE_ALWAYS_INLINE uint64_t headBytes(const char* p, size_t n) {
  static_assert(!llvm::sys::IsBigEndianHost, "the shifts below put later bytes higher");
  if (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  if (n >= 4) { // two loads of 4 overlapping by 8 - n bytes, which agree
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    return uint64_t{a} | uint64_t{b} << (8 * (n - 4));
  }
  if (n == 0)
    return 0;
  auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])} << (8 * i); };
  return byte(0) | byte(n / 2) | byte(n - 1);
}

/// headBytes of the text of `s`.
LLVM_ATTRIBUTE_ALWAYS_INLINE uint64_t headBytes(llvm::StringRef s) {
  return headBytes(s.data(), s.size());
}

/// The hash of `s`: its length, then each 8 bytes mixed in, the last 8 overlapping the
/// word before when the length is not a multiple of 8 (under 8 bytes: headBytes).
inline uint64_t hashBytes(llvm::StringRef s) {
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
  if (n < 8)
    return mix64(h ^ headBytes(p, n));
  for (size_t at = 0; at + 8 < n; at += 8)
    h = mix64(h ^ headBytes(p + at, 8));
  return mix64(h ^ headBytes(p + n - 8, 8));
}

/// Whether `a` and `b` hold the same bytes: short texts (a stage label, an amount, a
/// date) by two loads each rather than a call to memcmp.
LLVM_ATTRIBUTE_ALWAYS_INLINE bool sameText(llvm::StringRef a, llvm::StringRef b) {
  const size_t n = a.size();
  if (n != b.size())
    return false;
  if (n <= 8)
    return headBytes(a.data(), n) == headBytes(b.data(), n);
  if (n <= 16)
    return headBytes(a.data(), 8) == headBytes(b.data(), 8) &&
           headBytes(a.data() + n - 8, 8) == headBytes(b.data() + n - 8, 8);
  return a == b;
}

} // namespace salesc::rt

#endif // SALESC_RUNTIME_HASH_H
