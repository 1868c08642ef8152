// Join ordering from estimates (an optimizer pass; see optimizer.h).
#pragma once

#include "sql/optimizer/optimizer.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Rewrites each tree of inner joins in `plan` (its inputs: scans, filtered scans, or anything
// else, ordered recursively inside) into a left-deep tree: the input with the fewest
// estimated rows first, then at each step the input whose join with what is joined so far is
// estimated smallest (preferring inputs a join condition connects), the smaller side of each
// join on its right (the side a hash join builds). Conditions move to the lowest join that
// has their columns; a projection on top restores the tree's original column order. Row
// estimates come from `stats` (rows, and min/max for range selectivity; a single-column
// primary key equality matches one row). Trees whose conditions call nextval and the like
// keep their order.
void OrderJoins(LogicalOperatorPtr* plan, const StatisticsSource& stats);

}  // namespace omendb::sql
