//===- Csv.cpp - An RFC 4180 CSV reader for pipelines and event logs ------===//
#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Printable.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace salesc::rt {
namespace {

llvm::Error fail(llvm::StringRef file, unsigned line, const std::string& message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 fmt::format("{}:{}: {}", shownPath(file), line, message));
}

bool isLineEnd(char c) {
  return c == '\n' || c == '\r';
}

/// Line breaks in [p, end): LF, CRLF and a lone CR each count once.
unsigned countLineBreaks(const char* p, const char* end) {
  unsigned n = 0;
  for (; p < end; ++p)
    if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
      ++n;
  return n;
}

/// Reads one CSV file; `p` walks the text, `line` is the line `p` is on.
class Reader {
public:
  Reader(llvm::StringRef text, llvm::StringRef file, char delimiter)
      : p(text.begin()), end(text.end()), file(file), delimiter(delimiter) {}

  llvm::Expected<CsvTable> read() {
    CsvTable table;
    table.rows.reserve(static_cast<size_t>(std::count(p, end, '\n')) + 1);
    size_t width = 0;
    while (skipBlankLines()) {
      CsvRow row;
      row.line = line;
      row.fields.reserve(std::min<size_t>(width, 64)); // a huge header must not reserve per row
      if (llvm::Error err = readRecord(row.fields))
        return err;
      if (table.headerLine == 0) {
        table.header = std::move(row.fields);
        table.headerLine = row.line;
        width = table.header.size();
      } else {
        table.rows.push_back(std::move(row));
      }
    }
    return table;
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

  llvm::Error readRecord(std::vector<std::string>& fields) {
    for (;;) {
      std::string& field = fields.emplace_back();
      if (p < end && *p == '"') {
        if (llvm::Error err = readQuoted(field))
          return err;
      } else {
        const char* q = p;
        while (q < end && *q != delimiter && !isLineEnd(*q))
          ++q;
        field.assign(p, q);
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
  llvm::Error readQuoted(std::string& field) {
    const unsigned startLine = line;
    ++p;
    for (;;) {
      const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
      if (!q)
        return fail(file, startLine,
                    "a quoted field is not closed: the '\"' that ends it is missing");
      line += countLineBreaks(p, q);
      field.append(p, q);
      p = q + 1;
      if (p < end && *p == '"') {
        field.push_back('"');
        ++p;
        continue;
      }
      break;
    }
    while (p < end && (*p == ' ' || *p == '\t'))
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
  llvm::StringRef file;
  const char delimiter;
  unsigned line = 1;
};

} // namespace

llvm::Expected<CsvTable> parseCsv(llvm::StringRef text, llvm::StringRef file, size_t maxBytes,
                                  char delimiter) {
  if (text.size() > maxBytes)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fmt::format("{}: the file is {} MiB; salesc reads CSV files of up to {} MiB",
                    shownPath(file), (text.size() + (1 << 20) - 1) >> 20, maxBytes >> 20));
  if (text.startswith("\xEF\xBB\xBF"))
    text = text.drop_front(3);
  return Reader(text, file, delimiter).read();
}

} // namespace salesc::rt
