//===- Edits.h - Fix-its applied to the text of a file --------------------===//
#ifndef SALESC_FIX_EDITS_H
#define SALESC_FIX_EDITS_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace salesc::fix {

/// Replace the bytes [begin, end) of a text with `text` (begin == end: insert it).
struct Replacement {
  size_t begin = 0;
  size_t end = 0;
  std::string text;
};

/// The fix-its of one diagnostic: applied together or not at all.
using Edit = std::vector<Replacement>;

struct Applied {
  std::string text;
  unsigned edits = 0; ///< how many edits were applied
};

/// Applies to `text` the edits that overlap no other applied edit: in the order of their
/// first byte, each edit that does not touch what an earlier one replaced (two
/// insertions at one place conflict too) is applied, the others are left for a later
/// round. An edit outside the text, or whose own replacements overlap, is never applied.
Applied applyEdits(llvm::StringRef text, std::vector<Edit> edits);

} // namespace salesc::fix

#endif // SALESC_FIX_EDITS_H
