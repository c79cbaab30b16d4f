//===- MiniXml.cpp - A strict little XML reader for tests of emitted XML --===//
#include "MiniXml.h"

#include "llvm/Support/ConvertUTF.h"

#include <fmt/format.h>

#include <cctype>
#include <map>

namespace salesc::testing {

std::optional<std::string> XmlElement::attr(llvm::StringRef name) const {
  for (const auto& [k, v] : attributes)
    if (k == name)
      return v;
  return std::nullopt;
}

std::vector<const XmlElement*> XmlElement::all() const {
  std::vector<const XmlElement*> out{this};
  for (const XmlElement& c : children) {
    std::vector<const XmlElement*> sub = c.all();
    out.insert(out.end(), sub.begin(), sub.end());
  }
  return out;
}

namespace {

bool nameStart(unsigned char c) {
  return std::isalpha(c) || c == '_' || c == ':' || c >= 0x80;
}
bool nameChar(unsigned char c) {
  return nameStart(c) || std::isdigit(c) || c == '-' || c == '.';
}

/// Appends code point `cp` as UTF-8.
void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// The XML 1.0 Char production.
bool xmlChar(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

class Reader {
public:
  explicit Reader(llvm::StringRef s) : s_(s) {}

  std::optional<XmlElement> document() {
    const auto* begin = reinterpret_cast<const llvm::UTF8*>(s_.data());
    if (!llvm::isLegalUTF8String(&begin, begin + s_.size()))
      return fail("the document is not valid UTF-8");
    if (s_.startswith("<?xml") && !pi())
      return std::nullopt;
    if (!misc(true))
      return std::nullopt;
    if (!peek("<"))
      return fail("expected the root element");
    std::optional<XmlElement> root = element({});
    if (!root || !misc(false))
      return std::nullopt;
    if (pos_ != s_.size())
      return fail("unexpected content after the root element");
    return root;
  }

  std::string error;

private:
  using Scope = std::map<std::string, std::string>; ///< prefix -> namespace

  std::nullopt_t fail(const std::string& what) {
    if (error.empty())
      error = fmt::format("at byte {}: {}", pos_, what);
    return std::nullopt;
  }
  bool failed(const std::string& what) {
    fail(what);
    return false;
  }
  bool peek(llvm::StringRef t) const { return s_.substr(pos_).startswith(t); }
  bool eat(llvm::StringRef t) {
    if (!peek(t))
      return false;
    pos_ += t.size();
    return true;
  }
  void spaces() {
    while (pos_ < s_.size() && llvm::StringRef(" \t\r\n").contains(s_[pos_]))
      ++pos_;
  }
  /// Skips to just after `end`, failing when it never comes.
  bool until(llvm::StringRef end, llvm::StringRef what) {
    size_t at = s_.find(end, pos_);
    if (at == llvm::StringRef::npos) {
      return failed("unterminated " + what.str());
    }
    pos_ = at + end.size();
    return true;
  }
  bool pi() { return until("?>", "processing instruction"); }
  bool comment() {
    size_t at = s_.find("--", pos_ + 4);
    if (at == llvm::StringRef::npos || !s_.substr(at).startswith("-->"))
      return failed("a comment holds '--' or is unterminated");
    pos_ = at + 3;
    return true;
  }
  /// Whitespace, comments and processing instructions around the root.
  bool misc(bool prolog) {
    for (;;) {
      spaces();
      if (peek("<!--")) {
        if (!comment())
          return false;
      } else if (peek("<?")) {
        if (!pi())
          return false;
      } else if (prolog && peek("<!DOCTYPE")) {
        size_t end = s_.find('>', pos_);
        if (end == llvm::StringRef::npos || s_.substr(pos_, end - pos_).contains('['))
          return failed("a DOCTYPE with an internal subset is not supported");
        pos_ = end + 1;
      } else {
        return true;
      }
    }
  }
  std::optional<std::string> name() {
    size_t start = pos_;
    if (pos_ >= s_.size() || !nameStart(s_[pos_]))
      return fail("expected a name");
    while (pos_ < s_.size() && nameChar(s_[pos_]))
      ++pos_;
    return s_.substr(start, pos_ - start).str();
  }
  /// Decodes character data up to (not including) the first of `stops`.
  std::optional<std::string> chars(llvm::StringRef stops) {
    std::string out;
    while (pos_ < s_.size() && !stops.contains(s_[pos_])) {
      unsigned char c = s_[pos_];
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        return fail(fmt::format("control character {:#04x}", c));
      if (peek("]]>"))
        return fail("']]>' in text");
      if (c != '&') {
        out += static_cast<char>(c);
        ++pos_;
        continue;
      }
      size_t semi = s_.find(';', pos_);
      if (semi == llvm::StringRef::npos)
        return fail("unterminated reference");
      llvm::StringRef ref = s_.substr(pos_ + 1, semi - pos_ - 1);
      static const std::map<llvm::StringRef, char> named = {
          {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
      if (auto it = named.find(ref); it != named.end()) {
        out += it->second;
      } else if (ref.consume_front("#")) {
        unsigned radix = ref.consume_front("x") ? 16 : 10;
        uint32_t cp = 0;
        if (ref.empty() || ref.getAsInteger(radix, cp) || !xmlChar(cp))
          return fail("invalid character reference");
        appendUtf8(out, cp);
      } else {
        return fail("unknown entity '&" + ref.str() + ";'");
      }
      pos_ = semi + 1;
    }
    return out;
  }
  /// The prefix of a qualified name must be declared in `scope`.
  bool declared(const std::string& qname, const Scope& scope, bool isAttribute) {
    size_t colon = qname.find(':');
    if (colon == std::string::npos)
      return true;
    std::string prefix = qname.substr(0, colon);
    if (prefix == "xml" || (isAttribute && prefix == "xmlns"))
      return true;
    if (!scope.count(prefix))
      return failed("undeclared namespace prefix '" + prefix + "' in '" + qname + "'");
    return true;
  }

  std::optional<XmlElement> element(Scope scope) {
    XmlElement e;
    eat("<");
    std::optional<std::string> n = name();
    if (!n)
      return std::nullopt;
    e.name = *n;
    bool empty = false;
    for (;;) {
      size_t before = pos_;
      spaces();
      if (eat("/>")) {
        empty = true;
        break;
      }
      if (eat(">"))
        break;
      if (pos_ == before)
        return fail("expected whitespace before an attribute");
      std::optional<std::string> key = name();
      if (!key)
        return std::nullopt;
      spaces();
      if (!eat("="))
        return fail("expected '=' after attribute '" + *key + "'");
      spaces();
      char quote = pos_ < s_.size() ? s_[pos_] : 0;
      if (quote != '"' && quote != '\'')
        return fail("expected a quoted value for attribute '" + *key + "'");
      ++pos_;
      std::optional<std::string> value = chars(quote == '"' ? "\"<" : "'<");
      if (!value)
        return std::nullopt;
      if (!eat(llvm::StringRef(&quote, 1)))
        return fail("'<' in the value of attribute '" + *key + "'");
      if (e.attr(*key))
        return fail("attribute '" + *key + "' appears twice");
      if (llvm::StringRef(*key).startswith("xmlns:"))
        scope[key->substr(6)] = *value;
      e.attributes.emplace_back(*key, *value);
    }
    if (!declared(e.name, scope, false))
      return std::nullopt;
    for (const auto& a : e.attributes)
      if (!declared(a.first, scope, true))
        return std::nullopt;
    if (empty)
      return e;
    for (;;) {
      std::optional<std::string> t = chars("<");
      if (!t)
        return std::nullopt;
      e.text += *t;
      if (pos_ >= s_.size())
        return fail("element '" + e.name + "' is not closed");
      if (eat("</")) {
        std::optional<std::string> end = name();
        if (!end)
          return std::nullopt;
        if (*end != e.name)
          return fail("'</" + *end + ">' closes '<" + e.name + ">'");
        spaces();
        if (!eat(">"))
          return fail("expected '>'");
        return e;
      }
      if (peek("<!--")) {
        if (!comment())
          return std::nullopt;
      } else if (peek("<![CDATA[")) {
        size_t start = pos_ + 9;
        if (!until("]]>", "CDATA section"))
          return std::nullopt;
        e.text += s_.substr(start, pos_ - 3 - start).str();
      } else if (peek("<?")) {
        if (!pi())
          return std::nullopt;
      } else {
        std::optional<XmlElement> child = element(scope);
        if (!child)
          return std::nullopt;
        e.children.push_back(std::move(*child));
      }
    }
  }

  llvm::StringRef s_;
  size_t pos_ = 0;
};

} // namespace

std::optional<XmlElement> parseXml(llvm::StringRef xml, std::string& error) {
  Reader r(xml);
  std::optional<XmlElement> root = r.document();
  error = r.error;
  return root;
}

} // namespace salesc::testing
