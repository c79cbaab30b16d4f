//===- ConfigFile.cpp - Reads one .salesc.yaml with LLVM's YAML parser -----===//
#include "Config.h"
#include "InputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLParser.h"

namespace salesc::driver {

/// A config file is a few keys; a pipe giving more is refused.
constexpr size_t MaxConfigBytes = size_t(1) << 20;

namespace yaml = llvm::yaml;
using diag::DiagKind;

namespace {

/// Reads the nodes of one configuration file into a ConfigFile, reporting each mistake
/// at its place.
class ConfigReader {
public:
  ConfigReader(diag::DiagnosticEngine& diags, ConfigFile& out) : diags_(diags), out_(out) {}

  void document(yaml::Node* root) {
    if (!root || llvm::isa<yaml::NullNode>(root))
      return; // an empty file: no settings
    auto* map = llvm::dyn_cast<yaml::MappingNode>(root);
    if (!map) {
      problem(DiagKind::ConfigSyntax, root,
              "a configuration file is a map of settings ('diagnostics:', 'overrides:', "
              "'extends:', 'include:', 'stdlib:', 'baseline:', 'max-warnings:')");
      return;
    }
    for (yaml::KeyValueNode& kv : *map) {
      std::string key = scalar(kv.getKey());
      yaml::Node* value = kv.getValue();
      if (key == "diagnostics")
        levels(value, out_.levels);
      else if (key == "overrides")
        overrides(value);
      else if (key == "extends") {
        out_.extends = path(value);
        out_.extendsWritten = scalar(value);
        out_.extendsRange = value->getSourceRange();
      } else if (key == "include")
        paths(value, out_.include);
      else if (key == "stdlib")
        out_.stdlib = path(value);
      else if (key == "baseline")
        out_.baseline = path(value);
      else if (key == "max-warnings")
        out_.maxWarnings = count(value);
      else if (kv.getKey())
        problem(DiagKind::ConfigUnknownKey, kv.getKey(),
                "unknown setting '" + key +
                    "'; a configuration file holds 'diagnostics', 'overrides', 'extends', "
                    "'include', 'stdlib', 'baseline' and 'max-warnings'");
    }
  }

  bool hadErrors = false;

private:
  void problem(DiagKind kind, yaml::Node* at, std::string message) {
    hadErrors = true;
    diags_.report(kind, at ? at->getSourceRange() : llvm::SMRange(), std::move(message));
  }

  /// The text of a scalar, or "" (reported) for anything else.
  std::string scalar(yaml::Node* n, llvm::StringRef what = "a single value") {
    if (auto* s = llvm::dyn_cast_or_null<yaml::ScalarNode>(n)) {
      llvm::SmallString<64> storage;
      return s->getValue(storage).str();
    }
    if (n)
      problem(DiagKind::ConfigInvalidValue, n, "expected " + what.str() + " here");
    return "";
  }

  /// A path relative to the configuration file's folder, made absolute.
  std::string path(yaml::Node* n) {
    std::string p = scalar(n, "a path");
    if (p.empty())
      return p;
    llvm::SmallString<256> full(p);
    if (!llvm::sys::path::is_absolute(full)) {
      full = out_.folder;
      llvm::sys::path::append(full, p);
    }
    llvm::sys::path::remove_dots(full, /*remove_dot_dot=*/true);
    return std::string(full);
  }

  /// One path or a list of them.
  void paths(yaml::Node* n, std::vector<std::string>& out) {
    if (auto* seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(n)) {
      for (yaml::Node& item : *seq)
        if (std::string p = path(&item); !p.empty())
          out.push_back(p);
    } else if (std::string p = path(n); !p.empty()) {
      out.push_back(p);
    }
  }

  std::optional<unsigned> count(yaml::Node* n) {
    std::string text = scalar(n, "a number of warnings");
    unsigned value = 0;
    if (!text.empty() && !llvm::StringRef(text).getAsInteger(10, value))
      return value;
    if (!text.empty())
      problem(DiagKind::ConfigInvalidValue, n,
              "'max-warnings' is a number of warnings, such as 0 or 10, not '" + text + "'");
    return std::nullopt;
  }

  /// `diagnostics:` - a map from a code or a name to error, warning or off.
  void levels(yaml::Node* n, LevelList& out) {
    auto* map = llvm::dyn_cast_or_null<yaml::MappingNode>(n);
    if (!map) {
      if (n && !llvm::isa<yaml::NullNode>(n))
        problem(DiagKind::ConfigInvalidValue, n,
                "'diagnostics' maps codes or names to a level, as in 'N008: off'");
      return;
    }
    for (yaml::KeyValueNode& kv : *map) {
      std::string name = scalar(kv.getKey(), "a diagnostic's code or name");
      std::string level = scalar(kv.getValue(), "error, warning or off");
      std::optional<DiagKind> kind = diag::kindByCode(name);
      if (!kind)
        kind = diag::kindByName(name);
      if (!kind) {
        if (!name.empty())
          problem(DiagKind::ConfigUnknownDiagnostic, kv.getKey(),
                  "there is no diagnostic '" + name +
                      "'; 'salesc check --list-diagnostics' lists their codes and names");
        continue;
      }
      std::optional<diag::Level> l;
      if (level == "error")
        l = diag::Level::Error;
      else if (level == "warning")
        l = diag::Level::Warning;
      else if (level == "off")
        l = diag::Level::Off;
      if (!l) {
        if (!level.empty())
          problem(DiagKind::ConfigInvalidValue, kv.getValue(),
                  "'" + level + "' is not a level; write error, warning or off");
        continue;
      }
      const diag::KindInfo& info = diag::kindInfo(*kind);
      if (info.severity == diag::Severity::Error && *l != diag::Level::Error) {
        problem(DiagKind::ConfigUnknownDiagnostic, kv.getKey(),
                "'" + name + "' (" + (name == info.name ? info.code : info.name).str() +
                    ") is an error, and errors cannot be turned down; a configuration makes "
                    "warnings errors or turns them off");
        continue;
      }
      out.emplace_back(*kind, *l);
    }
  }

  /// `overrides:` - a list of {files: [globs], diagnostics: {...}}.
  void overrides(yaml::Node* n) {
    auto* seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(n);
    if (!seq) {
      if (n && !llvm::isa<yaml::NullNode>(n))
        problem(DiagKind::ConfigInvalidValue, n,
                "'overrides' is a list of entries, each with 'files:' and 'diagnostics:'");
      return;
    }
    for (yaml::Node& item : *seq) {
      auto* map = llvm::dyn_cast<yaml::MappingNode>(&item);
      if (!map) {
        problem(DiagKind::ConfigInvalidValue, &item,
                "an override is a map with 'files:' and 'diagnostics:'");
        continue;
      }
      ConfigFile::Override o;
      for (yaml::KeyValueNode& kv : *map) {
        std::string key = scalar(kv.getKey());
        if (key == "files")
          globs(kv.getValue(), o.globs);
        else if (key == "diagnostics")
          levels(kv.getValue(), o.levels);
        else if (kv.getKey())
          problem(DiagKind::ConfigUnknownKey, kv.getKey(),
                  "unknown setting '" + key +
                      "' in an override; it holds 'files' and 'diagnostics'");
      }
      out_.overrides.push_back(std::move(o));
    }
  }

  void globs(yaml::Node* n, std::vector<std::string>& out) {
    if (auto* seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(n)) {
      for (yaml::Node& item : *seq)
        if (std::string g = scalar(&item, "a glob, such as 'legacy/**'"); !g.empty())
          out.push_back(g);
    } else if (std::string g = scalar(n, "a glob or a list of globs"); !g.empty()) {
      out.push_back(g);
    }
  }

  diag::DiagnosticEngine& diags_;
  ConfigFile& out_;
};

/// While alive, the YAML parser's syntax errors go to `diags` as K001.
class SyntaxErrors {
public:
  SyntaxErrors(llvm::SourceMgr& sm, diag::DiagnosticEngine& diags)
      : sm_(sm), diags_(diags), handler_(sm.getDiagHandler()), context_(sm.getDiagContext()) {
    sm.setDiagHandler(&SyntaxErrors::handle, this);
  }
  ~SyntaxErrors() { sm_.setDiagHandler(handler_, context_); }
  SyntaxErrors(const SyntaxErrors&) = delete;
  SyntaxErrors& operator=(const SyntaxErrors&) = delete;

  bool seen = false;

private:
  static void handle(const llvm::SMDiagnostic& d, void* self) {
    auto* me = static_cast<SyntaxErrors*>(self);
    me->seen = true;
    // LLVM's words ("Unexpected token. Expected Key or Block End"), in salesc's style.
    std::string message = llvm::StringRef(d.getMessage()).lower();
    while (!message.empty() && (message.back() == '!' || message.back() == '.'))
      message.pop_back();
    for (size_t at = message.find(". "); at != std::string::npos; at = message.find(". "))
      message.replace(at, 2, ", ");
    me->diags_.report(DiagKind::ConfigSyntax, llvm::SMRange(d.getLoc(), d.getLoc()),
                      "this is not valid YAML (" + message +
                          "); check the indentation and the quotes here");
  }

  llvm::SourceMgr& sm_;
  diag::DiagnosticEngine& diags_;
  llvm::SourceMgr::DiagHandlerTy handler_;
  void* context_;
};

} // namespace

std::unique_ptr<ConfigFile> readConfigFile(llvm::vfs::FileSystem& fs, llvm::SourceMgr& sm,
                                           diag::DiagnosticEngine& diags, llvm::StringRef path,
                                           llvm::StringRef shown, bool& hadErrors) {
  auto buffer = readFileOrPipe(fs, path.str(), MaxConfigBytes);
  if (!buffer) {
    // A device (a config linked to /dev/zero) or an endless pipe is said; a config that
    // is not there is no config.
    if (buffer.getError() == notAFile() || buffer.getError() == pipeTooLong()) {
      diags.reportFile(DiagKind::FileUnreadable, shown,
                       "cannot read the config '" + shown.str() +
                           "': " + buffer.getError().message());
      hadErrors = true;
    }
    return nullptr;
  }
  auto config = std::make_unique<ConfigFile>();
  config->path = path.str();
  config->folder = llvm::sys::path::parent_path(path).str();
  // The source manager owns the text, so that diagnostics can show its lines.
  unsigned id = sm.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy((*buffer)->getBuffer(), shown), llvm::SMLoc());
  SyntaxErrors syntax(sm, diags);
  ConfigReader reader(diags, *config);
  yaml::Stream stream(sm.getMemoryBuffer(id)->getMemBufferRef(), sm, /*ShowColors=*/false);
  unsigned documents = 0;
  for (yaml::Document& doc : stream) {
    if (++documents == 2) {
      diags.report(DiagKind::ConfigSyntax, doc.getRoot()->getSourceRange(),
                   "a configuration file holds one YAML document; remove the '---' and what "
                   "follows, or merge it into the first");
      hadErrors = true;
      break;
    }
    reader.document(doc.getRoot());
    if (syntax.seen)
      break;
  }
  hadErrors = hadErrors || reader.hadErrors || syntax.seen;
  return config;
}

} // namespace salesc::driver
