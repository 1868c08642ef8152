// Key distributions shared by the learned index tests (test-only header).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "index/learned_index_format.h"

namespace omendb::index::testing {

// Inverse of ToOrdered restricted to K's range: ordered value u in [0, 2^(8*sizeof(K))).
template <IndexableInteger K>
K FromOrdered(uint64_t u) {
  if constexpr (std::is_signed_v<K>) {
    constexpr int kBits = 8 * sizeof(K);
    const uint64_t bias = uint64_t{1} << (kBits - 1);
    return static_cast<K>(static_cast<int64_t>(u - bias));
  } else {
    return static_cast<K>(u);
  }
}

// Inverse of FromOrdered.
template <IndexableInteger K>
uint64_t ToTestOrdered(K k) {
  if constexpr (std::is_signed_v<K>) {
    constexpr int kBits = 8 * sizeof(K);
    const uint64_t bias = uint64_t{1} << (kBits - 1);
    const uint64_t v = static_cast<uint64_t>(static_cast<int64_t>(k)) + bias;
    return kBits == 64 ? v : v & ((uint64_t{1} << kBits) - 1);
  } else {
    return static_cast<uint64_t>(k);
  }
}

template <IndexableInteger K>
constexpr uint64_t OrderedMax() {
  return sizeof(K) == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * sizeof(K))) - 1;
}

inline const std::vector<std::string>& DistributionNames() {
  static const std::vector<std::string> kNames = {
      "uniform", "dense_gaps", "clusters", "all_equal", "dup_runs",  "extremes",
      "exponential", "step", "last_bit", "lognormal", "normal"};
  return kNames;
}

// n sorted keys of the named distribution, spread over K's whole range where it makes sense.
template <IndexableInteger K>
std::vector<K> MakeKeys(const std::string& dist, size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const uint64_t kMax = OrderedMax<K>();
  const long double span = static_cast<long double>(kMax);
  auto clamp = [&](long double v) -> uint64_t {
    if (!(v > 0)) return 0;
    if (v >= span) return kMax;
    return static_cast<uint64_t>(v);
  };
  auto uni = [&] { return rng() & kMax; };
  std::vector<uint64_t> u;
  u.reserve(n);
  if (dist == "uniform") {
    for (size_t i = 0; i < n; ++i) u.push_back(uni());
  } else if (dist == "dense_gaps") {
    uint64_t x = kMax / 2 > 6 * n ? kMax / 2 - 6 * n : 0;
    for (size_t i = 0; i < n; ++i) {
      u.push_back(std::min(x, kMax));
      x += 1 + (rng() % 10 == 0 ? rng() % 100 : 0);
    }
  } else if (dist == "clusters") {
    const size_t clusters = std::max<size_t>(1, n / 50);
    for (size_t i = 0; i < n;) {
      uint64_t x = uni();
      const uint64_t spacing = 1 + rng() % (1 + rng() % 1000);
      for (size_t k = 0, len = 1 + rng() % (2 * n / clusters); k < len && i < n; ++k, ++i) {
        u.push_back(std::min(x, kMax));
        x = x + spacing > x ? x + spacing : x;
      }
    }
  } else if (dist == "all_equal") {
    const uint64_t v = uni();
    u.assign(n, v);
  } else if (dist == "dup_runs") {
    while (u.size() < n) {
      const uint64_t v = uni();
      for (size_t k = 0, len = 1 + rng() % 1000; k < len && u.size() < n; ++k) u.push_back(v);
    }
  } else if (dist == "extremes") {
    for (size_t i = 0; i < n; ++i) {
      const uint64_t r = rng() % 4;
      u.push_back(r == 0 ? 0 : r == 1 ? kMax : uni());
    }
  } else if (dist == "exponential") {
    std::exponential_distribution<double> d(1.0);
    for (size_t i = 0; i < n; ++i) u.push_back(clamp(d(rng) * span / 40));
  } else if (dist == "step") {
    std::vector<uint64_t> steps;
    for (int s = 0; s < 8; ++s) steps.push_back(uni());
    for (size_t i = 0; i < n; ++i) u.push_back(rng() % 16 == 0 ? uni() : steps[rng() % 8]);
  } else if (dist == "last_bit") {
    while (u.size() < n) {
      const uint64_t v = uni() & ~uint64_t{1};
      u.push_back(v);
      if (u.size() < n) u.push_back(v | 1);
    }
  } else if (dist == "lognormal") {
    std::lognormal_distribution<double> d(0.0, 2.0);
    for (size_t i = 0; i < n; ++i) u.push_back(clamp(d(rng) * span / 1e6));
  } else if (dist == "normal") {
    std::normal_distribution<double> d(0.0, 1.0);
    for (size_t i = 0; i < n; ++i) u.push_back(clamp((0.5L + d(rng) / 20) * span));
  }
  std::sort(u.begin(), u.end());
  std::vector<K> keys;
  keys.reserve(u.size());
  for (uint64_t v : u) keys.push_back(FromOrdered<K>(v));
  return keys;
}

// Queries: every key and its neighbours, the type's extremes, and random values.
template <IndexableInteger K>
std::vector<K> MakeQueries(const std::vector<K>& keys, size_t random, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<K> q = {std::numeric_limits<K>::min(), std::numeric_limits<K>::max(), K{0}};
  for (K k : keys) {
    q.push_back(k);
    if (k != std::numeric_limits<K>::min()) q.push_back(static_cast<K>(k - 1));
    if (k != std::numeric_limits<K>::max()) q.push_back(static_cast<K>(k + 1));
  }
  for (size_t i = 0; i < random; ++i) q.push_back(FromOrdered<K>(rng() & OrderedMax<K>()));
  if (!keys.empty()) {
    const uint64_t lo = ToTestOrdered(keys.front()), hi = ToTestOrdered(keys.back());
    for (size_t i = 0; i < random; ++i) {
      const uint64_t span = hi - lo;
      const uint64_t off = span == ~uint64_t{0} ? rng() : rng() % (span + 1);
      q.push_back(FromOrdered<K>(lo + off));
    }
  }
  return q;
}

}  // namespace omendb::index::testing
