//===- ConfigCommand.cpp - `salesc config FILE`: the configuration of a file ===//
#include "driver/FrontEnd.h"

#include "diag/Render.h"

#include "llvm/Support/JSON.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

enum class Format { Text, Json };

cl::opt<std::string> File(cl::Positional, cl::sub(subConfig()), cl::desc("<file.sales>"));
cl::opt<Format>
    OutputFormat("format", cl::sub(subConfig()), cl::init(Format::Text),
                 cl::desc("How to print it"),
                 cl::values(clEnumValN(Format::Text, "text", "one setting a line (default)"),
                            clEnumValN(Format::Json, "json", "one JSON document")));

llvm::StringRef levelName(diag::Level l) {
  switch (l) {
  case diag::Level::Off:
    return "off";
  case diag::Level::Warning:
    return "warning";
  case diag::Level::Error:
    return "error";
  }
  return "";
}

/// The paths of `c` as salesc shows them (relative to the working folder when inside it).
EffectiveConfig shown(llvm::vfs::FileSystem& fs, EffectiveConfig c) {
  for (std::string& f : c.files)
    f = shownPath(fs, f);
  for (std::string& dir : c.include)
    dir = shownPath(fs, dir);
  for (std::string* p : {&c.stdlib, &c.baseline})
    if (!p->empty())
      *p = shownPath(fs, *p);
  return c;
}

void printText(llvm::raw_ostream& os, llvm::StringRef file, const EffectiveConfig& c) {
  os << "file: " << file << '\n';
  os << "configuration files:" << (c.files.empty() ? " none\n" : "\n");
  for (const std::string& f : c.files)
    os << "  " << f << '\n';
  os << "diagnostics:" << (c.levels.empty() ? " as salesc check --list-diagnostics lists\n" : "\n");
  for (const auto& [kind, level] : c.levels)
    os << "  " << diag::kindInfo(kind).code << " " << diag::kindInfo(kind).name << ": "
       << levelName(level) << '\n';
  os << "include:" << (c.include.empty() ? " none\n" : "\n");
  for (const std::string& dir : c.include)
    os << "  " << dir << '\n';
  os << "stdlib: " << (c.stdlib.empty() ? "the one installed with salesc" : c.stdlib) << '\n';
  os << "baseline: " << (c.baseline.empty() ? "none" : c.baseline) << '\n';
  os << "max-warnings: ";
  if (c.maxWarnings)
    os << *c.maxWarnings << '\n';
  else
    os << "no limit\n";
}

void printJson(llvm::raw_ostream& os, llvm::StringRef file, const EffectiveConfig& c) {
  llvm::json::OStream j(os, 2);
  auto optional = [&](llvm::StringRef key, const std::string& value) {
    if (value.empty())
      j.attribute(key, nullptr);
    else
      j.attribute(key, value);
  };
  j.object([&] {
    j.attribute("file", file);
    j.attributeArray("config_files", [&] {
      for (const std::string& f : c.files)
        j.value(f);
    });
    j.attributeArray("diagnostics", [&] {
      for (const auto& kindLevel : c.levels) // a pair: clang 14 captures no structured binding
        j.object([&] {
          j.attribute("code", diag::kindInfo(kindLevel.first).code);
          j.attribute("name", diag::kindInfo(kindLevel.first).name);
          j.attribute("level", levelName(kindLevel.second));
        });
    });
    j.attributeArray("include", [&] {
      for (const std::string& dir : c.include)
        j.value(dir);
    });
    optional("stdlib", c.stdlib);
    optional("baseline", c.baseline);
    if (c.maxWarnings)
      j.attribute("max_warnings", int64_t(*c.maxWarnings));
    else
      j.attribute("max_warnings", nullptr);
  });
  os << '\n';
}

} // namespace

int runConfig(CommandContext& ctx) {
  if (File.empty()) {
    error(ctx) << "name the .sales file whose configuration to print, as in 'salesc config "
                  "processes/web.sales'\n";
    return 2;
  }
  llvm::SourceMgr sm;
  diag::DiagnosticEngine diags(sm, {});
  ConfigSet configs(*ctx.fs, sm, diags, configChoice());
  EffectiveConfig config = shown(*ctx.fs, configs.forFile(File));
  if (configs.hasErrors()) {
    printDiagnostics(ctx, diags);
    return 2;
  }
  if (OutputFormat == Format::Json)
    printJson(ctx.out, File, config);
  else
    printText(ctx.out, File, config);
  return 0;
}

} // namespace salesc::driver
