// Turns optimized logical plans into physical operator trees.
#pragma once


#include "common/status.h"
#include "sql/execution/exec_context.h"
#include "sql/execution/physical_operator.h"
#include "sql/plan/explain.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Builds the operators for `plan`. With `ctx.stats` (EXPLAIN ANALYZE), every operator records
// its loops, rows and times there, keyed by its logical node.
// REQUIRES: the catalog lock is held while they run.
Result<PhysicalOperatorPtr> CreatePhysicalPlan(const LogicalOperator& plan,
                                               const ExecContext& ctx);

}  // namespace omendb::sql
