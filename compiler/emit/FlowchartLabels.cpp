//===- FlowchartLabels.cpp - The HTML-like labels of the flowchart --------===//
#include "FlowchartLabels.h"

#include "Format.h"
#include "TextWidths.h"

#include "salesc/runtime/Holding.h"

#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <cstring>
#include <fmt/format.h>

namespace salesc::emit {

using namespace palette;

std::string html(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    if (appendAttributeEntity(out, c))
      continue;
    switch (c) {
    case '\n':
      out += "<BR ALIGN=\"LEFT\"/>";
      break;
    case '\r':
      break;
    default:
      out += c;
    }
  }
  return out;
}

namespace {

/// Whether `text` reads right to left: its first letter of a script with a direction is
/// Hebrew, Arabic or the like.
bool rightToLeft(llvm::StringRef text) {
  for (size_t at = 0; at < text.size();) {
    char32_t c = nextCodePoint(text, at);
    if (isRightToLeft(c))
      return true;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c < 0x590) ||
        isFullWidth(c))
      return false;
  }
  return false;
}

/// How the lines of `text` are aligned: right for text that reads right to left.
const char* alignment(llvm::StringRef text) {
  return rightToLeft(text) ? "RIGHT" : "LEFT";
}

/// Closing punctuation of CJK text, which never starts a line (、。」』）！？ and the like).
bool closesCjk(char32_t c) {
  return c == 0x3001 || c == 0x3002 || c == 0x300D || c == 0x300F || c == 0x3011 || c == 0x30FC ||
         c == 0xFF09 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0C || c == 0xFF0E || c == 0xFF1A;
}

/// Escaped text broken into lines of about `width` columns (a full-width character takes
/// two): at spaces, and in CJK text, which has none, between any two characters but before
/// closing punctuation. Lines of text that reads right to left are aligned right.
std::string wrapped(llvm::StringRef text, size_t width = 38) {
  struct Piece {
    std::string text;
    size_t columns = 0;
    bool afterSpace = false;
  };
  std::vector<Piece> pieces;
  bool space = false, lastFull = false;
  for (size_t at = 0; at < text.size();) {
    size_t from = at;
    char32_t c = nextCodePoint(text, at);
    if (c == ' ') {
      space = true;
      continue;
    }
    bool full = isFullWidth(c);
    if (pieces.empty() || space || ((full || lastFull) && !closesCjk(c)))
      pieces.push_back(Piece{"", 0, space});
    pieces.back().text += text.slice(from, at).str();
    pieces.back().columns += full ? 2 : 1;
    space = false;
    lastFull = full;
  }
  std::string out, line;
  size_t columns = 0;
  for (const Piece& p : pieces) {
    size_t gap = p.afterSpace && !line.empty() ? 1 : 0;
    if (!line.empty() && columns + gap + p.columns > width) {
      out += html(line) + fmt::format("<BR ALIGN=\"{}\"/>", alignment(text));
      line.clear();
      columns = gap = 0;
    }
    line += (gap ? " " : "") + p.text;
    columns += gap + p.columns;
  }
  return out + html(line);
}

/// Items by their descriptions (by their names with `identifiers`, or when they have none).
std::string itemList(const std::vector<rt::Item>& items, bool identifiers) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i ? "; " : "") + displayName(items[i].name, items[i].description, identifiers);
  return out;
}

/// "1 to 3 days, typical 2 days, mean 2 days" (typical only when off the midpoint); a
/// fixed time as one figure.
std::string timeText(const rt::Holding& t) {
  if (t.min == t.max)
    return days(t.min);
  // "1 to 3 days" rather than "1 day to 3 days".
  std::string low = days(t.min), high = days(t.max);
  for (auto [one, many] : {std::pair{" day", " days"}, std::pair{" hour", " hours"}}) {
    llvm::StringRef l(low);
    if (llvm::StringRef(high).endswith(many) && (l.endswith(one) || l.endswith(many))) {
      low = l.drop_back(l.endswith(many) ? std::strlen(many) : std::strlen(one)).str();
      break;
    }
  }
  std::string out = fmt::format("{} to {}", low, high);
  if (std::abs(t.typical - (t.min + t.max) / 2) > 1e-9)
    out += ", typical " + days(t.typical);
  return out + ", mean " + days(t.mean());
}

/// An empty column between two of a nested table.
const char* const Gap = "<TD WIDTH=\"4\"></TD>";

/// A cell of a nested table: escaped markup in the small font, left-aligned.
std::string cell(const std::string& markup, const char* colour = "#1b1b1b") {
  return fmt::format("<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" COLOR=\"{}\">{}"
                     "</FONT></TD>",
                     colour, markup);
}

/// A sign-off stage's roles: a row per role with its share and time, and what they make
/// together (the share every role approves, the mean time until the last answer).
std::string signoffTable(const rt::State& s) {
  std::string rows;
  for (const rt::Signoff& r : s.signoffs)
    rows += "<TR>" + cell(html(words(r.role))) + Gap + cell("approves " + percent(r.share)) + Gap +
            cell(html(timeText(r.time)), "#555555") + "</TR>";
  rows += fmt::format("<TR><TD COLSPAN=\"5\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" "
                      "COLOR=\"#555555\">all approve {}; the last answer after {} on average"
                      "</FONT></TD></TR>",
                      percent(rt::approvedShare(s.signoffs)), days(rt::holdingMean(s)));
  return "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">" + rows + "</TABLE>";
}

/// The exit criteria as a checklist: an empty box before each.
std::string checklist(const std::vector<std::string>& criteria) {
  std::string rows;
  for (const std::string& c : criteria)
    rows += "<TR><TD BORDER=\"1\" COLOR=\"#555555\" FIXEDSIZE=\"TRUE\" WIDTH=\"8\" "
            "HEIGHT=\"8\"></TD><TD WIDTH=\"2\"></TD>" +
            cell(wrapped(c, 34)) + "</TR>";
  return "<TABLE BORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">" + rows + "</TABLE>";
}

/// The band at the top of a stage owned by a team: the team's colour and its description.
std::string ownerBand(const rt::Process& p, const rt::State& s) {
  for (size_t k = 0; k < p.teams.size(); ++k)
    if (p.teams[k].name == s.owner) {
      const rt::Team& t = p.teams[k];
      return fmt::format("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BGCOLOR=\"{}\"><FONT "
                         "POINT-SIZE=\"9\" COLOR=\"{}\"><B>{}</B></FONT></TD></TR>",
                         teamFill(k), teamLine(k),
                         html(t.description.empty() ? words(t.name) : t.description));
    }
  return "";
}

} // namespace

std::string stageLabel(const rt::Process& p, uint32_t i, const rt::Analysis& a, bool identifiers) {
  const rt::State& s = p.states[i];
  std::string rows;
  auto row = [&](const char* key, const std::string& value) {
    if (!value.empty())
      rows += fmt::format("<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"10\" "
                          "COLOR=\"#555555\">{}</FONT></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
                          "<FONT POINT-SIZE=\"10\">{}</FONT></TD></TR>",
                          key, value);
  };
  row("Learns", wrapped(itemList(s.learn, identifiers), 30));
  row("We provide", wrapped(itemList(s.provide, identifiers), 30));
  row("Tactics", wrapped(itemList(s.tactics, identifiers), 30));
  if (s.isSignoff())
    row("Sign-off", signoffTable(s));
  else if (s.hasTime)
    row("Time", html(s.timeWritten.empty() ? timeText(s.time)
                                           : writtenTime(s) + ", mean " + writtenMean(s)));
  if (s.stalledAfter)
    row("Stalled after", html(days(*s.stalledAfter)));
  if (!s.exitCriteria.empty())
    row("Exit when", checklist(s.exitCriteria));
  std::string header = fmt::format("<B>{}</B>", html(words(s.name)));
  if (i == p.start)
    header = fmt::format("<FONT COLOR=\"{}\">START · </FONT>", StageLine) + header;
  std::string top =
      fmt::format("<TR><TD ALIGN=\"LEFT\">{}</TD><TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"10\" "
                  "COLOR=\"#555555\">wins {}</FONT></TD></TR>",
                  header, percent(a.winProbability[i]));
  std::string desc;
  // CJK has no italics (a browser slants the glyphs), and a line in italics is spaced 1 em
  // from the next by Graphviz, which CJK glyphs fill: upright, it gets CjkLineHeight.
  const char* slant = hasFullWidth(s.description) ? "" : "I";
  if (!s.description.empty())
    desc = fmt::format("<TR><TD COLSPAN=\"2\" ALIGN=\"{0}\" BALIGN=\"{0}\">{1}{2}{3}</TD></TR>",
                       alignment(s.description), *slant ? "<I>" : "", wrapped(s.description),
                       *slant ? "</I>" : "");
  std::string details;
  if (!rows.empty())
    details = fmt::format("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><TABLE BORDER=\"0\" "
                          "CELLSPACING=\"0\" CELLPADDING=\"1\">{}</TABLE></TD></TR>",
                          rows);
  std::string note;
  if (a.bottleneck && *a.bottleneck == i)
    note = fmt::format("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"{}\" POINT-SIZE=\"10\">"
                       "<B>Bottleneck</B>: {} of the expected time</FONT></TD></TR>",
                       BottleneckLine, percent(a.timeShare[i]));
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">" +
         ownerBand(p, s) + top + desc + details + note + "</TABLE>";
}

std::string outcomeLabel(const rt::Process& p, uint32_t i) {
  const rt::State& s = p.states[i];
  std::vector<std::string> lines{fmt::format("<B>{}</B>", html(words(s.name)))};
  if (!s.description.empty())
    lines.push_back("<FONT POINT-SIZE=\"10\">" + wrapped(s.description, 28) + "</FONT>");
  bool ownValues = hasOutcomeValues(p);
  if (std::optional<double> v = p.winValue(i); ownValues && v && s.kind == rt::StateKind::Won)
    lines.push_back("<FONT POINT-SIZE=\"10\">worth " + html(formatMoney(*v, p.currency)) +
                    "</FONT>");
  // Graphviz spaces the lines of text mixing sizes 1 em apart, too tight for CJK glyphs:
  // a CJK description gets a cell of its own, where its lines are CjkLineHeight apart.
  if (!hasFullWidth(s.description))
    return llvm::join(lines, "<BR/>");
  std::string rows;
  for (const std::string& line : lines)
    rows += "<TR><TD>" + line + "</TD></TR>";
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">" + rows +
         "</TABLE>";
}

namespace {

/// The key to the owner bands, one line of text: a mark in each team's colour and its
/// description; empty when no stage of `p` has an owner. (Text, not table cells: Graphviz
/// would stretch a table to the width of the title.)
std::string ownerLegend(const rt::Process& p) {
  if (p.teams.empty())
    return "";
  std::string out = "<FONT POINT-SIZE=\"11\" COLOR=\"#555555\">Owners:</FONT>";
  for (size_t k = 0; k < p.teams.size(); ++k) {
    const rt::Team& t = p.teams[k];
    out += fmt::format("{}<FONT POINT-SIZE=\"11\" COLOR=\"{}\">■</FONT> <FONT "
                       "POINT-SIZE=\"11\">{}</FONT>",
                       k ? "   " : " ", teamLine(k),
                       html(t.description.empty() ? words(t.name) : t.description));
  }
  return out;
}

} // namespace

std::string targetText(const char* what, const std::string& value,
                       const std::optional<std::string>& target, bool met) {
  std::string out = fmt::format("{} {}", what, value);
  if (target)
    out += fmt::format(" (target {}, <FONT COLOR=\"{}\">{}</FONT>)", *target,
                       met ? WonLine : LostLine, met ? "met" : "missed");
  return out;
}

std::string titleLabel(const rt::AnalyzedProcess& ap, bool identifiers) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  double win = a.winRate();
  double toWin = p.states.empty() ? 0 : a.expectedDaysToWin[p.start];
  const PercentAgainst winText = percentAgainst(win, p.targetWinRate);
  std::optional<std::string> winTarget, cycleTarget;
  if (p.targetWinRate)
    winTarget = winText.target;
  if (p.targetCycleDays)
    cycleTarget = days(*p.targetCycleDays);
  std::string title = p.description.empty() ? words(p.name) : p.description;
  std::string sub =
      targetText("Win rate", winText.figure, winTarget, a.winRateTargetMet.value_or(true));
  if (win > 0)
    sub += " · " + targetText("expected time to win", days(toWin), cycleTarget,
                              a.cycleTargetMet.value_or(true));
  if (std::optional<double> perLead = a.valuePerLead(); perLead && !p.currency.empty())
    sub += " · value per lead " + html(formatMoney(std::round(*perLead), p.currency));
  if (a.marginPerLead && !p.currency.empty())
    sub += " · margin per lead " + html(formatMoney(std::round(*a.marginPerLead), p.currency));
  std::string context = html(channelAndOffering(p, identifiers));
  if (p.brand)
    context += std::string(context.empty() ? "" : " · ") + "brand " +
               html(displayName(p.brand->name, p.brand->description, identifiers));
  std::string out = fmt::format("<FONT POINT-SIZE=\"18\"><B>{}</B></FONT>", html(title));
  if (!context.empty())
    out += fmt::format("<BR/><FONT POINT-SIZE=\"11\" COLOR=\"#555555\">{}</FONT>", context);
  out += fmt::format("<BR/><FONT POINT-SIZE=\"12\">{}</FONT>", sub);
  out += moneyLines(ap);
  std::string legend = ownerLegend(p);
  return legend.empty() ? out : out + "<BR/>" + legend;
}

} // namespace salesc::emit
