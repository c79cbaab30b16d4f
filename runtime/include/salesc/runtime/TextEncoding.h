//===- TextEncoding.h - CSV files in the encodings CRMs and Excel write ---===//
//
// salesc reads UTF-8 (with or without a byte order mark). CRM exports also come as
// UTF-16 (Excel's "Unicode text", usually with tabs) and as Windows-1252 (Salesforce's
// Data Loader unless told otherwise; Excel's "CSV" on Western Windows). A file is turned
// into UTF-8 before it is read, line for line, so every FILE:LINE stays the file's.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_TEXTENCODING_H
#define SALESC_RUNTIME_TEXTENCODING_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::rt {

enum class TextEncoding { Utf8, Utf16LE, Utf16BE, Windows1252 };

/// "UTF-16 (little-endian)", "Windows-1252" ...
const char* encodingName(TextEncoding e);

/// The encoding of `bytes`: UTF-16 by its byte order mark, or by a NUL byte in every
/// other place of its first characters (UTF-16 without a mark); Windows-1252 when some
/// bytes are not UTF-8 and none forms a UTF-8 sequence of two bytes or more; else UTF-8
/// (valid, or UTF-8 with stray bad bytes, which are kept as they are).
TextEncoding detectEncoding(llvm::StringRef bytes);

/// What a look at `bytes` as UTF-8 found.
struct Utf8Scan {
  size_t sequences = 0; ///< valid sequences of two to four bytes
  size_t invalid = 0;   ///< bytes that start no valid sequence
};

/// Scans `bytes` as UTF-8 (ASCII runs 8 bytes at a time), to the end or, when asked, to
/// the end of the first valid sequence of two bytes or more.
Utf8Scan scanUtf8(llvm::StringRef bytes, bool untilASequence = false);

/// `bytes` in `e` as UTF-8, without a UTF-16 byte order mark; nullopt when it is not
/// valid in `e` (an unpaired UTF-16 surrogate, an odd number of bytes). Windows-1252's
/// five unassigned bytes become U+FFFD.
std::optional<std::string> decodeToUtf8(llvm::StringRef bytes, TextEncoding e);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_TEXTENCODING_H
