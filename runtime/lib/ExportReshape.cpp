//===- ExportReshape.cpp - A CRM export to the table the loaders read -----===//
#include "ExportValues.h"

#include "salesc/runtime/ExportMapping.h"
#include "salesc/runtime/Printable.h"
#include "salesc/runtime/StageLabels.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace salesc::rt {
namespace {

constexpr size_t None = ~size_t(0);

std::string headerKey(llvm::StringRef h) {
  return h.trim(" \t").lower();
}

/// The first column whose header is one of `names`.
size_t columnOf(const CsvTable& t, const std::vector<std::string>& names) {
  for (const std::string& n : names)
    for (size_t c = 0; c < t.header.size(); ++c)
      if (headerKey(t.header[c]) == headerKey(n))
        return c;
  return None;
}

llvm::StringRef at(const CsvRow& row, size_t c) {
  return c < row.fields.size() ? llvm::StringRef(row.fields[c]).trim(" \t") : llvm::StringRef();
}

/// The label a `stage_columns` entry gives `header`, or nullopt when it does not match.
std::optional<std::string> stageColumnLabel(llvm::StringRef header, llvm::StringRef pattern,
                                            llvm::StringRef label) {
  const std::string h = headerKey(header), p = headerKey(pattern);
  const size_t star = p.find('*');
  if (star == std::string::npos)
    return h == p ? std::optional<std::string>(label.str()) : std::nullopt;
  llvm::StringRef hr(h), before = llvm::StringRef(p).take_front(star),
                         after = llvm::StringRef(p).drop_front(star + 1);
  if (hr.size() < before.size() + after.size() || !hr.startswith(before) || !hr.endswith(after))
    return std::nullopt;
  // The original spelling of what the `*` matched, less a last bracketed group.
  llvm::StringRef matched = header.trim(" \t").drop_front(before.size()).drop_back(after.size());
  if (matched.endswith(")"))
    if (size_t open = matched.rfind(" ("); open != llvm::StringRef::npos)
      matched = matched.take_front(open);
  return label == "*" ? matched.trim().str() : label.str();
}

/// The 1-based column of field `field` on line `line` of `text` (as the CSV reader
/// splits it; quotes are stepped over).
unsigned columnIn(llvm::StringRef text, unsigned line, size_t field, char delimiter) {
  size_t pos = 0;
  for (unsigned l = 1; l < line && pos != llvm::StringRef::npos; ++l)
    if ((pos = text.find('\n', pos)) != llvm::StringRef::npos)
      ++pos;
  if (pos == llvm::StringRef::npos)
    return 1;
  const size_t start = pos;
  bool quoted = false;
  for (size_t f = 0; f < field && pos < text.size(); ++pos) {
    if (text[pos] == '"')
      quoted = !quoted;
    else if (text[pos] == delimiter && !quoted)
      ++f;
    else if (text[pos] == '\n' && !quoted)
      break;
  }
  unsigned column = 1; // in characters: UTF-8 continuation bytes do not count
  for (char c : text.slice(start, pos))
    column += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return column;
}

/// Resolves stage labels to the process's states through the process's StageLabels,
/// remembering each label's answer.
class Labels {
public:
  Labels(const Process& p, const ExportMapping& m) : p_(p), table_(stageLabels(p, m)) {}

  /// The state `label` names; a lost outcome named by `reason` wins over a lost label.
  std::optional<uint32_t> resolve(llvm::StringRef label, llvm::StringRef reason) {
    std::optional<uint32_t> s = lookup(label);
    if (!reason.empty() && (!s || p_.states[*s].kind == StateKind::Lost))
      if (std::optional<uint32_t> r = table_.lostReason(reason))
        return r;
    return s;
  }

  std::optional<uint32_t> lookup(llvm::StringRef label) {
    auto [it, inserted] = cache_.try_emplace(label);
    if (inserted)
      it->second = table_.label(label);
    return it->second;
  }

  std::vector<std::string> problems() const { return table_.problems(p_); }

private:
  const Process& p_;
  StageLabels table_;
  llvm::StringMap<std::optional<uint32_t>> cache_;
};

/// A label that matched nothing: how many rows, and the first one's place.
struct Unknown {
  unsigned rows = 0;
  unsigned line = 0;
  size_t column = 0;
  size_t order = 0;
};

class Reshaper {
public:
  Reshaper(const CsvTable& t, llvm::StringRef text, const ExportMapping& m, const Process& p,
           ExportKind kind, llvm::StringRef file, LoadReport& report, ReshapeNotes& notes)
      : t_(t), text_(text), m_(m), p_(p), kind_(kind), file_(file), report_(report), notes_(notes),
        labels_(p, m) {}

  CsvTable run() {
    CsvTable out;
    out.headerLine = t_.headerLine;
    out.header = kind_ == ExportKind::Events
                     ? std::vector<std::string>{"deal", "stage", "timestamp", "segment"}
                     : std::vector<std::string>{"deal", "stage", "entered", "value", "segment"};
    for (const std::string& problem : labels_.problems())
      error(0, problem);
    if (!findColumns())
      return out;
    order_ = sniffOrder();
    out_ = &out;
    out.rows.reserve(t_.rows.size());
    // The process column filters only when it names the process somewhere: a CRM's own
    // pipeline names ("Sales Pipeline") are not the process's.
    if (process_ != None)
      filterProcess_ = std::any_of(t_.rows.begin(), t_.rows.end(), [&](const CsvRow& row) {
        return foldLabel(at(row, process_)) == foldLabel(p_.name);
      });
    for (const CsvRow& row : t_.rows)
      read(row);
    reportUnknown();
    writeNotes();
    return out;
  }

private:
  void error(unsigned line, const std::string& message) {
    report_.errors.push_back(line ? fmt::format("{}:{}: {}", shownPath(file_), line, message)
                                  : fmt::format("{}: {}", shownPath(file_), message));
  }

  void reject(const CsvRow& row, const std::string& message) {
    ++report_.rowsRejected;
    error(row.line, message);
  }

  bool findColumns() {
    report_.rowsRead += static_cast<unsigned>(t_.rows.size());
    auto missing = [&](const char* what, const std::vector<std::string>& names) {
      report_.rowsRejected += static_cast<unsigned>(t_.rows.size());
      error(t_.headerLine,
            fmt::format("the header has no {} column ({}); name it in 'columns:' of a map", what,
                        names.empty()
                            ? std::string("none is set")
                            : "looked for " + llvm::join(names.begin(), names.end(), ", ")));
      return false;
    };
    deal_ = columnOf(t_, m_.deal);
    if (deal_ == None)
      return missing("deal", m_.deal);
    stage_ = columnOf(t_, m_.stage);
    time_ = columnOf(t_, m_.timestamp);
    value_ = columnOf(t_, m_.value);
    currency_ = columnOf(t_, m_.currency);
    segment_ = columnOf(t_, m_.segment);
    process_ = columnOf(t_, m_.process);
    reason_ = columnOf(t_, m_.lostReason);
    status_ = columnOf(t_, m_.status);
    if (m_.layout == ExportMapping::Layout::Wide) {
      for (size_t c = 0; c < t_.header.size(); ++c)
        for (const auto& [pattern, label] : m_.stageColumns)
          if (std::optional<std::string> l = stageColumnLabel(t_.header[c], pattern, label)) {
            wide_.push_back({c, *l});
            break;
          }
      if (wide_.empty())
        return missing("stage date", {});
      if (kind_ == ExportKind::Pipeline && stage_ == None)
        return missing("stage", m_.stage);
      return true;
    }
    if (stage_ == None)
      return missing("stage", m_.stage);
    if (time_ == None)
      return missing(kind_ == ExportKind::Events ? "timestamp" : "stage-entered date",
                     m_.timestamp);
    return true;
  }

  /// Day first or month first, from the dates of the file, when no format is given.
  DayOrder sniffOrder() {
    if (!m_.dateFormat.empty())
      return DayOrder::Unknown;
    std::vector<size_t> cols;
    if (time_ != None)
      cols.push_back(time_);
    for (const auto& w : wide_)
      cols.push_back(w.first);
    bool ambiguous = false;
    for (const CsvRow& row : t_.rows)
      for (size_t c : cols) {
        llvm::StringRef v = at(row, c);
        if (v.size() >= 8 && v[4] != '-' &&
            (v[2] == '/' || v[2] == '.' || v[1] == '/' || v[1] == '.'))
          ambiguous = true;
        if (DayOrder o = dayOrderOf(v); o != DayOrder::Unknown)
          return o;
      }
    if (ambiguous)
      notes_.notes.push_back(fmt::format("{}: no date has a day over 12, so dates such as "
                                         "03/04/2024 are read day first (3 April); set 'dates: "
                                         "format:' in a map to read them month first",
                                         shownPath(file_)));
    return DayOrder::DayFirst;
  }

  void unknownLabel(llvm::StringRef label, const CsvRow& row, size_t column) {
    auto [it, inserted] = unknown_.try_emplace(label);
    if (inserted) {
      it->second.line = row.line;
      it->second.column = column;
      it->second.order = unknown_.size();
    }
    ++it->second.rows;
    ++report_.rowsRejected;
  }

  std::optional<ExportDate> date(const CsvRow& row, llvm::StringRef text, llvm::StringRef what) {
    std::string why;
    std::optional<ExportDate> d =
        readExportDate(text, m_.dateFormat, order_, m_.timezoneMinutes, why);
    if (!d)
      reject(row, fmt::format("bad date in column {}: {}", quote(what), why));
    return d;
  }

  void read(const CsvRow& row) {
    const llvm::StringRef id = at(row, deal_);
    if (id.empty())
      return reject(row, "the deal id is empty");
    if (filterProcess_ && !processMatches(at(row, process_))) {
      ++otherProcess_;
      return;
    }
    if (kind_ == ExportKind::Pipeline && status_ != None &&
        !at(row, status_).equals_insensitive("open")) {
      ++closed_;
      return;
    }
    std::string value;
    if (kind_ == ExportKind::Pipeline && value_ != None && !at(row, value_).empty()) {
      std::optional<std::string> v = readExportAmount(at(row, value_), m_.decimal, m_.thousands);
      if (!v)
        return reject(row, fmt::format("the value {} is not an amount", quote(at(row, value_))));
      value = std::move(*v);
    }
    if (currency_ != None && !at(row, currency_).empty())
      currencies_.insert(at(row, currency_).upper());
    const llvm::StringRef reason = at(row, reason_);
    const llvm::StringRef segment = at(row, segment_);
    if (m_.layout == ExportMapping::Layout::Wide && kind_ == ExportKind::Events) {
      for (const auto& [column, label] : wide_) {
        const llvm::StringRef when = at(row, column);
        if (when.empty())
          continue;
        std::optional<uint32_t> s = labels_.resolve(label, reason);
        if (!s) {
          unknownLabel(label, row, column);
          continue;
        }
        std::optional<ExportDate> d = date(row, when, t_.header[column]);
        if (!d)
          continue;
        emit(row.line, id, *s, std::move(d->iso), {}, segment);
      }
      return;
    }
    const llvm::StringRef label = at(row, stage_);
    if (label.empty())
      return reject(row, "the stage is empty");
    std::optional<uint32_t> s = labels_.resolve(label, reason);
    if (!s && kind_ == ExportKind::Pipeline && isClosedLabel(label)) {
      ++closed_; // a won or lost deal, whichever outcome it reached
      return;
    }
    if (!s)
      return unknownLabel(label, row, stage_);
    if (kind_ == ExportKind::Pipeline && p_.states[*s].isOutcome()) {
      ++closed_;
      return;
    }
    llvm::StringRef when = time_ != None ? at(row, time_) : llvm::StringRef();
    llvm::StringRef whenColumn = time_ != None ? llvm::StringRef(t_.header[time_]) : "";
    if (m_.layout == ExportMapping::Layout::Wide) // a pipeline: the current stage's column
      for (const auto& [column, l] : wide_)
        if (labels_.lookup(l) == s && !at(row, column).empty()) {
          when = at(row, column);
          whenColumn = t_.header[column];
        }
    if (when.empty())
      return reject(row,
                    fmt::format("deal {} has no date for its stage {}", quote(id), quote(label)));
    std::optional<ExportDate> d = date(row, when, whenColumn);
    if (!d)
      return;
    emit(row.line, id, *s, std::move(d->iso), std::move(value), segment);
  }

  static bool isClosedLabel(llvm::StringRef label) {
    const std::string f = foldLabel(label);
    return f == "closedwon" || f == "closedlost" || f == "won" || f == "lost";
  }

  bool processMatches(llvm::StringRef v) { return v.empty() || foldLabel(v) == foldLabel(p_.name); }

  /// One row of the loaders' table. Rows stay in file order: the loaders and conform
  /// order each deal's entries by time themselves, so both layouts agree.
  void emit(unsigned line, llvm::StringRef id, uint32_t state, std::string iso, std::string value,
            llvm::StringRef segment) {
    CsvRow& row = out_->rows.emplace_back();
    row.line = line;
    row.fields.reserve(kind_ == ExportKind::Events ? 4 : 5);
    row.fields.emplace_back(id);
    row.fields.emplace_back(p_.states[state].name);
    row.fields.push_back(std::move(iso));
    if (kind_ == ExportKind::Pipeline)
      row.fields.push_back(std::move(value));
    row.fields.emplace_back(segment);
  }

  void reportUnknown() {
    std::vector<std::pair<llvm::StringRef, const Unknown*>> all;
    for (const auto& u : unknown_)
      all.push_back({u.first(), &u.second});
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return a.second->order < b.second->order; });
    const char delimiter = sniffDelimiter(text_, m_);
    for (const auto& [label, u] : all) {
      std::string message = fmt::format(
          "{}:{}:{}: the label {} ({} row{}) matches no stage or outcome of process '{}'",
          shownPath(file_), u->line, columnIn(text_, u->line, u->column, delimiter), quote(label),
          u->rows, u->rows == 1 ? "" : "s", p_.name);
      if (std::optional<std::string> near = closestLabel(p_, label))
        message += fmt::format("; did you mean {}? Else map", *near);
      else
        message += "; map";
      message += " it to one in 'stages:' of a mapping file (--map)";
      report_.errors.push_back(std::move(message));
    }
  }

  void writeNotes() {
    if (otherProcess_)
      notes_.notes.push_back(fmt::format("{}: left out {} row{} of other pipelines or processes",
                                         shownPath(file_), otherProcess_,
                                         otherProcess_ == 1 ? "" : "s"));
    if (closed_)
      notes_.notes.push_back(fmt::format("{}: left out {} won or lost deal{} (not open)",
                                         shownPath(file_), closed_, closed_ == 1 ? "" : "s"));
    if (currencies_.size() > 1)
      notes_.notes.push_back(fmt::format("{}: values are in several currencies ({}); they are "
                                         "added as they are, without conversion",
                                         shownPath(file_),
                                         llvm::join(currencies_.begin(), currencies_.end(), ", ")));
  }

  const CsvTable& t_;
  llvm::StringRef text_;
  const ExportMapping& m_;
  const Process& p_;
  ExportKind kind_;
  llvm::StringRef file_;
  LoadReport& report_;
  ReshapeNotes& notes_;
  Labels labels_;
  size_t deal_ = None, stage_ = None, time_ = None, value_ = None, currency_ = None,
         segment_ = None, process_ = None, reason_ = None, status_ = None;
  std::vector<std::pair<size_t, std::string>> wide_;
  DayOrder order_ = DayOrder::Unknown;
  llvm::StringMap<Unknown> unknown_;
  CsvTable* out_ = nullptr;
  std::set<std::string> currencies_;
  bool filterProcess_ = false;
  unsigned otherProcess_ = 0, closed_ = 0;
};

} // namespace

char sniffDelimiter(llvm::StringRef text, const ExportMapping& m) {
  if (m.delimiter)
    return m.delimiter;
  llvm::StringRef first = text.take_until([](char c) { return c == '\n' || c == '\r'; });
  char best = ',';
  size_t most = 0;
  for (char c : {',', ';', '\t'})
    if (size_t n = first.count(c); n > most) {
      most = n;
      best = c;
    }
  return best;
}

CsvTable reshapeExport(const CsvTable& table, llvm::StringRef text, const ExportMapping& m,
                       const Process& p, ExportKind kind, llvm::StringRef file, LoadReport& report,
                       ReshapeNotes& notes) {
  return Reshaper(table, text, m, p, kind, file, report, notes).run();
}

} // namespace salesc::rt
