//===- Backtest.cpp - The report of `salesc backtest` ---------------------===//
#include "Json.h"
#include "Report.h"
#include "TextTable.h"

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Loaders.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace salesc::report {

namespace {

/// An amount without its currency (the header says it), with its sign when asked:
/// "+1,500", "-40", "0".
std::string amount(double v, bool sign = false) {
  return (sign && v > 0 ? "+" : v < 0 ? "-" : "") + rt::formatMoney(std::abs(v), "");
}

/// `predicted` - `actual`, 0 when they differ only by rounding in the sums behind them
/// (7.000000000000002 against 7 wins is no error).
double difference(double predicted, double actual) {
  const double d = predicted - actual;
  return std::fabs(d) <= 1e-9 * std::max(1.0, std::fabs(actual)) ? 0 : d;
}

/// The error of `predicted` against `actual`: "+500 (+16.7%)", "-0.4 (-20%)", "0 (0%)",
/// with "(no actual)" in place of the percentage when the actual is 0.
std::string error(double predicted, double actual, const std::string& shown) {
  if (actual == 0)
    return shown + " (no actual)";
  const double share = difference(predicted, actual) / actual;
  return fmt::format("{} ({}{})", shown, share > 0 ? "+" : "", rt::percent(share));
}

std::string winsError(double predicted, double actual) {
  const double d = difference(predicted, actual);
  return error(predicted, actual, fmt::format("{}{:.2f}", d > 0 ? "+" : "", d));
}

std::string share(double v) {
  return std::isnan(v) ? std::string("-") : rt::percent(v);
}

void printPoints(llvm::raw_ostream& os, const rt::Process& p, const rt::BacktestResult& r) {
  const std::string unit = p.currency.empty() ? "" : " (" + p.currency + ")";
  os << "  revenue won within the horizon by the deals open on each date, against the "
        "forecast\n  and the weighted pipeline (value x the stated win probability from each "
        "deal's stage):\n";
  TextTable revenue({"as of", "open deals", "actual" + unit, "forecast", "P10 to P90", "", "error",
                     "weighted pipeline", "error"});
  for (const rt::BacktestPoint& x : r.points)
    revenue.row({rt::formatDate(x.at), std::to_string(x.openDeals), amount(x.actualRevenue),
                 amount(x.forecastRevenue.mean),
                 amount(x.forecastRevenue.p10) + " to " + amount(x.forecastRevenue.p90),
                 x.covered() ? "in" : "OUT",
                 error(x.forecastRevenue.mean, x.actualRevenue,
                       amount(difference(x.forecastRevenue.mean, x.actualRevenue), true)),
                 amount(x.weightedRevenue),
                 error(x.weightedRevenue, x.actualRevenue,
                       amount(difference(x.weightedRevenue, x.actualRevenue), true))});
  revenue.print(os);
  os << "\n  deals won within the horizon:\n";
  TextTable wins(
      {"as of", "actual", "forecast", "P10 to P90", "error", "weighted pipeline", "error"});
  for (const rt::BacktestPoint& x : r.points)
    wins.row({rt::formatDate(x.at), std::to_string(x.actualWins),
              fmt::format("{:.2f}", x.forecastWins.mean),
              fmt::format("{:.0f} to {:.0f}", x.forecastWins.p10, x.forecastWins.p90),
              winsError(x.forecastWins.mean, double(x.actualWins)),
              fmt::format("{:.2f}", x.weightedWins),
              winsError(x.weightedWins, double(x.actualWins))});
  wins.print(os);
}

void printSummary(llvm::raw_ostream& os, const rt::Process& p, const rt::BacktestResult& r) {
  const size_t n = r.points.size();
  os << "\n  over " << rt::counted(n, "date") << ":\n";
  if (r.mapePoints == 0)
    os << "  mean absolute percentage error of revenue: none (no date had revenue won)\n";
  else
    os << "  mean absolute percentage error of revenue"
       << (r.mapePoints < n
               ? fmt::format(" (over the {} with revenue won)", rt::counted(r.mapePoints, "date"))
               : std::string())
       << ": forecast " << rt::percent(r.mapeForecast) << ", weighted pipeline "
       << rt::percent(r.mapeWeighted) << '\n';
  os << "  actual revenue within the forecast's P10 to P90: " << r.covered << " of " << n
     << " dates (" << share(r.coverage) << "; about 80% is right, far less means the forecast "
     << "is too sure of itself)\n";
  os << "  Brier score of the per-deal win probabilities over " << r.predictions
     << " deal-dates (0 is perfect; saying 50% for every deal scores 0.25):\n"
     << "    forecast (the chance of a win within the horizon) "
     << (std::isnan(r.brierForecast) ? std::string("-") : fmt::format("{:.4f}", r.brierForecast))
     << ", stated stage probabilities "
     << (std::isnan(r.brierStated) ? std::string("-") : fmt::format("{:.4f}", r.brierStated))
     << '\n';
  uint64_t later = 0;
  double laterRevenue = 0;
  for (const rt::BacktestPoint& x : r.points) {
    later += x.laterWins;
    laterRevenue += x.laterRevenue;
  }
  if (later > 0)
    os << "  not in any figure above: " << later << " win" << (later == 1 ? "" : "s") << " ("
       << rt::formatMoney(laterRevenue, p.currency)
       << ") within the horizons by deals created after their date\n";
}

void printCalibration(llvm::raw_ostream& os, const rt::BacktestResult& r) {
  os << "\n  calibration: the deal-dates grouped by the win probability given to each, with "
        "the\n  share that won within the horizon (a calibrated probability wins as often as "
        "it says):\n";
  TextTable t({"probability", "forecast: deals", "mean", "won", "stated: deals", "mean", "won"});
  for (size_t b = 0; b < r.calibrationForecast.size(); ++b) {
    const rt::CalibrationBin& f = r.calibrationForecast[b];
    const rt::CalibrationBin& s = r.calibrationStated[b];
    if (f.deals == 0 && s.deals == 0)
      continue;
    t.row({fmt::format("{:g}% to {:g}%", 100 * f.low, 100 * f.high), std::to_string(f.deals),
           share(f.predicted), share(f.won), std::to_string(s.deals), share(s.predicted),
           share(s.won)});
  }
  t.print(os);
}

void pairJson(llvm::json::OStream& j, llvm::StringRef key, double wins, double revenue) {
  j.attributeObject(key, [&] {
    j.attribute("wins", wins);
    j.attribute("revenue", revenue);
  });
}

void binsJson(llvm::json::OStream& j, llvm::StringRef key,
              const std::vector<rt::CalibrationBin>& bins) {
  j.attributeArray(key, [&] {
    for (const rt::CalibrationBin& b : bins)
      j.object([&] {
        j.attribute("low", b.low);
        j.attribute("high", b.high);
        j.attribute("deals", b.deals);
        jsonNumber(j, "predicted", b.predicted);
        jsonNumber(j, "won", b.won);
      });
  });
}

} // namespace

std::string backtestText(const BacktestReport& report) {
  const rt::Process& p = *report.process;
  const rt::BacktestResult& r = *report.result;
  std::string out;
  llvm::raw_string_ostream os(out);
  os << p.name << ": backtest of " << r.points.size() << " date"
     << (r.points.size() == 1 ? "" : "s") << ", each over the next "
     << rt::formatDecimal(r.horizonDays) << " days\n"
     << "  the pipeline of each date rebuilt from the log: the deals that had entered and "
        "not yet closed\n\n";
  printPoints(os, p, r);
  printSummary(os, p, r);
  printCalibration(os, r);
  return os.str();
}

std::string backtestJson(const BacktestReport& report) {
  const rt::BacktestResult& r = *report.result;
  return jsonDocument([&](llvm::json::OStream& j) {
    j.object([&] {
      j.attributeArray("points", [&] {
        for (const rt::BacktestPoint& x : r.points)
          j.object([&] {
            j.attribute("at", rt::formatDate(x.at));
            j.attribute("horizon_days", r.horizonDays);
            pairJson(j, "actual", double(x.actualWins), x.actualRevenue);
            j.attributeObject("forecast", [&] {
              j.attribute("wins", x.forecastWins.mean);
              j.attribute("revenue", x.forecastRevenue.mean);
              j.attribute("p10", x.forecastRevenue.p10);
              j.attribute("p90", x.forecastRevenue.p90);
            });
            pairJson(j, "weighted_pipeline", x.weightedWins, x.weightedRevenue);
          });
      });
      j.attributeObject("summary", [&] {
        jsonNumber(j, "mape_forecast", r.mapeForecast);
        jsonNumber(j, "mape_weighted", r.mapeWeighted);
        jsonNumber(j, "coverage_p10_p90", r.coverage);
        jsonNumber(j, "brier_forecast", r.brierForecast);
        jsonNumber(j, "brier_stated", r.brierStated);
      });
      j.attributeObject("calibration", [&] {
        binsJson(j, "forecast", r.calibrationForecast);
        binsJson(j, "stated", r.calibrationStated);
      });
    });
  });
}

} // namespace salesc::report
