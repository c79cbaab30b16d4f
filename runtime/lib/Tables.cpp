//===- Tables.cpp - Loading tables.json into executable processes ---------===//
#include "salesc/runtime/Tables.h"
#include "salesc/runtime/Printable.h"
#include "salesc/runtime/Verify.h"

#include "TablesReader.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <iterator>

namespace salesc::rt {
namespace {

/// "FILE:LINE:COL: invalid JSON: ..." from llvm::json's "[L:C, byte=N]: Msg".
std::string syntaxError(llvm::StringRef json, llvm::StringRef file, llvm::Error err) {
  std::string raw = llvm::toString(std::move(err));
  llvm::StringRef text(raw);
  size_t byte = text.find("byte=");
  size_t close = text.find("]: ");
  unsigned long long offset = 0;
  if (byte == llvm::StringRef::npos || close == llvm::StringRef::npos || close < byte ||
      text.slice(byte + 5, close).getAsInteger(10, offset))
    return fmt::format("{}: invalid JSON: {}", shownPath(file), raw);
  offset = std::min<unsigned long long>(offset, json.size());
  std::string message = text.drop_front(close + 3).str();
  // llvm::json reports most errors just after reading the offending character
  // (never a space: spaces are skipped first); point at the character itself.
  if (offset > 0 && !std::isspace(static_cast<unsigned char>(json[offset - 1])) &&
      message != "Unexpected EOF" && message != "Text after end of document" &&
      message != "Invalid UTF-8 sequence")
    --offset;
  if (!message.empty())
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  unsigned line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (json[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return fmt::format("{}:{}:{}: invalid JSON: {}", shownPath(file), line, column, message);
}

} // namespace

namespace tables {

bool Reader::document(const json::Value& root, TablesDocument& doc) {
  std::vector<Process>& out = doc.processes;
  const json::Object* top = object(root, "the document");
  if (!top)
    return false;
  const json::Value* format = top->get("format");
  if (!format || !format->getAsString() || *format->getAsString() != "salesc-tables")
    return fail("not a salesc tables file: expected \"format\": \"salesc-tables\"");
  const json::Value* version = top->get("version");
  if (!version)
    return fail("missing field 'version'");
  auto v = version->getAsInteger();
  if (!v)
    return wrongType("version", *version, "a whole number");
  if (*v < OldestTablesVersion || *v > TablesVersion)
    return fail(fmt::format("tables version {} is not supported by this salesc (it reads "
                            "versions {} to {})",
                            *v, OldestTablesVersion, TablesVersion));
  version_ = static_cast<int>(*v);
  const json::Array* processes;
  if (!array(*top, "processes", processes, true))
    return false;
  for (size_t i = 0; i < processes->size(); ++i) {
    where = fmt::format("process {}", i);
    const json::Object* po = object((*processes)[i], "the entry");
    if (!po)
      return false;
    Process p;
    if (!process(*po, p))
      return false;
    for (const Process& earlier : out)
      if (earlier.name == p.name)
        return fail("an earlier process has the same name");
    out.push_back(std::move(p));
  }
  where.clear();
  return version_ < 2 || campaigns(*top, doc);
}

bool Reader::process(const json::Object& o, Process& p) {
  if (!string(o, "name", p.name, true))
    return false;
  where =
      (where.find("segment") != std::string::npos ? where + ", " : "") + "process " + quote(p.name);
  if (!string(o, "description", p.description, false) || !string(o, "channel", p.channel, false) ||
      !string(o, "offering", p.offering, false) || !string(o, "currency", p.currency, false) ||
      !number(o, "value", p.value, false) ||
      (version_ >= 2 && !number(o, "margin", p.margin, false)))
    return false;
  if (const json::Value* b = o.get("brand"); b && b->kind() != json::Value::Null) {
    const json::Object* bo = object(*b, "field 'brand'");
    if (!bo)
      return false;
    p.brand.emplace();
    if (!brand(*bo, *p.brand))
      return false;
  }
  if (const json::Value* t = o.get("targets"); t && t->kind() != json::Value::Null) {
    const json::Object* to = object(*t, "field 'targets'");
    if (!to || !number(*to, "win_rate", p.targetWinRate, false) ||
        !number(*to, "cycle_days", p.targetCycleDays, false))
      return false;
  }

  if (version_ >= 2 && !people(o, p))
    return false;
  std::optional<uint32_t> start;
  const json::Array *states, *edges;
  if (!index(o, "start", start, true) || !array(o, "states", states, true) ||
      !array(o, "transitions", edges, true))
    return false;
  const std::string processWhere = where;
  llvm::StringSet<> names;
  for (size_t i = 0; i < states->size(); ++i) {
    where = fmt::format("{}, state {}", processWhere, i);
    const json::Object* so = object((*states)[i], "the entry");
    if (!so)
      return false;
    State s;
    if (!state(*so, s))
      return false;
    if (!names.insert(s.name).second)
      return fail(fmt::format("two states are named '{}'", s.name));
    p.states.push_back(std::move(s));
  }
  where = processWhere;
  p.start = *start;
  if (p.start >= p.states.size() && !(p.states.empty() && p.start == 0))
    return fail(fmt::format("field 'start' is {}, but the process has {} states", p.start,
                            p.states.size()));
  const bool hasStages =
      std::any_of(p.states.begin(), p.states.end(), [](const State& s) { return !s.isOutcome(); });
  if (hasStages && p.states[p.start].isOutcome())
    return fail(fmt::format("the start state '{}' is an outcome; expected a stage",
                            p.states[p.start].name));
  return transitions(*edges, p) && (version_ < 2 || segments(o, p));
}

bool Reader::brand(const json::Object& o, Brand& b) {
  std::optional<uint32_t> maxStages;
  std::vector<std::string> requirements;
  if (!string(o, "name", b.name, true) || !string(o, "description", b.description, false) ||
      !strings(o, "values", b.values) || !strings(o, "forbidden_tactics", b.forbiddenTactics) ||
      !strings(o, "forbidden_categories", b.forbiddenCategories) ||
      !strings(o, "requires", requirements) || !index(o, "max_stages", maxStages, false) ||
      !number(o, "max_cycle_days", b.maxCycleDays, false))
    return false;
  for (const std::string& r : requirements) {
    std::optional<Requirement> known = parseRequirement(r);
    if (!known) {
      std::string expected;
      for (size_t i = 0; i < std::size(AllRequirements); ++i)
        expected += (i == 0                                ? "'"
                     : i + 1 == std::size(AllRequirements) ? " or '"
                                                           : ", '") +
                    toString(AllRequirements[i]).str() + "'";
      return fail(
          fmt::format("brand {} requires {}; expected {}", quote(b.name), quote(r), expected));
    }
    b.requirements.push_back(*known);
  }
  b.maxStages = maxStages;
  return true;
}

bool Reader::people(const json::Object& o, Process& p) {
  return named(o, "roles", "role", p.roles,
               [&](const json::Object& ro, Role& r) { return items(ro, "needs", r.needs); }) &&
         named(o, "teams", "team", p.teams, [](const json::Object&, Team&) { return true; });
}

/// A stage's owner, sign-offs and exit criteria (version 2).
bool Reader::stagePeople(const json::Object& o, State& s) {
  if (!string(o, "owner", s.owner, false) || !strings(o, "exit_criteria", s.exitCriteria))
    return false;
  const std::string stateWhere = where;
  if (!objects(o, "signoffs", [&](const json::Object& so, size_t i) {
        where = fmt::format("{}, sign-off {}", stateWhere, i);
        Signoff r;
        std::optional<double> share;
        if (!string(so, "role", r.role, true) || !number(so, "share", share, true))
          return false;
        r.share = *share;
        const json::Value* t = field(so, "time", true);
        const json::Object* to = t ? object(*t, "field 'time'") : nullptr;
        if (!to || !holding(*to, r.time))
          return false;
        s.signoffs.push_back(std::move(r));
        return true;
      }))
    return false;
  where = stateWhere;
  return true;
}

bool Reader::state(const json::Object& o, State& s) {
  std::string kind;
  if (!string(o, "name", s.name, true))
    return false;
  if (s.name.empty())
    return fail("the state name is empty");
  where += " (" + quote(s.name) + ")";
  if (!string(o, "kind", kind, true) || !string(o, "description", s.description, false))
    return false;
  if (std::optional<StateKind> k = parseStateKind(kind))
    s.kind = *k;
  else
    return fail(fmt::format("field 'kind' is {}; expected 'stage', 'won' or 'lost'", quote(kind)));
  const bool v2 = version_ >= 2;
  if (!items(o, "learn", s.learn) || !items(o, "provide", s.provide, v2) ||
      !items(o, "tactics", s.tactics, v2) ||
      !number(o, "stalled_after_days", s.stalledAfter, false) || (v2 && !stagePeople(o, s)) ||
      (v2 && !number(o, "value", s.value, false)) || (v2 && !strings(o, "crm_labels", s.crmLabels)))
    return false;
  if (llvm::any_of(s.crmLabels, [](const std::string& l) { return l.empty(); }))
    return fail("an entry of 'crm_labels' is empty; a CRM label has at least one letter or digit");
  if (s.stalledAfter && *s.stalledAfter < 0)
    return fail(
        fmt::format("field 'stalled_after_days' is {}; expected 0 or more", *s.stalledAfter));
  if (const json::Value* t = o.get("time"); t && t->kind() != json::Value::Null) {
    const json::Object* to = object(*t, "field 'time'");
    if (!to || !holding(*to, s.time))
      return false;
    s.hasTime = true;
  }
  if (s.isOutcome() &&
      (s.hasTime || s.stalledAfter || !s.learn.empty() || !s.provide.empty() || !s.tactics.empty()))
    return fail(fmt::format("outcome '{}' has a time, a stall limit or items; only stages have "
                            "them",
                            s.name));
  if (s.isOutcome() && (!s.signoffs.empty() || !s.owner.empty() || !s.exitCriteria.empty()))
    return fail(fmt::format("outcome '{}' has sign-offs, an owner or exit criteria; only stages "
                            "have them",
                            s.name));
  return true;
}

bool Reader::holding(const json::Object& o, Holding& h) {
  std::optional<double> min, typical, max, mean;
  if (!number(o, "min", min, true) || !number(o, "typical", typical, true) ||
      !number(o, "max", max, true) || !number(o, "mean", mean, false))
    return false;
  if (!(*min >= 0 && *min <= *typical && *typical <= *max))
    return fail(fmt::format("the time is min {}, typical {}, max {} days; expected 0 <= min <= "
                            "typical <= max",
                            *min, *typical, *max));
  h = Holding{*min, *typical, *max};
  if (mean && std::abs(*mean - h.mean()) > 1e-9 * std::max(1.0, h.mean()))
    return fail(fmt::format("the mean time is {} days, but (min + typical + max) / 3 is {}", *mean,
                            h.mean()));
  return true;
}

bool Reader::transitions(const json::Array& a, Process& p) {
  const std::string processWhere = where;
  const size_t n = p.states.size();
  // (from, to) seen: one lookup a transition, not a scan. (Not one uint64_t: LLVM 14
  // hashes it to its low 32 bits times 37, so every edge into a state collided.)
  llvm::DenseSet<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    where = fmt::format("{}, transition {}", processWhere, i);
    const json::Object* to = object(a[i], "the entry");
    if (!to)
      return false;
    std::optional<uint32_t> from, target;
    std::optional<double> probability;
    Transition t;
    if (!index(*to, "from", from, true) || !index(*to, "to", target, true) ||
        !number(*to, "probability", probability, true) || !boolean(*to, "implicit", t.implicit))
      return false;
    if (*from >= n || *target >= n)
      return fail(fmt::format("field '{}' is {}, but the process has {} states",
                              *from >= n ? "from" : "to", *from >= n ? *from : *target, n));
    t.from = *from;
    t.to = *target;
    t.probability = *probability;
    if (p.states[t.from].isOutcome())
      return fail(fmt::format("outcome '{}' has a transition to '{}'; an outcome ends the "
                              "process",
                              p.states[t.from].name, p.states[t.to].name));
    if (!(t.probability > 0 && t.probability <= 1))
      return fail(fmt::format("the transition from '{}' to '{}' has probability {}; expected "
                              "more than 0 and at most 1",
                              p.states[t.from].name, p.states[t.to].name, t.probability));
    if (!pairs.insert({t.from, t.to}).second)
      return fail(fmt::format("two transitions go from '{}' to '{}'; give each pair one "
                              "transition with the combined probability",
                              p.states[t.from].name, p.states[t.to].name));
    p.transitions.push_back(t);
  }
  where = processWhere;
  if (llvm::Error e = verify(p))
    return fail(llvm::toString(std::move(e)));
  return true;
}

} // namespace tables

namespace {

/// Where `json` nests arrays and objects deeper than MaxTablesDepth (outside strings),
/// or npos. llvm::json::parse recurses once per level: 40,000 levels overflowed the stack.
size_t tooDeep(llvm::StringRef json) {
  unsigned depth = 0;
  bool inString = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > MaxTablesDepth)
        return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return llvm::StringRef::npos;
}

} // namespace

llvm::Expected<std::vector<Process>> loadTables(llvm::StringRef json, llvm::StringRef file) {
  llvm::Expected<TablesDocument> doc = loadTablesDocument(json, file);
  if (!doc)
    return doc.takeError();
  return std::move(doc->processes);
}

llvm::Expected<TablesDocument> loadTablesDocument(llvm::StringRef json, llvm::StringRef file) {
  if (json.startswith("\xEF\xBB\xBF"))
    json = json.drop_front(3);
  if (json.size() > MaxTablesBytes)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fmt::format("{}: the file is {} MiB; salesc reads tables of up to {} MiB", shownPath(file),
                    (json.size() + (1 << 20) - 1) >> 20, MaxTablesBytes >> 20));
  if (size_t at = tooDeep(json); at != llvm::StringRef::npos) {
    size_t line = 1 + json.take_front(at).count('\n');
    size_t column = at - json.take_front(at).rfind('\n'); // npos + 1 == 0 on line 1
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fmt::format("{}:{}:{}: arrays and objects nest more than {} deep; a tables.json nests 7",
                    shownPath(file), line, column, MaxTablesDepth));
  }
  llvm::Expected<llvm::json::Value> root = llvm::json::parse(json);
  if (!root)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   syntaxError(json, file, root.takeError()));
  TablesDocument out;
  tables::Reader reader(file);
  if (!reader.document(*root, out))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), reader.takeError());
  return out;
}

llvm::Error tablesUnreadable(llvm::StringRef name, std::error_code ec) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 fmt::format("{}: cannot read the file: {}", name, ec.message()));
}

llvm::Expected<std::vector<Process>> loadTablesFile(llvm::StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/true);
  const std::string name = path == "-" ? "<stdin>" : path.str();
  if (!buffer)
    return tablesUnreadable(name, buffer.getError());
  return loadTables((*buffer)->getBuffer(), name);
}

} // namespace salesc::rt
