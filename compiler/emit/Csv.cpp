//===- Csv.cpp - The stages and transitions tables as CSV for spreadsheets ===//
//
// RFC 4180 with LF line ends (what spreadsheets and csv readers accept, and what the
// rest of salesc's text output uses): a header row, then one row per record; a field
// holding ',', '"', CR or LF is quoted, its quotes doubled. Numbers are the shortest
// text that reads back exactly; an absent value (no time stated, no stall limit, no
// time to win when a state never wins) is an empty cell. A sign-off stage has no time of
// its own (empty min, typical and max) but a mean: that of the maximum of its roles'
// times (Holding.h). States are named by their
// state name, which is unique within a process, so the two tables join on
// (process, name).
//
//===----------------------------------------------------------------------===//
#include "Emit.h"
#include "Format.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Holding.h"

#include <optional>

namespace salesc::emit {
namespace {

/// A text cell a spreadsheet would take for a formula (=, +, -, @, a tab or a carriage
/// return first: OWASP's list) gets a leading apostrophe, which spreadsheets show as text
/// and do not display. Numbers are written as numbers.
std::string neutralized(llvm::StringRef text) {
  if (!text.empty() && llvm::StringRef("=+-@\t\r").contains(text.front()))
    return "'" + text.str();
  return text.str();
}

/// One CSV field, quoted when it has to be.
std::string field(llvm::StringRef text) {
  if (text.find_first_of(",\"\r\n") == llvm::StringRef::npos)
    return text.str();
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

class Table {
public:
  explicit Table(std::initializer_list<llvm::StringRef> header) {
    for (llvm::StringRef h : header)
      cell(h);
    endRow();
  }
  Table& cell(llvm::StringRef text) { return raw(neutralized(text)); }
  Table& number(std::optional<double> v) { return raw(v ? exactNumber(*v) : ""); }
  void endRow() {
    out_ += '\n';
    rowEmpty_ = true;
  }
  std::string take() { return std::move(out_); }

private:
  Table& raw(llvm::StringRef text) {
    if (!rowEmpty_)
      out_ += ',';
    out_ += field(text);
    rowEmpty_ = false;
    return *this;
  }

  std::string out_;
  bool rowEmpty_ = true;
};

std::string names(const std::vector<rt::Item>& items) {
  std::string out;
  for (const rt::Item& i : items)
    out += (out.empty() ? "" : "; ") + i.name;
  return out;
}

/// The analysis figure of state `i`, if the analysis has one.
std::optional<double> figure(const std::vector<double>& v, size_t i) {
  if (i < v.size())
    return v[i];
  return std::nullopt;
}

} // namespace

std::string toStagesCsv(llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  Table t{"process",
          "index",
          "name",
          "kind",
          "description",
          "learn",
          "provide",
          "tactics",
          "min_days",
          "typical_days",
          "max_days",
          "mean_days",
          "stalled_after_days",
          "win_probability",
          "expected_days_to_win",
          "expected_days_to_close"};
  for (const rt::AnalyzedProcess& a : ps) {
    const rt::Process& p = *a.process;
    for (size_t i = 0; i < p.states.size(); ++i) {
      const rt::State& s = p.states[i];
      std::optional<rt::Holding> time;
      if (s.hasTime)
        time = s.time;
      std::optional<double> mean;
      if (s.hasTime || s.isSignoff())
        mean = rt::holdingMean(s);
      t.cell(p.name).cell(std::to_string(i)).cell(s.name).cell(rt::toString(s.kind));
      t.cell(s.description).cell(names(s.learn)).cell(names(s.provide)).cell(names(s.tactics));
      t.number(time ? std::optional(time->min) : std::nullopt)
          .number(time ? std::optional(time->typical) : std::nullopt)
          .number(time ? std::optional(time->max) : std::nullopt)
          .number(mean)
          .number(s.stalledAfter);
      t.number(figure(a.analysis.winProbability, i))
          .number(figure(a.analysis.expectedDaysToWin, i))
          .number(figure(a.analysis.expectedDaysToClose, i));
      t.endRow();
    }
  }
  return t.take();
}

std::string toTransitionsCsv(llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  Table t{"process", "from", "to", "probability", "implicit"};
  for (const rt::AnalyzedProcess& a : ps) {
    const rt::Process& p = *a.process;
    for (const rt::Transition& tr : p.transitions) {
      auto name = [&](uint32_t i) { return i < p.states.size() ? p.states[i].name : ""; };
      t.cell(p.name).cell(name(tr.from)).cell(name(tr.to)).number(tr.probability);
      t.cell(tr.implicit ? "true" : "false");
      t.endRow();
    }
  }
  return t.take();
}

} // namespace salesc::emit
