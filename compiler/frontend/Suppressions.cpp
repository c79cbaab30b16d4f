//===- Suppressions.cpp - `// salesc-ignore CODE: reason` comments ---------===//
#include "Suppressions.h"

#include "parse/Tokens.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <set>

namespace salesc::frontend {

using diag::DiagKind;

namespace {

llvm::SMRange rangeOf(llvm::StringRef text) {
  return llvm::SMRange(llvm::SMLoc::getFromPointer(text.begin()),
                       llvm::SMLoc::getFromPointer(text.end()));
}

/// The line after `from` (a pointer into `text`) that is neither blank nor a `//`
/// comment, counted from `line`, the line `from` is on; 0 when there is none.
unsigned nextCodeLine(llvm::StringRef text, const char* from, unsigned line) {
  llvm::StringRef rest = text.drop_front(from - text.begin());
  size_t eol = rest.find('\n');
  while (eol != llvm::StringRef::npos) {
    rest = rest.drop_front(eol + 1);
    ++line;
    eol = rest.find('\n');
    llvm::StringRef l = rest.substr(0, eol).trim();
    if (!l.empty() && !l.startswith("//"))
      return line;
  }
  return 0;
}

/// Reads the comment `body` (the text after `//`) of `comment`, if it is a suppression.
std::optional<Suppression> parseComment(llvm::StringRef body, llvm::StringRef comment) {
  llvm::StringRef rest = body.ltrim();
  Suppression s;
  s.range = rangeOf(comment);
  if (rest.consume_front("salesc-ignore-file"))
    s.wholeFile = true;
  else if (!rest.consume_front("salesc-ignore"))
    return std::nullopt;
  if (!rest.empty() && !llvm::isSpace(rest.front()) && rest.front() != ':')
    return std::nullopt; // salesc-ignored, salesc-ignore-line: another word
  auto [codes, reason] = rest.split(':');
  if (rest.contains(':'))
    s.reason = reason.trim().str();
  while (!codes.empty()) {
    codes = codes.ltrim(" \t,");
    size_t end = codes.find_first_of(" \t,");
    llvm::StringRef code = codes.substr(0, end);
    codes = codes.drop_front(code.size());
    if (code.empty())
      continue;
    std::optional<DiagKind> kind = diag::kindByCode(code);
    if (!kind)
      kind = diag::kindByName(code);
    s.codes.push_back({rangeOf(code), code.str(), kind});
  }
  return s;
}

/// Whether the text of its line before `at` is blank: a comment on a line of its own.
bool startsLine(llvm::StringRef text, const char* at) {
  llvm::StringRef before = text.substr(0, at - text.begin());
  size_t eol = before.rfind('\n');
  return before.drop_front(eol == llvm::StringRef::npos ? 0 : eol + 1).trim().empty();
}

/// The `//` comments of `gap` (text between two tokens: whitespace and comments).
template <class F> void lineComments(llvm::StringRef gap, F each) {
  for (size_t i = 0; i + 1 < gap.size();) {
    if (gap[i] == '/' && gap[i + 1] == '*') {
      size_t end = gap.find("*/", i + 2);
      i = end == llvm::StringRef::npos ? gap.size() : end + 2;
    } else if (gap[i] == '/' && gap[i + 1] == '/') {
      size_t end = std::min(gap.find('\n', i), gap.size());
      each(gap.slice(i, end).rtrim("\r"));
      i = end;
    } else {
      ++i;
    }
  }
}

std::string describe(const SuppressedCode& c) {
  const diag::KindInfo& info = diag::kindInfo(*c.kind);
  return "'" + c.written + "' (" + (c.written == info.name ? info.code : info.name).str() + ")";
}

/// Why a comment cannot suppress `kind`.
std::string unsuppressibleBecause(DiagKind kind) {
  char family = diag::kindInfo(kind).code.front();
  if (family == 'S' || kind == DiagKind::UnknownUnit)
    return "after it salesc cannot check the file as written, so fix it instead";
  if (family == 'U')
    return "turn it off with -Wno-NAME or in .salesc.yaml instead";
  return "it is not about a line of a .sales file";
}

} // namespace

std::vector<Suppression> findSuppressions(const llvm::SourceMgr& sm, unsigned bufferId) {
  llvm::StringRef text = sm.getMemoryBuffer(bufferId)->getBuffer();
  std::vector<Suppression> out;
  if (!text.contains("salesc-ignore"))
    return out;
  auto read = [&](llvm::StringRef gap) {
    lineComments(gap, [&](llvm::StringRef comment) {
      std::optional<Suppression> s = parseComment(comment.drop_front(2), comment);
      if (!s)
        return;
      if (!s->wholeFile) {
        unsigned line = sm.getLineAndColumn(s->range.Start, bufferId).first;
        s->ownLine = startsLine(text, comment.begin());
        s->line = s->ownLine ? nextCodeLine(text, comment.begin(), line) : line;
      }
      out.push_back(std::move(*s));
    });
  };
  const char* pos = text.begin();
  for (const parse::SourceToken& t : parse::lexTokens(text)) {
    read(llvm::StringRef(pos, t.text.begin() - pos));
    pos = t.text.end();
  }
  read(llvm::StringRef(pos, text.end() - pos));
  return out;
}

bool suppressible(DiagKind kind) {
  llvm::StringRef code = diag::kindInfo(kind).code;
  char family = code.front();
  return !(family == 'S' || family == 'D' || family == 'K' || family == 'U' || code == "T001");
}

void applySuppressions(diag::DiagnosticEngine& diags, const llvm::SourceMgr& sm,
                       llvm::ArrayRef<unsigned> buffers) {
  llvm::DenseMap<unsigned, std::vector<Suppression>> byBuffer;
  for (unsigned id : buffers)
    if (!byBuffer.count(id))
      if (std::vector<Suppression> found = findSuppressions(sm, id); !found.empty())
        byBuffer[id] = std::move(found);
  if (byBuffer.empty())
    return;
  std::set<const SuppressedCode*> used; // the codes that suppressed something
  diags.suppress([&](const diag::Diagnostic& d) -> std::optional<std::string> {
    if (!d.range.Start.isValid() || !suppressible(d.kind))
      return std::nullopt;
    unsigned id = sm.FindBufferContainingLoc(d.range.Start);
    auto it = byBuffer.find(id);
    if (it == byBuffer.end())
      return std::nullopt;
    unsigned line = sm.getLineAndColumn(d.range.Start, id).first;
    for (const Suppression& s : it->second) {
      if (!s.wholeFile && s.line != line)
        continue;
      for (const SuppressedCode& c : s.codes)
        if (c.kind == d.kind) {
          used.insert(&c);
          return s.reason;
        }
    }
    return std::nullopt;
  });
  for (const auto& [id, suppressions] : byBuffer)
    for (const Suppression& s : suppressions) {
      if (s.reason.empty())
        diags.report(DiagKind::SuppressionWithoutReason, s.range,
                     "this suppression gives no reason; say why after a colon, as in "
                     "'// salesc-ignore N008: kept for the spring campaign'");
      if (s.codes.empty())
        diags.report(DiagKind::UnusedSuppression, s.range,
                     "this suppression names no diagnostic, so it suppresses nothing; write "
                     "the code or name after 'salesc-ignore'");
      std::string where = s.wholeFile ? "in this file"
                          : s.ownLine ? "on the line after this comment"
                                      : "on this line";
      for (const SuppressedCode& c : s.codes) {
        if (!c.kind)
          diags.report(DiagKind::UnusedSuppression, c.range,
                       "there is no diagnostic '" + c.written +
                           "', so this suppresses nothing; 'salesc check --list-diagnostics' "
                           "lists their codes and names");
        else if (!suppressible(*c.kind))
          diags.report(DiagKind::UnsuppressibleError, c.range,
                       describe(c) + " cannot be suppressed: " + unsuppressibleBecause(*c.kind));
        else if (!used.count(&c))
          diags.report(DiagKind::UnusedSuppression, c.range,
                       "there is no " + describe(c) + " " + where +
                           " to suppress; remove it from the comment");
      }
    }
}

void applySuppressions(Session& session, llvm::ArrayRef<Unit> units) {
  std::vector<unsigned> buffers;
  for (const Unit& u : units)
    for (const ast::Module* m : u.modules)
      buffers.push_back(m->bufferId);
  applySuppressions(session.diags(), session.sourceMgr(), buffers);
}

} // namespace salesc::frontend
