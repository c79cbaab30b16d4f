//===- main.cpp - Embedding the salesc runtime in a CRM back-end ----------===//
//
// A small program that links only salesc_runtime, loads a tables.json written by
// `salesc build` and answers what a CRM back-end asks about a deal: its win
// probability from its stage, what the prospect must learn next and what to
// send, the expected days to win from there, and whether it is stalled.
//
//   salesc-embed TABLES.json                 every stage of the process
//   salesc-embed TABLES.json STAGE [--process NAME] [--entered DATE --as-of DATE]
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Loaders.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Tables.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using namespace salesc::rt;
namespace rt = salesc::rt;

namespace {

const char* const Usage =
    "usage: salesc-embed TABLES.json [STAGE] [--process NAME] [--entered DATE --as-of DATE]\n";

int fail(const std::string& message) {
  fmt::print(stderr, "salesc-embed: error: {}\n", message);
  return 1;
}

struct Arguments {
  std::string tables;
  std::string stage;
  std::string process;
  std::string entered, asOf;
};

/// Reads the command line; the error message when it is wrong.
std::optional<std::string> parseArguments(int argc, char** argv, Arguments& a) {
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string* option = arg == "--process"   ? &a.process
                          : arg == "--entered" ? &a.entered
                          : arg == "--as-of"   ? &a.asOf
                                               : nullptr;
    if (option) {
      if (i + 1 == argc)
        return fmt::format("{} needs a value", arg);
      *option = argv[++i];
    } else if (arg.size() > 1 && arg[0] == '-') {
      return fmt::format("unknown option '{}'", arg);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty() || positional.size() > 2)
    return std::string("expected a tables file and at most one stage");
  a.tables = positional[0];
  if (positional.size() == 2)
    a.stage = positional[1];
  if (a.entered.empty() != a.asOf.empty())
    return std::string("--entered and --as-of go together: when the deal entered its stage, and "
                       "the day to judge it on");
  return std::nullopt;
}

// Figures are said as salesc says them everywhere (salesc/runtime/Format.h): "20.93%",
// "25.15 days", "3,139.46 USD".
std::string days(double d) {
  return std::isnan(d) ? std::string("never (it cannot be won)") : salesc::rt::days(d);
}

void printItems(const char* heading, const std::vector<Item>& items) {
  fmt::print("  {}\n", heading);
  if (items.empty())
    fmt::print("    (nothing stated)\n");
  for (const Item& i : items)
    fmt::print("    - {}: {}\n", i.name, i.description);
}

/// Every stage on one line each: what a pipeline view shows.
void printOverview(const Process& p, const Analysis& a) {
  fmt::print("{:<20} {:>8} {:>13} {:>14} {:>13}\n", "stage", "win", "days to win", "days to close",
             "stalled after");
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const State& s = p.states[i];
    if (s.isOutcome())
      continue;
    fmt::print("{:<20} {:>8} {:>13} {:>14} {:>13}\n", s.name, rt::percent(a.winProbability[i]),
               std::isnan(a.expectedDaysToWin[i]) ? std::string("-")
                                                  : fmt::format("{:.1f}", a.expectedDaysToWin[i]),
               fmt::format("{:.1f}", a.expectedDaysToClose[i]),
               s.stalledAfter ? fmt::format("{:g} days", *s.stalledAfter) : std::string("-"));
  }
}

std::string dayCount(double d) {
  return fmt::format("{:g} day{}", d, d == 1 ? "" : "s");
}

/// When the deal entered its stage and the day to judge it on, both days since 1970-01-01.
struct Dates {
  double entered = 0, asOf = 0;
};

void printStage(const Process& p, const Analysis& a, uint32_t i, const std::optional<Dates>& dates,
                const Arguments& args) {
  const State& s = p.states[i];
  if (s.isOutcome()) {
    fmt::print("'{}' is an outcome: the deal is closed, {}\n", s.name,
               s.kind == StateKind::Won ? "won" : "lost");
    return;
  }
  fmt::print("A deal in stage '{}'{}\n", s.name,
             s.description.empty() ? "" : " (" + s.description + ")");
  fmt::print("  win probability:        {} (a new lead: {})\n", rt::percent(a.winProbability[i]),
             rt::percent(a.winRate()));
  if (p.value)
    fmt::print("  expected value:         {} ({} x {})\n",
               rt::formatMoney(*p.value * a.winProbability[i], p.currency),
               rt::formatMoney(*p.value, p.currency),
               rt::percentFactor(a.winProbability[i], *p.value));
  fmt::print("  expected days to win:   {}, if it is won\n", days(a.expectedDaysToWin[i]));
  fmt::print("  expected days to close: {}, won or lost\n", days(a.expectedDaysToClose[i]));
  std::string next;
  for (const Transition& t : p.transitions)
    if (t.from == i)
      next += fmt::format("{}{} {}", next.empty() ? "" : ", ", p.states[t.to].name,
                          rt::percent(t.probability));
  fmt::print("  where deals go next:    {}\n", next);
  printItems("the prospect must learn:", s.learn);
  printItems("what to send:", s.provide);
  if (!dates)
    return;

  const double in = dates->asOf - dates->entered;
  fmt::print("  in the stage since {}: {} as of {}\n", args.entered, dayCount(in), args.asOf);
  if (!s.stalledAfter)
    fmt::print("  stalled:                no (the stage sets no stall limit)\n");
  else if (in > *s.stalledAfter)
    fmt::print("  stalled:                YES, {} over the limit of {}\n",
               dayCount(in - *s.stalledAfter), dayCount(*s.stalledAfter));
  else
    fmt::print("  stalled:                no ({} of {})\n", dayCount(in),
               dayCount(*s.stalledAfter));
}

} // namespace

int main(int argc, char** argv) {
  Arguments args;
  if (std::optional<std::string> bad = parseArguments(argc, argv, args)) {
    fmt::print(stderr, "salesc-embed: error: {}\n{}", *bad, Usage);
    return 2;
  }
  llvm::Expected<std::vector<Process>> processes = loadTablesFile(args.tables);
  if (!processes)
    return fail(llvm::toString(processes.takeError()));

  const Process* p = nullptr;
  std::string names;
  for (const Process& candidate : *processes) {
    names += (names.empty() ? "'" : ", '") + candidate.name + "'";
    if (candidate.name == args.process)
      p = &candidate;
  }
  if (!args.process.empty() && !p)
    return fail(fmt::format("{} has no process '{}'; it has {}", args.tables, args.process, names));
  if (!p && processes->size() != 1)
    return fail(fmt::format("{} holds {} processes ({}); choose one with --process NAME",
                            args.tables, processes->size(), names));
  if (!p)
    p = &processes->front();

  std::optional<uint32_t> stage;
  if (!args.stage.empty()) {
    stage = p->find(args.stage);
    if (!stage) {
      std::string message = fmt::format("process '{}' has no stage '{}'", p->name, args.stage);
      if (std::optional<std::string> close = closestStateName(*p, args.stage))
        message += "; did you mean '" + *close + "'?";
      return fail(message);
    }
  }
  std::optional<Dates> dates;
  if (!args.entered.empty()) {
    llvm::Expected<double> entered = parseTimestamp(args.entered);
    if (!entered)
      return fail("--entered: " + llvm::toString(entered.takeError()));
    llvm::Expected<double> asOf = parseTimestamp(args.asOf);
    if (!asOf)
      return fail("--as-of: " + llvm::toString(asOf.takeError()));
    if (*asOf < *entered)
      return fail(fmt::format("--entered {} is after --as-of {}", args.entered, args.asOf));
    dates = Dates{*entered, *asOf};
  }
  llvm::Expected<Analysis> a = analyze(*p);
  if (!a)
    return fail(fmt::format("process '{}': {}", p->name, llvm::toString(a.takeError())));

  std::string bound;
  if (!p->channel.empty() || !p->offering.empty())
    bound = fmt::format(" ({}{}{})", p->channel,
                        !p->channel.empty() && !p->offering.empty() ? ", " : "", p->offering);
  fmt::print("Process '{}'{}\n\n", p->name, bound);
  if (stage)
    printStage(*p, *a, *stage, dates, args);
  else
    printOverview(*p, *a);
  return 0;
}
