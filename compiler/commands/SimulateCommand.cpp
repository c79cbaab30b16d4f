//===- SimulateCommand.cpp - `salesc simulate`: Monte Carlo ---------------===//
#include "driver/RuntimeInput.h"

#include "report/Report.h"
#include "salesc/runtime/Simulate.h"

#include <chrono>
#include <fmt/format.h>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(subSimulate());
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

cl::opt<uint64_t> Prospects("prospects", cl::sub(subSimulate()), cl::init(100000),
                            cl::desc("How many prospects to simulate (default 100000)"));
cl::opt<uint64_t> Seed("seed", cl::sub(subSimulate()), cl::init(1),
                       cl::desc("Random seed: the same seed gives the same numbers, whatever "
                                "the thread count (default 1)"));
cl::opt<unsigned> Threads("threads", cl::sub(subSimulate()), cl::init(0),
                          cl::desc("Threads to use (default 0: one per core)"));

/// A progress line on stderr for runs that take more than a second, when stderr is a
/// terminal (never a string in a test); erased when done.
class Progress {
public:
  Progress(llvm::raw_ostream& err, std::string what)
      : err_(err), what_(std::move(what)), start_(std::chrono::steady_clock::now()),
        enabled_(err.is_displayed()) {}
  ~Progress() {
    if (shown_)
      err_ << "\r" << std::string(what_.size() + 12, ' ') << "\r";
  }
  void operator()(double fraction) {
    if (!enabled_)
      return;
    auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1))
      return;
    shown_ = true;
    err_ << "\r" << what_ << fmt::format(" {:3.0f}%", fraction * 100);
    err_.flush();
  }

private:
  llvm::raw_ostream& err_;
  std::string what_;
  std::chrono::steady_clock::time_point start_;
  bool enabled_;
  bool shown_ = false;
};

/// Prospects stopped by the step limit make every figure biased: say so, status 1.
int unfinished(CommandContext& ctx, llvm::ArrayRef<report::SimulationRun> runs) {
  int status = 0;
  for (const report::SimulationRun& r : runs)
    if (r.result.unfinished) {
      error(ctx) << "process '" << r.process->process->name << "': " << r.result.unfinished
                 << " prospects were still in the process after 10,000 stages, so the figures "
                    "above are biased; the process sends prospects back too often to simulate\n";
      status = 1;
    }
  return status;
}

} // namespace

int runSimulate(CommandContext& ctx) {
  constexpr uint64_t MaxProspects = 1'000'000'000;
  if (Prospects == 0 || Prospects > MaxProspects) {
    error(ctx) << "--prospects must be from 1 to 1,000,000,000\n";
    return 2;
  }
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  std::vector<report::SimulationRun> runs;
  for (const rt::AnalyzedProcess& ap : in.processes) {
    Progress progress(ctx.err, "simulating " + ap.process->name);
    rt::SimulationOptions o;
    o.prospects = Prospects;
    o.seed = Seed;
    o.threads = Threads;
    o.progress = [&](double f) { progress(f); };
    llvm::Expected<rt::SimulationResult> r = rt::simulate(*ap.process, o);
    if (!r) {
      error(ctx) << llvm::toString(r.takeError()) << '\n';
      return 1;
    }
    runs.push_back(report::SimulationRun{&ap, std::move(*r)});
  }
  if (options().format == ReportFormat::Json) {
    int status = unfinished(ctx, runs);
    ctx.out << report::simulateJson(runs, Seed);
    return status;
  }
  ctx.out << report::simulateText(runs, Seed);
  return unfinished(ctx, runs);
}

} // namespace salesc::driver
