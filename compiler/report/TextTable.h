//===- TextTable.h - Aligned columns for the text reports ----------------===//
#ifndef SALESC_REPORT_TEXTTABLE_H
#define SALESC_REPORT_TEXTTABLE_H

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace salesc::report {

/// A table printed with its columns aligned: the first column to the left, the others
/// (figures) to the right, two spaces between columns, a rule under the header.
class TextTable {
public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  void print(llvm::raw_ostream& os, unsigned indent = 2) const;

private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

} // namespace salesc::report

#endif // SALESC_REPORT_TEXTTABLE_H
