//===- LinearSolve.cpp - Dense LU factorization with partial pivoting -----===//
#include "salesc/runtime/LinearSolve.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <utility>

namespace salesc::rt {

SquareMatrix SquareMatrix::identity(size_t n) {
  SquareMatrix m(n);
  for (size_t i = 0; i < n; ++i)
    m(i, i) = 1.0;
  return m;
}

std::optional<LUFactorization> LUFactorization::factor(SquareMatrix a) {
  const size_t n = a.size();
  double scale = 0.0;
  for (size_t r = 0; r < n; ++r)
    for (size_t c = 0; c < n; ++c) {
      if (!std::isfinite(a(r, c)))
        return std::nullopt;
      scale = std::max(scale, std::abs(a(r, c)));
    }
  return factor(std::move(a),
                static_cast<double>(n) * std::numeric_limits<double>::epsilon() * scale);
}

std::optional<LUFactorization> LUFactorization::factor(SquareMatrix a, double pivotFloor) {
  const size_t n = a.size();
  std::vector<size_t> perm(n);
  for (size_t i = 0; i < n; ++i)
    perm[i] = i;

  for (size_t k = 0; k < n; ++k) {
    // Partial pivoting: bring the largest entry of column k (rows k..n-1) up.
    size_t pivot = k;
    for (size_t r = k + 1; r < n; ++r)
      if (std::abs(a(r, k)) > std::abs(a(pivot, k)))
        pivot = r;
    if (!(std::abs(a(pivot, k)) > pivotFloor))
      return std::nullopt;
    if (pivot != k) {
      for (size_t c = 0; c < n; ++c)
        std::swap(a(k, c), a(pivot, c));
      std::swap(perm[k], perm[pivot]);
    }
    for (size_t r = k + 1; r < n; ++r) {
      const double l = a(r, k) / a(k, k);
      a(r, k) = l;
      if (l == 0.0)
        continue;
      for (size_t c = k + 1; c < n; ++c)
        a(r, c) -= l * a(k, c);
    }
  }
  return LUFactorization(std::move(a), std::move(perm));
}

std::vector<double> LUFactorization::solve(llvm::ArrayRef<double> b) const {
  const size_t n = size();
  assert(b.size() == n && "right-hand side has the wrong length");
  // L y = P b (forward, unit diagonal), then U x = y (backward).
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i) {
    double s = b[perm[i]];
    for (size_t j = 0; j < i; ++j)
      s -= lu(i, j) * x[j];
    x[i] = s;
  }
  for (size_t i = n; i-- > 0;) {
    double s = x[i];
    for (size_t j = i + 1; j < n; ++j)
      s -= lu(i, j) * x[j];
    x[i] = s / lu(i, i);
  }
  return x;
}

std::vector<double> LUFactorization::solveTransposed(llvm::ArrayRef<double> b) const {
  const size_t n = size();
  assert(b.size() == n && "right-hand side has the wrong length");
  // A^T = U^T L^T P, so: U^T y = b (forward), L^T z = y (backward, unit
  // diagonal), and P x = z, i.e. x[perm[i]] = z[i].
  std::vector<double> z(n);
  for (size_t i = 0; i < n; ++i) {
    double s = b[i];
    for (size_t j = 0; j < i; ++j)
      s -= lu(j, i) * z[j];
    z[i] = s / lu(i, i);
  }
  for (size_t i = n; i-- > 0;) {
    double s = z[i];
    for (size_t j = i + 1; j < n; ++j)
      s -= lu(j, i) * z[j];
    z[i] = s;
  }
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i)
    x[perm[i]] = z[i];
  return x;
}

} // namespace salesc::rt
