#include "index/pla.h"

namespace omendb::index {
namespace {

__extension__ typedef __int128 Int128;

// a * b for a in [0, 2^64) and a signed 64-bit b, exactly, with one widening multiply.
inline Int128 MulWide(uint64_t a, int64_t b) {
  __extension__ typedef unsigned __int128 UInt128;
  const UInt128 p = static_cast<UInt128>(a) * static_cast<uint64_t>(b);
  return static_cast<Int128>(b < 0 ? p - (static_cast<UInt128>(a) << 64) : p);
}

// Twice the signed area of triangle (o, a, b): > 0 iff b is left of the directed line o->a.
// REQUIRES: o.x <= a.x and o.x <= b.x (points arrive in x order), |y| < 2^62.
template <typename P>
Int128 Cross(const P& o, const P& a, const P& b) {
  return MulWide(a.x - o.x, b.y - o.y) - MulWide(b.x - o.x, a.y - o.y);
}

// slope(b, p) <= slope(a, p), for a.x < p.x and b.x < p.x.
template <typename P>
bool SlopeToLessEq(const P& b, const P& a, const P& p) {
  return MulWide(p.x - a.x, p.y - b.y) <= MulWide(p.x - b.x, p.y - a.y);
}

}  // namespace

OptimalPla::OptimalPla(int64_t epsilon) : eps_(epsilon) {}

void OptimalPla::Reset() {
  points_ = 0;
  lo_hull_.clear();
  up_hull_.clear();
  lo_start_ = up_start_ = 0;
}

bool OptimalPla::Add(uint64_t x, int64_t y) {
  const Point lo{x, y - eps_};
  const Point up{x, y + eps_};
  if (points_ == 0) {
    first_x_ = x;
    first_y_ = y;
    lo_hull_.push_back(lo);
    up_hull_.push_back(up);
    points_ = 1;
    return true;
  }
  if (points_ == 1) {
    max_a_ = lo_hull_[0];
    max_b_ = up;
    min_a_ = up_hull_[0];
    min_b_ = lo;
  } else {
    // Outside the wedge of feasible lines: the point starts a new segment.
    if (Cross(max_a_, max_b_, lo) > 0 || Cross(min_a_, min_b_, up) < 0) return false;

    if (Cross(max_a_, max_b_, up) < 0) {
      // The upper bound cuts the steepest line: the new steepest line is the tangent from `up`
      // to the upper hull of the lower bounds (the one of smallest slope).
      size_t i = lo_start_;
      while (i + 1 < lo_hull_.size() && SlopeToLessEq(lo_hull_[i + 1], lo_hull_[i], up)) ++i;
      max_a_ = lo_hull_[i];
      max_b_ = up;
      lo_start_ = i;
    }
    if (Cross(min_a_, min_b_, lo) > 0) {
      // The lower bound cuts the flattest line: tangent from `lo` to the lower hull of the
      // upper bounds (the one of largest slope).
      size_t i = up_start_;
      while (i + 1 < up_hull_.size() && SlopeToLessEq(up_hull_[i], up_hull_[i + 1], lo)) ++i;
      min_a_ = up_hull_[i];
      min_b_ = lo;
      up_start_ = i;
    }
  }
  while (lo_hull_.size() >= lo_start_ + 2 &&
         Cross(lo_hull_[lo_hull_.size() - 2], lo_hull_.back(), lo) >= 0) {
    lo_hull_.pop_back();
  }
  lo_hull_.push_back(lo);
  while (up_hull_.size() >= up_start_ + 2 &&
         Cross(up_hull_[up_hull_.size() - 2], up_hull_.back(), up) <= 0) {
    up_hull_.pop_back();
  }
  up_hull_.push_back(up);
  ++points_;
  return true;
}

PlaSegment OptimalPla::Finish() const {
  PlaSegment seg;
  seg.first_x = first_x_;
  if (points_ == 1) {
    seg.slope = 0;
    seg.intercept = static_cast<double>(first_y_);
    return seg;
  }
  // Work in long double (64-bit mantissa) with x relative to the segment's first key.
  using LD = long double;
  auto rel = [this](uint64_t x) { return static_cast<LD>(x - first_x_); };
  const LD ax = rel(max_a_.x), ay = static_cast<LD>(max_a_.y);
  const LD cx = rel(min_a_.x), cy = static_cast<LD>(min_a_.y);
  const LD slope_max = (static_cast<LD>(max_b_.y) - ay) / (rel(max_b_.x) - ax);
  const LD slope_min = (static_cast<LD>(min_b_.y) - cy) / (rel(min_b_.x) - cx);

  const Int128 vx = Int128(max_b_.x) - max_a_.x, vy = Int128(max_b_.y) - max_a_.y;
  const Int128 ux = Int128(min_b_.x) - min_a_.x, uy = Int128(min_b_.y) - min_a_.y;
  const Int128 wx = Int128(min_a_.x) - max_a_.x, wy = Int128(min_a_.y) - max_a_.y;
  const Int128 den = vx * uy - vy * ux;
  if (den == 0) {
    // Parallel extreme lines: take the line midway between them.
    seg.slope = static_cast<double>(slope_max);
    LD at_first_max = ay - slope_max * ax;
    LD at_first_min = cy - slope_min * cx;
    seg.intercept = static_cast<double>((at_first_max + at_first_min) / 2);
    return seg;
  }
  // Any line through the intersection of the two extreme lines with a slope between theirs is
  // feasible (it lies between them on both sides of the intersection).
  const LD t = static_cast<LD>(wx * uy - wy * ux) / static_cast<LD>(den);
  const LD px = ax + t * static_cast<LD>(vx);
  const LD py = ay + t * static_cast<LD>(vy);
  const LD slope = (slope_min + slope_max) / 2;
  seg.slope = static_cast<double>(slope);
  seg.intercept = static_cast<double>(py - slope * px);
  return seg;
}

}  // namespace omendb::index
