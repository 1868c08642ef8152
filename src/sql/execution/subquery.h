// Uncorrelated subqueries: each is run once, before its statement, and replaced by its result.
#pragma once

#include "common/status.h"
#include "sql/plan/logical_plan.h"
#include "sql/execution/exec_context.h"

namespace omendb::sql {

// Replaces every kSubquery expression in `stmt` (its plan, nested subqueries first, and its
// VALUES rows) by a constant: the scalar value (NULL for no row; 21000 for more than one), the
// EXISTS result, or for IN a constant list. REQUIRES: the catalog lock is held.
Status ResolveSubqueries(BoundStatement* stmt, const ExecContext& ctx);

}  // namespace omendb::sql
