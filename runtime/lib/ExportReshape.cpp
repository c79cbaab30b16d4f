//===- ExportReshape.cpp - A CRM export to the table the loaders read -----===//
#include "ExportFooter.h"
#include "ExportValues.h"

#include "Hash.h"
#include "LastSeen.h"
#include "salesc/runtime/ExportMapping.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Loaders.h"
#include "salesc/runtime/Printable.h"
#include "salesc/runtime/StageLabels.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace salesc::rt {
namespace {

constexpr size_t None = ~size_t(0);

std::string headerKey(llvm::StringRef h) {
  return h.trim(" \t").lower();
}

/// The label a `stage_columns` entry gives `header`, or nullopt when it does not match.
std::optional<std::string> stageColumnLabel(llvm::StringRef header, llvm::StringRef pattern,
                                            llvm::StringRef label, std::string* group = nullptr) {
  const std::string h = headerKey(header), p = headerKey(pattern);
  const size_t star = p.find('*');
  if (star == std::string::npos)
    return h == p ? std::optional<std::string>(label.str()) : std::nullopt;
  llvm::StringRef hr(h), before = llvm::StringRef(p).take_front(star),
                         after = llvm::StringRef(p).drop_front(star + 1);
  if (hr.size() < before.size() + after.size() || !hr.startswith(before) || !hr.endswith(after))
    return std::nullopt;
  // The original spelling of what the `*` matched, less a last bracketed group (brackets
  // inside it included: `Demo (Renewals (EMEA))`), which names the pipeline.
  llvm::StringRef matched = header.trim(" \t").drop_front(before.size()).drop_back(after.size());
  if (matched.endswith(")")) {
    int depth = 0;
    for (size_t i = matched.size(); i-- > 0;) {
      depth += matched[i] == ')' ? 1 : matched[i] == '(' ? -1 : 0;
      if (depth == 0) {
        if (i > 0 && matched[i - 1] == ' ') {
          if (group)
            *group = matched.slice(i + 1, matched.size() - 1).trim().str();
          matched = matched.take_front(i - 1);
        }
        break;
      }
    }
  }
  return label == "*" ? matched.trim().str() : label.str();
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
    // An export names a handful of labels a million times: a small open-addressed table
    // of those seen, probed from the hash of the label's first bytes, answers most rows
    // with one compare; the map behind it holds them all.
    const size_t mask = recent_.size() - 1;
    for (size_t i = (headBytes(label) ^ label.size()) * 0x9E3779B97F4A7C15ULL >> 58 & mask;;
         i = (i + 1) & mask) {
      Recent& r = recent_[i];
      if (r.label.data() && sameText(r.label, label))
        return r.state;
      if (r.label.data())
        continue;
      auto [it, inserted] = cache_.try_emplace(label);
      if (inserted)
        it->second = table_.label(label);
      if (++recentUsed_ <= recent_.size() / 2) // else the map alone answers new labels
        r = Recent{it->first(), it->second};   // the map's key, whose text stays put
      return it->second;
    }
  }

  std::vector<StageLabels::Problem> problems() const { return table_.problems(p_); }

private:
  const Process& p_;
  StageLabels table_;
  llvm::StringMap<std::optional<uint32_t>> cache_;
  struct Recent {
    llvm::StringRef label; ///< null while the slot is empty
    std::optional<uint32_t> state;
  };
  std::array<Recent, 64> recent_{};
  size_t recentUsed_ = 0;
};

/// A label that matched nothing: how many rows, and the first one's place.
struct Unknown {
  unsigned rows = 0;
  FieldPlace place;
  size_t order = 0;
  /// Its rows' lost reasons, which named no lost outcome (the first few), and how many
  /// rows had none: what a generic lost label (`Closed Lost`) lacked.
  std::set<std::string> reasons;
  bool moreReasons = false;
  unsigned withoutReason = 0;
};

using Fields = llvm::ArrayRef<llvm::StringRef>;

inline llvm::StringRef at(Fields row, size_t c) {
  return c < row.size() ? trimBlanks(row[c]) : llvm::StringRef();
}

/// Where a reshaped entry goes: the row it was read from, the deal, the state, when, the
/// value (the row's amount as a plain number, or empty) and the segment field.
using Emit = llvm::function_ref<void(const CsvRecord& row, llvm::StringRef id, uint32_t state,
                                     const ExportDate& when, llvm::StringRef value,
                                     llvm::StringRef segment)>;

/// Reads an export's text row by row through a mapping. A first look reads the header
/// and as many rows as it takes to settle the day order and whether the process column
/// filters; the second pass reshapes every row.
class Reshaper {
public:
  Reshaper(llvm::StringRef text, const ExportMapping& m, const Process& p, ExportKind kind,
           llvm::StringRef file, LoadReport& report, ReshapeNotes& notes, bool withIso)
      : text_(text), m_(m), p_(p), kind_(kind), file_(file), report_(report), notes_(notes),
        labels_(p, m), withIso_(withIso), delimiter_(sniffDelimiter(text, m)),
        processName_(foldLabel(p.name)) {}

  /// The header's line (0: an empty file).
  unsigned headerLine() const { return headerLine_; }
  /// The export's columns of the segment and the value (None when it has none), for the
  /// place of a message about them.
  size_t segmentColumn() const { return segment_; }
  size_t valueColumn() const { return value_; }
  /// The export's field each column of the reshaped table (deal, stage, time, value,
  /// segment) is read from, None where it varies from row to row (a wide layout's dates,
  /// several timestamp columns) or is no field (a wide history's stage, its header).
  std::vector<size_t> rawFields() const {
    const bool wide = m_.layout == ExportMapping::Layout::Wide;
    return {deal_, wide && kind_ == ExportKind::Events ? None : stage_,
            wide || times_.size() != 1 ? None : times_.front(), value_, segment_};
  }

  llvm::Error run(size_t maxBytes, Emit emit) {
    for (const StageLabels::Problem& problem : labels_.problems()) // at the map's place
      if (problem.place.empty())
        error(0, problem.message);
      else
        report_.addError(problem.place + ": " + problem.message);
    if (llvm::Error err = firstLook(maxBytes))
      return err;
    if (!columnsFound_)
      return llvm::Error::success();
    emit_ = emit;
    noteDealsByName();
    bool header = true;
    const char* previousEnd = nullptr;
    ReportFooter footer(header_.size());
    auto readRow = [&](const CsvRecord& r) {
      ++report_.rowsRead;
      ++rows_;
      read(r);
    };
    if (llvm::Error err = scanCsv(text_, file_, maxBytes, delimiter_, [&](const CsvRecord& r) {
          if (!header)
            footer.see(r, previousEnd, readRow);
          header = false;
          previousEnd = r.raw.end();
        }))
      return err;
    if (std::optional<ReportFooter::Footer> f = footer.finish(readRow))
      noteFooter(*f);
    reportUnknown();
    writeNotes();
    return llvm::Error::success();
  }

private:
  void error(unsigned line, const std::string& message) {
    report_.addError(line ? fmt::format("{}:{}: {}", shownPath(file_), line, message)
                          : fmt::format("{}: {}", shownPath(file_), message));
  }

  /// Rejects `row` with a message about its field `column` (None: the row as a whole).
  void reject(const CsvRecord& row, const std::string& message, size_t column) {
    ++report_.rowsRejected;
    if (!report_.keepsNextError())
      return ++report_.errorsNotKept, void();
    report_.addError(fieldPlaceText(file_, row, column) + ": " + message);
  }

  /// A deal column that holds names (Salesforce's report has `Opportunity Name` and no id
  /// by default): a note that deals of one name are read as one.
  void noteDealsByName() {
    const std::string found = headerKey(header_[deal_]);
    if (!llvm::StringRef(found).contains("name"))
      return;
    std::vector<std::string> ids; // the spellings before it, which the export lacks
    for (const std::string& n : m_.deal) {
      if (headerKey(n) == found)
        break;
      ids.push_back(quote(n));
    }
    notes_.notes.push_back(fmt::format(
        "{}: deals are told apart by their name, column {}{}: two deals with one name are read "
        "as one deal; add the deal's id to the export to tell them apart",
        shownPath(file_), quote(llvm::StringRef(header_[deal_]).trim(" \t")),
        ids.empty() ? "" : ", as the export has no " + llvm::join(ids, " or ")));
  }

  /// The footer skipped after the rows: a note quoting it, and one when its "Grand Totals
  /// (N records)" is not the number of rows read.
  void noteFooter(const ReportFooter::Footer& f) {
    constexpr size_t Shown = 4;
    std::vector<std::string> lines;
    for (size_t i = 0; i < f.lines.size() && i < Shown; ++i)
      lines.push_back(quote(f.lines[i]));
    if (f.lines.size() > Shown)
      lines.push_back("...");
    notes_.notes.push_back(fmt::format(
        "{}:{}: skipped the report's footer after the rows ({} line{}: {}); it is not data",
        shownPath(file_), f.line, f.lines.size(), f.lines.size() == 1 ? "" : "s",
        llvm::join(lines, ", ")));
    if (f.records && *f.records != rows_)
      notes_.notes.push_back(fmt::format(
          "{}: the footer counts {} record{} but the file has {} row{}: it may be cut short or "
          "edited; export the report again",
          shownPath(file_), *f.records, *f.records == 1 ? "" : "s", rows_, rows_ == 1 ? "" : "s"));
  }

  /// The header, then rows until the day order and the process filter are settled (every
  /// row, counted, when a column is missing).
  llvm::Error firstLook(size_t maxBytes) {
    bool header = true;
    unsigned rows = 0;
    std::string lastProcess;
    // Without its columns, every row is rejected: a footer is no row to count.
    std::optional<ReportFooter> footer;
    const char* previousEnd = nullptr;
    auto count = [&](const CsvRecord&) { ++rows; };
    llvm::Error err = scanCsvWhile(text_, file_, maxBytes, delimiter_, [&](const CsvRecord& r) {
      if (header) {
        header = false;
        headerLine_ = r.line;
        header_.assign(r.fields.begin(), r.fields.end());
        columnsFound_ = findColumns();
        sniffing_ = columnsFound_ && m_.dateFormat.empty();
        footer.emplace(header_.size());
        previousEnd = r.raw.end();
        return true;
      }
      if (!columnsFound_) {
        footer->see(r, previousEnd, count);
        previousEnd = r.raw.end();
        return true;
      }
      ++rows;
      if (sniffing_)
        sniff(r.fields);
      // The process column filters only when it names the process somewhere: a CRM's own
      // pipeline names ("Sales Pipeline") are not the process's.
      if (process_ != None && !filterProcess_ && at(r.fields, process_) != lastProcess) {
        lastProcess = at(r.fields, process_).str();
        filterProcess_ = foldLabel(lastProcess) == processName_;
      }
      return sniffing_ || (process_ != None && !filterProcess_);
    });
    if (err)
      return err;
    if (header) { // an empty file: no header to find the columns in
      error(1, "the file is empty; an export needs its header line (the names of its columns) "
               "and its rows");
      return llvm::Error::success();
    }
    if (!columnsFound_) {
      footer->finish(count);
      report_.rowsRead += rows;
      report_.rowsRejected += rows;
      if (!missing_.empty())
        error(headerLine_, missing_);
      return llvm::Error::success();
    }
    if (sniffing_) {
      sniffing_ = false;
      order_ = DayOrder::DayFirst;
      if (ambiguous_)
        notes_.notes.push_back(fmt::format("{}: no date has a day over 12, so dates such as "
                                           "03/04/2024 are read day first (3 April); set "
                                           "'dates: format:' in a map to read them month first",
                                           shownPath(file_)));
    }
    return llvm::Error::success();
  }

  /// The columns whose headers are among `names`, in the order of `names`, each once.
  std::vector<size_t> columnsOf(const std::vector<std::string>& names) const {
    std::vector<size_t> out;
    for (const std::string& n : names)
      for (size_t c = 0; c < header_.size(); ++c)
        if (headerKey(header_[c]) == headerKey(n) &&
            std::find(out.begin(), out.end(), c) == out.end())
          out.push_back(c);
    return out;
  }

  /// The first column whose header is one of `names`.
  size_t columnOf(const std::vector<std::string>& names) const {
    std::vector<size_t> all = columnsOf(names);
    return all.empty() ? None : all.front();
  }

  /// The delimiter as a message names it: "a comma".
  static std::string delimiterName(char d) {
    switch (d) {
    case ',':
      return "a comma";
    case ';':
      return "a semicolon";
    case '\t':
      return "a tab";
    case '|':
      return "a bar";
    default:
      return "'" + std::string(1, d) + "'";
    }
  }
  std::string delimiterName() const { return delimiterName(delimiter_); }

  /// When the header is one column holding another delimiter: a hint that the file is
  /// separated by that one ("" otherwise).
  std::string delimiterHint() const {
    if (header_.size() != 1)
      return "";
    for (char d : {',', ';', '\t', '|'})
      if (d != delimiter_ && llvm::StringRef(header_[0]).contains(d))
        return fmt::format("; the header is one column that holds {}: the file looks separated "
                           "by {} rather than {} ({})",
                           delimiterName(d), delimiterName(d), delimiterName(),
                           m_.delimiter ? "fix 'delimiter:' in the map"
                                        : "set 'delimiter:' in a map");
    return "";
  }

  /// The header as the errors list it: quoted, the first dozen.
  std::string headerList() const {
    constexpr size_t Shown = 12;
    std::vector<std::string> shown;
    for (size_t c = 0; c < header_.size() && c < Shown; ++c)
      shown.push_back(quote(llvm::StringRef(header_[c]).trim(" \t")));
    std::string out = llvm::join(shown, ", ");
    if (header_.size() > Shown)
      out += fmt::format(" and {} more", header_.size() - Shown);
    return out;
  }

  /// At the map's `place`, a column it names that the header lacks: `what` (the quoted
  /// header or pattern) and where the map names it; `spellings`, for a "did you mean"
  /// (none for a pattern). An error when the read needs the column, else a note.
  void notInHeader(const std::string& place, const std::string& what, const std::string& where,
                   llvm::ArrayRef<std::string> spellings, bool needed) {
    std::vector<llvm::StringRef> headers;
    for (const std::string& h : header_)
      headers.push_back(llvm::StringRef(h).trim(" \t"));
    std::string near;
    for (size_t i = 0; i < spellings.size() && near.empty(); ++i)
      near = closestSpelling(headerKey(spellings[i]), headers);
    std::string message =
        fmt::format("{}: {} has no column {} ({}); {} are {}", place, shownPath(file_), what, where,
                    near.empty() ? "its columns" : "did you mean " + quote(near) + "? Its columns",
                    headerList()) +
        delimiterHint();
    if (needed)
      report_.addError(std::move(message));
    else
      notes_.notes.push_back(message + "; its rows are read without it");
  }

  /// A `columns:` key this read uses, its spellings, and whether the read needs it.
  struct Key {
    const char* name;
    const std::vector<std::string>* names;
    bool needed;
  };

  /// The `columns:` keys this read uses: a wide history has no stage or timestamp column
  /// and only a pipeline reads the status. It needs the deal, the stage and the timestamp
  /// (the stage-date columns in the wide layout), and a pipeline its value and status;
  /// the rest (a history's value, the currency, segment, process and lost reason) a map
  /// shared by a history and a pipeline may name for the other file.
  std::vector<Key> usedKeys() const {
    const bool pipeline = kind_ == ExportKind::Pipeline,
               wide = m_.layout == ExportMapping::Layout::Wide;
    std::vector<Key> keys = {{"deal", &m_.deal, true}};
    if (!wide || pipeline)
      keys.insert(keys.end(), {{"stage", &m_.stage, true}, {"timestamp", &m_.timestamp, !wide}});
    keys.insert(keys.end(), {{"value", &m_.value, pipeline},
                             {"currency", &m_.currency, false},
                             {"segment", &m_.segment, false},
                             {"process", &m_.process, false},
                             {"lost_reason", &m_.lostReason, false}});
    if (pipeline)
      keys.push_back({"status", &m_.status, true});
    return keys;
  }

  /// Whether the header has every column the map names (ExportMapping::columnPlaces) that
  /// this read needs, and a column for each of a wide map's `stage_columns:`; an error at
  /// the map's key for each it lacks (a note for one the read can do without).
  bool namedColumnsFound() {
    bool found = true;
    for (const Key& k : usedKeys())
      if (auto place = m_.columnPlaces.find(k.name);
          place != m_.columnPlaces.end() && columnOf(*k.names) == None) {
        std::vector<std::string> quoted;
        for (const std::string& n : *k.names)
          quoted.push_back(quote(n));
        notInHeader(place->second, llvm::join(quoted, " or "),
                    fmt::format("'{}' in 'columns:'", k.name), *k.names, k.needed);
        found = found && !k.needed;
      }
    if (m_.layout != ExportMapping::Layout::Wide)
      return found;
    for (const auto& [pattern, label] : m_.stageColumns) {
      auto place = m_.stageColumnPlaces.find(pattern);
      if (place == m_.stageColumnPlaces.end() ||
          llvm::any_of(header_, [&, &pattern = pattern, &label = label](const std::string& h) {
            return stageColumnLabel(h, pattern, label).has_value();
          }))
        continue;
      const bool isPattern = llvm::StringRef(pattern).contains('*');
      notInHeader(place->second, (isPattern ? "matching " : "") + quote(pattern),
                  "in 'stage_columns:'",
                  isPattern ? llvm::ArrayRef<std::string>() : llvm::makeArrayRef(pattern), true);
      found = false;
    }
    return found;
  }

  bool findColumns() {
    // A column the map names (rather than a preset) is the user's: its own error, above
    // the generic one.
    const bool named = namedColumnsFound();
    auto missing = [&](const char* what, const std::vector<std::string>& names,
                       llvm::StringRef key) {
      if (m_.columnPlaces.count(key.str()) ||
          (key == "stage_columns" && !m_.stageColumnPlaces.empty()))
        return false; // said at the map's key
      missing_ = fmt::format("the header has no {} column ({}); name it in '{}:' of a map", what,
                             names.empty() ? std::string("none is set")
                                           : "looked for " + llvm::join(names, ", "),
                             key == "stage_columns" ? key : "columns") +
                 delimiterHint();
      return false;
    };
    deal_ = columnOf(m_.deal);
    if (deal_ == None)
      return missing("deal", m_.deal, "deal");
    stage_ = columnOf(m_.stage);
    times_ = columnsOf(m_.timestamp);
    value_ = columnOf(m_.value);
    currency_ = columnOf(m_.currency);
    segment_ = columnOf(m_.segment);
    process_ = columnOf(m_.process);
    reason_ = columnOf(m_.lostReason);
    status_ = columnOf(m_.status);
    if (m_.layout == ExportMapping::Layout::Wide) {
      // A column 'columns:' names is never a stage's, even under a pattern such as "*".
      const size_t taken[] = {deal_,    stage_,   value_,  currency_,
                              segment_, process_, reason_, status_};
      for (size_t c = 0; c < header_.size(); ++c)
        for (const auto& [pattern, label] : m_.stageColumns)
          if (llvm::is_contained(taken, c))
            break;
          else if (std::string group; std::optional<std::string> l =
                                          stageColumnLabel(header_[c], pattern, label, &group)) {
            wide_.push_back({c, *l, foldLabel(group)});
            break;
          }
      std::vector<std::string> patterns;
      for (const auto& entry : m_.stageColumns)
        patterns.push_back(entry.first);
      if (wide_.empty())
        return missing("stage date", patterns, "stage_columns");
      if (kind_ == ExportKind::Pipeline && stage_ == None)
        return missing("stage", m_.stage, "stage");
      return named;
    }
    if (stage_ == None)
      return missing("stage", m_.stage, "stage");
    if (times_.empty())
      return missing(kind_ == ExportKind::Events ? "timestamp" : "stage-entered date", m_.timestamp,
                     "timestamp");
    return named;
  }

  /// Day first or month first, from the dates of `row`, when no format is given: the
  /// first date with a part over 12 settles it.
  void sniff(Fields row) {
    auto look = [&](size_t c) {
      llvm::StringRef v = at(row, c);
      if (v.size() >= 8 && v[4] != '-' &&
          (v[2] == '/' || v[2] == '.' || v[1] == '/' || v[1] == '.'))
        ambiguous_ = true;
      if (DayOrder o = dayOrderOf(v); o != DayOrder::Unknown) {
        order_ = o;
        sniffing_ = false;
      }
    };
    for (size_t t = 0; t < times_.size() && sniffing_; ++t)
      look(times_[t]);
    for (size_t w = 0; w < wide_.size() && sniffing_; ++w)
      look(wide_[w].column);
  }

  void unknownLabel(llvm::StringRef label, llvm::StringRef reason, const CsvRecord& row,
                    size_t column) {
    constexpr size_t ReasonsShown = 5;
    auto [it, inserted] = unknown_.try_emplace(label);
    Unknown& u = it->second;
    if (inserted) {
      u.place = fieldPlace(row, column);
      u.order = unknown_.size();
    }
    ++u.rows;
    if (reason.empty())
      ++u.withoutReason;
    else if (std::string r = reason.str(); u.reasons.size() < ReasonsShown)
      u.reasons.insert(std::move(r));
    else if (!u.reasons.count(r))
      u.moreReasons = true;
    ++report_.rowsRejected;
  }

  /// The date `text` in column `column` of `row`, valid until the next call; nullptr after
  /// rejecting the row.
  const ExportDate* date(const CsvRecord& row, llvm::StringRef text, size_t column) {
    if (order_ != datesOrder_) { // the first look settled the order: dates read otherwise
      dates_.forget();
      datesOrder_ = order_;
    }
    std::string why;
    const ExportDate* d = dates_.get(text, [&](llvm::StringRef t) {
      return readExportDate(t, m_.dateFormat, order_, m_.timezoneMinutes, why, withIso_, &dayMemo_);
    });
    if (!d)
      reject(row, fmt::format("bad date in column {}: {}", quote(header_[column]), why), column);
    return d;
  }

  void read(const CsvRecord& row) {
    const Fields f = row.fields;
    // A field with an unquoted delimiter ("£14,000.00") shifts every column after it:
    // the row is rejected, never read shifted.
    if (f.size() > header_.size())
      return reject(row,
                    fmt::format("found {} fields, but the header has {}; a field holding {} "
                                "must be quoted",
                                f.size(), header_.size(), delimiterName()),
                    header_.size());
    const llvm::StringRef id = at(f, deal_);
    if (id.empty())
      return reject(row, "the deal id is empty", deal_);
    if (filterProcess_ && !processMatches(at(f, process_))) {
      ++otherProcess_;
      return;
    }
    if (kind_ == ExportKind::Pipeline && status_ != None && !isOpen(at(f, status_)))
      return notOpen(at(f, status_));
    llvm::StringRef value; // a pipeline's deal value, or the value of a history's entries
    if (const llvm::StringRef amount = at(f, value_); !amount.empty()) {
      const std::string* v = amounts_.get(amount, [&](llvm::StringRef a) {
        std::optional<std::string> plain = readExportAmount(a, m_.decimal, m_.thousands);
        if (plain && currency_ == None)
          if (std::string c = amountCurrency(a); !c.empty())
            currencies_.insert(std::move(c));
        return plain;
      });
      if (!v)
        return reject(row, fmt::format("the value {} is not an amount", quote(amount)), value_);
      value = *v;
    }
    if (const llvm::StringRef c = at(f, currency_); !c.empty())
      currencyCodes_.get(c, [&](llvm::StringRef code) {
        currencies_.insert(currencyCode(code));
        return std::optional<bool>(true);
      });
    const llvm::StringRef reason = at(f, reason_);
    const llvm::StringRef segment = at(f, segment_);
    const llvm::StringRef pipeline = rowPipeline(f);
    if (m_.layout == ExportMapping::Layout::Wide && kind_ == ExportKind::Events) {
      // A row is rejected once, however many of its dates are.
      const unsigned rejectedBefore = report_.rowsRejected;
      for (const WideColumn& w : wide_) {
        const llvm::StringRef when = at(f, w.column);
        if (when.empty() || !w.of(pipeline))
          continue;
        std::optional<uint32_t> s = labels_.resolve(w.label, reason);
        if (!s) {
          unknownLabel(w.label, reason, row, w.column);
          continue;
        }
        const ExportDate* d = date(row, when, w.column);
        if (!d)
          continue;
        emit_(row, id, *s, *d, value, segment);
      }
      report_.rowsRejected = std::min(report_.rowsRejected, rejectedBefore + 1);
      return;
    }
    const llvm::StringRef label = at(f, stage_);
    if (label.empty())
      return reject(row, "the stage is empty", stage_);
    std::optional<uint32_t> s = labels_.resolve(label, reason);
    if (!s && kind_ == ExportKind::Pipeline && genericOutcome(label)) {
      ++closed_; // a won or lost deal, whichever outcome it reached
      return;
    }
    if (!s)
      return unknownLabel(label, reason, row, stage_);
    if (kind_ == ExportKind::Pipeline && p_.states[*s].isOutcome()) {
      ++closed_;
      return;
    }
    // The first timestamp column, in the mapping's order, that this row fills.
    llvm::StringRef when;
    size_t whenColumn = times_.empty() ? None : times_.front();
    for (size_t c : times_)
      if (!at(f, c).empty()) {
        when = at(f, c);
        whenColumn = c;
        break;
      }
    if (m_.layout == ExportMapping::Layout::Wide) // a pipeline: the current stage's column
      for (const WideColumn& w : wide_)
        if (w.of(pipeline) && labels_.lookup(w.label) == s && !at(f, w.column).empty()) {
          when = at(f, w.column);
          whenColumn = w.column;
        }
    if (when.empty())
      return reject(row,
                    fmt::format("deal {} has no date for its stage {}", quote(id), quote(label)),
                    whenColumn);
    const ExportDate* d = date(row, when, whenColumn);
    if (!d)
      return;
    if (kind_ == ExportKind::Events)
      sameTime_.see(id, when, whenColumn);
    emit_(row, id, *s, *d, value, segment);
  }

  /// Rows after a row of the same deal, and how many of them carry its very time. A
  /// history whose rows of a deal nearly all share one time is read wrong: its time column
  /// is likely the deal's last change ("Last Modified" of the deal), not each stage's.
  struct SameTime {
    llvm::StringRef text; ///< the file: fields within it are kept without a copy
    llvm::StringRef deal, time;
    std::string dealCopy, timeCopy; ///< fields built elsewhere (a quoted "" inside)
    size_t column = None;
    unsigned pairs = 0, same = 0;
    void see(llvm::StringRef id, llvm::StringRef when, size_t c) {
      if (id == deal) {
        ++pairs;
        same += when == time;
      } else {
        deal = keep(id, dealCopy);
        column = c;
      }
      time = keep(when, timeCopy);
    }
    llvm::StringRef keep(llvm::StringRef v, std::string& copy) const {
      if (v.begin() >= text.begin() && v.end() <= text.end())
        return v;
      copy.assign(v.data(), v.size());
      return copy;
    }
    /// Whether nearly every such row shares its deal's time (9 in 10, of 10 rows or more).
    bool suspicious() const { return pairs >= 10 && same * 10 >= pairs * 9; }
  };

  /// Whether a pipeline's status means open (`open_status:`, else `Open`).
  bool isOpen(llvm::StringRef status) const {
    if (m_.openStatus.empty())
      return status.equals_insensitive("open");
    return llvm::any_of(m_.openStatus, [&](const std::string& o) {
      return status.equals_insensitive(llvm::StringRef(o).trim(" \t"));
    });
  }

  /// A row whose status is not open: a won or lost deal when the status says so, else
  /// counted by its status for the note (the status may be a localised "open").
  void notOpen(llvm::StringRef status) {
    if (genericOutcome(status) || foldLabel(status) == "closed")
      return ++closed_, void();
    constexpr size_t Kept = 20; // distinct statuses named in the note
    if (auto it = otherStatus_.find(status); it != otherStatus_.end())
      ++it->second;
    else if (otherStatus_.size() < Kept)
      otherStatus_.emplace(status.str(), 1);
    else
      ++otherStatusNotKept_;
  }

  bool processMatches(llvm::StringRef v) { return v.empty() || foldLabel(v) == processName_; }

  /// The row's pipeline (its process column), folded; counted for the note on several
  /// pipelines. Empty without a process column or value.
  llvm::StringRef rowPipeline(Fields f) {
    const llvm::StringRef v = at(f, process_);
    if (v.empty())
      return {};
    const std::string& folded = *pipelineNames_.get(v, [&](llvm::StringRef name) {
      std::string fold = foldLabel(name);
      if (pipelines_.size() < MaxPipelinesCounted)
        pipelines_.try_emplace(fold, name.str(), 0);
      return std::optional<std::string>(std::move(fold));
    });
    if (auto it = pipelines_.find(folded); it != pipelines_.end())
      ++it->second.second;
    return folded;
  }

  void reportUnknown() {
    std::vector<std::pair<llvm::StringRef, const Unknown*>> all;
    for (const auto& u : unknown_)
      all.push_back({u.first(), &u.second});
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return a.second->order < b.second->order; });
    for (const auto& [label, u] : all) {
      const std::string place =
          fmt::format("{}:{}:{}: the label {} ({} row{})", shownPath(file_), u->place.line,
                      u->place.column, quote(label), u->rows, u->rows == 1 ? "" : "s");
      if (std::optional<StateKind> kind = genericOutcome(label)) {
        report_.addError(place + genericUnresolved(*kind, *u));
        continue;
      }
      std::string message =
          fmt::format("{} matches no stage or outcome of process '{}'", place, p_.name);
      if (std::optional<std::string> near = closestLabel(p_, label))
        message += fmt::format("; did you mean {}? Else map", *near);
      else
        message += "; map";
      message += " it to one in 'stages:' of a mapping file (--map)";
      report_.addError(std::move(message));
    }
  }

  /// Why a generic label (`Closed Lost`, `Won`) named no outcome of `kind`, and what to do:
  /// the process has none or several, and for a lost label, no lost-reason column told
  /// which or its reasons named none.
  std::string genericUnresolved(StateKind kind, const Unknown& u) const {
    std::vector<std::string> names;
    for (const State& s : p_.states)
      if (s.kind == kind)
        names.push_back(quote(s.name));
    const char* what = kind == StateKind::Won ? "won" : "lost";
    if (names.empty())
      return fmt::format(" stands for a {} outcome, and process '{}' has none; map the label to "
                         "a stage or outcome in 'stages:' of a mapping file (--map)",
                         what, p_.name);
    std::string out = fmt::format(" stands for a {} outcome, and process '{}' has {}: {}", what,
                                  p_.name, names.size(), llvm::join(names, ", "));
    if (kind == StateKind::Won)
      return out + "; map the label to one of them in 'stages:' of a mapping file (--map)";
    if (reason_ == None)
      return out +
             fmt::format("; no lost-reason column was found to tell which ({}); name it in "
                         "'columns: lost_reason:' of a mapping file (--map) and map its values in "
                         "'lost_reasons:', or map the label to one outcome in 'stages:'",
                         m_.lostReason.empty() ? std::string("none is set")
                                               : "looked for " + llvm::join(m_.lostReason, ", "));
    std::vector<std::string> reasons;
    for (const std::string& r : u.reasons)
      reasons.push_back(quote(r));
    if (!reasons.empty())
      out += fmt::format("; the lost reasons of its rows ({}{}) name none of them",
                         llvm::join(reasons, ", "), u.moreReasons ? " ..." : "");
    if (u.withoutReason)
      out += fmt::format("; {} of its rows leave{} {} empty", u.withoutReason,
                         u.withoutReason == 1 ? "s" : "", quote(header_[reason_]));
    return out + "; map each reason to one in 'lost_reasons:' of a mapping file (--map), or the "
                 "label to one outcome in 'stages:'";
  }

  void writeNotes() {
    if (sameTime_.suspicious())
      notes_.notes.push_back(fmt::format(
          "{}: {} of the {} rows that follow a row of the same deal carry that row's very time "
          "(column {}): the stages would take no time; if the column holds the deal's last "
          "change rather than each stage change's, export the time of each change",
          shownPath(file_), sameTime_.same, sameTime_.pairs,
          quote(sameTime_.column == None ? std::string("?") : header_[sameTime_.column])));
    if (pipelines_.size() > 1 && !filterProcess_) {
      std::vector<std::string> counts;
      for (const auto& [folded, named] : pipelines_)
        counts.push_back(fmt::format("{} {}", quote(named.first), named.second));
      notes_.notes.push_back(fmt::format(
          "{}: the export holds deals of {} pipelines ({} rows), all read as process '{}'; keep "
          "only its pipeline's rows, or name the process as its pipeline is named in column {} "
          "(then the other pipelines' rows are left out)",
          shownPath(file_),
          pipelines_.size() == MaxPipelinesCounted ? "many" : std::to_string(pipelines_.size()),
          llvm::join(counts, ", "), p_.name, quote(header_[process_])));
    }
    if (otherProcess_)
      notes_.notes.push_back(fmt::format("{}: left out {} row{} of other pipelines or processes",
                                         shownPath(file_), otherProcess_,
                                         otherProcess_ == 1 ? "" : "s"));
    if (closed_)
      notes_.notes.push_back(fmt::format("{}: left out {} won or lost deal{} (not open)",
                                         shownPath(file_), closed_, closed_ == 1 ? "" : "s"));
    if (!otherStatus_.empty()) {
      unsigned n = otherStatusNotKept_;
      std::vector<std::string> seen;
      for (const auto& [status, count] : otherStatus_) {
        n += count;
        seen.push_back(fmt::format("{} {}", quote(status), count));
      }
      if (otherStatusNotKept_)
        seen.push_back(fmt::format("{} more", otherStatusNotKept_));
      std::vector<std::string> open;
      for (const std::string& o : m_.openStatus)
        open.push_back(quote(o));
      notes_.notes.push_back(
          fmt::format("{}: left out {} whose status in column {} is not open ({}): only {} means "
                      "open; list the statuses that mean open in 'open_status:' of a map",
                      shownPath(file_), counted(n, "deal"), quote(header_[status_]),
                      llvm::join(seen, ", "), open.empty() ? "'Open'" : llvm::join(open, " or ")));
    }
    if (currencies_.size() > 1)
      notes_.notes.push_back(fmt::format("{}: values are in several currencies ({}); they are "
                                         "added as they are, without conversion",
                                         shownPath(file_),
                                         llvm::join(currencies_.begin(), currencies_.end(), ", ")));
    // One currency other than the process's, when both are ISO codes (currencyCode knows
    // the common names; another name, "Bitcoin", says nothing sure).
    const std::string ours = llvm::StringRef(p_.currency).upper();
    if (currencies_.size() == 1 && isCurrencyCode(*currencies_.begin()) && isCurrencyCode(ours) &&
        *currencies_.begin() != ours)
      notes_.notes.push_back(fmt::format(
          "{}: values are in {} and the process's in {}; they are added as they are, without "
          "conversion, and the figures say {}: state the process's value in {} to have them "
          "say {}",
          shownPath(file_), *currencies_.begin(), ours, ours, *currencies_.begin(),
          *currencies_.begin()));
  }

  llvm::StringRef text_;
  const ExportMapping& m_;
  const Process& p_;
  ExportKind kind_;
  llvm::StringRef file_;
  LoadReport& report_;
  ReshapeNotes& notes_;
  Labels labels_;
  bool withIso_;
  char delimiter_;
  std::string processName_; ///< folded (foldLabel)
  Emit emit_ = nullptr;
  std::vector<std::string> header_;
  unsigned headerLine_ = 0;
  bool columnsFound_ = false;
  std::string missing_; ///< why the columns were not found
  size_t deal_ = None, stage_ = None, value_ = None, currency_ = None, segment_ = None,
         process_ = None, reason_ = None, status_ = None;
  std::vector<size_t> times_; ///< the timestamp columns present, in the mapping's order
  /// A wide layout's stage-date column: its label, and the pipeline its header names in a
  /// last bracketed group (`Date entered "Demo (Renewals)"`), folded; empty when none.
  struct WideColumn {
    size_t column;
    std::string label;
    std::string group;
    /// Whether the column is of the row's pipeline (folded; empty: not known).
    bool of(llvm::StringRef pipeline) const {
      return group.empty() || pipeline.empty() || group == pipeline;
    }
  };
  std::vector<WideColumn> wide_;
  static constexpr size_t MaxPipelinesCounted = 20;
  LastSeen<std::string> pipelineNames_;                               ///< a row's pipeline, folded
  std::map<std::string, std::pair<std::string, unsigned>> pipelines_; ///< folded: name, rows
  DayOrder order_ = DayOrder::Unknown;
  bool sniffing_ = false, ambiguous_ = false;
  llvm::StringMap<Unknown> unknown_;
  std::set<std::string> currencies_;
  /// A pipeline's statuses that are neither open nor won or lost, with their rows.
  std::map<std::string, unsigned, std::less<>> otherStatus_;
  unsigned otherStatusNotKept_ = 0;
  SameTime sameTime_{text_}; ///< after text_
  /// Rows repeat a deal's amount (read as a plain number) and currency, and the dates
  /// of a day (read in datesOrder_).
  LastSeen<std::string> amounts_;
  LastSeen<bool> currencyCodes_;
  LastSeen<ExportDate> dates_;
  DayMemo dayMemo_; ///< the last day readExportDate numbered (a day is a day in any order)
  DayOrder datesOrder_ = DayOrder::Unknown;
  bool filterProcess_ = false;
  unsigned otherProcess_ = 0, closed_ = 0;
  unsigned rows_ = 0; ///< the rows read after the header, a footer left out
};

/// `text` without a UTF-8 byte order mark.
llvm::StringRef withoutBom(llvm::StringRef text) {
  return text.startswith("\xEF\xBB\xBF") ? text.drop_front(3) : text;
}

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

llvm::Expected<CsvTable> reshapeExport(llvm::StringRef text, const ExportMapping& m,
                                       const Process& p, ExportKind kind, llvm::StringRef file,
                                       LoadReport& report, ReshapeNotes& notes, size_t maxBytes) {
  CsvTable out;
  out.header = kind == ExportKind::Events
                   ? std::vector<std::string>{"deal", "stage", "timestamp", "value", "segment"}
                   : std::vector<std::string>{"deal", "stage", "entered", "value", "segment"};
  Reshaper r(withoutBom(text), m, p, kind, file, report, notes, /*withIso=*/true);
  llvm::Error err =
      r.run(maxBytes, [&](const CsvRecord& in, llvm::StringRef id, uint32_t state,
                          const ExportDate& when, llvm::StringRef value, llvm::StringRef segment) {
        // Rows stay in file order: the loaders and conform order each deal's entries by
        // time themselves, so both layouts agree.
        CsvRow& row = out.rows.emplace_back();
        row.line = in.line;
        row.raw = in.raw;
        row.fields.reserve(5);
        row.fields.emplace_back(id);
        row.fields.emplace_back(p.states[state].name);
        row.fields.push_back(when.iso);
        row.fields.emplace_back(value);
        row.fields.emplace_back(segment);
      });
  if (err)
    return err;
  out.headerLine = r.headerLine();
  out.delimiter = sniffDelimiter(withoutBom(text), m);
  out.rawFields = r.rawFields();
  return out;
}

llvm::Expected<std::vector<StageEvent>> loadExportEvents(llvm::StringRef text,
                                                         const ExportMapping& m, const Process& p,
                                                         llvm::StringRef file, LoadReport& report,
                                                         ReshapeNotes& notes, size_t maxBytes) {
  LoadReport reshaped, loaded;
  EventLogBuilder events(p, file, loaded);
  if (text.size() <= maxBytes)
    events.reserve(estimatedRecords(text));
  Reshaper r(withoutBom(text), m, p, ExportKind::Events, file, reshaped, notes,
             /*withIso=*/false);
  if (llvm::Error err = r.run(maxBytes, [&](const CsvRecord& row, llvm::StringRef id,
                                            uint32_t state, const ExportDate& when,
                                            llvm::StringRef value, llvm::StringRef segment) {
        events.add(row, r.segmentColumn(), r.valueColumn(), id, state, when.days, segment, value);
      }))
    return err;
  // As reshapeExport then loadEvents: the export's rows, what reshaping rejected (its
  // messages first), then what loading rejected.
  report.rowsRead += reshaped.rowsRead;
  report.rowsRejected += reshaped.rowsRejected + loaded.rowsRejected;
  for (LoadReport* part : {&reshaped, &loaded})
    report.takeErrors(*part);
  return events.take();
}

} // namespace salesc::rt
