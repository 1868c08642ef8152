// HashAggregate: groups its input by the group expressions and computes aggregates per group.
#pragma once

#include "sql/execution/physical_operator.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Output: one row per distinct group (in order of first appearance), columns = groups then
// aggregates; without groups exactly one row, also for empty input (count 0, others NULL).
// Groups compare NULLs equal and floats by PostgreSQL's order (NaN equals NaN). REQUIRES:
// `op` (kind kAggregate) outlives the operator.
PhysicalOperatorPtr MakeHashAggregate(const LogicalOperator& op, PhysicalOperatorPtr child);

}  // namespace omendb::sql
