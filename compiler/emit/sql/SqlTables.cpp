//===- SqlTables.cpp - The process as SQL tables --------------------------===//
#include "SqlTables.h"

#include "salesc/runtime/Graph.h"
#include "salesc/runtime/StageLabels.h"

#include <fmt/format.h>

namespace salesc::emit::sql {

namespace {

/// One table: its columns ("name TYPE") and rows (each a list of SQL literals).
struct Table {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

std::string createAndInsert(const SqlDialect& d, const Table& t) {
  std::string out = d.create("TABLE") + d.object(t.name) + " (\n";
  for (size_t i = 0; i < t.columns.size(); ++i)
    out += "  " + t.columns[i] + (i + 1 < t.columns.size() ? ",\n" : "\n");
  out += ");\n";
  if (t.rows.empty())
    return out;
  out += "INSERT INTO " + d.object(t.name) + " VALUES\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    out += "  (";
    for (size_t c = 0; c < t.rows[r].size(); ++c)
      out += (c ? ", " : "") + t.rows[r][c];
    out += r + 1 < t.rows.size() ? "),\n" : ");\n";
  }
  return out;
}

/// The states, transitions and sign-offs of one process (the whole, or a segment's).
class ScopeRows {
public:
  ScopeRows(const SqlDialect& d, Table& states, Table& transitions, Table& signoffs)
      : d_(d), states_(states), transitions_(transitions), signoffs_(signoffs) {}

  void add(llvm::StringRef segment, const rt::Process& p, const rt::Analysis& a) {
    const std::vector<uint32_t> depth = rt::depths(p);
    const std::string g = d_.text(segment);
    for (uint32_t s = 0; s < p.states.size(); ++s) {
      const rt::State& st = p.states[s];
      const bool stage = !st.isOutcome();
      auto stageTime = [&](double v) { return stage && st.hasTime ? d_.number(v) : "NULL"; };
      states_.rows.push_back(
          {g, std::to_string(s), d_.text(st.name), d_.text(rt::toString(st.kind)),
           d_.boolean(s == p.start), d_.boolean(!stage), d_.boolean(st.isSignoff()),
           stageTime(st.time.min), stageTime(st.time.typical), stageTime(st.time.max),
           d_.number(st.stalledAfter),
           st.kind == rt::StateKind::Won ? d_.number(p.winValue(s)) : "NULL",
           depth[s] == rt::Unreachable ? "NULL" : std::to_string(depth[s]),
           d_.number(a.winProbability[s]), d_.number(a.winValue.empty() ? 0.0 : a.winValue[s])});
      for (const rt::Signoff& o : st.signoffs)
        signoffs_.rows.push_back({g, d_.text(st.name), d_.text(o.role), d_.number(o.share),
                                  d_.number(o.time.min), d_.number(o.time.typical),
                                  d_.number(o.time.max)});
    }
    for (uint32_t e = 0; e < p.transitions.size(); ++e) {
      const rt::Transition& t = p.transitions[e];
      transitions_.rows.push_back({g, std::to_string(e), std::to_string(t.from),
                                   std::to_string(t.to), d_.text(p.states[t.from].name),
                                   d_.text(p.states[t.to].name), d_.number(t.probability),
                                   d_.boolean(t.implicit)});
    }
  }

private:
  const SqlDialect& d_;
  Table& states_;
  Table& transitions_;
  Table& signoffs_;
};

/// The labels table of the mapping the columns come from.
Table labelsTable(const SqlDialect& d, const rt::Process& p, const rt::ExportMapping& m) {
  const rt::StageLabels labels = rt::stageLabels(p, m);
  Table t{"labels",
          {"kind " + d.textType().str(), "label " + d.textType().str(),
           "position " + d.integerType().str(), "stage " + d.textType().str()},
          {}};
  for (const auto& [kind, table] :
       {std::pair{"stage", &labels.labels}, std::pair{"lost reason", &labels.lostReasons}})
    for (const auto& [label, state] : *table)
      t.rows.push_back(
          {d.text(kind), d.text(label), std::to_string(state), d.text(p.states[state].name)});
  return t;
}

} // namespace

std::vector<std::string> tableNames(bool labels) {
  std::vector<std::string> names{"processes",   "segments", "states",
                                 "transitions", "signoffs", "settings"};
  if (labels)
    names.push_back("labels");
  return names;
}

std::string processTables(const SqlDialect& d, const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  const std::string T = d.textType().str(), I = d.integerType().str(), D = d.doubleType().str(),
                    B = d.booleanType().str();
  Table processes{"processes",
                  {"process " + T, "description " + T, "channel " + T, "offering " + T,
                   "start_stage " + T, "currency " + T, "value_per_win " + D,
                   "target_win_rate " + D},
                  {{d.text(p.name), d.text(p.description), d.text(p.channel), d.text(p.offering),
                    d.text(p.states.empty() ? "" : p.states[p.start].name), d.text(p.currency),
                    d.number(p.value), d.number(p.targetWinRate)}}};
  Table segments{"segments", {"segment " + T, "description " + T, "share " + D}, {}};
  for (const rt::Segment& g : p.segments)
    segments.rows.push_back({d.text(g.name), d.text(g.description), d.number(g.share)});
  Table states{"states",
               {"segment " + T, "position " + I, "stage " + T, "kind " + T, "is_start " + B,
                "is_outcome " + B, "is_signoff " + B, "min_days " + D, "typical_days " + D,
                "max_days " + D, "stalled_after_days " + D, "value_per_win " + D, "depth " + I,
                "win_probability " + D, "expected_win_value " + D},
               {}};
  Table transitions{"transitions",
                    {"segment " + T, "position " + I, "from_position " + I, "to_position " + I,
                     "from_stage " + T, "to_stage " + T, "share " + D, "is_implicit " + B},
                    {}};
  Table signoffs{"signoffs",
                 {"segment " + T, "stage " + T, "role " + T, "share " + D, "min_days " + D,
                  "typical_days " + D, "max_days " + D},
                 {}};
  ScopeRows rows(d, states, transitions, signoffs);
  const rt::Process blended = rt::blendedProcess(p, ap.analysis);
  rows.add("", blended, ap.analysis);
  for (size_t g = 0; g < p.segments.size() && g < ap.analysis.segments.size(); ++g)
    rows.add(p.segments[g].name, p.segments[g].process, ap.analysis.segments[g].analysis);
  Table settings{"settings", {"as_of " + d.dateType().str()}, {{"NULL"}}};
  std::string out;
  for (const Table* t : {&processes, &segments, &states, &transitions, &signoffs, &settings})
    out += createAndInsert(d, *t) + "\n";
  if (const std::optional<rt::ExportMapping>& m = d.options().columns.mapping)
    out += createAndInsert(d, labelsTable(d, p, *m)) + "\n";
  return out;
}

} // namespace salesc::emit::sql
