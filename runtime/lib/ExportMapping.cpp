//===- ExportMapping.cpp - Reads a mapping file (`--map`) with llvm::yaml --===//
#include "ExportValues.h"

#include "salesc/runtime/ExportMapping.h"
#include "salesc/runtime/Printable.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

#include <fmt/format.h>

namespace salesc::rt {
namespace {

namespace yaml = llvm::yaml;

/// Reads one mapping document, keeping every mistake as "FILE:LINE:COL: message".
class MappingReader {
public:
  MappingReader(llvm::SourceMgr& sm, llvm::StringRef file, ExportMapping& out)
      : sm_(sm), file_(file), out_(out) {}

  void document(yaml::Node* root) {
    if (!root || llvm::isa<yaml::NullNode>(root))
      return;
    auto* map = llvm::dyn_cast<yaml::MappingNode>(root);
    if (!map)
      return problem(root, "a mapping file is a map of settings ('layout:', 'columns:', "
                           "'stages:' ...); docs/crm.md lists them");
    for (yaml::KeyValueNode& kv : *map) {
      const std::string key = scalar(kv.getKey());
      yaml::Node* v = kv.getValue();
      if (key == "layout")
        layout(v);
      else if (key == "columns")
        columns(v);
      else if (key == "stage_columns")
        pairs(v, out_.stageColumns, "a map from a column's header to a stage label",
              &out_.stageColumnPlaces);
      else if (key == "stages")
        pairs(v, out_.stages, "a map from a CRM label to a stage or outcome of the process",
              nullptr, &out_.stagePlaces);
      else if (key == "lost_reasons")
        pairs(v, out_.lostReasons, "a map from a lost reason to a lost outcome of the process",
              nullptr, &out_.lostReasonPlaces);
      else if (key == "dates")
        dates(v);
      else if (key == "numbers")
        numbers(v);
      else if (key == "delimiter")
        out_.delimiter = character(v, "the field separator, such as ',' or ';' or '\\t'");
      else if (key == "open_status")
        out_.openStatus = values(v, "a status that means open, or a list of them");
      else if (kv.getKey())
        unknown(kv.getKey(), key, "a mapping file",
                {"layout", "columns", "stage_columns", "stages", "lost_reasons", "dates", "numbers",
                 "delimiter", "open_status"});
    }
  }

  std::string errors;

private:
  /// "FILE:LINE:COL" of `at`.
  std::string place(yaml::Node* at) {
    llvm::SMLoc loc = at ? at->getSourceRange().Start : llvm::SMLoc();
    auto [line, col] =
        loc.isValid() ? sm_.getLineAndColumn(loc) : std::pair<unsigned, unsigned>{1, 1};
    return fmt::format("{}:{}:{}", shownPath(file_), line, col);
  }

  void problem(yaml::Node* at, const std::string& message) {
    errors += fmt::format("{}{}: {}", errors.empty() ? "" : "\n", place(at), message);
  }

  void unknown(yaml::Node* at, const std::string& key, const char* where,
               const std::vector<const char*>& known) {
    std::string message = fmt::format("unknown setting {} in {}", quote(key), where);
    if (std::string near =
            closestSpelling(key, std::vector<llvm::StringRef>(known.begin(), known.end()));
        !near.empty())
      message += fmt::format("; did you mean '{}'?", near);
    else
      message +=
          "; it holds " + llvm::join(std::vector<std::string>(known.begin(), known.end()), ", ");
    problem(at, message);
  }

  std::string scalar(yaml::Node* n, llvm::StringRef what = "a single value") {
    if (auto* s = llvm::dyn_cast_or_null<yaml::ScalarNode>(n)) {
      llvm::SmallString<64> storage;
      return s->getValue(storage).str();
    }
    if (n)
      problem(n, "expected " + what.str() + " here");
    return "";
  }

  yaml::MappingNode* mapping(yaml::Node* n, const std::string& what) {
    auto* map = llvm::dyn_cast_or_null<yaml::MappingNode>(n);
    if (!map && n && !llvm::isa<yaml::NullNode>(n))
      problem(n, "expected " + what + " here");
    return map;
  }

  void layout(yaml::Node* n) {
    const std::string v = scalar(n, "'long' or 'wide'");
    if (v == "long")
      out_.layout = ExportMapping::Layout::Long;
    else if (v == "wide")
      out_.layout = ExportMapping::Layout::Wide;
    else if (!v.empty())
      problem(n, fmt::format("the layout is 'long' (one row per stage change) or 'wide' (one "
                             "row per deal, a date column per stage), not {}",
                             quote(v)));
  }

  /// One header or a list of spellings.
  std::vector<std::string> headers(yaml::Node* n) {
    return values(n, "a column's header or a list of them", "a column's header");
  }

  /// One value or a list of them (`what`; `item`, each of the list).
  std::vector<std::string> values(yaml::Node* n, llvm::StringRef what,
                                  llvm::StringRef item = "a single value") {
    std::vector<std::string> out;
    if (auto* seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(n)) {
      for (yaml::Node& i : *seq)
        if (std::string h = scalar(&i, item); !h.empty())
          out.push_back(h);
    } else if (std::string h = scalar(n, what); !h.empty()) {
      out.push_back(h);
    }
    return out;
  }

  void columns(yaml::Node* n) {
    yaml::MappingNode* map = mapping(n, "a map from 'deal', 'stage', 'timestamp' ... to headers");
    if (!map)
      return;
    for (yaml::KeyValueNode& kv : *map) {
      const std::string key = scalar(kv.getKey());
      std::vector<std::string>* slot = key == "deal"          ? &out_.deal
                                       : key == "stage"       ? &out_.stage
                                       : key == "timestamp"   ? &out_.timestamp
                                       : key == "value"       ? &out_.value
                                       : key == "currency"    ? &out_.currency
                                       : key == "segment"     ? &out_.segment
                                       : key == "process"     ? &out_.process
                                       : key == "lost_reason" ? &out_.lostReason
                                       : key == "status"      ? &out_.status
                                                              : nullptr;
      if (slot) {
        *slot = headers(kv.getValue());
        if (slot->empty())
          out_.columnPlaces.erase(key);
        else
          out_.columnPlaces[key] = place(kv.getKey());
      } else if (kv.getKey())
        unknown(kv.getKey(), key, "'columns'",
                {"deal", "stage", "timestamp", "value", "currency", "segment", "process",
                 "lost_reason", "status"});
    }
  }

  /// A map of labels to names into `out`; `places`, when given, gets each label's place.
  void pairs(yaml::Node* n, std::vector<std::pair<std::string, std::string>>& out,
             const std::string& what, std::map<std::string, std::string>* places = nullptr,
             std::map<std::string, std::string>* valuePlaces = nullptr) {
    yaml::MappingNode* map = mapping(n, what);
    if (!map)
      return;
    out.clear();
    if (places)
      places->clear();
    if (valuePlaces)
      valuePlaces->clear();
    for (yaml::KeyValueNode& kv : *map) {
      std::string key = scalar(kv.getKey(), "a label");
      std::string value = scalar(kv.getValue(), "a name");
      if (!key.empty() && !value.empty()) {
        if (places)
          (*places)[key] = place(kv.getKey());
        if (valuePlaces)
          (*valuePlaces)[key] = place(kv.getValue());
        out.emplace_back(std::move(key), std::move(value));
      } else if (kv.getValue() && !llvm::isa<yaml::NullNode>(kv.getValue()) && key.empty()) {
        problem(kv.getKey(), "the label is empty");
      } else if (value.empty()) {
        problem(kv.getKey() ? kv.getKey() : kv.getValue(),
                fmt::format("{} maps to nothing; write the stage or outcome it stands for",
                            quote(key)));
      }
    }
  }

  void dates(yaml::Node* n) {
    yaml::MappingNode* map = mapping(n, "a map with 'format' and 'timezone'");
    if (!map)
      return;
    for (yaml::KeyValueNode& kv : *map) {
      const std::string key = scalar(kv.getKey());
      if (key == "format") {
        out_.dateFormat = scalar(kv.getValue(), "a date format, such as \"%d/%m/%Y %H:%M\"");
        if (std::string bad = checkFormat(out_.dateFormat); !bad.empty())
          problem(kv.getValue(), bad);
      } else if (key == "timezone") {
        timezone(kv.getValue());
      } else if (kv.getKey()) {
        unknown(kv.getKey(), key, "'dates'", {"format", "timezone"});
      }
    }
  }

  /// Why `format` cannot be read, or empty.
  static std::string checkFormat(llvm::StringRef format) {
    for (size_t i = 0; i < format.size(); ++i) {
      if (format[i] != '%')
        continue;
      if (i + 1 == format.size())
        return "the format ends with a lone '%'; write '%%' for a percent sign";
      if (!llvm::StringRef("YymdHIMSpbz%").contains(format[i + 1]))
        return fmt::format("'%{}' is not a field salesc reads; it reads %Y %y %m %d %H %I %M "
                           "%S %p %b %z and %%",
                           format[i + 1]);
      ++i;
    }
    return "";
  }

  void timezone(yaml::Node* n) {
    const std::string v = scalar(n, "a time zone, such as UTC or +01:00");
    llvm::StringRef t(v);
    if (t.equals_insensitive("utc") || t.equals_insensitive("z") || t.equals_insensitive("gmt")) {
      out_.timezoneMinutes = 0;
      return;
    }
    unsigned h = 0, m = 0;
    if (t.size() == 6 && (t[0] == '+' || t[0] == '-') && t[3] == ':' &&
        !t.substr(1, 2).getAsInteger(10, h) && !t.substr(4, 2).getAsInteger(10, m) && h < 24 &&
        m < 60) {
      out_.timezoneMinutes = (t[0] == '-' ? -1 : 1) * static_cast<int>(h * 60 + m);
      return;
    }
    if (!v.empty())
      problem(n, fmt::format("{} is not a time zone salesc reads; write UTC or a fixed offset "
                             "such as +01:00 (named zones with summer time are not read)",
                             quote(v)));
  }

  void numbers(yaml::Node* n) {
    yaml::MappingNode* map = mapping(n, "a map with 'decimal' and 'thousands'");
    if (!map)
      return;
    for (yaml::KeyValueNode& kv : *map) {
      const std::string key = scalar(kv.getKey());
      if (key == "decimal")
        out_.decimal = character(kv.getValue(), "the decimal mark, '.' or ','");
      else if (key == "thousands")
        out_.thousands = character(kv.getValue(), "the thousands separator, such as ',' or '.'");
      else if (kv.getKey())
        unknown(kv.getKey(), key, "'numbers'", {"decimal", "thousands"});
    }
    if (out_.decimal && out_.decimal == out_.thousands)
      problem(n, "the decimal mark and the thousands separator are the same character");
  }

  /// One character ("\t" and "tab" for a tab; "none" or an empty value for none).
  char character(yaml::Node* n, const std::string& what) {
    const std::string v = scalar(n, what);
    if (v == "\t" || v == "\\t" || v == "tab")
      return '\t';
    if (v == "none" || v == "space")
      return v == "space" ? ' ' : 0;
    if (v.size() == 1)
      return v[0];
    if (!v.empty())
      problem(n, fmt::format("expected one character here ({}), not {}", what, quote(v)));
    return 0;
  }

  llvm::SourceMgr& sm_;
  llvm::StringRef file_;
  ExportMapping& out_;
};

} // namespace

llvm::Expected<ExportMapping> readExportMapping(llvm::StringRef text, llvm::StringRef file,
                                                ExportMapping base) {
  llvm::SourceMgr sm;
  std::string syntax;
  sm.setDiagHandler(
      [](const llvm::SMDiagnostic& d, void* ctx) {
        auto& out = *static_cast<std::string*>(ctx);
        std::string message = llvm::StringRef(d.getMessage()).lower();
        while (!message.empty() && (message.back() == '!' || message.back() == '.'))
          message.pop_back();
        out += fmt::format("{}{}:{}:{}: this is not valid YAML ({}); check the indentation "
                           "and the quotes here",
                           out.empty() ? "" : "\n", shownPath(d.getFilename()), d.getLineNo(),
                           d.getColumnNo() + 1, message);
      },
      &syntax);
  sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, file), llvm::SMLoc());
  MappingReader reader(sm, file, base);
  yaml::Stream stream(sm.getMemoryBuffer(1)->getMemBufferRef(), sm, /*ShowColors=*/false);
  unsigned documents = 0;
  for (yaml::Document& doc : stream) {
    if (++documents == 2) {
      syntax += fmt::format("{}{}: a mapping file holds one YAML document; remove the '---' "
                            "and what follows",
                            syntax.empty() ? "" : "\n", shownPath(file));
      break;
    }
    reader.document(doc.getRoot());
    if (!syntax.empty())
      break;
  }
  std::string errors = syntax.empty() ? reader.errors : syntax;
  if (!errors.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), errors);
  if (base.layout == ExportMapping::Layout::Wide && base.stageColumns.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fmt::format("{}:1:1: a wide layout needs 'stage_columns:', the date column of each "
                    "stage (a header, or a pattern with one '*')",
                    shownPath(file)));
  return base;
}

} // namespace salesc::rt
