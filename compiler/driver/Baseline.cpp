//===- Baseline.cpp - Known problems, counted per file and code (check --baseline) ===//
#include "Baseline.h"

#include "FrontEnd.h"
#include "InputFile.h"

#include "output/OutputFile.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <cstdio>

namespace salesc::driver {

/// A baseline of 30,000 results is a few MB; a pipe giving more than this is refused.
constexpr size_t MaxBaselineBytes = size_t(256) << 20;

namespace {

/// `path` relative to the absolute folder `base`, with '/' between folders ("../x" when
/// it is outside).
std::string relativeTo(llvm::StringRef path, llvm::StringRef base) {
  namespace sp = llvm::sys::path;
  auto pi = sp::begin(path), pe = sp::end(path);
  auto bi = sp::begin(base), be = sp::end(base);
  while (pi != pe && bi != be && *pi == *bi) {
    ++pi;
    ++bi;
  }
  std::string out;
  for (; bi != be; ++bi)
    out += "../";
  for (; pi != pe; ++pi) {
    out += pi->str();
    out += '/';
  }
  if (!out.empty())
    out.pop_back();
  return out;
}

/// A JSON syntax error as "FILE:LINE:COL: message". llvm::json::ParseError logs
/// "[LINE:COL, byte=N]: message", COL being the characters before the parser's place on
/// its line, which is just past the unexpected character when it was read: the column
/// of that character (at least 1).
std::string syntaxError(llvm::StringRef path, llvm::Error e) {
  std::string text = llvm::toString(std::move(e));
  unsigned line = 0, col = 0, byte = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "[%u:%u, byte=%u]: %n", &line, &col, &byte, &consumed) == 3 &&
      consumed > 0)
    return (path + ":" + llvm::Twine(line) + ":" + llvm::Twine(std::max(col, 1u)) +
            ": this baseline is not valid JSON: " + llvm::StringRef(text).drop_front(consumed))
        .str();
  return (path + ": this baseline is not valid JSON: " + text).str();
}

llvm::Error shapeError(llvm::StringRef path, const llvm::Twine& message) {
  return llvm::createStringError(std::errc::invalid_argument, "%s",
                                 (path + ": " + message).str().c_str());
}

/// The "files" object of a parsed baseline into counts, or an error naming the entry.
llvm::Expected<BaselineCounts> readCounts(llvm::StringRef path, const llvm::json::Value& root) {
  const llvm::json::Object* top = root.getAsObject();
  if (!top)
    return shapeError(path, "a baseline is a JSON object with \"version\": 1 and \"files\"; "
                            "write one with 'salesc check --write-baseline'");
  llvm::Optional<int64_t> version = top->getInteger("version");
  if (!version || *version != 1)
    return shapeError(path, "this baseline is not version 1 (\"version\": 1), the only version "
                            "this salesc reads");
  const llvm::json::Object* files = top->getObject("files");
  if (!files)
    return shapeError(path, "this baseline has no \"files\" object");
  BaselineCounts counts;
  for (const auto& [file, codes] : *files) {
    const llvm::json::Object* byCode = codes.getAsObject();
    if (!byCode)
      return shapeError(path, "the entry of '" + file.str() +
                                  "' is not an object of codes (\"N008\": {\"count\": 2})");
    for (const auto& [code, entry] : *byCode) {
      const llvm::json::Object* e = entry.getAsObject();
      llvm::Optional<int64_t> count = e ? e->getInteger("count") : llvm::None;
      if (!count || *count < 1 || *count > int64_t(UINT32_MAX))
        return shapeError(path, "the entry of " + code.str() + " in '" + file.str() +
                                    "' is not {\"count\": N} with a whole number N of 1 or more");
      counts[file.str()][code.str()] = unsigned(*count);
    }
  }
  return counts;
}

} // namespace

Baseline newBaseline(llvm::vfs::FileSystem& fs, llvm::StringRef path) {
  Baseline b;
  b.path = path.str();
  b.folder = llvm::sys::path::parent_path(absolutePath(fs, path)).str();
  return b;
}

llvm::Expected<Baseline> readBaseline(llvm::vfs::FileSystem& fs, llvm::StringRef path) {
  Baseline b = newBaseline(fs, path);
  auto buffer = readFileOrPipe(fs, path.str(), MaxBaselineBytes);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "cannot read the baseline '%s': %s",
                                   path.str().c_str(), buffer.getError().message().c_str());
  llvm::Expected<llvm::json::Value> root = llvm::json::parse((*buffer)->getBuffer());
  if (!root)
    return llvm::createStringError(std::errc::invalid_argument, "%s",
                                   syntaxError(path, root.takeError()).c_str());
  llvm::Expected<BaselineCounts> counts = readCounts(path, *root);
  if (!counts)
    return counts.takeError();
  b.counts = std::move(*counts);
  return b;
}

std::string baselineJson(const BaselineCounts& counts) {
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::json::OStream j(os, 2);
  j.object([&] {
    j.attributeObject("files", [&] {
      // Pairs rather than structured bindings: clang 14 cannot capture those in a lambda.
      for (const auto& fileCodes : counts)
        j.attributeObject(fileCodes.first, [&] {
          for (const auto& codeCount : fileCodes.second)
            j.attributeObject(codeCount.first, [&] { j.attribute("count", codeCount.second); });
        });
    });
    j.attribute("version", 1);
  });
  os << '\n';
  return out;
}

llvm::Error writeBaseline(const Baseline& b) {
  llvm::Expected<output::WriteResult> r = output::writeAtomically(b.path, baselineJson(b.counts));
  if (!r)
    return llvm::createStringError(std::errc::io_error, "cannot write the baseline '%s': %s",
                                   b.path.c_str(), llvm::toString(r.takeError()).c_str());
  return llvm::Error::success();
}

std::string baselineFile(llvm::vfs::FileSystem& fs, const Baseline& b, const llvm::SourceMgr& sm,
                         const diag::Diagnostic& d) {
  std::string file = d.file;
  if (file.empty() && d.range.Start.isValid())
    if (unsigned id = sm.FindBufferContainingLoc(d.range.Start))
      file = sm.getMemoryBuffer(id)->getBufferIdentifier().str();
  return file.empty() ? "" : baselineName(fs, b, file);
}

std::string baselineName(llvm::vfs::FileSystem& fs, const Baseline& b, llvm::StringRef path) {
  return relativeTo(absolutePath(fs, path), b.folder);
}

BaselineCounts countFindings(llvm::vfs::FileSystem& fs, const Baseline& b,
                             const llvm::SourceMgr& sm, llvm::ArrayRef<diag::Diagnostic> diags) {
  BaselineCounts counts;
  for (const diag::Diagnostic& d : diags) {
    std::string file = baselineFile(fs, b, sm, d);
    if (!file.empty())
      ++counts[file][diag::kindInfo(d.kind).code.str()];
  }
  return counts;
}

BaselineCounts prunedCounts(const Baseline& b, const BaselineCounts& found,
                            const std::vector<std::string>& checked) {
  BaselineCounts out;
  for (const auto& [file, codes] : b.counts) {
    bool wasChecked = llvm::is_contained(checked, file);
    auto now = found.find(file);
    for (const auto& [code, count] : codes) {
      unsigned keep = count;
      if (wasChecked) {
        unsigned seen = 0;
        if (now != found.end()) {
          auto c = now->second.find(code);
          seen = c == now->second.end() ? 0 : c->second;
        }
        keep = std::min(count, seen);
      }
      if (keep)
        out[file][code] = keep;
    }
  }
  return out;
}

BaselineView applyBaseline(llvm::vfs::FileSystem& fs, const Baseline& b, const llvm::SourceMgr& sm,
                           llvm::ArrayRef<diag::Diagnostic> diags) {
  BaselineView view;
  view.states.assign(diags.size(), "new");
  // Diagnostics of one file and code are not next to each other in the sorted list
  // (they are sorted by place): gather them first, in order.
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> groups;
  std::vector<std::string> files(diags.size());
  for (size_t i = 0; i < diags.size(); ++i) {
    files[i] = baselineFile(fs, b, sm, diags[i]);
    if (!files[i].empty())
      groups[{files[i], diag::kindInfo(diags[i].kind).code.str()}].push_back(i);
  }
  std::vector<bool> hidden(diags.size(), false);
  std::vector<std::string> notes(diags.size());
  for (const auto& [key, members] : groups) {
    unsigned recorded = 0;
    auto f = b.counts.find(key.first);
    if (f != b.counts.end()) {
      auto c = f->second.find(key.second);
      recorded = c == f->second.end() ? 0 : c->second;
    }
    unsigned found = unsigned(members.size());
    for (size_t k = 0; k < members.size() && k < recorded; ++k)
      view.states[members[k]] = "unchanged";
    if (found <= recorded) {
      view.known += found;
      for (size_t i : members)
        hidden[i] = true;
      continue;
    }
    view.known += recorded;
    unsigned excess = found - recorded;
    (diags[members.front()].severity == diag::Severity::Error ? view.newErrors
                                                              : view.newWarnings) += excess;
    if (recorded)
      for (size_t i : members)
        notes[i] = "the baseline knows " + std::to_string(recorded) + " of the " +
                   std::to_string(found) + " " + key.second + " problems in this file; " +
                   std::to_string(excess) + (excess == 1 ? " is" : " are") +
                   " new (salesc cannot tell which)";
  }
  for (size_t i = 0; i < diags.size(); ++i) {
    if (hidden[i])
      continue;
    view.shown.push_back(diags[i]);
    if (files[i].empty()) // the command line: never in a baseline
      ++(diags[i].severity == diag::Severity::Error ? view.newErrors : view.newWarnings);
    if (!notes[i].empty())
      view.shown.back().notes.push_back(diag::Note{notes[i], llvm::SMRange()});
  }
  return view;
}

namespace {

/// How many problems `counts` holds.
unsigned total(const BaselineCounts& counts) {
  unsigned n = 0;
  for (const auto& [file, codes] : counts)
    for (const auto& [code, count] : codes)
      n += count;
  return n;
}

/// "1 problem", "3 problems".
std::string problems(unsigned n) {
  return std::to_string(n) + (n == 1 ? " problem" : " problems");
}

} // namespace

llvm::Expected<std::optional<Baseline>>
settleBaseline(CommandContext& ctx, const FrontEnd& fe, const BaselineOptions& options,
               std::optional<Baseline> loaded, llvm::ArrayRef<diag::Diagnostic> sorted, bool say) {
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  if (!options.write.empty()) {
    Baseline b = newBaseline(*ctx.fs, options.write);
    b.counts = countFindings(*ctx.fs, b, sm, sorted);
    if (llvm::Error e = writeBaseline(b))
      return e;
    if (say)
      ctx.err << "salesc: wrote the baseline '" << b.path << "': " << problems(total(b.counts))
              << " in " << b.counts.size() << (b.counts.size() == 1 ? " file" : " files") << '\n';
    return std::optional<Baseline>(std::move(b));
  }
  if (!loaded || !options.prune)
    return loaded;
  // Only the files this run checked, and read without a syntax error (then nothing was
  // checked in them), can show that a problem was fixed.
  std::vector<std::string> checked;
  for (const frontend::Unit& u : fe.units)
    if (u.root && !u.syntaxErrors)
      checked.push_back(baselineName(*ctx.fs, *loaded, u.path));
  unsigned before = total(loaded->counts);
  loaded->counts = prunedCounts(*loaded, countFindings(*ctx.fs, *loaded, sm, sorted), checked);
  if (llvm::Error e = writeBaseline(*loaded))
    return e;
  if (say)
    ctx.err << "salesc: pruned the baseline '" << loaded->path
            << "': " << problems(before - total(loaded->counts)) << " fixed, "
            << total(loaded->counts) << " left\n";
  return loaded;
}

} // namespace salesc::driver
