// SetOperation: UNION / INTERSECT / EXCEPT [ALL] of two inputs with the same column types.
#pragma once

#include "sql/execution/physical_operator.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Rows compare as in DISTINCT (NULLs equal). UNION ALL streams both inputs; the others keep
// one hash table of row images. Output order: left rows first, in input order.
// REQUIRES: `op` (kind kSetOp) outlives the operator.
PhysicalOperatorPtr MakeSetOperation(const LogicalOperator& op, PhysicalOperatorPtr left,
                                     PhysicalOperatorPtr right);

}  // namespace omendb::sql
