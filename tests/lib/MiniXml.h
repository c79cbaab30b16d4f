//===- MiniXml.h - A strict little XML reader for tests of emitted XML ----===//
#ifndef SALESC_EMIT_MINIXML_H
#define SALESC_EMIT_MINIXML_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace salesc::testing {

/// An element with its attributes and text decoded (entity and character references
/// replaced). `text` is the character data directly inside the element, concatenated.
struct XmlElement {
  std::string name; ///< as written, with its prefix: "bpmn:task"
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlElement> children;
  std::string text;

  /// The value of attribute `name`, or nullopt.
  std::optional<std::string> attr(llvm::StringRef name) const;
  /// Every element of the subtree rooted here, this one first, in document order.
  std::vector<const XmlElement*> all() const;
};

/// Parses `xml` as a well-formed XML 1.0 document: valid UTF-8, one root element,
/// matching tags, quoted and unique attributes, no `<` in attribute values, only the
/// five predefined entities and valid character references, no control characters,
/// no `]]>` in text, and every namespace prefix declared where it is used. Comments,
/// processing instructions, CDATA sections and a DOCTYPE without an internal subset
/// are accepted. On failure returns nullopt and sets `error` to what was wrong and
/// at which byte offset.
std::optional<XmlElement> parseXml(llvm::StringRef xml, std::string& error);

} // namespace salesc::testing

#endif // SALESC_EMIT_MINIXML_H
