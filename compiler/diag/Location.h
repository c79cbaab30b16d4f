//===- Location.h - From SMLoc to file, line and character column ---------===//
#ifndef SALESC_DIAG_LOCATION_H
#define SALESC_DIAG_LOCATION_H

#include "llvm/Support/SourceMgr.h"

#include <string>

namespace salesc::diag {

/// A resolved position. Lines and columns are 1-based; columns count characters
/// (Unicode code points), not bytes. An invalid SMLoc resolves to line 0.
struct Location {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  unsigned bufferId = 0;
};

Location resolve(const llvm::SourceMgr& sm, llvm::SMLoc loc);

/// The text of the line holding `loc`, without its line break.
llvm::StringRef lineText(const llvm::SourceMgr& sm, llvm::SMLoc loc);

/// Number of UTF-8 code points in `bytes`.
unsigned countCodePoints(llvm::StringRef bytes);

} // namespace salesc::diag

#endif // SALESC_DIAG_LOCATION_H
