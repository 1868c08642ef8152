// Optimizer: rewrites a bound statement's logical plan. Passes, in order:
//   0. constant folding (constant_folding.h), for every statement kind;
//   0b. filter pushdown: WHERE conjuncts move below joins (one side) or into inner-join
//      conditions (both sides), never into the null-extended side of an outer join;
//   1. access path: conjuncts of a filter over a table scan that bound the first primary-key
//      column by constants become a key range on the scan (and leave the filter);
//   2. limit pushdown: a constant LIMIT/OFFSET over a scan with nothing in between that could
//      drop or reorder rows stops the scan early.
// Each pass preserves results exactly; a predicate it cannot use stays in the filter.
#pragma once

#include "common/status.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

Status Optimize(BoundStatement* statement);

}  // namespace omendb::sql
