// HashJoin: an equi-join that hashes the right side on its join keys.
#pragma once

#include "sql/execution/physical_operator.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// If the join condition of `op` (kind kJoin) contains at least one equality between an
// expression of the left side only and one of the right side only, returns a hash join
// (those equalities as keys, the rest of the condition checked on each candidate pair) and
// takes *left and *right; otherwise returns nullptr and leaves them. NULL keys never match.
// Output and outer-join semantics are those of NestedLoopJoin. REQUIRES: `op` outlives it.
PhysicalOperatorPtr MakeHashJoinIfEquiJoin(const LogicalOperator& op, PhysicalOperatorPtr* left,
                                           PhysicalOperatorPtr* right);

}  // namespace omendb::sql
