//===- LastSeen.h - The last text a column held, and what it read as -------===//
//
// A CRM export repeats a deal's amount, currency and pipeline on each of its rows, and a
// log's rows come a thousand to a day: each text in a run of equal ones is read once.
// Internal to the runtime library.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_LASTSEEN_H
#define SALESC_RUNTIME_LASTSEEN_H

#include "Hash.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <utility>

namespace salesc::rt {

/// The last text read and its value `T`.
template <typename T> class LastSeen {
public:
  /// The value of `text`: the one remembered when `text` is the text last read, else
  /// `read(text)` (a std::optional<T>), remembered unless it is nullopt, which is
  /// returned as nullptr (a text that does not read is read again, and fails again, each
  /// time: its error is the row's). The pointer is valid until the next call.
  template <typename Read> const T* get(llvm::StringRef text, Read&& read) {
    if (have_ && sameText(text, text_))
      return &value_;
    std::optional<T> v = std::forward<Read>(read)(text);
    if (!v)
      return nullptr;
    text_.assign(text.data(), text.size());
    value_ = std::move(*v);
    have_ = true;
    return &value_;
  }

  /// Forgets the text and value: what a text reads as has changed.
  void forget() { have_ = false; }

private:
  std::string text_;
  T value_{};
  bool have_ = false;
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_LASTSEEN_H
