// Projection pushdown: table scans read only the columns some operator above them uses.
#pragma once

#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Removes from every scan (kGet) of `root` the columns no operator above it references, and
// renumbers the column references of the operators in between. The root's output columns are
// all kept, in order, so the plan's results are unchanged. A scan keeps at least one column
// (the narrowest) so that it still counts rows.
void PruneColumns(LogicalOperator* root);

}  // namespace omendb::sql
