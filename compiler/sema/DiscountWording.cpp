//===- DiscountWording.cpp - Does a tactic's wording speak of a price cut? ===//
#include "DiscountWording.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <cctype>
#include <vector>

namespace salesc::sema {
namespace {

/// Words that speak of a price cut wherever they stand (a trailing 's' allowed).
constexpr llvm::StringLiteral Words[] = {"discount", "discounted", "discounting",
                                         "rebate",   "coupon",     "voucher",
                                         "cashback", "credit",     "promo"};
/// A credit that is not money off: "credit check", "credit card" and the like.
constexpr llvm::StringLiteral NotMoneyAfterCredit[] = {
    "check", "card", "rating", "score", "history", "limit", "terms", "application", "risk"};
/// Runs of words that do.
const std::vector<std::vector<llvm::StringRef>> Phrases = {{"price", "cut"},
                                                           {"cut", "price"},
                                                           {"price", "drop"},
                                                           {"reduced", "price"},
                                                           {"money", "off"},
                                                           {"percent", "off"},
                                                           {"%", "off"},
                                                           {"free", "month"},
                                                           {"months", "free"},
                                                           {"month", "free"},
                                                           {"limited", "time", "offer"},
                                                           {"limited", "time", "only"},
                                                           {"offer", "ends"},
                                                           {"cash", "back"},
                                                           {"special", "offer"},
                                                           {"introductory", "price"}};

/// Lower-case words of `text`: letters and digits, with '%' a word of its own.
std::vector<std::string> wordsOf(llvm::StringRef text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty())
      out.push_back(std::move(word));
    word.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
      if (c == '%')
        out.push_back("%");
    }
  }
  flush();
  return out;
}

/// `word` is `stem` or its plural.
bool isWord(llvm::StringRef word, llvm::StringRef stem) {
  return word == stem ||
         (word.size() == stem.size() + 1 && word.startswith(stem) && word.back() == 's');
}

} // namespace

std::optional<std::string> discountWording(llvm::StringRef text) {
  std::vector<std::string> w = wordsOf(text);
  for (size_t i = 0; i < w.size(); ++i) {
    for (llvm::StringRef stem : Words) {
      if (!isWord(w[i], stem))
        continue;
      if (stem == "credit" && i + 1 < w.size() &&
          llvm::any_of(NotMoneyAfterCredit, [&](llvm::StringRef n) { return isWord(w[i + 1], n); }))
        continue;
      return w[i];
    }
    for (const std::vector<llvm::StringRef>& phrase : Phrases) {
      if (i + phrase.size() > w.size())
        continue;
      bool match = true;
      for (size_t k = 0; k < phrase.size() && match; ++k)
        match = isWord(w[i + k], phrase[k]);
      if (match && phrase[0] == "%") // "20% off"
        return (i > 0 ? w[i - 1] : std::string()) + "% off";
      if (match)
        return llvm::join(w.begin() + i, w.begin() + i + phrase.size(), " ");
    }
  }
  return std::nullopt;
}

} // namespace salesc::sema
