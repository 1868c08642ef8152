// How a join condition splits into equalities between the two sides (hash-join keys) and
// the rest. Shared by the executor (which builds a hash join) and EXPLAIN (which shows it).
#pragma once

#include <vector>

#include "sql/plan/bound_expr.h"

namespace omendb::sql {

struct EquiJoinSplit {
  // Each pair: an expression over left columns only, one over right columns only.
  std::vector<std::pair<const BoundExpr*, const BoundExpr*>> keys;
  std::vector<const BoundExpr*> rest;  // every other conjunct
};

// Splits `predicate` (over left columns [0, left_width) then right columns) at its ANDs.
EquiJoinSplit SplitEquiJoin(const BoundExpr& predicate, size_t left_width);

}  // namespace omendb::sql
