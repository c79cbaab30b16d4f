//===- TextTable.cpp - Aligned columns for the text reports --------------===//
#include "TextTable.h"

#include "diag/Location.h"

#include <algorithm>

namespace salesc::report {

void TextTable::print(llvm::raw_ostream& out, unsigned indent) const {
  std::vector<size_t> width(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size() && i < width.size(); ++i)
      width[i] = std::max<size_t>(width[i], diag::countCodePoints(cells[i]));
  };
  measure(header_);
  for (const auto& r : rows_)
    measure(r);
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text(indent, ' ');
    llvm::raw_string_ostream os(text);
    for (size_t i = 0; i < width.size(); ++i) {
      std::string cell = i < cells.size() ? cells[i] : "";
      size_t pad = width[i] - diag::countCodePoints(cell);
      if (i)
        os << "  ";
      if (i == 0)
        os << cell << std::string(i + 1 == width.size() ? 0 : pad, ' ');
      else
        os << std::string(pad, ' ') << cell;
    }
    out << llvm::StringRef(os.str()).rtrim(' ') << '\n';
  };
  line(header_);
  size_t total = 0;
  for (size_t w : width)
    total += w;
  out.indent(indent) << std::string(total + 2 * (width.size() - 1), '-') << '\n';
  for (const auto& r : rows_)
    line(r);
}

} // namespace salesc::report
