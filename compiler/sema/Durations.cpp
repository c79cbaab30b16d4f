//===- Durations.cpp - Time units and time ranges in days -----------------===//
#include "Durations.h"

#include "diag/Wording.h"

#include "salesc/runtime/Format.h"

#include "Spelling.h"

#include "llvm/ADT/StringSwitch.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::sema {

using diag::DiagKind;

/// The unit a usual abbreviation stands for: certain, so its fix-it is safe.
static std::optional<llvm::StringRef> abbreviated(llvm::StringRef word) {
  return llvm::StringSwitch<std::optional<llvm::StringRef>>(word)
      .Cases("min", "mins", "minutes")
      .Cases("h", "hr", "hrs", "hours")
      .Case("d", "days")
      .Cases("wk", "wks", "weeks")
      .Cases("mo", "mos", "months")
      .Cases("yr", "yrs", "years")
      .Default(std::nullopt);
}

static std::optional<double> unitDays(const ast::Ident& unit, diag::DiagnosticEngine& diags) {
  if (auto d = daysPerUnit(unit.text))
    return d;
  const std::string msg = "unknown time unit '" + unit.text.str() + "'";
  if (auto full = abbreviated(unit.text)) {
    diags
        .report(DiagKind::UnknownUnit, unit.range,
                msg + "; write the unit in full: '" + full->str() + "'")
        .fix(unit.range, full->str(), "replace with " + diag::quoted(*full),
             diag::Applicability::Safe);
    return std::nullopt;
  }
  static const llvm::StringRef units[] = {"minutes", "hours", "days", "weeks", "months", "years",
                                          "minute",  "hour",  "day",  "week",  "month",  "year"};
  // A spelling suggestion only when every unit as close as the best one is as long: a
  // guess between minutes and months would change a time 43,200-fold.
  std::optional<std::string> s = closest(unit.text, units);
  if (s) {
    unsigned best = unit.text.edit_distance(*s, true);
    for (llvm::StringRef u : units)
      if (unit.text.edit_distance(u, true) == best && daysPerUnit(u) != daysPerUnit(*s))
        s.reset();
  }
  if (s)
    diags.report(DiagKind::UnknownUnit, unit.range, msg + diag::didYouMean(*s))
        .fix(unit.range, *s, "replace with " + diag::quoted(*s));
  else
    diags.report(DiagKind::UnknownUnit, unit.range,
                 msg + "; use minutes, hours, days, business days, weeks, months or years");
  return std::nullopt;
}

std::string asWritten(const ast::TimeSpec& t) {
  // From the pieces, not the line's text: a comment between them is not part of the time.
  auto text = [](llvm::SMRange r) {
    return llvm::StringRef(r.Start.getPointer(), r.End.getPointer() - r.Start.getPointer());
  };
  auto unit = [](llvm::StringRef u) { // `working \t days` as `working days`
    std::string out;
    for (char c : u)
      if (c != ' ' && c != '\t')
        out += c;
      else if (!out.empty() && out.back() != ' ')
        out += ' ';
    return out;
  };
  std::string out = text(t.low.range).str();
  if (t.lowUnit)
    out += " " + unit(t.lowUnit->text);
  if (t.high)
    out += " to " + text(t.high->amount.range).str() + " " + unit(t.high->unit.text);
  if (t.typical)
    out += " typical " + text(t.typical->amount.range).str() + " " + unit(t.typical->unit.text);
  return out;
}

std::optional<double> toDays(const ast::Duration& d, diag::DiagnosticEngine& diags) {
  auto per = unitDays(d.unit, diags);
  if (!per)
    return std::nullopt;
  double days = d.amount.value * *per;
  if (days > rt::limits::MaxDays) {
    diags.report(DiagKind::InvalidNumber, d.range,
                 "a time of " + rt::days(days) +
                     " is more than 100 years; salesc takes "
                     "times up to 36500 days");
    return std::nullopt;
  }
  return days;
}

std::optional<rt::Holding> toHolding(const ast::TimeSpec& t, diag::DiagnosticEngine& diags) {
  std::optional<double> high;
  if (t.high)
    high = toDays(*t.high, diags);
  // `1 to 3 days`: the low end takes the high end's unit.
  std::optional<double> lowPer;
  if (t.lowUnit)
    lowPer = unitDays(*t.lowUnit, diags);
  else if (t.high)
    lowPer = daysPerUnit(t.high->unit.text);
  std::optional<double> typical;
  if (t.typical)
    typical = toDays(*t.typical, diags);
  if (!lowPer || (t.high && !high) || (t.typical && !typical))
    return std::nullopt;
  double low = t.low.value * *lowPer;
  if (low > rt::limits::MaxDays) {
    diags.report(DiagKind::InvalidNumber, t.low.range,
                 "a time of " + rt::days(low) +
                     " is more than 100 years; salesc takes times "
                     "up to 36500 days");
    return std::nullopt;
  }
  if (!t.high) {
    if (t.typical) {
      diags.report(DiagKind::TypicalOutsideRange, t.typical->range,
                   "a typical time needs a range, as in 'time 2 to 10 days typical 4 days'");
      return std::nullopt;
    }
    return rt::Holding{low, low, low};
  }
  if (low > *high) {
    diags.report(DiagKind::TimeRangeInverted, t.range,
                 "this time range starts at " + rt::days(low) + " and ends at " + rt::days(*high) +
                     "; put the shorter time first");
    return std::nullopt;
  }
  double mid = typical ? *typical : (low + *high) / 2;
  if (typical && (*typical < low || *typical > *high)) {
    diags.report(DiagKind::TypicalOutsideRange, t.typical->range,
                 "the typical time of " + rt::days(*typical) + " is outside the range " +
                     rt::days(low) + " to " + rt::days(*high));
    return std::nullopt;
  }
  return rt::Holding{low, mid, *high};
}

} // namespace salesc::sema
