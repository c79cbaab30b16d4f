//===- Fixes.cpp - check --fix and --diff: fix-its applied until none is left ===//
#include "Fixes.h"

#include "fix/Edits.h"
#include "fix/UnifiedDiff.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

#include <functional>
#include <map>
#include <optional>
#include <set>

namespace salesc::driver {

namespace {

constexpr unsigned MaxRounds = 10;

/// A file that may be fixed, while the rounds run.
struct Target {
  FixedFile file;
  size_t unit = 0;      ///< its place among the checked files (the same in every run)
  std::string absolute; ///< where the files in memory serve its fixed text
  std::string refusal;  ///< why it is never changed (standard library, read-only); or ""
  bool refusalSaid = false;
  bool readOnly = false;
};

/// Standard input, read once however many times the files are checked.
struct StdinOnce {
  std::function<llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>()> read;
  std::optional<llvm::ErrorOr<std::string>> text;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> operator()() {
    if (!text) {
      auto b = read();
      text = b ? llvm::ErrorOr<std::string>((*b)->getBuffer().str())
               : llvm::ErrorOr<std::string>(b.getError());
    }
    if (!*text)
      return text->getError();
    return llvm::MemoryBuffer::getMemBufferCopy(**text, "<stdin>");
  }
};

std::string realPath(llvm::vfs::FileSystem& fs, llvm::StringRef path) {
  llvm::SmallString<256> real;
  if (fs.getRealPath(path, real))
    return absolutePath(fs, path);
  return std::string(real);
}

/// Why `path` may never be changed: "" when it may.
std::string refusalOf(llvm::vfs::FileSystem& fs, llvm::StringRef path, llvm::StringRef stdlibDir,
                      bool writing, bool& readOnly) {
  std::string real = realPath(fs, path);
  if (!stdlibDir.empty()) {
    std::string lib = realPath(fs, stdlibDir) + llvm::sys::path::get_separator().str();
    if (llvm::StringRef(real).startswith(lib))
      return "it is in the standard library, which --fix never changes";
  }
  if (!writing)
    return "";
  llvm::ErrorOr<llvm::vfs::Status> st = fs.status(path);
  using llvm::sys::fs::perms;
  if (st && (st->getPermissions() &
             (perms::owner_write | perms::group_write | perms::others_write)) == perms::no_perms) {
    readOnly = true;
    return "the file is read-only";
  }
  return "";
}

/// The files of the first run that may be fixed.
std::vector<Target> targetsOf(llvm::vfs::FileSystem& fs, const FrontEnd& fe, bool writing) {
  std::vector<Target> out;
  std::set<unsigned> seen;
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  for (size_t i = 0; i < fe.units.size(); ++i) {
    const frontend::Unit& u = fe.units[i];
    if (!u.root || !seen.insert(u.root->bufferId).second)
      continue;
    Target t;
    t.unit = i;
    t.file.path = u.path;
    t.file.fromStdin = int(i) == fe.stdinUnit;
    t.file.before = t.file.after = sm.getMemoryBuffer(u.root->bufferId)->getBuffer().str();
    if (!t.file.fromStdin) {
      t.absolute = absolutePath(fs, u.path);
      t.refusal = refusalOf(fs, u.path, fe.stdlibDir, writing, t.readOnly);
    }
    out.push_back(std::move(t));
  }
  return out;
}

/// The buffer of each target in `fe`: target index by buffer id.
llvm::DenseMap<unsigned, size_t> buffersOf(const FrontEnd& fe, const std::vector<Target>& targets) {
  llvm::DenseMap<unsigned, size_t> out;
  for (size_t t = 0; t < targets.size(); ++t) {
    const frontend::Unit& u = fe.units[targets[t].unit];
    if (u.root && u.path == targets[t].file.path)
      out.try_emplace(u.root->bufferId, t);
  }
  return out;
}

/// The buffer `loc` is in, 0 when none.
unsigned bufferOf(const llvm::SourceMgr& sm, llvm::SMLoc loc) {
  return loc.isValid() ? sm.FindBufferContainingLoc(loc) : 0;
}

/// The edit a diagnostic's fix-its make, when they are all in one buffer and allowed.
std::optional<fix::Edit> editOf(const llvm::SourceMgr& sm, const diag::Diagnostic& d, bool unsafe,
                                unsigned& buffer) {
  fix::Edit edit;
  buffer = 0;
  for (const diag::FixIt& f : d.fixes) {
    if (f.applicability == diag::Applicability::Unsafe && !unsafe)
      return std::nullopt;
    unsigned id = bufferOf(sm, f.range.Start);
    if (!id || (buffer && id != buffer))
      return std::nullopt;
    buffer = id;
    const char* start = sm.getMemoryBuffer(id)->getBufferStart();
    size_t begin = f.range.Start.getPointer() - start;
    size_t end = f.range.End.isValid() && f.range.End.getPointer() >= f.range.Start.getPointer()
                     ? f.range.End.getPointer() - start
                     : begin;
    edit.push_back(fix::Replacement{begin, end, f.replacement});
  }
  if (edit.empty())
    return std::nullopt;
  return edit;
}

/// The edits the diagnostics of `fe` offer, by target.
std::map<size_t, std::vector<fix::Edit>> editsOf(const FrontEnd& fe,
                                                 const std::vector<Target>& targets, bool unsafe) {
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  llvm::DenseMap<unsigned, size_t> buffers = buffersOf(fe, targets);
  std::map<size_t, std::vector<fix::Edit>> out;
  for (const diag::Diagnostic& d : fe.session->diags().sorted()) {
    unsigned buffer = 0;
    std::optional<fix::Edit> edit = editOf(sm, d, unsafe, buffer);
    auto it = buffers.find(buffer);
    if (edit && it != buffers.end())
      out[it->second].push_back(std::move(*edit));
  }
  return out;
}

/// The errors of `fe` in each target, as "CODE message" (what stays the same when lines
/// move).
using ErrorCounts = llvm::StringMap<unsigned>;
std::string errorKey(const diag::Diagnostic& d) {
  return diag::kindInfo(d.kind).code.str() + " " + d.message;
}
std::map<size_t, ErrorCounts> errorsOf(const FrontEnd& fe, const std::vector<Target>& targets) {
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  llvm::DenseMap<unsigned, size_t> buffers = buffersOf(fe, targets);
  std::map<size_t, ErrorCounts> out;
  for (const diag::Diagnostic& d : fe.session->diags().sorted()) {
    auto it = buffers.find(bufferOf(sm, d.range.Start));
    if (d.severity == diag::Severity::Error && it != buffers.end())
      ++out[it->second][errorKey(d)];
  }
  return out;
}

/// The check of the files as the targets hold them now: their fixed texts in memory, over
/// the files of `ctx`.
FrontEnd checkFixed(CommandContext& ctx, StdinOnce& stdinOnce, llvm::ArrayRef<std::string> inputs,
                    const FrontEndOptions& options, const std::vector<Target>& targets) {
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  if (auto cwd = ctx.fs->getCurrentWorkingDirectory())
    memory->setCurrentWorkingDirectory(*cwd);
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(ctx.fs);
  overlay->pushOverlay(memory);
  CommandContext fixed{ctx.out, ctx.err, ctx.argv0, overlay, ctx.stdlibDir, std::ref(stdinOnce)};
  for (const Target& t : targets) {
    if (t.file.after == t.file.before)
      continue;
    if (t.file.fromStdin) {
      std::string text = t.file.after;
      fixed.readStdin = [text]() -> llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> {
        return llvm::MemoryBuffer::getMemBufferCopy(text, "<stdin>");
      };
    } else {
      memory->addFile(t.absolute, 0, llvm::MemoryBuffer::getMemBufferCopy(t.file.after));
    }
  }
  return runFrontEnd(fixed, inputs, options);
}

/// Applies the edits `fe` offers to the targets; how many were applied.
unsigned applyRound(const FrontEnd& fe, std::vector<Target>& targets, FixResult& result,
                    bool unsafe) {
  unsigned applied = 0;
  for (auto& [index, edits] : editsOf(fe, targets, unsafe)) {
    Target& t = targets[index];
    if (!t.refusal.empty()) {
      if (!t.refusalSaid)
        result.leftAlone.push_back(t.readOnly
                                       ? "error: cannot fix '" + t.file.path + "': " + t.refusal
                                       : "'" + t.file.path + "' is left as it was: " + t.refusal);
      t.refusalSaid = true;
      result.readOnly |= t.readOnly;
      continue;
    }
    fix::Applied a = fix::applyEdits(t.file.after, std::move(edits));
    t.file.after = std::move(a.text);
    t.file.fixes += a.edits;
    applied += a.edits;
  }
  return applied;
}

/// The first error of `fe` in target `index` that the fixes added: not among `before`,
/// and a file error or on a line the fixes wrote (or with a note there). Null when none.
const diag::Diagnostic* addedError(const FrontEnd& fe, const std::vector<diag::Diagnostic>& diags,
                                   unsigned buffer, const Target& t, ErrorCounts before) {
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  std::vector<size_t> written = fix::addedLines(t.file.before, t.file.after);
  auto onWrittenLine = [&](llvm::SMRange r) {
    return bufferOf(sm, r.Start) == buffer &&
           std::binary_search(written.begin(), written.end(),
                              size_t(sm.FindLineNumber(r.Start, buffer)));
  };
  for (const diag::Diagnostic& d : diags) {
    if (d.severity != diag::Severity::Error || bufferOf(sm, d.range.Start) != buffer)
      continue;
    unsigned& count = before[errorKey(d)];
    if (count) {
      --count;
      continue;
    }
    if (diag::kindInfo(d.kind).code.startswith("S") || onWrittenLine(d.range) ||
        llvm::any_of(d.notes, [&](const diag::Note& n) { return onWrittenLine(n.range); }))
      return &d;
  }
  return nullptr;
}

/// Puts back every fixed file that has an error its fixes added; whether any was.
bool revertBroken(const FrontEnd& fe, std::vector<Target>& targets,
                  std::map<size_t, ErrorCounts>& before, FixResult& result) {
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  std::vector<diag::Diagnostic> diags = fe.session->diags().sorted();
  bool reverted = false;
  for (auto [buffer, index] : buffersOf(fe, targets)) {
    Target& t = targets[index];
    if (t.file.after == t.file.before)
      continue;
    const diag::Diagnostic* d = addedError(fe, diags, buffer, t, before[index]);
    if (!d)
      continue;
    result.leftAlone.push_back("'" + t.file.path +
                               "' is left as it was: its fixes would add an "
                               "error at line " +
                               std::to_string(sm.FindLineNumber(d->range.Start, buffer)) + ": " +
                               d->message);
    t.file.after = t.file.before;
    t.file.fixes = 0;
    reverted = true;
  }
  return reverted;
}

/// Problems of `fe` in the targets whose fix-its include a guess.
unsigned unsafeProblems(const FrontEnd& fe, const std::vector<Target>& targets) {
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  llvm::DenseMap<unsigned, size_t> buffers = buffersOf(fe, targets);
  unsigned n = 0;
  for (const diag::Diagnostic& d : fe.session->diags().sorted()) {
    unsigned buffer = 0;
    if (!editOf(sm, d, /*unsafe=*/false, buffer) && editOf(sm, d, /*unsafe=*/true, buffer) &&
        buffers.count(buffer) && targets[buffers[buffer]].refusal.empty())
      ++n;
  }
  return n;
}

} // namespace

FixResult runFixes(CommandContext& ctx, llvm::ArrayRef<std::string> inputs,
                   const FrontEndOptions& options, FixOptions fixOptions) {
  StdinOnce stdinOnce{ctx.readStdin, std::nullopt};
  // Every diagnostic's fix-its, warnings too (--quiet is for the report, at the end).
  FrontEndOptions all = options;
  all.errorsOnly = false;
  std::vector<Target> targets;
  FixResult result;
  result.first = checkFixed(ctx, stdinOnce, inputs, all, targets);
  targets = targetsOf(*ctx.fs, result.first, fixOptions.writing);
  std::map<size_t, ErrorCounts> before = errorsOf(result.first, targets);
  auto recheck = [&](const FrontEndOptions& o) {
    result.fixed = checkFixed(ctx, stdinOnce, inputs, o, targets);
  };
  for (unsigned round = 0; round < MaxRounds; ++round) {
    if (!applyRound(result.final(), targets, result, fixOptions.unsafe))
      break;
    recheck(all);
  }
  // Each pass puts back at least one file, or ends.
  for (size_t pass = 0;
       pass <= targets.size() && revertBroken(result.final(), targets, before, result); ++pass)
    recheck(all);
  if (options.errorsOnly)
    recheck(options);
  if (!fixOptions.unsafe)
    result.unsafeLeft = unsafeProblems(result.final(), targets);
  for (Target& t : targets)
    result.files.push_back(std::move(t.file));
  return result;
}

} // namespace salesc::driver
