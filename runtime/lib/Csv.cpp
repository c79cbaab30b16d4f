//===- Csv.cpp - An RFC 4180 CSV reader for pipelines and event logs ------===//
#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Printable.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace salesc::rt {
namespace {

llvm::Error fail(llvm::StringRef file, unsigned line, const std::string& message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 fmt::format("{}:{}: {}", shownPath(file), line, message));
}

bool isLineEnd(char c) {
  return c == '\n' || c == '\r';
}

/// Three characters a scan stops at: a field's end (the delimiter, or the closing quote of
/// a quoted field) and the two line-break characters. find() looks 16 bytes at a time where
/// the machine has SSE2 (every x86-64 does): fields are short, but a byte-at-a-time loop
/// was a fifth of reading an export whose every field is quoted.
class StopSet {
public:
  explicit StopSet(char stop)
      : stop(stop)
#if defined(__SSE2__)
        ,
        vStop(_mm_set1_epi8(stop)), vLf(_mm_set1_epi8('\n')), vCr(_mm_set1_epi8('\r'))
#endif
  {
  }

  /// The first character of [p, end) in the set, or `end`.
  const char* find(const char* p, const char* end) const {
#if defined(__SSE2__)
    for (; end - p >= 16; p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hit = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, vStop), _mm_cmpeq_epi8(v, vLf)), _mm_cmpeq_epi8(v, vCr));
      if (const int mask = _mm_movemask_epi8(hit))
        return p + __builtin_ctz(static_cast<unsigned>(mask));
    }
#endif
    while (p < end && *p != stop && *p != '\n' && *p != '\r')
      ++p;
    return p;
  }

private:
  char stop;
#if defined(__SSE2__)
  __m128i vStop, vLf, vCr;
#endif
};

/// Line breaks in [p, end): LF, CRLF and a lone CR each count once.
unsigned countLineBreaks(const char* p, const char* end) {
  unsigned n = 0;
  for (; p < end; ++p)
    if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
      ++n;
  return n;
}

/// Reads one CSV file record by record; `p` walks the text, `line` is the line `p` is on.
class Reader {
public:
  Reader(llvm::StringRef text, llvm::StringRef file, char delimiter)
      : p(text.begin()), end(text.end()), file(file), delimiter(delimiter), endsField(delimiter),
        endsQuoted('"') {}

  llvm::Error read(llvm::function_ref<bool(const CsvRecord&)> onRecord) {
    while (skipBlankLines()) {
      const unsigned first = line;
      fields.clear();
      if (!unescaped.empty())
        unescaped.clear();
      recordStart = p;
      if (llvm::Error err = readRecord())
        return err;
      if (!onRecord(CsvRecord{first, fields,
                              llvm::StringRef(recordStart, static_cast<size_t>(p - recordStart)),
                              delimiter}))
        break;
    }
    return llvm::Error::success();
  }

private:
  /// Skips lines holding only spaces and tabs; false at the end of the text.
  bool skipBlankLines() {
    for (;;) {
      const char* q = p;
      while (q < end && (*q == ' ' || *q == '\t'))
        ++q;
      if (q == end)
        return false;
      if (!isLineEnd(*q))
        return true;
      p = q;
      endLine();
    }
  }

  /// Consumes the line end at `p` (LF, CRLF or a lone CR).
  void endLine() {
    if (*p == '\r' && p + 1 < end && p[1] == '\n')
      ++p;
    ++p;
    ++line;
  }

  llvm::Error readRecord() {
    for (;;) {
      if (p < end && *p == '"') {
        // Nearly every quoted field is closed on its line and followed at once by the
        // delimiter or the line end: taken here, the rest (doubled quotes, line breaks
        // inside, blanks after the quote, errors) by readQuoted.
        const char* q = endsQuoted.find(p + 1, end);
        if (q < end && *q == '"' &&
            (q + 1 == end || q[1] == delimiter || q[1] == '\n' || q[1] == '\r')) {
          fields.emplace_back(p + 1, static_cast<size_t>(q - p - 1));
          p = q + 1;
        } else if (llvm::Error err = readQuoted()) {
          return err;
        }
      } else {
        const char* q = endsField.find(p, end);
        fields.emplace_back(p, static_cast<size_t>(q - p));
        p = q;
      }
      if (p == end)
        return llvm::Error::success();
      if (*p == delimiter) {
        ++p;
        continue;
      }
      endLine();
      return llvm::Error::success();
    }
  }

  /// Reads a quoted field starting at the opening quote, up to the comma or
  /// line end that follows the closing quote.
  llvm::Error readQuoted() {
    const unsigned startLine = line;
    ++p;
    std::string* owned = nullptr; // only a field with a doubled quote needs its own text
    const char* start = p;
    for (;;) {
      // One pass that also notes a line break, rather than a second pass to count them.
      const char* q = p;
      bool breaks = false;
      for (;;) {
        q = endsQuoted.find(q, end);
        if (q == end || *q == '"')
          break;
        breaks = true; // a line break inside the field
        ++q;
      }
      if (q == end)
        return fail(file, startLine,
                    "a quoted field is not closed: the '\"' that ends it is missing");
      if (breaks)
        line += countLineBreaks(p, q);
      const bool doubled = q + 1 < end && q[1] == '"';
      if (doubled && !owned)
        owned = &unescaped.emplace_back();
      if (owned)
        owned->append(p, q);
      p = q + 1;
      if (doubled) {
        owned->push_back('"');
        ++p;
        continue;
      }
      // Built in place: a StringRef made first, stored as two words and copied as one,
      // stalled store forwarding on every quoted field (half of reading an export).
      if (owned)
        fields.emplace_back(owned->data(), owned->size());
      else
        fields.emplace_back(start, static_cast<size_t>(q - start));
      break;
    }
    // Blanks after the closing quote are stepped over, but not a tab that separates.
    while (p < end && *p != delimiter && (*p == ' ' || *p == '\t'))
      ++p;
    if (p < end && *p != delimiter && !isLineEnd(*p))
      return fail(file, line,
                  fmt::format("unexpected {} after the closing quote of a field; a quote inside "
                              "a quoted field is written as two quotes (\"\")",
                              quote(llvm::StringRef(
                                  p, std::max(1u, utf8Length(llvm::StringRef(p, end - p)))))));
    return llvm::Error::success();
  }

  const char* p;
  const char* end;
  const char* recordStart = nullptr; ///< where the record being read starts
  llvm::StringRef file;
  const char delimiter;
  const StopSet endsField;  ///< an unquoted field's end: the delimiter or a line break
  const StopSet endsQuoted; ///< a quoted field's scan: its closing quote or a line break
  unsigned line = 1;
  std::vector<llvm::StringRef> fields; ///< the record being read
  std::deque<std::string> unescaped;   ///< its fields with doubled quotes (stable addresses)
};

llvm::Error checkSize(llvm::StringRef text, llvm::StringRef file, size_t maxBytes) {
  if (text.size() <= maxBytes)
    return llvm::Error::success();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      fmt::format("{}: the file is {} MiB; salesc reads CSV files of up to {} MiB", shownPath(file),
                  (text.size() + (1 << 20) - 1) >> 20, maxBytes >> 20));
}

} // namespace

FieldPlace fieldPlace(const CsvRecord& record, size_t field) {
  const llvm::StringRef raw = record.raw;
  if (raw.empty())
    return FieldPlace{record.line, 0};
  unsigned line = record.line;
  size_t lineStart = 0, pos = 0;
  for (size_t f = 0; f < field; ++f) {
    // Step over field f as the reader splits it: a quoted field to its closing quote
    // (doubled quotes inside), then to the delimiter.
    if (pos < raw.size() && raw[pos] == '"')
      for (++pos; pos < raw.size(); ++pos) {
        if (raw[pos] == '"' && (pos + 1 == raw.size() || raw[pos + 1] != '"'))
          break;
        if (raw[pos] == '"')
          ++pos; // a doubled quote
        else if (raw[pos] == '\n' ||
                 (raw[pos] == '\r' && (pos + 1 == raw.size() || raw[pos + 1] != '\n'))) {
          ++line;
          lineStart = pos + 1;
        }
      }
    while (pos < raw.size() && raw[pos] != record.delimiter && !isLineEnd(raw[pos]))
      ++pos;
    if (pos == raw.size() || raw[pos] != record.delimiter)
      return FieldPlace{record.line, 0}; // the record has no such field
    ++pos;
  }
  unsigned column = 1;
  for (char c : raw.slice(lineStart, pos))
    column += (static_cast<unsigned char>(c) & 0xC0) != 0x80; // UTF-8 continuations do not count
  return FieldPlace{line, column};
}

std::string fieldPlaceText(llvm::StringRef file, const CsvRecord& record, size_t field) {
  const FieldPlace at =
      field == ~size_t(0) ? FieldPlace{record.line, 0} : fieldPlace(record, field);
  return at.column ? fmt::format("{}:{}:{}", shownPath(file), at.line, at.column)
                   : fmt::format("{}:{}", shownPath(file), at.line);
}

size_t estimatedRecords(llvm::StringRef text) {
  constexpr size_t Sample = size_t(1) << 20;
  const size_t lines = static_cast<size_t>(
      std::count(text.begin(),
                 text.begin() + static_cast<std::ptrdiff_t>(std::min(text.size(), Sample)), '\n'));
  if (text.size() <= Sample)
    return lines + 1;
  // Counting every line of a large file took a tenth of reading it.
  return static_cast<size_t>(static_cast<double>(lines + 1) * 1.05 *
                             (static_cast<double>(text.size()) / Sample));
}

llvm::Error scanCsvWhile(llvm::StringRef text, llvm::StringRef file, size_t maxBytes,
                         char delimiter, llvm::function_ref<bool(const CsvRecord&)> onRecord) {
  if (llvm::Error err = checkSize(text, file, maxBytes))
    return err;
  if (text.startswith("\xEF\xBB\xBF"))
    text = text.drop_front(3);
  return Reader(text, file, delimiter).read(onRecord);
}

llvm::Error scanCsv(llvm::StringRef text, llvm::StringRef file, size_t maxBytes, char delimiter,
                    llvm::function_ref<void(const CsvRecord&)> onRecord) {
  return scanCsvWhile(text, file, maxBytes, delimiter, [&](const CsvRecord& r) {
    onRecord(r);
    return true;
  });
}

llvm::Expected<CsvTable> parseCsv(llvm::StringRef text, llvm::StringRef file, size_t maxBytes,
                                  char delimiter) {
  CsvTable table;
  table.delimiter = delimiter;
  if (text.size() <= maxBytes)
    table.rows.reserve(estimatedRecords(text));
  llvm::Error err = scanCsv(text, file, maxBytes, delimiter, [&](const CsvRecord& r) {
    std::vector<std::string> fields(r.fields.begin(), r.fields.end());
    if (table.headerLine == 0) {
      table.header = std::move(fields);
      table.headerLine = r.line;
    } else {
      table.rows.push_back(CsvRow{r.line, std::move(fields), r.raw});
    }
  });
  if (err)
    return err;
  return table;
}

} // namespace salesc::rt
