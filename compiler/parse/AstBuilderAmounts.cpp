//===- AstBuilderAmounts.cpp - Numbers, shares, times and money in the tree ===//
//
// The part of AstBuilder that reads numbers and what is made of them. The grammar
// accepts the ways documents write them (WRITTEN_NUMBER, a dash for `to`, a currency
// sign, a scale word, a share without '%', a time or an amount without its unit), so
// that each such mistake is one error here, saying what to write, with a fix-it.
//
//===----------------------------------------------------------------------===//
#include "AstBuilder.h"
#include "WrittenNumbers.h"

#include "llvm/ADT/StringExtras.h"

#include <cmath>

namespace salesc::parse {

using diag::Applicability;
using diag::DiagKind;

namespace {

Applicability applicability(bool certain) {
  return certain ? Applicability::Safe : Applicability::Unsafe;
}

/// `text` with each run of spaces and line breaks made one space.
std::string oneLine(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef, 8> words;
  text.split(words, ' ', -1, false);
  std::string out;
  for (llvm::StringRef w : words)
    for (llvm::StringRef part : llvm::split(w, '\n'))
      if (!part.trim().empty())
        out += (out.empty() ? "" : " ") + part.trim().str();
  return out;
}

const char* scaleName(unsigned exponent) {
  return exponent == 3 ? "thousands" : exponent == 6 ? "millions" : "billions";
}

} // namespace

llvm::SMRange AstBuilder::span(antlr4::Token* first, antlr4::Token* last) const {
  return {range(first).Start, range(last).End};
}

std::optional<std::pair<WrittenNumber, ast::Number>> AstBuilder::readNumber(antlr4::Token* token) {
  if (!present(token))
    return std::nullopt;
  WrittenNumber w = readWrittenNumber(slice(token));
  if (!std::isfinite(w.value) || w.value > 1e18) {
    ++errors_;
    diags_.report(DiagKind::InvalidNumber, range(token),
                  "this number is too large for salesc to work with");
    return std::nullopt;
  }
  ast::Number n{w.value, range(token)};
  return std::make_pair(std::move(w), n);
}

std::optional<ast::Number> AstBuilder::number(antlr4::Token* token) {
  auto read = readNumber(token);
  if (!read)
    return std::nullopt;
  const WrittenNumber& w = read->first;
  if (!w.why.empty()) {
    ++errors_;
    diags_
        .report(DiagKind::NumberFormat, range(token),
                "write this number as " + w.canonical + ": " + w.why)
        .fix(range(token), w.canonical, "write " + w.canonical, applicability(w.certain));
  }
  return read->second;
}

std::optional<ast::Number> AstBuilder::count(antlr4::Token* token, antlr4::Token* scale) {
  if (!present(scale))
    return number(token);
  auto read = readNumber(token);
  if (!read)
    return std::nullopt;
  llvm::StringRef word = slice(scale);
  ++errors_;
  auto exponent = scaleWord(word);
  if (!exponent) {
    diags_.report(DiagKind::SyntaxError, range(scale),
                  "expected ';' after the number, found '" + word.str() + "'");
    return std::nullopt;
  }
  std::string full = scaleNumber(read->first.canonical, *exponent);
  diags_
      .report(DiagKind::NumberFormat, span(token, scale),
              "write this number as " + full + ": salesc does not read '" + word.str() + "' for " +
                  scaleName(*exponent) + "; write the number in full")
      .fix(span(token, scale), full, "write " + full, applicability(read->first.certain));
  return std::nullopt;
}

std::optional<ast::Duration> AstBuilder::duration(P::DurationContext* ctx, const char* line) {
  if (!ctx || ctx->exception)
    return std::nullopt;
  auto amount = number(ctx->amount);
  if (!amount)
    return std::nullopt;
  if (!ctx->unit) {
    // `stalled after 21;` as `time 3;`: said with the line as it should read.
    std::string example =
        oneLine(llvm::StringRef(line, amount->range.End.getPointer() - line)) + " days";
    ++errors_;
    diags_.report(DiagKind::UnknownUnit, amount->range,
                  "this time has no unit; write hours, days, weeks or months after the "
                  "number, as in '" +
                      example + "'");
    return std::nullopt;
  }
  auto unit = ident(ctx->unit);
  if (!unit)
    return std::nullopt;
  return ast::Duration{*amount, *unit, range(ctx)};
}

std::optional<ast::Percent> AstBuilder::percent(P::PercentContext* ctx) {
  if (!ctx || ctx->exception)
    return std::nullopt;
  if (present(ctx->pct)) {
    auto amount = number(ctx->amount);
    if (!amount)
      return std::nullopt;
    return ast::Percent{*amount, range(ctx)};
  }
  auto read = readNumber(ctx->amount);
  if (!read)
    return std::nullopt;
  const WrittenNumber& w = read->first;
  const double value = read->second.value;
  ++errors_;
  if (present(ctx->word)) {
    llvm::StringRef word = slice(ctx->word);
    const std::string lower = word.lower();
    if (lower != "percent" && lower != "percents" && lower != "pct") {
      diags_.report(DiagKind::SyntaxError, range(ctx->word),
                    "expected '%' after the share, found '" + word.str() + "'");
      return std::nullopt;
    }
    std::string written = w.canonical + "%";
    diags_
        .report(DiagKind::NumberFormat, range(ctx),
                "write this share as " + written + ": salesc writes '%' for '" + word.str() + "'" +
                    (w.why.empty() ? "" : " and " + w.why))
        .fix(range(ctx), written, "write " + written, applicability(w.certain));
    return std::nullopt;
  }
  // A share without '%': a fraction (0.55) is a share of 1, a whole number a percentage.
  const bool fraction = value > 0 && value < 1;
  std::string written = (fraction ? scaleNumber(w.canonical, 2) : w.canonical) + "%";
  std::string why = fraction ? "salesc writes shares as percentages with '%', not as fractions"
                             : "salesc writes shares with '%'";
  const bool wholePercent = !fraction && value >= 1 && value <= 100 && value == std::floor(value);
  diags_
      .report(DiagKind::NumberFormat, range(ctx->amount),
              "write this share as " + written + ": " + why +
                  (w.why.empty() ? "" : " and " + w.why))
      .fix(range(ctx->amount), written, "write " + written,
           applicability(w.certain && wholePercent));
  return std::nullopt;
}

std::optional<ast::TimeSpec> AstBuilder::timeSpec(P::TimeSpecContext* ctx, llvm::SMRange line) {
  if (!ctx || ctx->exception)
    return std::nullopt;
  ast::TimeSpec spec;
  auto low = number(ctx->low);
  if (!low)
    return std::nullopt;
  spec.low = *low;
  spec.lowUnit = ident(ctx->lowUnit);
  const char* start = line.Start.getPointer();
  if (ctx->high) {
    spec.high = duration(ctx->high, start);
    if (!spec.high)
      return std::nullopt;
  }
  if (ctx->typical) {
    spec.typical = duration(ctx->typical, start);
    if (!spec.typical)
      return std::nullopt;
  }
  if (present(ctx->dash) && spec.high) {
    // `1-2 months` or `1–2 months` (an en dash, as word processors write it).
    // The fix-it rewrites from the low end to the high end's number: `1-2` is `1 to 2`.
    llvm::SMRange dash = range(ctx->dash);
    const char* from = spec.low.range.Start.getPointer();
    const char* to = spec.high->amount.range.End.getPointer();
    std::string fixed = oneLine(llvm::StringRef(from, dash.Start.getPointer() - from)) + " to " +
                        oneLine(llvm::StringRef(dash.End.getPointer(), to - dash.End.getPointer()));
    std::string unit = " " + spec.high->unit.text.str();
    ++errors_;
    llvm::SMRange both{spec.low.range.Start, spec.high->amount.range.End};
    diags_
        .report(DiagKind::NumberFormat, both,
                "write this range as '" + fixed + unit +
                    "': salesc writes 'to' between two times, not a dash")
        .fix(both, fixed, "write 'to'", Applicability::Safe);
    return std::nullopt;
  }
  if (!spec.lowUnit && !spec.high) {
    ++errors_;
    diags_.report(DiagKind::UnknownUnit, spec.low.range,
                  "this time has no unit; write hours, days, weeks or months after the "
                  "number, as in 'time 3 days'");
    return std::nullopt;
  }
  spec.range = line;
  return spec;
}

std::optional<ast::Money> AstBuilder::money(P::MoneyContext* ctx, llvm::StringRef keyword) {
  if (!ctx || ctx->exception)
    return std::nullopt;
  auto read = readNumber(ctx->amount);
  if (!read)
    return std::nullopt;
  const WrittenNumber& w = read->first;
  // The words after the number: a scale (`M`, `k`), then the currency.
  size_t next = 0;
  std::optional<unsigned> scale;
  antlr4::Token* numberEnd = ctx->amount;
  std::vector<antlr4::Token*> words;
  for (antlr4::Token* t : ctx->words)
    if (present(t))
      words.push_back(t);
  if (!words.empty() && (scale = scaleWord(slice(words[0])))) {
    numberEnd = words[0];
    next = 1;
  }
  std::optional<ast::Ident> currency;
  if (next < words.size()) {
    currency = ast::Ident{slice(words[next]), range(words[next])};
    ++next;
  }
  if (next < words.size() || (currency && scaleWord(currency->text))) {
    // `48 EUR USD`, or `5 k M EUR` (of which the grammar reads two words).
    antlr4::Token* extra = next < words.size() ? words[next] : words[next - 1];
    ++errors_;
    diags_.report(DiagKind::SyntaxError, range(extra),
                  std::string(next < words.size() ? "expected ';' after the currency"
                                                  : "expected the currency after the amount") +
                      ", found '" + slice(extra).str() + "'");
    return std::nullopt;
  }
  antlr4::Token* signToken = present(ctx->before) ? ctx->before : ctx->after;
  if (!present(signToken))
    signToken = nullptr;
  std::optional<CurrencySign> sign;
  if (signToken)
    sign = currencySign(slice(signToken));
  const std::string others = sign ? sign->others.str() : "";
  if (w.why.empty() && !scale && !sign && currency)
    return ast::Money{read->second, *currency};

  // One error for the amount, whose fix-it writes it as salesc reads amounts.
  std::string number = scale ? scaleNumber(w.canonical, *scale) : w.canonical;
  std::string code = currency ? currency->text.str() : sign ? sign->code.str() : "";
  std::vector<std::string> why;
  if (!w.why.empty())
    why.push_back(w.why);
  if (scale)
    why.push_back("salesc does not read '" + slice(numberEnd).str() + "' for " + scaleName(*scale) +
                  "; write the number in full");
  if (sign) {
    std::string s = slice(signToken).str();
    if (currency)
      why.push_back("the currency is written once, as its ISO code; remove '" + s + "'");
    else if (others.empty())
      why.push_back("a currency is written as its ISO code after the amount");
    else
      why.push_back("a currency is written as its ISO code after the amount ('" + s +
                    "' also stands for " + others + ")");
  }
  const bool certain = w.certain && (currency || others.empty());
  ++errors_;
  if (code.empty()) {
    std::string example = "'" + keyword.str() + " " + number + " EUR'";
    auto b = diags_.report(
        DiagKind::InvalidCurrency, range(ctx),
        why.empty()
            ? "this amount has no currency; write its ISO code after the number, as in " + example
            : "write this amount as " + number + " followed by its currency's ISO code, as in " +
                  example + ": " + llvm::join(why, "; "));
    if (!why.empty())
      b.fix(span(ctx->amount, numberEnd), number, "write " + number, applicability(certain));
    return std::nullopt;
  }
  std::string written = number + " " + code;
  diags_
      .report(sign ? DiagKind::InvalidCurrency : DiagKind::NumberFormat, range(ctx),
              "write this amount as '" + written + "': " + llvm::join(why, "; "))
      .fix(range(ctx), written, "write " + written, applicability(certain));
  return std::nullopt;
}

} // namespace salesc::parse
