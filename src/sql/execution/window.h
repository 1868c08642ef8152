// Window: computes window functions (ranking, offsets, frame values and aggregates over
// frames) for every input row, PostgreSQL's semantics.
#pragma once

#include "sql/execution/exec_context.h"
#include "sql/execution/physical_operator.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Output: the input's columns, then one column per call of `op.windows` (kind kWindow), rows
// in their input order. Materializes its input. REQUIRES: `op` outlives the operator.
PhysicalOperatorPtr MakeWindow(const LogicalOperator& op, PhysicalOperatorPtr child);

}  // namespace omendb::sql
