//===- ExportFooter.cpp - The footer a CRM report writes after its rows ----===//
#include "ExportFooter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace salesc::rt {
namespace {

bool isBlankRecord(const CsvRecord& row) {
  return llvm::all_of(row.fields, [](llvm::StringRef f) { return trimBlanks(f).empty(); });
}

/// A record filling its first field only.
bool fillsFirstOnly(const CsvRecord& row) {
  return !trimBlanks(row.fields.front()).empty() &&
         llvm::all_of(row.fields.drop_front(),
                      [](llvm::StringRef f) { return trimBlanks(f).empty(); });
}

} // namespace

void ReportFooter::seeAny(const CsvRecord& row, const char* previousEnd,
                          llvm::function_ref<void(const CsvRecord&)> read) {
  // A footer needs a header of several columns, so a one-column file's rows are data.
  if (headerColumns_ < 2)
    return read(row);
  const bool blank = isBlankRecord(row);
  const bool afterBlankLine = !row.raw.empty() && row.raw.begin() != previousEnd;
  const bool footerLine = fillsFirstOnly(row);
  // A footer line opens the footer after a blank line or record, and goes on it.
  if (blank || (footerLine && (afterBlankLine || !held_.empty()))) {
    held_.push_back(Held{row.line, std::vector<std::string>(row.fields.begin(), row.fields.end()),
                         row.raw, row.delimiter});
    holdsText_ = holdsText_ || footerLine;
    return;
  }
  giveBack(read);
  read(row);
}

void ReportFooter::giveBack(llvm::function_ref<void(const CsvRecord&)> read) {
  std::vector<llvm::StringRef> fields;
  for (const Held& h : held_) {
    fields.assign(h.fields.begin(), h.fields.end());
    read(CsvRecord{h.line, fields, h.raw, h.delimiter});
  }
  held_.clear();
  holdsText_ = false;
}

std::optional<ReportFooter::Footer>
ReportFooter::finish(llvm::function_ref<void(const CsvRecord&)> read) {
  if (!holdsText_) {
    giveBack(read);
    return std::nullopt;
  }
  Footer footer;
  for (const Held& h : held_) {
    const llvm::StringRef text = trimBlanks(h.fields.front());
    if (text.empty())
      continue;
    if (footer.lines.empty())
      footer.line = h.line;
    footer.lines.push_back(text.str());
    if (std::optional<unsigned long long> n = grandTotalRecords(text))
      footer.records = n;
  }
  held_.clear();
  return footer;
}

std::optional<unsigned long long> grandTotalRecords(llvm::StringRef line) {
  llvm::StringRef rest = line.trim();
  if (!rest.consume_front_insensitive("grand totals"))
    return std::nullopt;
  rest = rest.ltrim();
  if (!rest.consume_front("(") || !rest.consume_back(")"))
    return std::nullopt;
  rest = rest.trim();
  if (!rest.consume_back_insensitive("records") && !rest.consume_back_insensitive("record"))
    return std::nullopt;
  std::string digits;
  for (char c : rest.trim())
    if (llvm::isDigit(c))
      digits.push_back(c);
    else if (c != ',' && c != '.' && c != ' ' && c != '\'')
      return std::nullopt;
  unsigned long long n = 0;
  if (digits.empty() || digits.size() > 15 || llvm::StringRef(digits).getAsInteger(10, n))
    return std::nullopt;
  return n;
}

} // namespace salesc::rt
