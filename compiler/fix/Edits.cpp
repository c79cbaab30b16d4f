//===- Edits.cpp - Fix-its applied to the text of a file ------------------===//
#include "Edits.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <map>

namespace salesc::fix {

namespace {

bool conflict(const Replacement& a, const Replacement& b) {
  return a.begin == b.begin || (a.begin < b.end && b.begin < a.end);
}

/// Whether `e` fits in a text of `size` bytes and its replacements do not overlap.
bool wellFormed(const Edit& e, size_t size) {
  if (e.empty())
    return false;
  for (size_t i = 0; i < e.size(); ++i) {
    if (e[i].begin > e[i].end || e[i].end > size)
      return false;
    for (size_t j = 0; j < i; ++j)
      if (conflict(e[i], e[j]))
        return false;
  }
  return true;
}

/// The replacements chosen so far, which never overlap: begin -> end.
class Taken {
public:
  bool clashes(const Replacement& r) const {
    auto next = taken_.lower_bound(r.begin);
    if (next != taken_.end() && (next->first == r.begin || next->first < r.end))
      return true;
    return next != taken_.begin() && std::prev(next)->second > r.begin;
  }
  void add(const Replacement& r) { taken_[r.begin] = r.end; }

private:
  std::map<size_t, size_t> taken_;
};

size_t firstByte(const Edit& e) {
  size_t first = e.front().begin;
  for (const Replacement& r : e)
    first = std::min(first, r.begin);
  return first;
}

} // namespace

Applied applyEdits(llvm::StringRef text, std::vector<Edit> edits) {
  llvm::erase_if(edits, [&](const Edit& e) { return !wellFormed(e, text.size()); });
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return firstByte(a) < firstByte(b); });
  Applied out;
  Taken taken;
  std::vector<Replacement> chosen;
  for (const Edit& e : edits) {
    if (llvm::any_of(e, [&](const Replacement& r) { return taken.clashes(r); }))
      continue;
    for (const Replacement& r : e)
      taken.add(r);
    chosen.insert(chosen.end(), e.begin(), e.end());
    ++out.edits;
  }
  llvm::sort(chosen, [](const Replacement& a, const Replacement& b) { return a.begin < b.begin; });
  size_t at = 0;
  for (const Replacement& r : chosen) {
    out.text.append(text.data() + at, r.begin - at);
    out.text += r.text;
    at = r.end;
  }
  out.text.append(text.data() + at, text.size() - at);
  return out;
}

} // namespace salesc::fix
