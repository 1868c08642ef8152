#include "index/pla.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace omendb::index {
namespace {

struct Pt {
  uint64_t x;
  int64_t y;
};

// Segments the points greedily and checks every point is within epsilon of its segment's line.
size_t CheckSegmentation(const std::vector<Pt>& pts, int64_t eps) {
  OptimalPla pla(eps);
  size_t start = 0, segments = 0;
  auto check = [&](size_t end) {
    const PlaSegment s = pla.Finish();
    EXPECT_EQ(s.first_x, pts[start].x);
    for (size_t i = start; i < end; ++i) {
      const long double pred =
          static_cast<long double>(s.intercept) +
          static_cast<long double>(s.slope) * static_cast<long double>(pts[i].x - s.first_x);
      EXPECT_LE(std::fabs(pred - static_cast<long double>(pts[i].y)), eps + 1e-3L)
          << "point " << i << " eps " << eps;
    }
    ++segments;
  };
  for (size_t i = 0; i < pts.size(); ++i) {
    if (!pla.Add(pts[i].x, pts[i].y)) {
      check(i);
      pla.Reset();
      start = i;
      EXPECT_TRUE(pla.Add(pts[i].x, pts[i].y));
    }
  }
  if (!pts.empty()) check(pts.size());
  return segments;
}

TEST(OptimalPlaTest, ErrorBoundHoldsOnRandomAndExtremeInputs) {
  std::mt19937_64 rng(42);
  for (int64_t eps : {0, 1, 3, 16, 64}) {
    std::vector<Pt> uniform, huge_gaps, line;
    uint64_t x = 0, xg = 0;
    for (int64_t i = 0; i < 20000; ++i) {
      x += 1 + rng() % 1000;
      uniform.push_back({x, i});
      xg += 1 + (rng() % 100 == 0 ? rng() >> 20 : rng() % 10);
      huge_gaps.push_back({xg, i});
      line.push_back({static_cast<uint64_t>(i) * 17, i});
    }
    CheckSegmentation(uniform, eps);
    CheckSegmentation(huge_gaps, eps);
    EXPECT_EQ(CheckSegmentation(line, eps), 1u);
  }
  // Full 64-bit x range.
  std::vector<Pt> full;
  for (int64_t i = 0; i < 5000; ++i) full.push_back({0, i});
  for (auto& p : full) p.x = rng();
  std::sort(full.begin(), full.end(), [](const Pt& a, const Pt& b) { return a.x < b.x; });
  for (int64_t i = 0; i < 5000; ++i) full[i].y = i;
  full.front().x = 0;
  full.back().x = ~uint64_t{0};
  CheckSegmentation(full, 8);
}

TEST(OptimalPlaTest, LargerEpsilonNeverNeedsMoreSegments) {
  std::mt19937_64 rng(7);
  std::vector<Pt> pts;
  uint64_t x = 0;
  for (int64_t i = 0; i < 50000; ++i) pts.push_back({x += 1 + rng() % 100, i});
  size_t prev = pts.size() + 1;
  for (int64_t eps : {1, 2, 4, 8, 16, 32, 64, 128}) {
    const size_t s = CheckSegmentation(pts, eps);
    EXPECT_LE(s, prev) << eps;
    prev = s;
  }
  EXPECT_LT(prev, 50u);
}

}  // namespace
}  // namespace omendb::index
