//===- Headline.cpp - A process's headline figures against its targets ----===//
#include "Headline.h"

#include "HtmlText.h"

#include "salesc/runtime/Format.h"

namespace salesc::html {

std::vector<Figure> headline(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  std::vector<Figure> out;
  if (p.states.empty())
    return out;
  Figure win{"Win rate from the start", rt::percent(a.winRate()), "", a.winRateTargetMet};
  if (p.targetWinRate)
    win.target = "target " + rt::percent(*p.targetWinRate);
  out.push_back(win);
  const bool wins = a.winRate() > 0;
  Figure toWin{"Expected time to win", wins ? rt::days(a.expectedDaysToWin[p.start]) : "never wins",
               "", a.cycleTargetMet};
  if (p.targetCycleDays)
    toWin.target = "target " + rt::days(*p.targetCycleDays);
  out.push_back(toWin);
  out.push_back(Figure{"Expected time until any outcome", rt::days(a.expectedDaysToClose[p.start]),
                       "", std::nullopt});
  if (std::optional<double> perLead = a.valuePerLead())
    out.push_back(
        Figure{"Value of a lead", rt::formatMoney(*perLead, p.currency), "", std::nullopt});
  if (a.marginPerLead)
    out.push_back(
        Figure{"Margin per lead", rt::formatMoney(*a.marginPerLead, p.currency), "", std::nullopt});
  return out;
}

std::string verdict(bool met) {
  return met ? "<span class=\"met\">met</span>" : "<span class=\"missed\">missed</span>";
}

std::string figureCards(const std::vector<Figure>& figures) {
  std::string out = "<div class=\"figures\">\n";
  for (const Figure& f : figures) {
    out += "<div class=\"figure\"><div class=\"label\">" + text(f.label) +
           "</div><div class=\"value\">" + text(f.value) + "</div>";
    if (!f.target.empty())
      out += "<div class=\"note\">" + text(f.target) +
             (f.met ? ", " + verdict(*f.met) : std::string()) + "</div>";
    out += "</div>\n";
  }
  return out + "</div>\n";
}

} // namespace salesc::html
