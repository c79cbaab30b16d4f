//===- JsonSchema.cpp - A JSON Schema validator for the keywords salesc uses ===//
#include "JsonSchema.h"

#include "llvm/ADT/StringSet.h"

#include <cmath>
#include <regex>

namespace salesc::testing {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

class Validator {
public:
  explicit Validator(const Value& root) : root_(root) {}

  void check(const Value& v, const Value& schema, const std::string& path) {
    const Object* s = schema.getAsObject();
    if (!s) {
      error(path, "schema is not an object");
      return;
    }
    static const llvm::StringSet<> known = {"$schema",
                                            "$id",
                                            "title",
                                            "description",
                                            "$defs",
                                            "type",
                                            "const",
                                            "enum",
                                            "required",
                                            "properties",
                                            "additionalProperties",
                                            "items",
                                            "minimum",
                                            "maximum",
                                            "exclusiveMinimum",
                                            "minLength",
                                            "pattern",
                                            "$ref"};
    for (const auto& kv : *s)
      if (!known.count(kv.first))
        error(path, "the validator does not know the keyword '" + kv.first.str() + "'");
    if (auto ref = s->getString("$ref")) {
      if (!ref->startswith("#/$defs/")) {
        error(path, "unsupported $ref " + ref->str());
        return;
      }
      const Object* defs = root_.getAsObject()->getObject("$defs");
      const Value* target = defs ? defs->get(ref->drop_front(8)) : nullptr;
      if (!target) {
        error(path, "unresolved $ref " + ref->str());
        return;
      }
      check(v, *target, path);
    }
    if (const Value* type = s->get("type"))
      checkType(v, *type, path);
    if (const Value* c = s->get("const"))
      if (!(v == *c))
        error(path, "is not the constant the schema requires");
    if (const Array* e = s->getArray("enum")) {
      bool found = false;
      for (const Value& option : *e)
        found |= option == v;
      if (!found)
        error(path, "is not one of the allowed values");
    }
    if (auto n = v.getAsNumber()) {
      if (auto min = s->getNumber("minimum"); min && *n < *min)
        error(path, "is below the minimum");
      if (auto max = s->getNumber("maximum"); max && *n > *max)
        error(path, "is above the maximum");
      if (auto min = s->getNumber("exclusiveMinimum"); min && *n <= *min)
        error(path, "is not above the exclusive minimum");
    }
    if (auto str = v.getAsString()) {
      if (auto min = s->getInteger("minLength"); min && static_cast<int64_t>(str->size()) < *min)
        error(path, "is shorter than the minimum length");
      if (auto pattern = s->getString("pattern"))
        if (!std::regex_search(str->str(), std::regex(pattern->str())))
          error(path, "does not match the pattern " + pattern->str());
    }
    if (const Object* o = v.getAsObject()) {
      if (const Array* required = s->getArray("required"))
        for (const Value& r : *required)
          if (auto key = r.getAsString(); key && !o->get(*key))
            error(path, "lacks the required member '" + key->str() + "'");
      const Object* props = s->getObject("properties");
      for (const auto& kv : *o) {
        const Value* sub = props ? props->get(kv.first) : nullptr;
        if (sub)
          check(kv.second, *sub, path + "/" + kv.first.str());
        else if (auto extra = s->getBoolean("additionalProperties"); extra && !*extra)
          error(path, "has a member the schema does not allow: '" + kv.first.str() + "'");
      }
    }
    if (const Array* a = v.getAsArray())
      if (const Value* items = s->get("items"))
        for (size_t i = 0; i < a->size(); ++i)
          check((*a)[i], *items, path + "/" + std::to_string(i));
  }

  std::vector<std::string> errors;

private:
  static bool hasType(const Value& v, llvm::StringRef t) {
    if (t == "null")
      return v.kind() == Value::Null;
    if (t == "boolean")
      return v.kind() == Value::Boolean;
    if (t == "number")
      return v.kind() == Value::Number;
    if (t == "integer") {
      auto n = v.getAsNumber();
      return n && std::floor(*n) == *n;
    }
    if (t == "string")
      return v.kind() == Value::String;
    if (t == "array")
      return v.kind() == Value::Array;
    if (t == "object")
      return v.kind() == Value::Object;
    return false;
  }

  void checkType(const Value& v, const Value& type, const std::string& path) {
    if (auto t = type.getAsString()) {
      if (!hasType(v, *t))
        error(path, "is not of type " + t->str());
      return;
    }
    if (const Array* ts = type.getAsArray()) {
      for (const Value& t : *ts)
        if (auto name = t.getAsString(); name && hasType(v, *name))
          return;
      error(path, "is not of any of the allowed types");
    }
  }

  void error(const std::string& path, const std::string& what) {
    errors.push_back((path.empty() ? "/" : path) + ": " + what);
  }

  const Value& root_;
};

} // namespace

std::vector<std::string> validate(const Value& doc, const Value& schema) {
  Validator v(schema);
  v.check(doc, schema, "");
  return std::move(v.errors);
}

} // namespace salesc::testing
