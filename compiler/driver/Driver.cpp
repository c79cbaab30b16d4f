//===- Driver.cpp - From a command line to a command's exit status --------===//
#include "Driver.h"

#include "diag/Wording.h"
#include "sema/Spelling.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/CommandLine.h"

#include <fmt/format.h>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

constexpr const char* Program = "salesc"; // in messages, never the binary's full path

/// The command closest to a mistyped `name`, if one is close enough to be meant.
std::optional<std::string> closest(llvm::StringRef name) {
  std::vector<llvm::StringRef> names;
  for (const Command& c : commands())
    names.push_back(c.name);
  return sema::closest(name, names);
}

int unknownCommand(CommandContext& ctx, llvm::StringRef name) {
  error(ctx) << "unknown command '" << name << "'";
  if (std::optional<std::string> c = closest(name))
    ctx.err << diag::didYouMean(*c);
  ctx.err << "\nRun 'salesc help' for the list of commands.\n";
  return 2;
}

bool isHelp(llvm::StringRef arg) {
  return arg == "help" || arg == "--help" || arg == "-help" || arg == "-h";
}

/// llvm::cl parses the command's options; LLVM's own --color (from WithColor) is not
/// ours, so it is hidden wherever it is registered.
int parseAndRun(llvm::ArrayRef<const char*> args, const Command& command, CommandContext& ctx) {
  auto& topLevel = cl::getRegisteredOptions();
  if (topLevel.count("color"))
    topLevel["color"]->setHiddenFlag(cl::ReallyHidden);
  cl::ResetAllOptionOccurrences();
  llvm::SmallVector<const char*, 16> argv(args.begin(), args.end());
  argv[0] = Program;
  std::string messages;
  llvm::raw_string_ostream errs(messages);
  if (!cl::ParseCommandLineOptions(static_cast<int>(argv.size()), argv.data(),
                                   "salesc: compile and check sales-process definitions (.sales "
                                   "files)\n\nRun 'salesc help' for every command.\n",
                                   &errs)) {
    ctx.err << errs.str() << "Run 'salesc help " << command.name << "' for its options.\n";
    if (command.name == "check") {
      llvm::StringRef message(errs.str());
      writeUsageErrorLog(ctx, args, message.substr(0, message.find('\n')));
    }
    return 2;
  }
  return command.run(ctx);
}

} // namespace

std::string topLevelHelp() {
  std::string out = "salesc: compile and check sales-process definitions (.sales files)\n\n"
                    "Usage: salesc COMMAND [options] FILE...\n\n";
  for (const Command& c : commands())
    out += fmt::format("  salesc {:<36}{}\n", (c.name + " " + c.synopsis).str(), c.summary.str());
  out += fmt::format("  salesc {:<36}{}\n", "help [COMMAND]", "this list, or a command's options");
  out += "  (FILE: a .sales file, or the tables.json that salesc build writes)\n\n"
         "Run 'salesc help COMMAND' or 'salesc COMMAND --help' for the options of a command;\n"
         "'salesc --version' (after a command too) prints the version.\n";
  return out;
}

int runMain(llvm::ArrayRef<const char*> args, CommandContext& ctx) {
  for (size_t i = 1; i < args.size() && llvm::StringRef(args[i]) != "--"; ++i)
    if (llvm::StringRef(args[i]) == "--version" || llvm::StringRef(args[i]) == "-version") {
      ctx.out << "salesc " << SALESC_VERSION << '\n';
      return 0;
    }
  if (args.size() < 2) {
    error(ctx) << "no command given; try 'salesc check FILE' or 'salesc help'\n";
    return 2;
  }
  llvm::StringRef first = args[1];
  if (isHelp(first)) {
    if (args.size() == 2) {
      ctx.out << topLevelHelp();
      return 0;
    }
    const Command* c = findCommand(args[2]);
    if (!c)
      return unknownCommand(ctx, args[2]);
    const char* helpArgs[] = {args[0], args[2], "--help"};
    return parseAndRun(helpArgs, *c, ctx); // llvm::cl prints the help and exits
  }
  if (first.startswith("-")) {
    error(ctx) << "'" << first << "' is not a command; options come after the command, as in "
               << "'salesc check " << first
               << " FILE'\nRun 'salesc help' for the list of commands.\n";
    return 2;
  }
  const Command* c = findCommand(first);
  if (!c)
    return unknownCommand(ctx, first);
  return parseAndRun(args, *c, ctx);
}

} // namespace salesc::driver
