//===- SimulateCommand.cpp - `salesc simulate`: Monte Carlo ---------------===//
#include "RuntimeInput.h"
#include "TextTable.h"

#include "emit/Format.h"
#include "emit/TextFormat.h"
#include "salesc/runtime/Roi.h"
#include "salesc/runtime/Simulate.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

#include <chrono>
#include <cmath>
#include <fmt/format.h>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(simulateCommand());
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

cl::opt<uint64_t> Prospects("prospects", cl::sub(simulateCommand()), cl::init(100000),
                            cl::desc("How many prospects to simulate (default 100000)"));
cl::opt<uint64_t> Seed("seed", cl::sub(simulateCommand()), cl::init(1),
                       cl::desc("Random seed: the same seed gives the same numbers, whatever "
                                "the thread count (default 1)"));
cl::opt<unsigned> Threads("threads", cl::sub(simulateCommand()), cl::init(0),
                          cl::desc("Threads to use (default 0: one per core)"));

/// A progress line on stderr for runs that take more than a second, when stderr is a
/// terminal; erased when done.
class Progress {
public:
  explicit Progress(std::string what)
      : what_(std::move(what)), start_(std::chrono::steady_clock::now()),
        enabled_(llvm::sys::Process::StandardErrIsDisplayed()) {}
  ~Progress() {
    if (shown_)
      llvm::errs() << "\r" << std::string(what_.size() + 12, ' ') << "\r";
  }
  void operator()(double fraction) {
    if (!enabled_)
      return;
    auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1))
      return;
    shown_ = true;
    llvm::errs() << "\r" << what_ << fmt::format(" {:3.0f}%", fraction * 100);
    llvm::errs().flush();
  }

private:
  std::string what_;
  std::chrono::steady_clock::time_point start_;
  bool enabled_;
  bool shown_ = false;
};

struct Run {
  const RuntimeProcess* process;
  rt::SimulationResult result;
};

void printText(const Run& r) {
  const rt::Process& p = *r.process->process;
  const rt::SimulationResult& s = r.result;
  llvm::raw_ostream& os = llvm::outs();
  os << p.name << ": " << s.prospects << " prospects simulated (seed " << Seed << ")\n";
  os << "  win rate: " << emit::percent(s.winRate) << " (95% interval "
     << emit::percent(s.winRateLow) << " to " << emit::percent(s.winRateHigh)
     << "); the chain predicts " << emit::percent(r.process->analysis.winRate()) << '\n';
  if (s.wins) {
    TextTable t({"days to win", "P10", "P50", "P90", "mean"});
    t.row({"simulated", fmt::format("{:.1f}", s.daysToWin.p10),
           fmt::format("{:.1f}", s.daysToWin.p50), fmt::format("{:.1f}", s.daysToWin.p90),
           fmt::format("{:.2f}", s.daysToWin.mean)});
    t.row({"predicted", "", "", "",
           fmt::format("{:.2f}", r.process->analysis.expectedDaysToWin[p.start])});
    t.print(os);
  }
  if (p.value) {
    uint64_t n = s.prospects;
    auto revenue = [&](double q) {
      return emit::formatMoney(*p.value * rt::binomialQuantile(n, s.winRate, q), p.currency);
    };
    os << "  revenue for " << n << " leads: P10 " << revenue(0.1) << ", P50 " << revenue(0.5)
       << ", P90 " << revenue(0.9) << '\n';
  }
  if (s.unfinished)
    os << "  " << s.unfinished << " prospects were still in the process after the step limit\n";
}

void printJson(llvm::json::OStream& j, const Run& r) {
  const rt::Process& p = *r.process->process;
  const rt::SimulationResult& s = r.result;
  j.object([&] {
    j.attribute("name", p.name);
    j.attribute("prospects", s.prospects);
    j.attribute("seed", static_cast<uint64_t>(Seed));
    j.attribute("wins", s.wins);
    j.attribute("win_rate", s.winRate);
    j.attributeArray("win_rate_interval", [&] {
      j.value(s.winRateLow);
      j.value(s.winRateHigh);
    });
    j.attribute("predicted_win_rate", r.process->analysis.winRate());
    // No winner: no time to win (JSON null, never NaN).
    j.attributeObject("days_to_win", [&] {
      jsonNumber(j, "p10", s.daysToWin.p10);
      jsonNumber(j, "p50", s.daysToWin.p50);
      jsonNumber(j, "p90", s.daysToWin.p90);
      jsonNumber(j, "mean", s.daysToWin.mean);
      jsonNumber(j, "standard_error", s.wins > 1 ? s.daysToWin.standardError() : NAN);
    });
    jsonNumber(j, "days_to_close_mean", s.daysToClose.mean);
    if (p.value) {
      j.attributeObject("revenue", [&] {
        for (auto [key, q] : {std::pair{"p10", 0.1}, {"p50", 0.5}, {"p90", 0.9}})
          j.attribute(key, *p.value * rt::binomialQuantile(s.prospects, s.winRate, q));
      });
    } else {
      j.attribute("revenue", nullptr);
    }
    j.attribute("transitions", s.transitions);
    j.attribute("unfinished", s.unfinished);
  });
}

/// Prospects stopped by the step limit make every figure biased: say so, status 1.
int unfinished(const std::vector<Run>& runs) {
  int status = 0;
  for (const Run& r : runs)
    if (r.result.unfinished) {
      llvm::WithColor::error(llvm::errs(), "salesc")
          << "process '" << r.process->process->name << "': " << r.result.unfinished
          << " prospects were still in the process after 10,000 stages, so the figures "
             "above are biased; the process sends prospects back too often to simulate\n";
      status = 1;
    }
  return status;
}

} // namespace

int runSimulate(const char* argv0) {
  constexpr uint64_t MaxProspects = 1'000'000'000;
  if (Prospects == 0 || Prospects > MaxProspects) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "--prospects must be from 1 to 1,000,000,000\n";
    return 2;
  }
  RuntimeInput in;
  if (int status = loadRuntimeInput(argv0, options().input, options().process, in))
    return status;
  std::vector<Run> runs;
  for (const RuntimeProcess& rp : in.processes) {
    Progress progress("simulating " + rp.process->name);
    rt::SimulationOptions o;
    o.prospects = Prospects;
    o.seed = Seed;
    o.threads = Threads;
    o.progress = [&](double f) { progress(f); };
    llvm::Expected<rt::SimulationResult> r = rt::simulate(*rp.process, o);
    if (!r) {
      llvm::WithColor::error(llvm::errs(), "salesc") << llvm::toString(r.takeError()) << '\n';
      return 1;
    }
    runs.push_back(Run{&rp, std::move(*r)});
  }
  if (options().format == ReportFormat::Json) {
    int status = unfinished(runs);
    llvm::json::OStream j(llvm::outs(), 2);
    j.object([&] {
      j.attribute("version", 1);
      j.attributeArray("processes", [&] {
        for (const Run& r : runs)
          printJson(j, r);
      });
    });
    llvm::outs() << '\n';
    return status;
  }
  for (size_t i = 0; i < runs.size(); ++i) {
    if (i)
      llvm::outs() << '\n';
    printText(runs[i]);
  }
  return unfinished(runs);
}

} // namespace salesc::driver
