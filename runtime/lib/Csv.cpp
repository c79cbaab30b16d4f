//===- Csv.cpp - An RFC 4180 CSV reader for pipelines and event logs ------===//
#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Printable.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>

namespace salesc::rt {
namespace {

llvm::Error fail(llvm::StringRef file, unsigned line, const std::string& message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 fmt::format("{}:{}: {}", shownPath(file), line, message));
}

bool isLineEnd(char c) {
  return c == '\n' || c == '\r';
}

/// The characters a quoted field's scan stops at: its closing quote and line breaks.
constexpr std::array<bool, 256> StopsQuoted = [] {
  std::array<bool, 256> stops{};
  stops['"'] = stops['\n'] = stops['\r'] = true;
  return stops;
}();

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
      : p(text.begin()), end(text.end()), file(file), delimiter(delimiter) {}

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
        if (llvm::Error err = readQuoted())
          return err;
      } else {
        const char* q = p;
        while (q < end && *q != delimiter && *q != '\n' && *q != '\r')
          ++q;
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
      // Fields are short: one pass that also notes a line break beats memchr and a second
      // pass to count them.
      const char* q = p;
      bool breaks = false;
      for (;;) {
        while (q < end && !StopsQuoted[static_cast<unsigned char>(*q)])
          ++q;
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
      fields.push_back(owned ? llvm::StringRef(*owned)
                             : llvm::StringRef(start, static_cast<size_t>(q - start)));
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
