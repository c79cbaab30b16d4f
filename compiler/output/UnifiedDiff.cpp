//===- UnifiedDiff.cpp - How one text becomes another, as `diff -u` says it ===//
#include "UnifiedDiff.h"

#include <algorithm>
#include <vector>

namespace salesc::output {

namespace {

/// The lines of `text`, each with its '\n' when it has one: a last line without it
/// differs from the same line with it.
std::vector<llvm::StringRef> linesOf(llvm::StringRef text) {
  std::vector<llvm::StringRef> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == llvm::StringRef::npos ? text.size() : end + 1;
    lines.push_back(text.take_front(end));
    text = text.drop_front(end);
  }
  return lines;
}

/// Which lines of `a` a shortest edit script deletes and which of `b` it inserts.
struct EditScript {
  std::vector<bool> deleted, inserted;
};

/// Finds a shortest edit script: Myers' O(ND) algorithm in linear space (the middle
/// snake, then each half).
class Differ {
public:
  Differ(const std::vector<llvm::StringRef>& a, const std::vector<llvm::StringRef>& b)
      : a_(a), b_(b) {}

  EditScript run() {
    script_ = {std::vector<bool>(a_.size()), std::vector<bool>(b_.size())};
    diff(0, a_.size(), 0, b_.size());
    return std::move(script_);
  }

private:
  void diff(size_t a0, size_t a1, size_t b0, size_t b1) {
    while (a0 < a1 && b0 < b1 && a_[a0] == b_[b0])
      ++a0, ++b0;
    while (a0 < a1 && b0 < b1 && a_[a1 - 1] == b_[b1 - 1])
      --a1, --b1;
    if (a0 == a1 || b0 == b1) {
      std::fill(script_.deleted.begin() + a0, script_.deleted.begin() + a1, true);
      std::fill(script_.inserted.begin() + b0, script_.inserted.begin() + b1, true);
      return;
    }
    auto [x, y] = middleSnake(a0, a1, b0, b1);
    diff(a0, a0 + x, b0, b0 + y);
    diff(a0 + x, a1, b0 + y, b1);
  }

  /// A point (x, y) of a shortest path through the box: offsets from (a0, b0) where the
  /// forward and backward searches meet (after diff-match-patch's diff_bisect).
  std::pair<long, long> middleSnake(size_t a0, size_t a1, size_t b0, size_t b1) {
    const long n = static_cast<long>(a1 - a0), m = static_cast<long>(b1 - b0);
    const long maxD = (n + m + 1) / 2, offset = maxD, length = 2 * maxD + 2;
    std::vector<long> v1(length, -1), v2(length, -1);
    v1[offset + 1] = 0;
    v2[offset + 1] = 0;
    const long delta = n - m;
    const bool front = delta % 2 != 0; // the forward search meets the backward one
    long k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    auto same = [&](long x, long y) { return a_[a0 + x] == b_[b0 + y]; };
    for (long d = 0; d < maxD; ++d) {
      for (long k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        long i = offset + k1;
        long x1 = k1 == -d || (k1 != d && v1[i - 1] < v1[i + 1]) ? v1[i + 1] : v1[i - 1] + 1;
        long y1 = x1 - k1;
        while (x1 < n && y1 < m && same(x1, y1))
          ++x1, ++y1;
        v1[i] = x1;
        if (x1 > n) {
          k1end += 2;
        } else if (y1 > m) {
          k1start += 2;
        } else if (front) {
          long j = offset + delta - k1;
          if (j >= 0 && j < length && v2[j] != -1 && x1 >= n - v2[j])
            return {x1, y1};
        }
      }
      for (long k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        long j = offset + k2;
        long x2 = k2 == -d || (k2 != d && v2[j - 1] < v2[j + 1]) ? v2[j + 1] : v2[j - 1] + 1;
        long y2 = x2 - k2;
        while (x2 < n && y2 < m && same(n - x2 - 1, m - y2 - 1))
          ++x2, ++y2;
        v2[j] = x2;
        if (x2 > n) {
          k2end += 2;
        } else if (y2 > m) {
          k2start += 2;
        } else if (!front) {
          long i = offset + delta - k2;
          if (i >= 0 && i < length && v1[i] != -1) {
            long x1 = v1[i], y1 = offset + x1 - i;
            if (x1 >= n - x2)
              return {x1, y1};
          }
        }
      }
    }
    return {n, 0}; // no path met: delete all of `a`, then insert all of `b`
  }

  const std::vector<llvm::StringRef>& a_;
  const std::vector<llvm::StringRef>& b_;
  EditScript script_;
};

/// A line of the script: ' ', '-' or '+', and where the line is in each text.
struct Step {
  char op;
  size_t a, b; ///< the line's index in `before` ('-', ' ') and in `after` ('+', ' ')
};

std::string range(size_t start, size_t count) {
  // GNU diff: an empty range names the line before it; a count of 1 is left out.
  std::string s = std::to_string(count == 0 ? start : start + 1);
  return count == 1 ? s : s + "," + std::to_string(count);
}

} // namespace

std::string unifiedDiff(llvm::StringRef before, llvm::StringRef after, llvm::StringRef fromName,
                        llvm::StringRef toName, unsigned context) {
  std::vector<llvm::StringRef> a = linesOf(before), b = linesOf(after);
  EditScript d = Differ(a, b).run();
  std::vector<Step> steps;
  for (size_t i = 0, j = 0; i < a.size() || j < b.size();) {
    if (i < a.size() && d.deleted[i])
      steps.push_back({'-', i++, j});
    else if (j < b.size() && d.inserted[j])
      steps.push_back({'+', i, j++});
    else
      steps.push_back({' ', i++, j++});
  }
  std::string out;
  auto line = [&](char op, llvm::StringRef text) {
    out += op;
    out += text.str();
    if (!text.endswith("\n"))
      out += "\n\\ No newline at end of file\n";
  };
  for (size_t s = 0; s < steps.size();) {
    if (steps[s].op == ' ') {
      ++s;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the
    // last change that follows within 2 * context unchanged lines.
    size_t first = s >= context ? s - context : 0;
    size_t last = s; // one past the last change
    for (size_t t = s, quiet = 0; t < steps.size() && quiet <= 2 * context; ++t) {
      if (steps[t].op == ' ') {
        ++quiet;
      } else {
        quiet = 0;
        last = t + 1;
      }
    }
    size_t end = std::min(steps.size(), last + context);
    size_t aCount = 0, bCount = 0;
    for (size_t t = first; t < end; ++t) {
      aCount += steps[t].op != '+';
      bCount += steps[t].op != '-';
    }
    if (out.empty())
      out = "--- " + fromName.str() + "\n+++ " + toName.str() + "\n";
    out += "@@ -" + range(steps[first].a, aCount) + " +" + range(steps[first].b, bCount) + " @@\n";
    for (size_t t = first; t < end; ++t)
      line(steps[t].op, steps[t].op == '+' ? b[steps[t].b] : a[steps[t].a]);
    s = end;
  }
  return out;
}

} // namespace salesc::output
