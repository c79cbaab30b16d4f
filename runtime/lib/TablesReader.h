//===- TablesReader.h - The reader of tables.json, shared by its source files ===//
//
// Private to runtime/lib: Tables.cpp reads the processes, TablesMoney.cpp their segments
// and the campaigns (version 2).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_TABLESREADER_H
#define SALESC_RUNTIME_TABLESREADER_H

#include "salesc/runtime/Printable.h"
#include "salesc/runtime/Tables.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt::tables {

namespace json = llvm::json;

inline const char* typeName(const json::Value& v) {
  switch (v.kind()) {
  case json::Value::Null:
    return "null";
  case json::Value::Boolean:
    return "a boolean";
  case json::Value::Number:
    return "a number";
  case json::Value::String:
    return "a string";
  case json::Value::Array:
    return "an array";
  case json::Value::Object:
    return "an object";
  }
  return "a value";
}

/// Reads the parsed document; stops at the first problem and keeps its message.
/// Every reader returns false after recording the problem.
class Reader {
public:
  explicit Reader(llvm::StringRef file) : file(file) {}

  bool document(const json::Value& root, TablesDocument& out);
  std::string takeError() { return std::move(error); }

private:
  bool fail(const std::string& message) {
    error = fmt::format("{}: {}{}", shownPath(file), where.empty() ? "" : where + ": ", message);
    return false;
  }
  bool wrongType(llvm::StringRef key, const json::Value& v, const char* expected) {
    return fail(fmt::format("field '{}' is {}; expected {}", key.str(), typeName(v), expected));
  }

  /// The field `key`: nullptr when absent (after recording an error if `required`).
  const json::Value* field(const json::Object& o, llvm::StringRef key, bool required) {
    const json::Value* v = o.get(key);
    if (!v && required)
      fail(fmt::format("missing field '{}'", key.str()));
    return v;
  }

  bool string(const json::Object& o, llvm::StringRef key, std::string& out, bool required) {
    const json::Value* v = field(o, key, required);
    if (!v)
      return !required;
    if (v->kind() == json::Value::Null && !required)
      return true;
    auto s = v->getAsString();
    if (!s)
      return wrongType(key, *v, required ? "a string" : "a string or null");
    if (!printable(key, *s))
      return false;
    out = s->str();
    return true;
  }

  /// Refuses text with a control character (Printable.h), which no report, picture or
  /// terminal should be given; `check` refuses them in a .sales file the same way.
  bool printable(llvm::StringRef key, llvm::StringRef text) {
    for (size_t i = 0; i < text.size(); ++i)
      if (controlCharacterLength(text.drop_front(i)))
        return fail(
            fmt::format("field '{}' holds a control character: {}", key.str(), quote(text)));
    return true;
  }

  bool number(const json::Object& o, llvm::StringRef key, std::optional<double>& out,
              bool required) {
    const json::Value* v = field(o, key, required);
    if (!v)
      return !required;
    if (v->kind() == json::Value::Null && !required)
      return true;
    auto d = v->getAsNumber();
    if (!d)
      return wrongType(key, *v, required ? "a number" : "a number or null");
    if (!std::isfinite(*d))
      return fail(fmt::format("field '{}' is not a finite number", key.str()));
    out = *d;
    return true;
  }

  /// A required or nullable non-negative whole number.
  bool index(const json::Object& o, llvm::StringRef key, std::optional<uint32_t>& out,
             bool required) {
    std::optional<double> d;
    if (!number(o, key, d, required))
      return false;
    if (!d)
      return true;
    if (*d < 0 || *d != std::floor(*d) || *d > 4294967295.0)
      return fail(
          fmt::format("field '{}' is {}; expected a whole number, 0 or more", key.str(), *d));
    out = static_cast<uint32_t>(*d);
    return true;
  }

  bool boolean(const json::Object& o, llvm::StringRef key, bool& out) {
    const json::Value* v = field(o, key, false);
    if (!v)
      return true;
    auto b = v->getAsBoolean();
    if (!b)
      return wrongType(key, *v, "true or false");
    out = *b;
    return true;
  }

  /// A required array, or an optional one (absent or null reads as empty).
  bool array(const json::Object& o, llvm::StringRef key, const json::Array*& out, bool required) {
    static const json::Array Empty;
    out = &Empty;
    const json::Value* v = field(o, key, required);
    if (!v)
      return !required;
    if (v->kind() == json::Value::Null && !required)
      return true;
    out = v->getAsArray();
    if (!out)
      return wrongType(key, *v, "an array");
    return true;
  }

  const json::Object* object(const json::Value& v, const std::string& what) {
    const json::Object* o = v.getAsObject();
    if (!o)
      fail(fmt::format("{} is {}; expected an object", what, typeName(v)));
    return o;
  }

  bool strings(const json::Object& o, llvm::StringRef key, std::vector<std::string>& out) {
    const json::Array* a;
    if (!array(o, key, a, false))
      return false;
    for (const json::Value& v : *a) {
      auto s = v.getAsString();
      if (!s)
        return fail(
            fmt::format("an entry of '{}' is {}; expected a string", key.str(), typeName(v)));
      if (!printable(key, *s))
        return false;
      out.push_back(s->str());
    }
    return true;
  }

  /// Items; with `teaches` (materials and tactics, from version 2) what each teaches.
  bool items(const json::Object& o, llvm::StringRef key, std::vector<Item>& out,
             bool teaches = false) {
    return objects(o, key, [&](const json::Object& io, size_t) {
      Item item;
      if (!string(io, "name", item.name, true) ||
          !string(io, "description", item.description, false) ||
          (teaches && !strings(io, "teaches", item.teaches)))
        return false;
      out.push_back(std::move(item));
      return true;
    });
  }

  bool process(const json::Object& o, Process& p);
  bool segments(const json::Object& o, Process& p);
  bool campaigns(const json::Object& o, TablesDocument& doc);
  bool brand(const json::Object& o, Brand& b);
  bool people(const json::Object& o, Process& p);
  bool state(const json::Object& o, State& s);
  bool stagePeople(const json::Object& o, State& s);
  bool holding(const json::Object& o, Holding& h);
  bool transitions(const json::Array& a, Process& p);

  /// The entries of the array `key` of `o` (absent or null: none), each an object read
  /// by `read(entry, index)`.
  template <typename Read> bool objects(const json::Object& o, llvm::StringRef key, Read read) {
    const json::Array* a;
    if (!array(o, key, a, false))
      return false;
    for (size_t i = 0; i < a->size(); ++i) {
      const json::Object* entry = object((*a)[i], fmt::format("entry {} of '{}'", i, key.str()));
      if (!entry || !read(*entry, i))
        return false;
    }
    return true;
  }

  /// The array `key` of `o` of things with a name, unique, and a description (roles,
  /// teams), each a `noun` in messages; `rest(entry, thing)` reads what else it holds.
  template <typename T, typename Rest>
  bool named(const json::Object& o, llvm::StringRef key, llvm::StringRef noun, std::vector<T>& out,
             Rest rest) {
    const std::string outer = where;
    llvm::StringSet<> names;
    if (!objects(o, key, [&](const json::Object& entry, size_t i) {
          where = fmt::format("{}, {} {}", outer, noun.str(), i);
          T thing;
          if (!string(entry, "name", thing.name, true) ||
              !string(entry, "description", thing.description, false) || !rest(entry, thing))
            return false;
          if (!names.insert(thing.name).second)
            return fail(fmt::format("two {}s are named '{}'", noun.str(), thing.name));
          out.push_back(std::move(thing));
          return true;
        }))
      return false;
    where = outer;
    return true;
  }

  llvm::StringRef file;
  int version_ = TablesVersion;
  std::string where; ///< "process 'x', state 2 ('demo')": the context of messages
  std::string error;
};

} // namespace salesc::rt::tables

#endif // SALESC_RUNTIME_TABLESREADER_H
