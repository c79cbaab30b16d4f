//===- CalibrateEdits.cpp - calibrate's figures written into the .sales file ===//
#include "CalibrateEdits.h"

#include "salesc/runtime/TimeUnits.h"

#include <cmath>

namespace salesc::driver {

namespace {

const ast::ProcessDecl* processNamed(const ast::Module& root, llvm::StringRef name) {
  for (const std::unique_ptr<ast::Decl>& d : root.decls)
    if (const auto* p = llvm::dyn_cast<ast::ProcessDecl>(d.get()); p && p->name.text == name)
      return p;
  return nullptr;
}

const ast::Stage* stageNamed(const ast::ProcessDecl& process, llvm::StringRef name) {
  for (const std::unique_ptr<ast::Stage>& s : process.stages)
    if (s->name.text == name)
      return s.get();
  return nullptr;
}

class Writer {
public:
  explicit Writer(llvm::StringRef text) : text_(text) {}

  /// Replaces `n` by `amount` unless it already says that.
  void number(const ast::Number& n, const std::string& amount) {
    const size_t begin = static_cast<size_t>(n.range.Start.getPointer() - text_.data());
    const size_t end = static_cast<size_t>(n.range.End.getPointer() - text_.data());
    if (end > text_.size() || begin > end || text_.slice(begin, end) == amount)
      return;
    edits.push_back({fix::Replacement{begin, end, amount}});
  }

  std::vector<fix::Edit> edits;

private:
  llvm::StringRef text_;
};

/// `days` as a time line writes it in `unit` (its name as written): the proposal's own
/// rounding when it is the author's unit, else the same rounding in this one.
std::string amountIn(llvm::StringRef unit, double days, const std::string& proposed,
                     const rt::TimeProposal& t) {
  const std::optional<double> per = rt::daysPerUnit(unit);
  if (!per || std::fabs(*per - t.unit.days) < 1e-12)
    return proposed;
  return rt::unitAmount(days / *per);
}

void writeTime(const ast::TimeSpec& spec, const rt::TimeProposal& t, Writer& w) {
  if (!spec.high) { // a fixed time: the median
    llvm::StringRef unit = spec.lowUnit ? spec.lowUnit->text : llvm::StringRef();
    w.number(spec.low, amountIn(unit, t.days.typical, t.typical, t));
    return;
  }
  llvm::StringRef lowUnit = spec.lowUnit ? spec.lowUnit->text : spec.high->unit.text;
  w.number(spec.low, amountIn(lowUnit, t.days.min, t.min, t));
  w.number(spec.high->amount, amountIn(spec.high->unit.text, t.days.max, t.max, t));
  if (spec.typical)
    w.number(spec.typical->amount, amountIn(spec.typical->unit.text, t.days.typical, t.typical, t));
}

void writeShares(const ast::Stage& stage, const rt::Process& p, const rt::StageProposal& s,
                 Writer& w) {
  for (const auto& [edge, units] : s.shares)
    for (const ast::NextEdge& next : stage.next)
      if (next.share && next.target.text == p.states[p.transitions[edge].to].name) {
        w.number(next.share->amount, std::to_string(units));
        break;
      }
}

} // namespace

CalibrationEdits calibrationEdits(const ast::Module& root, llvm::StringRef text,
                                  const rt::Process& p, const rt::Calibration& c) {
  CalibrationEdits out;
  Writer w(text);
  const ast::ProcessDecl* process = processNamed(root, p.name);
  for (const rt::StageProposal& s : c.proposals) {
    if (s.shares.empty() && !s.time)
      continue;
    const std::string& name = p.states[s.state].name;
    const ast::Stage* stage = process ? stageNamed(*process, name) : nullptr;
    if (!stage) {
      out.notFound.push_back("stage '" + name + "' is not written in '" + root.path +
                             "' (it comes from the process '" + p.name +
                             "' extends): its figures are left as they are");
      continue;
    }
    writeShares(*stage, p, s, w);
    if (s.time && stage->times.size() == 1)
      writeTime(stage->times.front(), *s.time, w);
  }
  out.edits = std::move(w.edits);
  return out;
}

} // namespace salesc::driver
