//===- Parse.cpp - The ANTLR boundary: source buffer to Module -------------===//
//
// The only place that runs the generated parser, fed by the hand-written Lexer
// (which reports bad characters, unterminated strings and comments). Each top-level
// item is parsed with SLL prediction and a bail-out strategy first, and re-parsed
// with full LL and worded error recovery only when SLL fails. No ANTLR exception
// leaves here.
//
//===----------------------------------------------------------------------===//
#include "Parse.h"

#include "AstBuilder.h"
#include "Lexer.h"
#include "SalesParser.h"
#include "SourceText.h"
#include "SyntaxErrors.h"

#include "llvm/Support/ConvertUTF.h"

namespace salesc::parse {

using diag::DiagKind;
using syntax::gen::SalesParser;

namespace {

/// A byte as "0x" and two lowercase hex digits ("0xe9").
std::string hexByte(unsigned char b) {
  const char* digits = "0123456789abcdef";
  return {'0', 'x', digits[b >> 4], digits[b & 15]};
}

/// A token stream that can free the tokens of items already built. Tokens are read
/// from the lexer on demand, so at most one item's tokens (plus the one before it,
/// which error messages look back at) are alive at a time.
class ItemTokenStream final : public antlr4::CommonTokenStream {
public:
  using CommonTokenStream::CommonTokenStream;

  void releaseBefore(size_t index) {
    for (; released_ + 1 < index && released_ < _tokens.size(); ++released_)
      _tokens[released_].reset();
  }

private:
  size_t released_ = 0;
};

bool isAscii(llvm::StringRef s) {
  unsigned char any = 0;
  for (unsigned char c : s)
    any |= c;
  return any < 0x80;
}

/// Turns a worded syntax error into a diagnostic at the token (or just after it).
class SyntaxReporter {
public:
  SyntaxReporter(const SourceText& text, diag::DiagnosticEngine& diags)
      : text_(text), diags_(diags) {}

  void operator()(SyntaxErrorSite site, const std::string& message) {
    ++count;
    llvm::SMRange r;
    antlr4::Token* t = site.token;
    if (!t || t->getType() == antlr4::Token::EOF || t->getStartIndex() == INVALID_INDEX) {
      llvm::SMLoc end = text_.loc(text_.body().size());
      if (t && t->getType() != antlr4::Token::EOF && t->getStartIndex() != INVALID_INDEX)
        end = text_.loc(t->getStartIndex());
      r = {end, end};
    } else if (site.afterToken) {
      llvm::SMLoc after = text_.loc(t->getStopIndex() + 1);
      r = {after, after};
    } else {
      r = text_.range(t->getStartIndex(), t->getStopIndex());
    }
    auto b = diags_.report(DiagKind::SyntaxError, r, message);
    if (antlr4::Token* brace = site.openBrace; brace && brace->getStartIndex() != INVALID_INDEX)
      b.note(text_.range(brace->getStartIndex(), brace->getStopIndex()),
             "the block of " + site.openBlock + " opened here has no '}'");
  }

  unsigned count = 0;

private:
  const SourceText& text_;
  diag::DiagnosticEngine& diags_;
};

} // namespace

namespace {

/// The parser's prediction caches for the thread that parses. ANTLR 4.9's generated
/// parser shares one DFA per decision and one PredictionContextCache between all its
/// instances (static members), and the runtime does not lock them: two threads parsing at
/// once would corrupt them. Each thread gets its own, filled as it parses (the static
/// ones are never used).
class ThreadCaches {
public:
  explicit ThreadCaches(const antlr4::atn::ATN& atn) {
    dfa_.reserve(atn.getNumberOfDecisions());
    for (size_t i = 0; i < atn.getNumberOfDecisions(); ++i)
      dfa_.emplace_back(atn.getDecisionState(i), i);
  }

  /// Makes `parser` predict with this thread's caches.
  void use(SalesParser& parser) {
    // setInterpreter deletes the simulator the constructor made (over the static caches);
    // the parser deletes this one when destroyed.
    parser.setInterpreter(
        new antlr4::atn::ParserATNSimulator(&parser, parser.getATN(), dfa_, contexts_));
  }

  static ThreadCaches& forThisThread(const antlr4::atn::ATN& atn) {
    thread_local ThreadCaches caches(atn);
    return caches;
  }

private:
  std::vector<antlr4::dfa::DFA> dfa_;
  antlr4::atn::PredictionContextCache contexts_;
};

} // namespace

ParseResult parseModule(const llvm::SourceMgr& sm, unsigned bufferId,
                        diag::DiagnosticEngine& diags) {
  return parseBuffer(*sm.getMemoryBuffer(bufferId), bufferId, diags);
}

ParseResult parseBuffer(const llvm::MemoryBuffer& source, unsigned bufferId,
                        diag::DiagnosticEngine& diags) {
  const llvm::MemoryBuffer* buffer = &source;
  ParseResult result;
  result.module = std::make_unique<ast::Module>(buffer->getBufferIdentifier().str(), bufferId);
  llvm::StringRef bytes = buffer->getBuffer();
  llvm::SMLoc start = llvm::SMLoc::getFromPointer(bytes.data());

  if (bytes.size() > MaxSourceBytes) {
    diags.report(DiagKind::FileTooLarge, {start, start},
                 "this file is " + std::to_string(bytes.size() >> 20) +
                     " MiB; salesc reads files of up to " + std::to_string(MaxSourceBytes >> 20) +
                     " MiB");
    result.syntaxErrors = 1;
    return result;
  }
  const llvm::UTF8* bad = nullptr;
  auto* begin = reinterpret_cast<const llvm::UTF8*>(bytes.data());
  if (!isAscii(bytes) && !llvm::isLegalUTF8String(&begin, begin + bytes.size())) {
    bad = begin;
    auto at = llvm::SMLoc::getFromPointer(reinterpret_cast<const char*>(bad));
    diags.report(DiagKind::InvalidEncoding, {at, at},
                 "this file is not UTF-8 text (bad byte " + hexByte(*bad) + "); save it as UTF-8");
    result.syntaxErrors = 1;
    return result;
  }

  SourceText text(bytes);
  try {
    ByteStream input(bytes, buffer->getBufferIdentifier().str());
    Lexer lexer(input, diags);
    ItemTokenStream tokens(&lexer);

    SalesParser parser(&tokens);
    ThreadCaches::forThisThread(parser.getATN()).use(parser);
    parser.removeErrorListeners();
    parser.setBuildParseTree(true);
    auto* atn = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    SyntaxReporter reporter(text, diags);
    auto bail = std::make_shared<antlr4::BailErrorStrategy>();
    auto recover = std::make_shared<SalesErrorStrategy>(
        [&](SyntaxErrorSite site, std::string msg) { reporter(site, msg); });
    AstBuilder builder(text, *result.module, diags);

    // One top-level item at a time: its parse tree is turned into AST and freed
    // before the next, so memory stays bounded by the largest declaration.
    auto stop = [&](antlr4::Token* at) {
      // Past this many, the rest is noise (a file that is not .sales text, quotes pasted
      // from a word processor): say so once and stop reading the file.
      reporter({at, false}, "salesc stopped reading this file after " +
                                std::to_string(MaxSyntaxErrors) +
                                " syntax errors; fix the first ones and check again");
    };
    bool stopped = false;
    while (tokens.LA(1) != antlr4::Token::EOF) {
      if (reporter.count + lexer.errors() >= MaxSyntaxErrors) {
        stop(tokens.LT(1));
        stopped = true;
        break;
      }
      lexer.setErrorLimit(MaxSyntaxErrors, reporter.count);
      size_t first = tokens.index();
      SalesParser::ItemContext* item = nullptr;
      bool recovered = false;
      try {
        // Stage 1: SLL, bail out at the first error. Most items are well formed.
        atn->setPredictionMode(antlr4::atn::PredictionMode::SLL);
        parser.setErrorHandler(bail);
        item = parser.item();
      } catch (antlr4::ParseCancellationException&) {
        // Stage 2: full LL with recovery and worded messages, from the item's start.
        parser.getTreeTracker().reset();
        tokens.seek(first);
        atn->setPredictionMode(antlr4::atn::PredictionMode::LL);
        recover->reset(&parser);
        parser.setErrorHandler(recover);
        item = parser.item();
        recovered = true;
      }
      builder.item(item, recovered);
      parser.getTreeTracker().reset();
      tokens.releaseBefore(tokens.index());
      if (tokens.index() == first)
        tokens.consume(); // recovery consumed nothing: never loop on one token
    }
    if (lexer.gaveUp() && !stopped)
      stop(tokens.LT(1)); // within one item: at the end of the file
    result.syntaxErrors = lexer.errors() + reporter.count + builder.errors();
  } catch (std::exception& e) {
    // Defensive: the runtime should not throw past recovery, but nothing may escape.
    diags.report(DiagKind::SyntaxError, {start, start},
                 std::string("salesc could not read this file: ") + e.what());
    ++result.syntaxErrors;
  }
  return result;
}

void dumpTokens(const llvm::SourceMgr& sm, unsigned bufferId, llvm::raw_ostream& os) {
  const llvm::MemoryBuffer* buffer = sm.getMemoryBuffer(bufferId);
  diag::DiagnosticEngine quiet(sm, {}); // lexical errors are reported by the check itself
  ByteStream input(buffer->getBuffer(), buffer->getBufferIdentifier().str());
  Lexer lexer(input, quiet);
  antlr4::CommonTokenStream none(&lexer);
  SalesParser names(&none); // only for the token names; reads nothing
  const antlr4::dfa::Vocabulary& vocabulary = names.getVocabulary();
  for (;;) {
    std::unique_ptr<antlr4::Token> t = lexer.nextToken();
    bool eof = t->getType() == antlr4::Token::EOF;
    std::string name = eof ? "EOF" : vocabulary.getSymbolicName(t->getType());
    os << t->getLine() << ':' << t->getCharPositionInLine() + 1 << ' ' << name;
    if (!eof)
      os << " '" << t->getText() << "'";
    os << '\n';
    if (eof)
      break;
  }
}

} // namespace salesc::parse
