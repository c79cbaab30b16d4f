//===- UnifiedDiff.cpp - The unified diff of two versions of a file -------===//
#include "UnifiedDiff.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace salesc::fix {

namespace {

/// Past this many differing lines, the middle of the files is one change (the search
/// costs time in proportion to the files' length times this).
constexpr int MaxEditDistance = 2000;

/// The lines of `text`, each with its newline (the last one may have none).
std::vector<llvm::StringRef> lines(llvm::StringRef text) {
  std::vector<llvm::StringRef> out;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == llvm::StringRef::npos ? text.size() : end + 1;
    out.push_back(text.take_front(end));
    text = text.drop_front(end);
  }
  return out;
}

enum class Op : char { Equal = ' ', Delete = '-', Insert = '+' };

/// The shortest edit script from `a` to `b` (lines as numbers), or an empty optional when
/// it takes more than MaxEditDistance edits. Myers, "An O(ND) difference algorithm and
/// its variations" (1986), the greedy forward search, keeping each round's furthest
/// points to walk back.
std::optional<std::vector<Op>> shortestScript(const std::vector<unsigned>& a,
                                              const std::vector<unsigned>& b) {
  const int n = a.size(), m = b.size();
  const int max = std::min(n + m, MaxEditDistance);
  std::vector<int> v(2 * max + 3, 0); // v[k + offset]: furthest x on diagonal k
  const int offset = max + 1;
  std::vector<std::vector<int>> rounds; // v for k in [-d, d] after round d
  int found = -1;
  for (int d = 0; d <= max && found < 0; ++d) {
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                  ? v[offset + k + 1]
                  : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y])
        ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m)
        found = d;
    }
    rounds.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
  }
  if (found < 0)
    return std::nullopt;
  std::vector<Op> script;
  int x = n, y = m;
  for (int d = found; d > 0; --d) {
    const std::vector<int>& prev = rounds[d - 1]; // k in [-(d-1), d-1]
    auto at = [&](int k) { return prev[k + d - 1]; };
    int k = x - y;
    int prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    int prevX = at(prevK), prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      script.push_back(Op::Equal);
      --x, --y;
    }
    script.push_back(prevK == k + 1 ? Op::Insert : Op::Delete);
    x = prevX, y = prevY;
  }
  for (; x > 0; --x)
    script.push_back(Op::Equal);
  std::reverse(script.begin(), script.end());
  return script;
}

/// The edit script of the whole files: the common first and last lines, and the
/// shortest script (or, past the budget, every line deleted then inserted) between.
std::vector<Op> editScript(const std::vector<llvm::StringRef>& a,
                           const std::vector<llvm::StringRef>& b) {
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head])
    ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  llvm::StringMap<unsigned> ids;
  auto numbered = [&](const std::vector<llvm::StringRef>& ls, size_t count) {
    std::vector<unsigned> out;
    for (size_t i = head; i < head + count; ++i)
      out.push_back(ids.try_emplace(ls[i], ids.size()).first->second);
    return out;
  };
  std::vector<unsigned> midA = numbered(a, a.size() - head - tail);
  std::vector<unsigned> midB = numbered(b, b.size() - head - tail);
  std::vector<Op> script(head, Op::Equal);
  if (auto mid = shortestScript(midA, midB)) {
    script.insert(script.end(), mid->begin(), mid->end());
  } else {
    script.insert(script.end(), midA.size(), Op::Delete);
    script.insert(script.end(), midB.size(), Op::Insert);
  }
  script.insert(script.end(), tail, Op::Equal);
  return script;
}

/// `-L,N` as diff writes it: `-L` for one line, and for none the line before.
std::string range(char sign, size_t before, size_t count) {
  std::string out(1, sign);
  out += std::to_string(count ? before + 1 : before);
  if (count != 1)
    out += "," + std::to_string(count);
  return out;
}

} // namespace

std::vector<size_t> addedLines(llvm::StringRef before, llvm::StringRef after) {
  std::vector<size_t> out;
  size_t line = 0;
  for (Op op : editScript(lines(before), lines(after))) {
    if (op != Op::Delete)
      ++line;
    if (op == Op::Insert)
      out.push_back(line);
  }
  return out;
}

std::string unifiedDiff(llvm::StringRef name, llvm::StringRef before, llvm::StringRef after,
                        unsigned context) {
  if (before == after)
    return "";
  std::vector<llvm::StringRef> a = lines(before), b = lines(after);
  std::vector<Op> script = editScript(a, b);
  // Where each step starts in both files.
  std::vector<size_t> inA(script.size() + 1), inB(script.size() + 1);
  for (size_t i = 0; i < script.size(); ++i) {
    inA[i + 1] = inA[i] + (script[i] != Op::Insert);
    inB[i + 1] = inB[i] + (script[i] != Op::Delete);
  }
  std::string out = "--- " + name.str() + "\n+++ " + name.str() + "\n";
  auto line = [&](Op op, llvm::StringRef text) {
    out += static_cast<char>(op);
    out += text;
    if (!text.endswith("\n"))
      out += "\n\\ No newline at end of file\n";
  };
  const size_t c = context;
  size_t i = 0;
  while (i < script.size()) {
    if (script[i] == Op::Equal) {
      ++i;
      continue;
    }
    // A hunk: from `c` lines before this change to `c` lines after the last change
    // that is at most 2c equal lines from the next.
    size_t from = i >= c ? i - c : 0;
    size_t last = i;
    for (size_t j = i; j < script.size();) {
      if (script[j] != Op::Equal) {
        last = j++;
        continue;
      }
      size_t run = j;
      while (run < script.size() && script[run] == Op::Equal)
        ++run;
      if (run == script.size() || run - j > 2 * c)
        break;
      j = run;
    }
    size_t to = std::min(script.size(), last + 1 + c);
    out += "@@ " + range('-', inA[from], inA[to] - inA[from]) + " " +
           range('+', inB[from], inB[to] - inB[from]) + " @@\n";
    for (size_t k = from; k < to; ++k)
      line(script[k], script[k] == Op::Insert ? b[inB[k]] : a[inA[k]]);
    i = to;
  }
  return out;
}

} // namespace salesc::fix
