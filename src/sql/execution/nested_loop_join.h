// NestedLoopJoin: joins every left row with every right row that satisfies the condition.
#pragma once

#include "sql/execution/physical_operator.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Output columns: the left child's, then the right child's. Inner joins emit matching pairs;
// LEFT/RIGHT/FULL also emit unmatched rows of that side padded with NULLs. The right side is
// materialized; the left side streams. REQUIRES: `op` (kind kJoin) outlives the operator.
PhysicalOperatorPtr MakeNestedLoopJoin(const LogicalOperator& op, PhysicalOperatorPtr left,
                                       PhysicalOperatorPtr right);

}  // namespace omendb::sql
