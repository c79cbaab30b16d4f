//===- Writer.cpp - The formatted text, line by line ----------------------===//
#include "Writer.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Unicode.h"

namespace salesc::format {

unsigned displayWidth(llvm::StringRef text) {
  int width = llvm::sys::unicode::columnWidthUTF8(text);
  return width < 0 ? static_cast<unsigned>(text.size()) : static_cast<unsigned>(width);
}

void Writer::endLine() {
  if (!hasText_)
    return;
  if (blankPending_ && !lines_.empty())
    lines_.emplace_back();
  blankPending_ = false;
  lines_.push_back(llvm::StringRef(line_).rtrim().str());
  hasText_ = false;
}

void Writer::newLine(unsigned indent, bool blankBefore) {
  endLine();
  blankPending_ = blankBefore;
  line_.assign(indent, ' ');
  column_ = indent;
}

void Writer::append(llvm::StringRef text, bool space) {
  if (space && hasText_) {
    line_ += ' ';
    ++column_;
  }
  line_ += text.str();
  column_ += displayWidth(text);
  hasText_ = true;
}

void Writer::appendComment(llvm::StringRef text, unsigned sourceColumn, bool space) {
  llvm::SmallVector<llvm::StringRef, 4> lines;
  text.split(lines, '\n');
  append(lines.front().rtrim(), space);
  // Later lines keep their place relative to the first: they move as far as it did,
  // but never past their first character that is not a space.
  int shift = static_cast<int>(line_.size() - lines.front().rtrim().size()) -
              static_cast<int>(sourceColumn);
  for (llvm::StringRef later : llvm::makeArrayRef(lines).drop_front()) {
    later = later.rtrim();
    if (shift < 0) {
      size_t blanks = std::min(later.find_first_not_of(" \t"), static_cast<size_t>(-shift));
      later = later.drop_front(std::min(blanks, later.size()));
    }
    std::string moved = shift > 0 && !later.empty() ? std::string(shift, ' ') : "";
    moved += later.str();
    endLine();
    line_ = moved;
    column_ = displayWidth(moved);
    hasText_ = true;
  }
}

std::string Writer::finish(llvm::StringRef newline) {
  endLine();
  std::string out;
  for (const std::string& l : lines_) {
    out += l;
    out += newline.str();
  }
  return out;
}

} // namespace salesc::format
