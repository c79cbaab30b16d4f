//===- Loaders.cpp - CSV rows to deals and stage events; dates ------------===//
#include "salesc/runtime/Loaders.h"

#include "HugePages.h"
#include "LastSeen.h"
#include "salesc/runtime/Printable.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace salesc::rt {
namespace {

llvm::Error fail(std::string message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

bool isLeap(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(int64_t y, unsigned m) {
  static constexpr unsigned Days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : Days[m - 1];
}

const char* monthName(unsigned m) {
  static constexpr const char* Names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
  return Names[m - 1];
}

/// Reads exactly `n` digits at `s[at]`; false if any is not a digit.
bool digits(llvm::StringRef s, size_t at, size_t n, unsigned& out) {
  if (at + n > s.size())
    return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9')
      return false;
    out = out * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}

/// The day of the "YYYY-MM-DD" at the start of `s`; messages quote `whole` and say what
/// was `expected`.
llvm::Expected<int64_t> datePart(llvm::StringRef s, llvm::StringRef whole, const char* expected) {
  unsigned y, m, d;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return fail(fmt::format("{} is not {}", quote(whole), expected));
  if (m < 1 || m > 12)
    return fail(fmt::format("{} is not a date: there is no month {}", quote(whole), m));
  if (d < 1 || d > daysInMonth(y, m))
    return fail(fmt::format("{} is not a date: {} {} has {} days", quote(whole), monthName(m), y,
                            daysInMonth(y, m)));
  return daysFromCivil(CivilDate{y, m, d});
}

constexpr const char* ExpectedDate = "a date; expected YYYY-MM-DD, such as 2024-03-15";
constexpr const char* ExpectedTimestamp =
    "a timestamp; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z], such as 2024-03-15T09:30:00Z";

/// A plain decimal number: [+-]digits[.digits][(e|E)[+-]digits], at least one digit.
bool isDecimal(llvm::StringRef s) {
  size_t i = 0, n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-'))
    ++i;
  size_t mantissa = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9')
    ++i, ++mantissa;
  if (i < n && s[i] == '.')
    for (++i; i < n && s[i] >= '0' && s[i] <= '9'; ++i)
      ++mantissa;
  if (mantissa == 0)
    return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-'))
      ++i;
    size_t exponent = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
      ++i, ++exponent;
    if (exponent == 0)
      return false;
  }
  return i == n;
}

std::string quotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0)
      out += i + 1 == names.size() ? " and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

/// What one loader expects: the required columns, then the optional ones.
struct Columns {
  std::vector<std::string> required;
  std::vector<std::string> optional;
  const char* what; ///< "a pipeline", "an event log"
};

/// Where each expected column is in the header. Invariant after a successful
/// find(): `index` has one entry per required column, then per optional one
/// (NoColumn when absent), and `needed` is one more than the largest required index.
struct ColumnMap {
  static constexpr size_t NoColumn = ~size_t(0);
  std::vector<size_t> index;
  size_t needed = 0;
  size_t width = 0;
};

/// "the columns 'a', 'b' (and optionally 'c')".
std::string columnsNeeded(const Columns& cols) {
  return "the columns " + quotedList(cols.required) +
         (cols.optional.empty() ? "" : " (and optionally " + quotedList(cols.optional) + ")");
}

/// The message for a file without a header line.
std::string emptyFile(const Columns& cols, llvm::StringRef file) {
  return fmt::format("{}:1: the file is empty; {} needs a header line with {}", shownPath(file),
                     cols.what, columnsNeeded(cols));
}

/// Finds the columns in `header` (on line `headerLine`); the message when a required one
/// is missing or one is named twice.
std::optional<std::string> findColumns(llvm::ArrayRef<llvm::StringRef> header, unsigned headerLine,
                                       const Columns& cols, llvm::StringRef file, ColumnMap& map) {
  std::vector<std::string> names = cols.required;
  names.insert(names.end(), cols.optional.begin(), cols.optional.end());
  map.index.assign(names.size(), ColumnMap::NoColumn);
  map.width = header.size();
  for (size_t c = 0; c < header.size(); ++c) {
    const std::string h = header[c].trim(" \t").lower();
    for (size_t i = 0; i < names.size(); ++i)
      if (h == names[i]) {
        if (map.index[i] != ColumnMap::NoColumn)
          return fmt::format("{}:{}: the header names column '{}' twice", shownPath(file),
                             headerLine, names[i]);
        map.index[i] = c;
      }
  }
  std::vector<std::string> missing;
  for (size_t i = 0; i < cols.required.size(); ++i) {
    if (map.index[i] == ColumnMap::NoColumn)
      missing.push_back(cols.required[i]);
    else
      map.needed = std::max(map.needed, map.index[i] + 1);
  }
  if (!missing.empty())
    return fmt::format("{}:{}: the header has no column{} {}; {} needs {}", shownPath(file),
                       headerLine, missing.size() == 1 ? "" : "s", quotedList(missing), cols.what,
                       columnsNeeded(cols));
  return std::nullopt;
}

/// Views of `fields` (a parsed table's row or header).
void viewsOf(const std::vector<std::string>& fields, std::vector<llvm::StringRef>& out) {
  out.assign(fields.begin(), fields.end());
}

/// Finds the columns of a parsed table, or reports one error (and rejects every row) and
/// returns false.
bool findColumns(const CsvTable& table, const Columns& cols, llvm::StringRef file,
                 LoadReport& report, ColumnMap& map) {
  report.rowsRead += table.rows.size();
  std::vector<llvm::StringRef> header;
  viewsOf(table.header, header);
  std::optional<std::string> bad = table.headerLine == 0
                                       ? emptyFile(cols, file)
                                       : findColumns(header, table.headerLine, cols, file, map);
  if (!bad)
    return true;
  report.rowsRejected += table.rows.size();
  report.addError(std::move(*bad));
  return false;
}

/// Checks the number of fields of `row`; the message when it is wrong.
std::optional<std::string> checkWidth(const CsvRecord& row, const ColumnMap& map) {
  if (row.fields.size() < map.needed)
    return fmt::format("expected {} fields as in the header, found {}", map.width,
                       row.fields.size());
  if (row.fields.size() > map.width)
    return fmt::format("found {} fields, but the header has {}; a field holding a comma must be "
                       "quoted",
                       row.fields.size(), map.width);
  return std::nullopt;
}

llvm::StringRef field(const CsvRecord& row, size_t column) {
  if (column == ColumnMap::NoColumn || column >= row.fields.size())
    return {};
  return trimBlanks(row.fields[column]);
}

/// The index of every state by name.
llvm::StringMap<uint32_t> stateIndex(const Process& p) {
  llvm::StringMap<uint32_t> index;
  for (uint32_t i = 0; i < p.states.size(); ++i)
    index.try_emplace(p.states[i].name, i);
  return index;
}

std::string unknownStage(const Process& p, llvm::StringRef stage) {
  if (stage.empty())
    return "the stage is empty";
  std::string msg = fmt::format("process '{}' has no stage {}", p.name, quote(stage));
  if (std::optional<std::string> s = closestStateName(p, stage))
    msg += "; did you mean '" + *s + "'?";
  return msg;
}

} // namespace

int64_t daysFromCivil(CivilDate d) {
  const int64_t y = d.year - (d.month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (d.month > 2 ? d.month - 3 : d.month + 9) + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const unsigned d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const unsigned m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{yoe + era * 400 + (m <= 2), m, d};
}

llvm::Expected<double> parseDate(llvm::StringRef text) {
  if (text.size() != 10)
    return fail(fmt::format("{} is not {}", quote(text), ExpectedDate));
  llvm::Expected<int64_t> day = datePart(text, text, ExpectedDate);
  if (!day)
    return day.takeError();
  return static_cast<double>(*day);
}

namespace {

/// The timestamp `text` whose date (its first 10 characters) is `day`: the time of day and
/// the offset after it, read and checked as parseTimestamp does.
llvm::Expected<double> timestampOn(llvm::StringRef text, int64_t day) {
  if (text.size() == 10)
    return static_cast<double>(day);
  auto bad = [&] { return fail(fmt::format("{} is not {}", quote(text), ExpectedTimestamp)); };
  unsigned hh, mm, ss = 0;
  if ((text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !digits(text, 11, 2, hh) ||
      text.size() < 16 || text[13] != ':' || !digits(text, 14, 2, mm))
    return bad();
  size_t at = 16;
  double fraction = 0;
  if (at < text.size() && text[at] == ':') {
    if (!digits(text, at + 1, 2, ss))
      return bad();
    at += 3;
    if (at < text.size() && text[at] == '.') {
      double scale = 0.1;
      size_t start = ++at;
      for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, scale /= 10)
        fraction += (text[at] - '0') * scale;
      if (at == start)
        return bad();
    }
  }
  if (hh > 23 || mm > 59 || ss > 59)
    return fail(fmt::format("{} is not a timestamp: the time of day is out of range", quote(text)));
  int offsetMinutes = 0;
  llvm::StringRef zone = text.drop_front(at);
  if (zone == "Z" || zone == "z") {
  } else if (!zone.empty()) {
    unsigned oh, om;
    const bool colon = zone.size() == 6 && zone[3] == ':';
    if ((zone[0] != '+' && zone[0] != '-') || (zone.size() != 5 && !colon) ||
        !digits(zone, 1, 2, oh) || !digits(zone, colon ? 4 : 3, 2, om) || oh > 23 || om > 59)
      return bad();
    offsetMinutes = (zone[0] == '-' ? -1 : 1) * static_cast<int>(oh * 60 + om);
  }
  const double seconds = hh * 3600.0 + mm * 60.0 + ss + fraction - offsetMinutes * 60.0;
  return static_cast<double>(day) + seconds / 86400.0;
}

} // namespace

llvm::Expected<double> parseTimestamp(llvm::StringRef text) {
  llvm::Expected<int64_t> day = datePart(text, text, ExpectedTimestamp);
  if (!day)
    return day.takeError();
  return timestampOn(text, *day);
}

std::string formatDate(double days) {
  const CivilDate d = civilFromDays(static_cast<int64_t>(std::floor(days)));
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::optional<std::string> closestStateName(const Process& p, llvm::StringRef name) {
  const unsigned limit = std::max<unsigned>(1, (name.size() + 2) / 3);
  std::optional<std::string> best;
  unsigned bestDistance = limit + 1;
  for (const State& s : p.states) {
    if (s.name == name)
      continue;
    const unsigned d = name.edit_distance(s.name, /*AllowReplacements=*/true, limit);
    if (d < bestDistance) {
      bestDistance = d;
      best = s.name;
    }
  }
  return best;
}

/// Rejects a row with a message about its field `column` (NoField: the row as a whole).
using RejectAt = llvm::function_ref<void(const std::string& message, size_t column)>;

constexpr size_t NoField = ColumnMap::NoColumn;

/// A row's deal id and state, after the checks every loader makes: the field count, a
/// deal id, a stage the process has. Nullopt after rejecting the row.
struct RowKey {
  llvm::StringRef id;
  uint32_t state;
};

std::optional<RowKey> rowKey(const CsvRecord& row, const ColumnMap& map,
                             const llvm::StringMap<uint32_t>& states, const Process& p,
                             RejectAt reject) {
  if (std::optional<std::string> bad = checkWidth(row, map)) {
    reject(*bad, NoField);
    return std::nullopt;
  }
  const llvm::StringRef id = field(row, map.index[0]);
  const llvm::StringRef stage = field(row, map.index[1]);
  if (id.empty()) {
    reject("the deal id is empty", map.index[0]);
    return std::nullopt;
  }
  auto state = states.find(stage);
  if (state == states.end()) {
    reject(unknownStage(p, stage), map.index[1]);
    return std::nullopt;
  }
  return RowKey{id, state->second};
}

/// The index of the segment `name` of `p`; nullopt, after rejecting the row, when `p`
/// has no such segment.
template <typename Reject>
std::optional<uint32_t> segmentNamed(const Process& p, llvm::StringRef deal, llvm::StringRef name,
                                     Reject& reject) {
  std::vector<std::string> names;
  for (uint32_t g = 0; g < p.segments.size(); ++g) {
    if (p.segments[g].name == name)
      return g;
    names.push_back(p.segments[g].name);
  }
  reject(fmt::format("deal {} is in segment {}, which the process does not have ({})", quote(deal),
                     quote(name),
                     names.empty() ? "it has no segments" : "its segments: " + quotedList(names)));
  return std::nullopt;
}

/// The deal value in a non-empty `value` field; nullopt, after rejecting the row, when
/// it is not a number or is negative.
template <typename Reject>
static std::optional<double> parseDealValue(llvm::StringRef value, Reject& reject) {
  double v = 0;
  if (!isDecimal(value) || !std::isfinite(v = std::strtod(value.str().c_str(), nullptr))) {
    reject(fmt::format("the value {} is not a number; write it without currency signs or "
                       "thousands separators, such as 15000",
                       quote(value)));
    return std::nullopt;
  }
  if (v < 0) {
    reject(fmt::format("the value {} is negative; a deal's value is 0 or more", quote(value)));
    return std::nullopt;
  }
  return v;
}

std::vector<Deal> loadPipeline(const CsvTable& table, const Process& p, llvm::StringRef file,
                               LoadReport& report) {
  static const Columns Cols{{"deal", "stage", "entered"}, {"value", "segment"}, "a pipeline"};
  std::vector<Deal> deals;
  ColumnMap map;
  if (!findColumns(table, Cols, file, report, map))
    return deals;
  deals.reserve(table.rows.size());
  const llvm::StringMap<uint32_t> states = stateIndex(p);
  llvm::StringMap<unsigned> seen; // deal id -> line
  std::vector<llvm::StringRef> fields;
  for (const CsvRow& csvRow : table.rows) {
    viewsOf(csvRow.fields, fields);
    const CsvRecord row = recordOf(table, csvRow, fields);
    auto rejectAt = [&](const std::string& message, size_t column) {
      ++report.rowsRejected;
      if (!report.keepsNextError())
        return ++report.errorsNotKept, void();
      report.addError(fieldPlaceText(file, row, rawField(table, column)) + ": " + message);
    };
    std::optional<RowKey> key = rowKey(row, map, states, p, rejectAt);
    auto rejectValue = [&](const std::string& message) { rejectAt(message, map.index[3]); };
    auto rejectSegment = [&](const std::string& message) { rejectAt(message, map.index[4]); };
    if (!key)
      continue;
    const llvm::StringRef id = key->id;
    const llvm::StringRef entered = field(row, map.index[2]);
    const llvm::StringRef value = field(row, map.index[3]);
    const llvm::StringRef segment = field(row, map.index[4]).trim(" \t");
    Deal d;
    d.line = row.line;
    d.state = key->state;
    if (p.states[d.state].isOutcome()) {
      rejectAt(fmt::format("deal {} is in outcome '{}'; a pipeline lists open deals, each in a "
                           "stage",
                           quote(id), p.states[d.state].name),
               map.index[1]);
      continue;
    }
    llvm::Expected<double> day =
        entered.size() <= 10 ? parseDate(entered) : parseTimestamp(entered);
    if (!day) {
      rejectAt("bad date in column 'entered': " + llvm::toString(day.takeError()), map.index[2]);
      continue;
    }
    d.entered = *day;
    if (!value.empty() && !(d.value = parseDealValue(value, rejectValue)))
      continue;
    if (!segment.empty() && !(d.segment = segmentNamed(p, id, segment, rejectSegment)))
      continue;
    auto [first, inserted] = seen.try_emplace(id, row.line);
    if (!inserted) {
      rejectAt(fmt::format("deal {} is listed twice (first on line {}); a pipeline has one row "
                           "per open deal",
                           quote(id), first->second),
               map.index[0]);
      continue;
    }
    d.id = id.str();
    deals.push_back(std::move(d));
  }
  return deals;
}

namespace {

const Columns EventColumns{{"deal", "stage", "timestamp"}, {"segment", "value"}, "an event log"};

/// Loads an event log's rows one by one into `events`, once its columns are found.
class EventRows {
public:
  EventRows(const Process& p, llvm::StringRef file, LoadReport& report,
            std::vector<StageEvent>& events)
      : p(p), file(file), report(report), events(events), states(stateIndex(p)) {}

  ColumnMap map;
  /// The table the rows come from (their columns' fields in `raw`), or null: a CSV read
  /// row by row.
  const CsvTable* table = nullptr;

  /// Rejects `row` with a message about its field `column` (NoField: the whole row), at
  /// that field's FILE:LINE:COL when the row's text is known.
  auto rejecter(const CsvRecord& row) {
    return [this, &row](const std::string& message, size_t column) {
      ++report.rowsRejected;
      if (!report.keepsNextError())
        return ++report.errorsNotKept, void();
      report.addError(fieldPlaceText(file, row, table ? rawField(*table, column) : column) + ": " +
                      message);
    };
  }

  void row(const CsvRecord& row) {
    auto reject = rejecter(row);
    std::optional<RowKey> key = rowKey(row, map, states, p, reject);
    if (!key)
      return;
    llvm::Expected<double> time = timestamp(field(row, map.index[2]));
    if (!time) {
      reject("bad timestamp: " + llvm::toString(time.takeError()), map.index[2]);
      return;
    }
    add(row, map.index[3], map.index[4], key->id, key->state, *time, field(row, map.index[3]),
        field(row, map.index[4]));
  }

  /// parseTimestamp(text), the date looked up again only when it is not the last row's (a
  /// log's rows come a thousand to a day).
  llvm::Expected<double> timestamp(llvm::StringRef text) {
    if (text.size() < 10) {
      llvm::Expected<int64_t> day = datePart(text, text, ExpectedTimestamp);
      if (!day)
        return day.takeError();
      return timestampOn(text, *day);
    }
    std::optional<llvm::Error> error; // set only when the date does not read
    const int64_t* day = days.get(text.take_front(10), [&](llvm::StringRef) {
      llvm::Expected<int64_t> d = datePart(text, text, ExpectedTimestamp);
      if (!d) {
        error.emplace(d.takeError());
        return std::optional<int64_t>();
      }
      return std::optional<int64_t>(*d);
    });
    if (!day)
      return std::move(*error);
    return timestampOn(text, *day);
  }

  /// The entry of `id` into `state` at `time` read from `row`, once its key and time are
  /// read: the checks of its segment and value fields (trimmed; empty: none), which are
  /// the row's fields `segmentColumn` and `valueColumn` for the place of a message.
  void add(const CsvRecord& row, size_t segmentColumn, size_t valueColumn, llvm::StringRef id,
           uint32_t state, double time, llvm::StringRef name, llvm::StringRef v) {
    const unsigned line = row.line;
    auto rejectAt = rejecter(row);
    auto reject = [&](const std::string& message) { rejectAt(message, segmentColumn); };
    auto rejectValue = [&](const std::string& message) { rejectAt(message, valueColumn); };
    std::optional<uint32_t> segment;
    if (!name.empty()) {
      if (!(segment = segmentNamed(p, id, name, reject)))
        return;
      // A deal is in one segment: the first its rows name.
      auto [first, inserted] = segmentOf.try_emplace(id, *segment, line);
      if (!inserted && first->second.first != *segment) {
        reject(fmt::format("deal {} is in segment {} here but in {} on line {}; a deal is in "
                           "one segment",
                           quote(id), quote(name), quote(p.segments[first->second.first].name),
                           first->second.second));
        return;
      }
    }
    std::optional<double> value;
    if (!v.empty()) {
      const double* parsed =
          values.get(v, [&](llvm::StringRef t) { return parseDealValue(t, rejectValue); });
      if (!parsed)
        return;
      value = *parsed;
    }
    events.push_back(StageEvent{id.str(), state, time, line, segment, value});
  }

private:
  const Process& p;
  llvm::StringRef file;
  LoadReport& report;
  std::vector<StageEvent>& events;
  const llvm::StringMap<uint32_t> states;
  llvm::StringMap<std::pair<uint32_t, unsigned>> segmentOf; // deal -> segment, line
  LastSeen<int64_t> days;  ///< the day of a timestamp's first 10 characters
  LastSeen<double> values; ///< a deal's rows repeat its value
};

} // namespace

struct EventLogBuilder::Impl {
  Impl(const Process& p, llvm::StringRef file, LoadReport& report)
      : rows(p, file, report, events) {}
  std::vector<StageEvent> events;
  EventRows rows;
};

EventLogBuilder::EventLogBuilder(const Process& p, llvm::StringRef file, LoadReport& report)
    : impl_(std::make_unique<Impl>(p, file, report)) {}

EventLogBuilder::~EventLogBuilder() = default;

void EventLogBuilder::reserve(size_t events) {
  reserveLarge(impl_->events, events);
}

void EventLogBuilder::add(const CsvRecord& row, size_t segmentColumn, size_t valueColumn,
                          llvm::StringRef deal, uint32_t state, double time,
                          llvm::StringRef segment, llvm::StringRef value) {
  impl_->rows.add(row, segmentColumn, valueColumn, deal, state, time, segment, value);
}

std::vector<StageEvent> EventLogBuilder::take() {
  return std::move(impl_->events);
}

std::vector<StageEvent> loadEvents(const CsvTable& table, const Process& p, llvm::StringRef file,
                                   LoadReport& report) {
  std::vector<StageEvent> events;
  EventRows rows(p, file, report, events);
  if (!findColumns(table, EventColumns, file, report, rows.map))
    return events;
  rows.table = &table;
  events.reserve(table.rows.size());
  std::vector<llvm::StringRef> fields;
  for (const CsvRow& row : table.rows) {
    viewsOf(row.fields, fields);
    rows.row(recordOf(table, row, fields));
  }
  return events;
}

llvm::Expected<std::vector<StageEvent>> loadEventsCsv(llvm::StringRef text, const Process& p,
                                                      llvm::StringRef file, LoadReport& report,
                                                      size_t maxBytes) {
  std::vector<StageEvent> events;
  LoadReport load;
  EventRows rows(p, file, load, events);
  bool header = false;
  std::optional<std::string> bad; // what is wrong with the header
  if (text.size() <= maxBytes)
    reserveLarge(events, estimatedRecords(text));
  llvm::Error err = scanCsv(text, file, maxBytes, ',', [&](const CsvRecord& r) {
    if (!header) {
      header = true;
      bad = findColumns(r.fields, r.line, EventColumns, file, rows.map);
      return;
    }
    ++load.rowsRead;
    if (!bad)
      rows.row(r);
  });
  if (err)
    return err;
  if (!header)
    bad = emptyFile(EventColumns, file);
  if (bad) {
    load.rowsRejected = load.rowsRead;
    load.addError(std::move(*bad));
    events.clear();
  }
  report.rowsRead += load.rowsRead;
  report.rowsRejected += load.rowsRejected;
  report.takeErrors(load);
  return events;
}

} // namespace salesc::rt
