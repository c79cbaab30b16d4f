//===- PerProcess.h - Reports made of one section per process -------------===//
#ifndef SALESC_REPORT_PERPROCESS_H
#define SALESC_REPORT_PERPROCESS_H

#include "Json.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace salesc::report {

/// The text of `each(os, item)` for every item, a blank line between two.
template <typename T, typename Each>
std::string perProcessText(llvm::ArrayRef<T> items, Each each) {
  std::string out;
  llvm::raw_string_ostream os(out);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i)
      os << '\n';
    each(os, items[i]);
  }
  return os.str();
}

/// {"version": 1, "processes": [each(j, item)...]}.
template <typename T, typename Each>
std::string perProcessJson(llvm::ArrayRef<T> items, Each each) {
  return jsonDocument([&](llvm::json::OStream& j) {
    j.object([&] {
      j.attribute("version", 1);
      j.attributeArray("processes", [&] {
        for (const T& item : items)
          each(j, item);
      });
    });
  });
}

} // namespace salesc::report

#endif // SALESC_REPORT_PERPROCESS_H
