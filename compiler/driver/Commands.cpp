//===- Commands.cpp - The table of salesc's commands ----------------------===//
#include "Command.h"

#include "llvm/Support/WithColor.h"

namespace salesc::driver {

namespace cl = llvm::cl;

#define COMMAND(Id, Name, Synopsis, Summary, Description)                                          \
  cl::SubCommand& sub##Id() {                                                                      \
    static cl::SubCommand sub(Name, Description);                                                  \
    return sub;                                                                                    \
  }
#include "Commands.def"
#undef COMMAND

llvm::ArrayRef<Command> commands() {
  static const Command table[] = {
#define COMMAND(Id, Name, Synopsis, Summary, Description)                                          \
  {Name, Synopsis, Summary, &sub##Id, &run##Id},
#include "Commands.def"
#undef COMMAND
  };
  return table;
}

const Command* findCommand(llvm::StringRef name) {
  for (const Command& c : commands())
    if (c.name == name)
      return &c;
  return nullptr;
}

llvm::raw_ostream& error(CommandContext& ctx) {
  return llvm::WithColor::error(ctx.err, "salesc");
}

} // namespace salesc::driver
