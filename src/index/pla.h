// Optimal piecewise-linear approximation (PLA) with a guaranteed maximum vertical error.
//
// OptimalPla consumes points (x, y) with strictly increasing x, one at a time, and decides in
// amortized O(1) whether the current segment can still be covered by ONE line f with
// |f(x_i) - y_i| <= epsilon for all of its points. It keeps the exact set of feasible lines as
// two convex hulls (the upper hull of the points' lower bounds y - eps and the lower hull of
// their upper bounds y + eps) plus the two extreme feasible lines (steepest and flattest);
// a point that lies outside the wedge of those two lines cannot join, so the segmentation is
// the one with the fewest segments for the given epsilon (O'Rourke's online line fitting,
// the construction the PGM-index uses). All geometric predicates are evaluated exactly in
// 128-bit integer arithmetic, so the guarantee holds for any 64-bit keys; only the final line
// is rounded to double (error < 1e-6 positions for segments under 2^32 positions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace omendb::index {

// One linear piece: predicts y ~= intercept + slope * (x - first_x) for x >= first_x.
struct PlaSegment {
  uint64_t first_x = 0;
  double slope = 0;
  double intercept = 0;
};

class OptimalPla {
 public:
  // REQUIRES: 0 <= epsilon <= 2^30.
  explicit OptimalPla(int64_t epsilon);

  // Tries to add (x, y) to the current segment. Returns true if it joined; false (and the state
  // is unchanged) if no single line within epsilon covers the segment's points plus this one.
  // REQUIRES: x greater than the previously added x of this segment; |y| < 2^48.
  bool Add(uint64_t x, int64_t y);

  // The line for the points added since the last Reset(). REQUIRES: points() > 0.
  PlaSegment Finish() const;

  // Starts a new, empty segment.
  void Reset();

  uint64_t points() const { return points_; }

 private:
  struct Point {
    uint64_t x;
    int64_t y;
  };

  int64_t eps_;
  uint64_t points_ = 0;
  uint64_t first_x_ = 0;
  int64_t first_y_ = 0;
  // Upper convex hull of the lower bounds (x, y - eps), from index lo_start_ on.
  std::vector<Point> lo_hull_;
  size_t lo_start_ = 0;
  // Lower convex hull of the upper bounds (x, y + eps), from index up_start_ on.
  std::vector<Point> up_hull_;
  size_t up_start_ = 0;
  // Steepest feasible line passes through max_a_ (a lower bound) and max_b_ (an upper bound);
  // the flattest through min_a_ (an upper bound) and min_b_ (a lower bound).
  Point max_a_{}, max_b_{}, min_a_{}, min_b_{};
};

}  // namespace omendb::index
