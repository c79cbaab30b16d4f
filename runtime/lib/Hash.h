//===- Hash.h - A fast hash of short strings for the loaders' lookups -----===//
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

#include <cstdint>
#include <cstring>

namespace salesc::rt {

/// The hash of `s`: its length, then each 8 bytes (the last zero-padded) mixed in.
inline uint64_t hashBytes(llvm::StringRef s) {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  size_t at = 0;
  for (; at + 8 <= s.size(); at += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + at, 8);
    h = mix64(h ^ word);
  }
  uint64_t rest = 0;
  std::memcpy(&rest, s.data() + at, s.size() - at);
  return mix64(h ^ rest);
}

} // namespace salesc::rt

#endif // SALESC_RUNTIME_HASH_H
