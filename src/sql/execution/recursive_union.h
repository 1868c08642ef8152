// RecursiveUnion: WITH RECURSIVE's evaluation: the non-recursive term's rows, then the
// recursive term run again and again over the rows the previous round produced (its work
// table) until a round produces none.
#pragma once

#include "sql/execution/exec_context.h"
#include "sql/execution/physical_operator.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// `op` (kind kRecursiveUnion): children[0] the non-recursive term (already built as `anchor`),
// children[1] the recursive term, which reads op.work_table through kWorkTableScan nodes.
// Without op.set_all, rows equal to one produced before are dropped (UNION). REQUIRES: `op`
// outlives the operator.
PhysicalOperatorPtr MakeRecursiveUnion(const LogicalOperator& op, PhysicalOperatorPtr anchor,
                                       const ExecContext& ctx);

// Reads the rows of `op.work_table` (kind kWorkTableScan) as they are when it starts.
PhysicalOperatorPtr MakeWorkTableScan(const LogicalOperator& op);

}  // namespace omendb::sql
