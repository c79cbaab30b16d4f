//===- Config.cpp - Finds the configuration files of a run and combines them ===//
#include "Config.h"
#include "Command.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("Configuration files (.salesc.yaml)");
  return cat;
}

cl::opt<std::string> ConfigPath("config", cl::init(""), inEveryCommand(), cl::cat(category()),
                                cl::value_desc("file"),
                                cl::desc("Use this configuration file for every file, instead of "
                                         "the nearest .salesc.yaml above each"));
cl::opt<bool> NoConfig("no-config", cl::init(false), inEveryCommand(), cl::cat(category()),
                       cl::desc("Read no configuration file"));

std::string absolute(llvm::vfs::FileSystem& fs, llvm::StringRef path) {
  llvm::SmallString<256> p(path);
  fs.makeAbsolute(p);
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return std::string(p);
}

/// Whether `c` is in the class `cls` (the text between '[' and ']').
bool inClass(llvm::StringRef cls, char c) {
  bool negate = cls.consume_front("!") || cls.consume_front("^");
  bool in = false;
  for (size_t i = 0; i < cls.size(); ++i) {
    if (i + 2 < cls.size() && cls[i + 1] == '-') {
      in = in || (cls[i] <= c && c <= cls[i + 2]);
      i += 2;
    } else {
      in = in || cls[i] == c;
    }
  }
  return in != negate;
}

bool match(llvm::StringRef g, llvm::StringRef p) {
  while (!g.empty()) {
    if (g.startswith("**")) {
      g = g.drop_front(2);
      bool folders = g.consume_front("/"); // "**/": none or any folders
      for (size_t i = 0; i <= p.size(); ++i)
        if ((i == 0 || !folders || p[i - 1] == '/') && match(g, p.drop_front(i)))
          return true;
      return false;
    }
    if (g.front() == '*') {
      g = g.drop_front();
      for (size_t i = 0; i <= p.size(); ++i) {
        if (match(g, p.drop_front(i)))
          return true;
        if (i < p.size() && p[i] == '/')
          return false;
      }
      return false;
    }
    if (p.empty())
      return false;
    if (g.front() == '?' && p.front() != '/') {
      g = g.drop_front();
      p = p.drop_front();
      continue;
    }
    size_t close = g.front() == '[' ? g.find(']', 2) : llvm::StringRef::npos;
    if (close != llvm::StringRef::npos) {
      if (p.front() == '/' || !inClass(g.slice(1, close), p.front()))
        return false;
      g = g.drop_front(close + 1);
      p = p.drop_front();
      continue;
    }
    if (g.front() != p.front())
      return false;
    g = g.drop_front();
    p = p.drop_front();
  }
  return p.empty();
}

/// `file` relative to `folder` with '/' between folders, or "" when it is not inside.
std::string relativeTo(llvm::StringRef folder, llvm::StringRef file) {
  folder = folder.rtrim("/\\"); // the root, "/", is ""
  if (!file.startswith(folder) || file.size() <= folder.size() ||
      !llvm::sys::path::is_separator(file[folder.size()]))
    return "";
  return llvm::sys::path::convert_to_slash(file.drop_front(folder.size() + 1));
}

void apply(const LevelList& levels, std::map<diag::DiagKind, diag::Level>& out) {
  for (const auto& [kind, level] : levels)
    out[kind] = level;
}

} // namespace

ConfigChoice configChoice() {
  return ConfigChoice{ConfigPath, NoConfig};
}

std::string shownPath(llvm::vfs::FileSystem& fs, llvm::StringRef path) {
  llvm::ErrorOr<std::string> cwd = fs.getCurrentWorkingDirectory();
  if (cwd) {
    std::string inside = relativeTo(*cwd, path);
    if (!inside.empty())
      return inside;
  }
  return path.str();
}

bool globMatches(llvm::StringRef glob, llvm::StringRef path) {
  glob.consume_front("./");
  glob.consume_front("/");
  if (!glob.contains('/'))
    return match(glob, llvm::sys::path::filename(path, llvm::sys::path::Style::posix));
  return match(glob, path);
}

const ConfigFile* ConfigSet::load(const std::string& path) {
  auto it = files_.find(path);
  if (it != files_.end())
    return it->second.get();
  bool hadErrors = false;
  std::unique_ptr<ConfigFile> file =
      readConfigFile(fs_, sm_, diags_, path, shownPath(fs_, path), hadErrors);
  errors_ = errors_ || hadErrors;
  return (files_[path] = std::move(file)).get();
}

std::vector<const ConfigFile*> ConfigSet::chainOf(const std::string& path,
                                                  std::vector<std::string>& chain) {
  const ConfigFile* file = load(path);
  if (!file)
    return {};
  std::vector<const ConfigFile*> out;
  if (!file->extends.empty()) {
    if (file->extends == path) {
      diags_.report(diag::DiagKind::ConfigExtends, file->extendsRange,
                    "this configuration extends itself; name the configuration it builds on");
      errors_ = true;
    } else if (llvm::is_contained(chain, file->extends)) {
      diags_.report(diag::DiagKind::ConfigExtends, file->extendsRange,
                    "'" + file->extendsWritten + "' extends this file again, through " +
                        "'extends:'; configurations cannot extend each other in a cycle");
      errors_ = true;
    } else if (!fs_.exists(file->extends) || !load(file->extends)) {
      std::string shown = shownPath(fs_, file->extends);
      diags_.report(diag::DiagKind::ConfigExtends, file->extendsRange,
                    "cannot read '" + file->extendsWritten + "'" +
                        (shown == file->extendsWritten ? "" : " (" + shown + ")") +
                        ", which 'extends:' names; the path is relative to this file");
      errors_ = true;
    } else {
      chain.push_back(path);
      out = chainOf(file->extends, chain);
      chain.pop_back();
    }
  }
  out.push_back(file);
  return out;
}

std::string ConfigSet::findConfig(const std::string& folder) {
  auto it = nearest_.find(folder);
  if (it != nearest_.end())
    return it->second;
  llvm::SmallString<256> candidate(folder);
  llvm::sys::path::append(candidate, ConfigFileName);
  std::string found;
  if (fs_.exists(candidate))
    found = std::string(candidate);
  else if (llvm::StringRef parent = llvm::sys::path::parent_path(folder);
           !parent.empty() && parent != folder)
    found = findConfig(parent.str());
  return nearest_[folder] = found;
}

const EffectiveConfig& ConfigSet::forFile(llvm::StringRef path) {
  std::string file = absolute(fs_, path);
  auto it = effective_.find(file);
  if (it != effective_.end())
    return it->second;
  EffectiveConfig& out = effective_[file];
  if (choice_.none)
    return out;
  std::string config;
  if (!choice_.file.empty()) {
    config = absolute(fs_, choice_.file);
    if (!fs_.exists(config) || !load(config)) {
      if (!errors_) // said once, not once per file
        diags_.reportFile(diag::DiagKind::ConfigExtends, choice_.file,
                          "cannot read the configuration file '" + choice_.file +
                              "' that --config names");
      errors_ = true;
      return out;
    }
  } else {
    config = findConfig(llvm::sys::path::parent_path(file).str());
  }
  if (config.empty())
    return out;
  std::vector<std::string> chain;
  for (const ConfigFile* c : chainOf(config, chain)) {
    out.files.push_back(c->path);
    apply(c->levels, out.levels);
    std::string relative = relativeTo(c->folder, file);
    for (const ConfigFile::Override& o : c->overrides)
      if (!relative.empty() &&
          llvm::any_of(o.globs, [&](const std::string& g) { return globMatches(g, relative); }))
        apply(o.levels, out.levels);
    out.include.insert(out.include.end(), c->include.begin(), c->include.end());
    if (!c->stdlib.empty())
      out.stdlib = c->stdlib;
    if (!c->baseline.empty())
      out.baseline = c->baseline;
    if (c->maxWarnings)
      out.maxWarnings = c->maxWarnings;
  }
  return out;
}

EffectiveConfig ConfigSet::forRun(llvm::ArrayRef<std::string> files) {
  EffectiveConfig run;
  for (const std::string& f : files) {
    const EffectiveConfig& c = forFile(f);
    for (const std::string& config : c.files)
      if (!llvm::is_contained(run.files, config))
        run.files.push_back(config);
    for (const std::string& dir : c.include)
      if (!llvm::is_contained(run.include, dir))
        run.include.push_back(dir);
    if (run.stdlib.empty())
      run.stdlib = c.stdlib;
    if (run.baseline.empty())
      run.baseline = c.baseline;
    if (!run.maxWarnings)
      run.maxWarnings = c.maxWarnings;
  }
  return run;
}

std::optional<diag::Level> ConfigSet::levelFor(diag::DiagKind kind, llvm::StringRef file) {
  if (file.empty() || choice_.none)
    return std::nullopt;
  const EffectiveConfig& config = forFile(file);
  auto it = config.levels.find(kind);
  if (it == config.levels.end())
    return std::nullopt;
  return it->second;
}

} // namespace salesc::driver
