//===- ExportValues.cpp - Dates and amounts as CRM exports write them ------===//
#include "ExportValues.h"

#include "salesc/runtime/Loaders.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

#include <cctype>

namespace salesc::rt {
namespace {

/// Reads 1 to `most` digits at `s[at]`, advancing `at`; false when there is none.
bool number(llvm::StringRef s, size_t& at, size_t most, unsigned& out) {
  size_t start = at;
  out = 0;
  while (at < s.size() && at - start < most && llvm::isDigit(s[at]))
    out = out * 10 + static_cast<unsigned>(s[at++] - '0');
  return at > start;
}

constexpr const char* Months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};

/// The fields of a date and time as read, before they are checked.
struct Fields {
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool hasTime = false, pm = false, twelveHour = false;
  std::optional<int> offsetMinutes;
};

/// Reads a `+HH:MM`, `+HHMM` or `Z` offset at `s[at]`.
bool offset(llvm::StringRef s, size_t& at, std::optional<int>& out) {
  if (at < s.size() && (s[at] == 'Z' || s[at] == 'z')) {
    ++at;
    out = 0;
    return true;
  }
  if (at >= s.size() || (s[at] != '+' && s[at] != '-'))
    return false;
  const int sign = s[at] == '-' ? -1 : 1;
  size_t i = at + 1;
  unsigned h, m = 0;
  size_t before = i;
  if (!number(s, i, 2, h) || i - before != 2)
    return false;
  if (i < s.size() && s[i] == ':')
    ++i;
  if (!number(s, i, 2, m))
    return false;
  at = i;
  out = sign * static_cast<int>(h * 60 + m);
  return true;
}

bool byFormat(llvm::StringRef s, llvm::StringRef format, Fields& f) {
  size_t at = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      if (format[i] == ' ' && at == s.size() && f.year) // a date alone, its time left out
        return true;
      if (at >= s.size() || s[at] != format[i])
        return false;
      ++at;
      continue;
    }
    const char c = format[++i];
    bool ok = true;
    switch (c) {
    case 'Y':
      ok = number(s, at, 4, f.year);
      break;
    case 'y':
      ok = number(s, at, 2, f.year), f.year += 2000;
      break;
    case 'm':
      ok = number(s, at, 2, f.month);
      break;
    case 'd':
      ok = number(s, at, 2, f.day);
      break;
    case 'H':
      ok = number(s, at, 2, f.hour), f.hasTime = true;
      break;
    case 'I':
      ok = number(s, at, 2, f.hour), f.hasTime = f.twelveHour = true;
      break;
    case 'M':
      ok = number(s, at, 2, f.minute);
      break;
    case 'S':
      ok = number(s, at, 2, f.second);
      break;
    case 'p':
      ok = at + 2 <= s.size() && llvm::StringRef(s.substr(at, 2)).lower().back() == 'm';
      f.pm = ok && std::tolower(s[at]) == 'p';
      at += 2;
      break;
    case 'b':
      ok = false;
      for (unsigned m = 0; m < 12 && !ok; ++m)
        if (s.substr(at, 3).equals_insensitive(Months[m])) {
          f.month = m + 1;
          ok = true;
          at += 3;
          while (at < s.size() && std::isalpha(static_cast<unsigned char>(s[at])))
            ++at;
        }
      break;
    case 'z':
      ok = offset(s, at, f.offsetMinutes);
      break;
    case '%':
      ok = at < s.size() && s[at++] == '%';
      break;
    default:
      ok = false;
    }
    if (!ok)
      return false;
  }
  return at == s.size();
}

/// The two digits at `s[at]`, or -1.
int twoDigits(llvm::StringRef s, size_t at) {
  const unsigned a = static_cast<unsigned char>(s[at]) - '0',
                 b = static_cast<unsigned char>(s[at + 1]) - '0';
  return a < 10 && b < 10 ? static_cast<int>(a * 10 + b) : -1;
}

/// The shape nearly every export writes, `dd/mm/yyyy hh:mm` or `dd/mm/yyyy hh:mm:ss` (`.`
/// or `-` between the date's parts, `T` before the time; month first by `order`), read at
/// fixed places: the fields byOrder reads from such text, without its general walk (a
/// tenth of reading a million-row export). False for any other text, which byOrder reads.
bool fixedShape(llvm::StringRef s, DayOrder order, Fields& f) {
  if ((s.size() != 16 && s.size() != 19) || (s[2] != '/' && s[2] != '.' && s[2] != '-') ||
      s[5] != s[2] || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' ||
      (s.size() == 19 && s[16] != ':'))
    return false;
  const int a = twoDigits(s, 0), b = twoDigits(s, 3), century = twoDigits(s, 6),
            years = twoDigits(s, 8), hour = twoDigits(s, 11), minute = twoDigits(s, 14),
            second = s.size() == 19 ? twoDigits(s, 17) : 0;
  if ((a | b | century | years | hour | minute | second) < 0)
    return false;
  f.year = static_cast<unsigned>(century * 100 + years);
  if (f.year < 100) // byOrder's two-digit years: 0099 is 2099
    return false;
  f.day = static_cast<unsigned>(order == DayOrder::MonthFirst ? b : a);
  f.month = static_cast<unsigned>(order == DayOrder::MonthFirst ? a : b);
  f.hour = static_cast<unsigned>(hour);
  f.minute = static_cast<unsigned>(minute);
  f.second = static_cast<unsigned>(second);
  f.hasTime = true;
  return true;
}

/// `d/m/yyyy`, `d.m.yyyy` or `d-m-yyyy` (or month first), with an optional time.
bool byOrder(llvm::StringRef s, DayOrder order, Fields& f) {
  size_t at = 0;
  unsigned a, b;
  if (!number(s, at, 2, a) || at >= s.size())
    return false;
  const char sep = s[at];
  if (sep != '/' && sep != '.' && sep != '-')
    return false;
  ++at;
  if (!number(s, at, 2, b) || at >= s.size() || s[at++] != sep || !number(s, at, 4, f.year))
    return false;
  if (f.year < 100)
    f.year += 2000;
  f.day = order == DayOrder::MonthFirst ? b : a;
  f.month = order == DayOrder::MonthFirst ? a : b;
  if (at == s.size())
    return true;
  if (s[at] != ' ' && s[at] != 'T')
    return false;
  while (at < s.size() && (s[at] == ' ' || s[at] == 'T'))
    ++at;
  f.hasTime = true;
  if (!number(s, at, 2, f.hour) || at >= s.size() || s[at++] != ':' || !number(s, at, 2, f.minute))
    return false;
  if (at < s.size() && s[at] == ':' && !number(s, ++at, 2, f.second))
    return false;
  while (at < s.size() && s[at] == ' ')
    ++at;
  if (at + 2 <= s.size() && s.substr(at, 2).equals_insensitive("pm"))
    f.pm = f.twelveHour = true, at += 2;
  else if (at + 2 <= s.size() && s.substr(at, 2).equals_insensitive("am"))
    f.twelveHour = true, at += 2;
  if (at < s.size() && !offset(s, at, f.offsetMinutes))
    return false;
  return at == s.size();
}

} // namespace

DayOrder dayOrderOf(llvm::StringRef text) {
  size_t at = 0;
  unsigned a, b;
  if (!number(text, at, 2, a) || at >= text.size() || llvm::isDigit(text[at]))
    return DayOrder::Unknown;
  ++at;
  if (!number(text, at, 2, b))
    return DayOrder::Unknown;
  if (a > 12 && b <= 12)
    return DayOrder::DayFirst;
  if (b > 12 && a <= 12)
    return DayOrder::MonthFirst;
  return DayOrder::Unknown;
}

std::optional<ExportDate> readExportDate(llvm::StringRef text, llvm::StringRef format,
                                         DayOrder order, int zoneMinutes, std::string& why,
                                         bool withIso, DayMemo* memo) {
  Fields f;
  bool ok;
  if (format.empty() && text.size() >= 10 && text[4] == '-') {
    // ISO 8601, as the loaders read it; a time without an offset gets the zone's.
    llvm::Expected<double> t = parseTimestamp(text);
    if (!t) {
      why = llvm::toString(t.takeError());
      return std::nullopt;
    }
    llvm::StringRef rest = text.drop_front(std::min<size_t>(text.size(), 16));
    const bool zoned = rest.find_first_of("Zz+-") != llvm::StringRef::npos;
    if (text.size() == 10 || zoned || zoneMinutes == 0)
      return ExportDate{withIso ? text.str() : std::string(), *t};
    std::string iso = fmt::format("{}{}{:02}:{:02}", text, zoneMinutes < 0 ? '-' : '+',
                                  std::abs(zoneMinutes) / 60, std::abs(zoneMinutes) % 60);
    // The day the loaders read from `iso`, to the last bit.
    llvm::Expected<double> shifted = parseTimestamp(iso);
    if (!shifted) {
      why = llvm::toString(shifted.takeError());
      return std::nullopt;
    }
    return ExportDate{std::move(iso), *shifted};
  }
  if (format.empty()) {
    const DayOrder o = order == DayOrder::Unknown ? DayOrder::DayFirst : order;
    ok = fixedShape(text, o, f) || byOrder(text, o, f);
  } else {
    ok = byFormat(text, format, f);
  }
  if (!ok) {
    why = format.empty()
              ? fmt::format("'{}' is not a date salesc reads; it reads ISO 8601 "
                            "(2024-03-15T09:30) and 15/03/2024 09:30, or the 'dates: format:' "
                            "of a mapping",
                            text)
              : fmt::format("'{}' does not match the date format '{}'", text, format);
    return std::nullopt;
  }
  if (f.twelveHour) {
    if (f.hour < 1 || f.hour > 12) {
      why = fmt::format("'{}' has hour {} on a 12-hour clock", text, f.hour);
      return std::nullopt;
    }
    f.hour = f.hour % 12 + (f.pm ? 12 : 0);
  }
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 || f.hour > 23 || f.minute > 59 ||
      f.second > 59) {
    why = fmt::format("'{}' is not a date: a field is out of range", text);
    return std::nullopt;
  }
  const int zone = f.hasTime ? f.offsetMinutes.value_or(zoneMinutes) : 0;
  if (std::abs(zone) >= 24 * 60) {
    why = fmt::format("'{}' is not a date: its offset from UTC is a day or more", text);
    return std::nullopt;
  }
  std::string iso;
  if (withIso) {
    iso = fmt::format("{:04}-{:02}-{:02}", f.year, f.month, f.day);
    if (f.hasTime)
      iso += fmt::format("T{:02}:{:02}:{:02}{}{:02}:{:02}", f.hour, f.minute, f.second,
                         zone < 0 ? '-' : '+', std::abs(zone) / 60, std::abs(zone) % 60);
  }
  int64_t day;
  if (memo && memo->year == f.year && memo->month == f.month && memo->day == f.day) {
    day = memo->days;
  } else {
    static constexpr unsigned Days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (f.year % 4 == 0 && f.year % 100 != 0) || f.year % 400 == 0;
    if (f.day > Days[f.month - 1] + (f.month == 2 && leap)) {
      why = fmt::format("'{}' is not a date: {:04}-{:02} has {} days", text, f.year, f.month,
                        Days[f.month - 1] + (f.month == 2 && leap));
      return std::nullopt;
    }
    day = daysFromCivil(CivilDate{f.year, f.month, f.day});
    if (memo)
      *memo = DayMemo{f.year, f.month, f.day, day};
  }
  // The same operations as parseTimestamp on `iso`: the same day number to the last bit.
  const double seconds = f.hour * 3600.0 + f.minute * 60.0 + f.second - zone * 60.0;
  return ExportDate{std::move(iso), static_cast<double>(day) + seconds / 86400.0};
}

std::optional<std::string> readExportAmount(llvm::StringRef text, char decimal, char thousands) {
  std::string s;
  s.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (llvm::isDigit(c) || c == '.' || c == ',' || c == '-' || c == '+' || c == '\'')
      s.push_back(static_cast<char>(c));
    else if (c == ' ' || c == '$' || (c >= 'A' && c <= 'Z') || c >= 0x80)
      continue; // spaces, $, ISO codes, £ € ¥ and no-break spaces (UTF-8)
    else
      return std::nullopt;
  }
  if (decimal == 0) { // guess
    const size_t comma = s.rfind(','), dot = s.rfind('.');
    if (comma != std::string::npos && dot != std::string::npos) {
      decimal = comma > dot ? ',' : '.';
      thousands = comma > dot ? '.' : ',';
    } else if (comma != std::string::npos) {
      bool grouped = true;
      for (size_t at = s.find(','); at != std::string::npos; at = s.find(',', at + 1))
        grouped = grouped && at + 4 <= s.size() && llvm::isDigit(s[at + 1]) &&
                  llvm::isDigit(s[at + 2]) && llvm::isDigit(s[at + 3]) &&
                  (at + 4 == s.size() || s[at + 4] == ',');
      decimal = grouped ? '.' : ',';
      thousands = grouped ? ',' : 0;
    } else {
      decimal = '.';
      thousands = 0;
    }
  }
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (thousands && c == thousands)
      continue;
    if (c == '\'' && thousands != '\'')
      return std::nullopt;
    out.push_back(c == decimal ? '.' : c);
  }
  if (out.empty() || out.find(',') != std::string::npos)
    return std::nullopt;
  return out;
}

std::string amountCurrency(llvm::StringRef text) {
  if (text.contains("\xC2\xA3")) // £
    return "GBP";
  if (text.contains("\xE2\x82\xAC")) // €
    return "EUR";
  for (size_t i = 0; i + 3 <= text.size(); ++i)
    if (std::isupper(static_cast<unsigned char>(text[i])) &&
        std::isupper(static_cast<unsigned char>(text[i + 1])) &&
        std::isupper(static_cast<unsigned char>(text[i + 2])) &&
        (i == 0 || !llvm::isAlpha(text[i - 1])) &&
        (i + 3 == text.size() || !llvm::isAlpha(text[i + 3])))
      return text.substr(i, 3).str();
  return "";
}

bool isCurrencyCode(llvm::StringRef c) {
  return c.size() == 3 && llvm::all_of(c, llvm::isAlpha);
}

std::string currencyCode(llvm::StringRef value) {
  const llvm::StringRef v = value.trim(" \t");
  if (isCurrencyCode(v))
    return v.upper();
  // Names folded to letters, lower case: the names of the most traded currencies, as
  // Dynamics 365 and Zoho write them, and their common variants.
  static const std::pair<const char*, const char*> Names[] = {
      {"usdollar", "USD"},
      {"usdollars", "USD"},
      {"unitedstatesdollar", "USD"},
      {"poundsterling", "GBP"},
      {"britishpound", "GBP"},
      {"britishpoundsterling", "GBP"},
      {"euro", "EUR"},
      {"euros", "EUR"},
      {"japaneseyen", "JPY"},
      {"swissfranc", "CHF"},
      {"canadiandollar", "CAD"},
      {"australiandollar", "AUD"},
      {"newzealanddollar", "NZD"},
      {"swedishkrona", "SEK"},
      {"norwegiankrone", "NOK"},
      {"danishkrone", "DKK"},
      {"polishzloty", "PLN"},
      {"indianrupee", "INR"},
      {"chineseyuan", "CNY"},
      {"chineseyuanrenminbi", "CNY"},
      {"yuanrenminbi", "CNY"},
      {"singaporedollar", "SGD"},
      {"hongkongdollar", "HKD"},
      {"mexicanpeso", "MXN"},
      {"brazilianreal", "BRL"},
      {"southafricanrand", "ZAR"},
      {"rand", "ZAR"},
  };
  std::string folded;
  for (char c : v)
    if (llvm::isAlpha(c))
      folded.push_back(llvm::toLower(c));
  for (const auto& [name, code] : Names)
    if (folded == name)
      return code;
  return v.str();
}

std::string closestSpelling(llvm::StringRef word, llvm::ArrayRef<llvm::StringRef> known) {
  const std::string w = word.lower();
  const unsigned limit = std::max<unsigned>(1, (w.size() + 2) / 3);
  std::string best;
  unsigned bestDistance = limit + 1;
  for (llvm::StringRef k : known) {
    const unsigned d =
        llvm::StringRef(w).edit_distance(k.lower(), /*AllowReplacements=*/true, limit);
    if (d < bestDistance) {
      bestDistance = d;
      best = k.str();
    }
  }
  return best;
}

} // namespace salesc::rt
