//===- Parse.cpp - The ANTLR boundary: source buffer to Module -------------===//
//
// The only place that runs the generated lexer and parser. Lexical problems are
// reported from the token stream (bad characters, unterminated strings and comments);
// parsing tries SLL prediction with a bail-out strategy first and re-parses with full
// LL and worded error recovery only when SLL fails. No ANTLR exception leaves here.
//
//===----------------------------------------------------------------------===//
#include "Parse.h"

#include "AstBuilder.h"
#include "SalesLexer.h"
#include "SalesParser.h"
#include "SourceText.h"
#include "SyntaxErrors.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FormatVariadic.h"

namespace salesc::parse {

using diag::DiagKind;
using syntax::gen::SalesLexer;
using syntax::gen::SalesParser;

namespace {

/// Reports problems the lexer turned into tokens: characters with no meaning, strings
/// and comments left open. An unterminated string is then read as a string so that
/// the parser does not report it a second time.
void reportLexicalErrors(antlr4::CommonTokenStream& tokens, const SourceText& text,
                         diag::DiagnosticEngine& diags) {
  for (antlr4::Token* t : tokens.getTokens()) {
    switch (t->getType()) {
    case SalesLexer::ERROR_CHAR: {
      llvm::SMRange r = text.range(t->getStartIndex(), t->getStopIndex());
      llvm::StringRef ch(r.Start.getPointer(), r.End.getPointer() - r.Start.getPointer());
      std::string shown = ch == "\t" ? "\\t" : ch.str();
      diags.report(DiagKind::InvalidCharacter, r,
                   "unexpected character '" + shown + "'; names use letters, digits and '_'");
      break;
    }
    case SalesLexer::UNTERMINATED_STRING: {
      llvm::SMRange r = text.range(t->getStartIndex(), t->getStopIndex());
      diags.report(DiagKind::UnterminatedString, r,
                   "this description has no closing '\"'; a description must end on the line "
                   "where it starts");
      static_cast<antlr4::CommonToken*>(t)->setType(SalesLexer::STRING);
      break;
    }
    case SalesLexer::UNTERMINATED_COMMENT: {
      llvm::SMRange r = text.range(t->getStartIndex(), t->getStartIndex() + 1);
      diags.report(DiagKind::UnterminatedComment, r,
                   "this comment has no closing '*/', so the rest of the file is ignored");
      break;
    }
    default:
      break;
    }
  }
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
    diags_.report(DiagKind::SyntaxError, r, message);
  }

  unsigned count = 0;

private:
  const SourceText& text_;
  diag::DiagnosticEngine& diags_;
};

} // namespace

ParseResult parseModule(const llvm::SourceMgr& sm, unsigned bufferId,
                        diag::DiagnosticEngine& diags) {
  const llvm::MemoryBuffer* buffer = sm.getMemoryBuffer(bufferId);
  ParseResult result;
  result.module =
      std::make_unique<ast::Module>(buffer->getBufferIdentifier().str(), bufferId);
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
  if (!llvm::isLegalUTF8String(&begin, begin + bytes.size())) {
    bad = begin;
    auto at = llvm::SMLoc::getFromPointer(reinterpret_cast<const char*>(bad));
    diags.report(DiagKind::InvalidEncoding, {at, at},
                 "this file is not UTF-8 text (bad byte " +
                     llvm::formatv("{0:x2}", static_cast<unsigned>(*bad)).str() +
                     "); save it as UTF-8");
    result.syntaxErrors = 1;
    return result;
  }

  SourceText text(bytes);
  try {
    antlr4::ANTLRInputStream input(text.body().data(), text.body().size());
    SalesLexer lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    unsigned before = diags.errorCount();
    reportLexicalErrors(tokens, text, diags);
    unsigned lexical = diags.errorCount() - before;

    SalesParser parser(&tokens);
    parser.removeErrorListeners();
    parser.removeParseListeners();
    parser.setBuildParseTree(true);

    // Stage 1: SLL, bail out at the first error. Most files are well formed.
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    SalesParser::FileContext* tree = nullptr;
    SyntaxReporter reporter(text, diags);
    try {
      tree = parser.file();
    } catch (antlr4::ParseCancellationException&) {
      // Stage 2: full LL with recovery and worded messages.
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
          antlr4::atn::PredictionMode::LL);
      parser.setErrorHandler(std::make_shared<SalesErrorStrategy>(
          [&](SyntaxErrorSite site, std::string msg) { reporter(site, msg); }));
      tree = parser.file();
    }
    result.syntaxErrors = lexical + reporter.count;
    AstBuilder(text, *result.module, diags).build(tree);
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
  SourceText text(buffer->getBuffer());
  antlr4::ANTLRInputStream input(text.body().data(), text.body().size());
  SalesLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL && t->getType() != SalesLexer::ERROR_CHAR)
      continue;
    std::string name = lexer.getVocabulary().getSymbolicName(t->getType());
    if (t->getType() == antlr4::Token::EOF)
      name = "EOF";
    os << t->getLine() << ':' << t->getCharPositionInLine() + 1 << ' ' << name;
    if (t->getType() != antlr4::Token::EOF)
      os << " '" << t->getText() << "'";
    os << '\n';
  }
}

} // namespace salesc::parse
