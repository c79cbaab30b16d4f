//===- Equivalence.cpp - Whether two texts say the same thing -------------===//
#include "Equivalence.h"

#include "Elements.h"

#include "llvm/ADT/SmallVector.h"

namespace salesc::format {

namespace {

/// A comment without the whitespace that starts and ends each of its lines.
std::string comparable(llvm::StringRef comment) {
  llvm::SmallVector<llvm::StringRef, 4> lines;
  comment.split(lines, '\n');
  std::string out;
  for (llvm::StringRef l : lines)
    out += l.trim().str() + "\n";
  return out;
}

std::string describe(const Element* e) {
  if (!e)
    return "the end of the file";
  return (e->isComment() ? "the comment '" : "the token '") + e->text.str() + "'";
}

} // namespace

std::optional<std::string> difference(llvm::StringRef before, llvm::StringRef after) {
  llvm::Expected<SourceElements> a = splitElements(before);
  if (!a)
    return "the original cannot be read: " + llvm::toString(a.takeError());
  llvm::Expected<SourceElements> b = splitElements(after);
  if (!b)
    return "the result cannot be read: " + llvm::toString(b.takeError());
  const std::vector<Element>& x = a->elements;
  const std::vector<Element>& y = b->elements;
  for (size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
    const Element* p = i < x.size() ? &x[i] : nullptr;
    const Element* q = i < y.size() ? &y[i] : nullptr;
    bool same = p && q && p->kind == q->kind &&
                (p->isComment() ? comparable(p->text) == comparable(q->text)
                                : p->token == q->token && p->text == q->text);
    if (!same)
      return "element " + std::to_string(i + 1) + " was " + describe(p) + " and became " +
             describe(q);
  }
  return std::nullopt;
}

} // namespace salesc::format
