//===- Page.cpp - The frame of every report page: head, style, scripts ----===//
#include "Page.h"

#include "Assets.h"
#include "HtmlText.h"

namespace salesc::html {

namespace {

/// The colours of each theme, as CSS custom properties.
const char* themeColours(Theme t) {
  if (t == Theme::Dark)
    return ":root{color-scheme:dark;--bg:#16181d;--panel:#1f232a;--text:#e6e8eb;--muted:#9aa3ad;"
           "--line:#353b45;--accent:#7fb0e8;--met:#6fcf7a;--missed:#f08080;--tip:#2a2f38}";
  return ":root{color-scheme:light;--bg:#ffffff;--panel:#f6f8fa;--text:#1f2328;--muted:#59636e;"
         "--line:#d0d7de;--accent:#4a78b0;--met:#2e7d32;--missed:#b23b3b;--tip:#ffffff}";
}

const char* const Style =
    "*{box-sizing:border-box}"
    "body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 'Liberation Sans',"
    "Arial,Helvetica,sans-serif}"
    "header.page{padding:18px 32px;border-bottom:1px solid var(--line);background:var(--panel)}"
    "header.page h1{margin:0;font-size:24px}header.page nav{font-size:13px;margin-bottom:4px}"
    "main{max-width:1180px;margin:0 auto;padding:8px 32px 32px}"
    "a{color:var(--accent)}h2{margin-top:36px;border-bottom:1px solid var(--line);"
    "padding-bottom:4px}h3{margin-bottom:6px}"
    ".facts{color:var(--muted);margin:4px 0 0}"
    ".figures{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}"
    ".figure{background:var(--panel);border:1px solid var(--line);border-radius:8px;"
    "padding:10px 16px;min-width:190px}"
    ".figure .label{color:var(--muted);font-size:13px}.figure .value{font-size:22px;"
    "font-weight:bold}.figure .note{font-size:13px}"
    ".met{color:var(--met);font-weight:bold}.missed{color:var(--missed);font-weight:bold}"
    "table{border-collapse:collapse;margin:8px 0 16px;width:100%}"
    "th,td{border:1px solid var(--line);padding:5px 9px;text-align:left;vertical-align:top}"
    "th{background:var(--panel)}td.num,th.num{text-align:right;white-space:nowrap}"
    "#flowchart{overflow:auto;border:1px solid var(--line);border-radius:8px;padding:8px}"
    "#flowchart svg{max-width:100%;height:auto;display:block;margin:0 auto}"
    "#flowchart g.stage-node{cursor:pointer}"
    "#flowchart g.stage-node:hover path,#flowchart g.stage-node:hover polygon{"
    "stroke-width:3.5}"
    "#stage-tooltip{position:fixed;z-index:10;pointer-events:none;max-width:340px;"
    "background:var(--tip);color:var(--text);border:1px solid var(--line);border-radius:6px;"
    "padding:8px 10px;font-size:13px;box-shadow:0 2px 8px rgba(0,0,0,.25)}"
    "#stage-tooltip dl{margin:4px 0 0;display:grid;grid-template-columns:auto auto;gap:0 10px}"
    "#stage-tooltip dt{color:var(--muted)}#stage-tooltip dd{margin:0}"
    ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(540px,1fr));gap:16px}"
    "figure.chart{margin:0;background:var(--panel);border:1px solid var(--line);"
    "border-radius:8px;padding:12px;overflow:auto}"
    "figure.chart p.empty{color:var(--muted)}div.vega{width:100%}"
    "section.stage{border-left:4px solid var(--accent);padding-left:14px;margin:18px 0}"
    "section.stage:target{background:var(--panel)}"
    "ul.checklist{list-style:none;padding-left:4px}ul.checklist li::before{content:'\\2610  '}"
    "footer{color:var(--muted);font-size:13px;border-top:1px solid var(--line);"
    "margin-top:40px;padding:12px 32px}"
    // Printed (salesc report --pdf, or a browser's Print): dark text on white whatever the
    // theme, nothing interactive, and no chart, table or stage split across two pages.
    "@page{size:A4;margin:14mm 12mm}"
    "@media print{:root{color-scheme:light;--bg:#fff;--panel:#fff;--text:#000;--muted:#444;"
    "--line:#bbb;--accent:#1f4f8a}body{font-size:11pt}main{max-width:none;padding:0}"
    "header.page{padding:0 0 8px;background:none}header.page nav,#stage-tooltip,"
    "#flowchart-section>p{display:none}"
    "h2{break-before:page;break-after:avoid}section#headline h2{break-before:auto}"
    "h3{break-after:avoid}#flowchart{border:none;overflow:visible}"
    ".charts{display:block}figure.chart{border:none;padding:0;margin:0 0 14px;overflow:visible;"
    "break-inside:avoid}figure.chart svg{max-width:100%;height:auto}"
    "tr,section.stage,.figure,.figures{break-inside:avoid}footer{padding:8px 0}}";

/// Draws every chart whose spec is in a <script type="application/json" data-chart=ID>,
/// and gives the flowchart's stages their tooltips (figures from #stage-figures) and links.
const char* const Script = R"js(
(function () {
  'use strict';
  var dark = document.documentElement.dataset.theme === 'dark';
  document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (s) {
    var el = document.getElementById(s.dataset.chart);
    var options = { actions: false, renderer: 'svg' };
    if (dark) {
      options.theme = 'dark';
      options.config = { text: { color: '#e6e8eb' } }; // the bars' figures
    }
    vegaEmbed(el, JSON.parse(s.textContent), options)
      .catch(function (err) { el.textContent = 'This chart could not be drawn: ' + err.message; console.error(err); });
  });
  var data = document.getElementById('stage-figures');
  var tip = document.getElementById('stage-tooltip');
  if (!data || !tip) return;
  var figures = JSON.parse(data.textContent);
  function show(f, x, y) {
    tip.replaceChildren();
    var title = document.createElement('strong');
    title.textContent = f.title;
    tip.appendChild(title);
    var dl = document.createElement('dl');
    f.lines.forEach(function (line) {
      var dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = line[0];
      dd.textContent = line[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    tip.appendChild(dl);
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 4)) + 'px';
    tip.style.top = Math.max(4, Math.min(y + 14, window.innerHeight - h - 4)) + 'px';
  }
  document.querySelectorAll('#flowchart g.node').forEach(function (g) {
    var title = g.querySelector('title');
    var f = title && figures[title.textContent];
    if (!f) return;
    title.remove();
    g.classList.add('stage-node');
    g.setAttribute('tabindex', '0');
    g.addEventListener('mousemove', function (e) { show(f, e.clientX, e.clientY); });
    g.addEventListener('mouseleave', function () { tip.hidden = true; });
    g.addEventListener('focus', function () { var r = g.getBoundingClientRect(); show(f, r.right, r.top); });
    g.addEventListener('blur', function () { tip.hidden = true; });
    g.addEventListener('click', function () { location.hash = f.anchor; });
  });
})();
)js";

} // namespace

std::string pageStart(llvm::StringRef title, llvm::StringRef heading, const ReportOptions& o,
                      bool charts, llvm::StringRef home) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\" data-theme=\"";
  out += o.theme == Theme::Dark ? "dark" : "light";
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         // Nothing may be fetched, loaded as a font or image, or framed: the page is whole.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"connect-src 'none'; "
         "font-src 'none'; img-src data:; media-src 'none'; frame-src 'none'; "
         "object-src 'none'; form-action 'none'\">\n<title>";
  out += text(title);
  out += "</title>\n<style>";
  out += themeColours(o.theme);
  out += Style;
  out += "</style>\n";
  if (charts)
    for (const Asset& a : assets())
      if (llvm::StringRef(a.path).endswith(".js"))
        out += "<script src=\"" + a.path.str() + "\"></script>\n";
  out += "</head>\n<body>\n<header class=\"page\">\n";
  if (!home.empty())
    out += "<nav><a href=\"" + text(home) + "\">All processes</a></nav>\n";
  out += "<h1>" + text(heading) + "</h1>\n</header>\n<main>\n";
  return out;
}

std::string pageEnd(const ReportOptions& o, bool charts) {
  std::string out = "</main>\n<footer>Written by " + text(o.generator) +
                    ". Charts drawn with Vega-Lite, Vega and vega-embed (<a href=\"" +
                    std::string(NoticesPath) + "\">licences</a>).</footer>\n";
  if (charts) {
    out += "<div id=\"stage-tooltip\" role=\"tooltip\" hidden></div>\n<script>";
    out += Script;
    out += "</script>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

} // namespace salesc::html
