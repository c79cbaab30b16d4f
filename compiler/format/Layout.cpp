//===- Layout.cpp - The canonical layout of a file's tokens and comments --===//
#include "Layout.h"

#include "LineBreaker.h"
#include "Writer.h"

#include <algorithm>

namespace salesc::format {

namespace {

using parse::TokenKind;

bool gluedToPrevious(const Element& e) {
  return e.is(TokenKind::Semicolon) || e.is(TokenKind::Comma) || e.is(TokenKind::Percent);
}

/// Walks the elements once, writing each block, statement and comment.
class Layout {
public:
  explicit Layout(const std::vector<Element>& elements) : e_(elements) {}

  std::string run(const SourceElements& source) {
    block(0, /*top=*/true);
    std::string text = w_.finish(source.crlf ? "\r\n" : "\n");
    return source.byteOrderMark && !text.empty() ? "\xEF\xBB\xBF" + text : text;
  }

private:
  /// The statements and comments of a block, up to its `}` (or of the file).
  void block(unsigned depth, bool top) {
    for (bool first = true; i_ < e_.size(); first = false) {
      const Element& el = e_[i_];
      if (!top && el.is(TokenKind::RightBrace))
        return;
      bool blank = !first && el.newlinesBefore >= 2;
      if (el.isComment() && endsLine(e_, i_)) { // a comment on a line of its own
        w_.newLine(depth * IndentWidth, blank);
        w_.appendComment(el.text, el.sourceColumn, false);
        ++i_;
        continue;
      }
      statement(depth, blank);
    }
  }

  /// One statement, with its block if it opens one.
  void statement(unsigned depth, bool blank) {
    unsigned indent = depth * IndentWidth;
    w_.newLine(indent, blank);
    std::vector<Atom> atoms = statementAtoms();
    bool opens = !atoms.empty() && !atoms.back().comment && atoms.back().text == "{";
    bool empty = opens && i_ < e_.size() && e_[i_].is(TokenKind::RightBrace);
    if (empty) { // `{}`
      atoms.back().text = "{}";
      ++i_;
    }
    writeStatement(atoms, indent, w_);
    trailingComments();
    if (!opens || empty)
      return;
    block(depth + 1, /*top=*/false);
    if (i_ < e_.size()) { // the `}`
      w_.newLine(indent);
      w_.append(e_[i_].text, false);
      ++i_;
      trailingComments();
    }
  }

  /// The tokens and comments from here to the `;` or `{` that ends the statement, with
  /// where the statement may break before each.
  std::vector<Atom> statementAtoms() {
    std::vector<Atom> atoms;
    size_t tokens = 0;       // tokens so far
    size_t inlineRun = 0;    // the first of the comments since the last token
    bool afterComma = false; // the last token was `,`
    bool forceNext = false;  // the last atom was a comment that ended its line
    for (; i_ < e_.size(); ++i_) {
      const Element& el = e_[i_];
      if (el.is(TokenKind::RightBrace) && !atoms.empty())
        break; // a block's end without `;`: not in a parsed file
      Atom a{el.text, el.isComment(), el.sourceColumn};
      Break before = forceNext ? Break::Forced : Break::Never;
      if (el.isComment()) {
        if (!atoms.empty() && startsLine(e_, i_) && endsLine(e_, i_))
          before = Break::Forced; // a comment on a line of its own inside the statement
        if (atoms.empty() || !atoms.back().comment || forceNext)
          inlineRun = atoms.size();
        forceNext = endsLine(e_, i_);
        a.before = before;
        atoms.push_back(a);
        continue;
      }
      a.spaceBefore = !gluedToPrevious(el);
      Break opportunity = Break::Never;
      if (tokens > 0 && a.spaceBefore && !el.is(TokenKind::LeftBrace)) {
        if (afterComma)
          opportunity = Break::Item;
        else if (tokens >= 2 && el.is(TokenKind::Word) && isClauseKeyword(el.text))
          opportunity = Break::Clause;
      }
      // Comments just before a token on its line go with it: a break before the token
      // is made before them.
      bool glued = !atoms.empty() && atoms.back().comment && !forceNext;
      if (glued)
        atoms[inlineRun].before = std::max(atoms[inlineRun].before, opportunity);
      else
        before = std::max(before, opportunity);
      a.before = before;
      atoms.push_back(a);
      forceNext = false;
      afterComma = el.is(TokenKind::Comma);
      ++tokens;
      if (el.is(TokenKind::Semicolon) || el.is(TokenKind::LeftBrace)) {
        ++i_;
        break;
      }
      if (el.is(TokenKind::RightBrace)) {
        ++i_; // a `}` with no `{`: not in a parsed file
        break;
      }
    }
    return atoms;
  }

  /// The comments after the last token on its line.
  void trailingComments() {
    for (; i_ < e_.size() && e_[i_].isComment() && e_[i_].newlinesBefore == 0; ++i_)
      w_.appendComment(e_[i_].text, e_[i_].sourceColumn, true);
  }

  const std::vector<Element>& e_;
  size_t i_ = 0;
  Writer w_;
};

} // namespace

std::string layout(const SourceElements& source) {
  return Layout(source.elements).run(source);
}

} // namespace salesc::format
