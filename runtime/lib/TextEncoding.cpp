//===- TextEncoding.cpp - CSV files in the encodings CRMs and Excel write -===//
#include "salesc/runtime/TextEncoding.h"

#include "llvm/Support/ConvertUTF.h"

#include <cstdint>
#include <cstring>
#include <vector>

namespace salesc::rt {
namespace {

/// Windows-1252's 0x80 to 0x9F (0: unassigned); 0xA0 to 0xFF are Latin-1's.
constexpr uint16_t High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                               0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                               0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                               0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void appendUtf8(uint32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

} // namespace

const char* encodingName(TextEncoding e) {
  switch (e) {
  case TextEncoding::Utf8:
    return "UTF-8";
  case TextEncoding::Utf16LE:
    return "UTF-16 (little-endian)";
  case TextEncoding::Utf16BE:
    return "UTF-16 (big-endian)";
  case TextEncoding::Windows1252:
    return "Windows-1252";
  }
  return "";
}

Utf8Scan scanUtf8(llvm::StringRef bytes, bool untilASequence) {
  Utf8Scan scan;
  const auto* p = reinterpret_cast<const llvm::UTF8*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    if (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if (!(word & 0x8080808080808080ULL)) {
        p += 8;
        continue;
      }
    }
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const unsigned n = llvm::getNumBytesForUTF8(*p);
    if (n > static_cast<unsigned>(end - p) || !llvm::isLegalUTF8Sequence(p, p + n)) {
      ++scan.invalid;
      ++p;
      continue;
    }
    ++scan.sequences;
    p += n;
    if (untilASequence)
      break;
  }
  return scan;
}

TextEncoding detectEncoding(llvm::StringRef bytes) {
  if (bytes.startswith("\xFF\xFE"))
    return TextEncoding::Utf16LE;
  if (bytes.startswith("\xFE\xFF"))
    return TextEncoding::Utf16BE;
  // Without a mark: a header is ASCII, so UTF-16 shows a NUL in every other byte.
  const llvm::StringRef head = bytes.take_front(64);
  if (head.size() >= 4 && head.size() % 2 == 0) {
    bool oddNul = true, evenNul = true;
    for (size_t i = 0; i < head.size(); i += 2) {
      evenNul = evenNul && head[i] == '\0' && head[i + 1] != '\0';
      oddNul = oddNul && head[i + 1] == '\0' && head[i] != '\0';
    }
    if (oddNul)
      return TextEncoding::Utf16LE;
    if (evenNul)
      return TextEncoding::Utf16BE;
  }
  // Windows-1252 text almost never forms a UTF-8 sequence: a file with no valid one and
  // bytes that are not UTF-8 is Windows-1252. A UTF-8 file with a stray bad byte stays
  // UTF-8 (its bytes as they are), rather than every accent in it being misread.
  // One valid sequence settles it: the scan stops there.
  const Utf8Scan scan = scanUtf8(bytes, /*untilASequence=*/true);
  return scan.invalid > 0 && scan.sequences == 0 ? TextEncoding::Windows1252 : TextEncoding::Utf8;
}

std::optional<std::string> decodeToUtf8(llvm::StringRef bytes, TextEncoding e) {
  switch (e) {
  case TextEncoding::Utf8:
    return bytes.str();
  case TextEncoding::Windows1252: {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
      const auto c = static_cast<unsigned char>(ch);
      if (c < 0x80)
        out.push_back(ch);
      else if (c < 0xA0)
        appendUtf8(High[c - 0x80] ? High[c - 0x80] : 0xFFFD, out);
      else
        appendUtf8(c, out);
    }
    return out;
  }
  case TextEncoding::Utf16LE:
  case TextEncoding::Utf16BE: {
    if (bytes.size() % 2 != 0)
      return std::nullopt;
    const bool little = e == TextEncoding::Utf16LE;
    std::vector<llvm::UTF16> units;
    units.reserve(bytes.size() / 2);
    for (size_t i = 0; i < bytes.size(); i += 2) {
      const auto a = static_cast<unsigned char>(bytes[i]);
      const auto b = static_cast<unsigned char>(bytes[i + 1]);
      units.push_back(static_cast<llvm::UTF16>(little ? a | (b << 8) : (a << 8) | b));
    }
    size_t from = !units.empty() && units.front() == 0xFEFF ? 1 : 0; // the mark
    std::string out;
    if (!llvm::convertUTF16ToUTF8String(llvm::ArrayRef<llvm::UTF16>(units).drop_front(from), out))
      return std::nullopt;
    return out;
  }
  }
  return std::nullopt;
}

} // namespace salesc::rt
