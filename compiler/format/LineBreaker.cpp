//===- LineBreaker.cpp - A statement's tokens and comments into lines -----===//
#include "LineBreaker.h"

#include "llvm/ADT/StringSwitch.h"

namespace salesc::format {

namespace {

/// The atoms of `atoms` up to the next break of at least `level` (after the first).
llvm::ArrayRef<Atom> upToBreak(llvm::ArrayRef<Atom> atoms, Break level) {
  size_t end = 1;
  while (end < atoms.size() && atoms[end].before < level)
    ++end;
  return atoms.take_front(end);
}

/// The width of `atoms` on one line, without the space before the first.
unsigned widthOf(llvm::ArrayRef<Atom> atoms) {
  unsigned width = 0;
  for (const Atom& a : atoms) {
    if (&a != &atoms.front() && a.spaceBefore)
      ++width;
    width += displayWidth(a.text.take_until([](char c) { return c == '\n'; }));
  }
  return width;
}

class Breaker {
public:
  Breaker(unsigned indent, Writer& w) : continuation_(indent + ContinuationIndent), w_(w) {}

  void statement(llvm::ArrayRef<Atom> atoms) {
    for (bool first = true; !atoms.empty(); first = false) {
      llvm::ArrayRef<Atom> segment = upToBreak(atoms, Break::Forced);
      if (!first)
        w_.newLine(continuation_);
      for (llvm::ArrayRef<Atom> rest = segment; !rest.empty();) {
        llvm::ArrayRef<Atom> clause = upToBreak(rest, Break::Clause);
        placeClause(clause);
        rest = rest.drop_front(clause.size());
      }
      atoms = atoms.drop_front(segment.size());
    }
  }

private:
  bool fits(llvm::ArrayRef<Atom> atoms) const {
    unsigned space = !w_.atLineStart() && atoms.front().spaceBefore ? 1 : 0;
    return w_.column() + space + widthOf(atoms) <= LineWidth;
  }

  /// Breaks before `atoms` when they do not fit on the line and something is on it.
  void breakUnlessFits(llvm::ArrayRef<Atom> atoms) {
    if (!w_.atLineStart() && !fits(atoms))
      w_.newLine(continuation_);
  }

  void placeClause(llvm::ArrayRef<Atom> clause) {
    breakUnlessFits(clause);
    if (fits(clause)) {
      put(clause);
      return;
    }
    while (!clause.empty()) { // longer than a line: break after commas
      llvm::ArrayRef<Atom> item = upToBreak(clause, Break::Item);
      breakUnlessFits(item);
      put(item);
      clause = clause.drop_front(item.size());
    }
  }

  void put(llvm::ArrayRef<Atom> atoms) {
    for (const Atom& a : atoms) {
      if (a.comment)
        w_.appendComment(a.text, a.sourceColumn, a.spaceBefore);
      else
        w_.append(a.text, a.spaceBefore);
    }
  }

  unsigned continuation_;
  Writer& w_;
};

} // namespace

void writeStatement(llvm::ArrayRef<Atom> atoms, unsigned indent, Writer& w) {
  Breaker(indent, w).statement(atoms);
}

bool isClauseKeyword(llvm::StringRef word) {
  return llvm::StringSwitch<bool>(word)
      .Cases("for", "extends", "via", "conveys", "teaches", true)
      .Cases("category", "share", "value", "within", "typical", true)
      .Case("crm", true)
      .Default(false);
}

} // namespace salesc::format
