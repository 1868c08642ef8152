// Subqueries: an uncorrelated one is run once, before its statement, and replaced by its
// result; a correlated one is run for each row of the enclosing query (EvaluateCorrelated).
#pragma once

#include "common/status.h"
#include "sql/plan/logical_plan.h"
#include "sql/execution/exec_context.h"

namespace omendb::sql {

// Replaces every kSubquery expression in `stmt` (its plan, nested subqueries first, and its
// VALUES rows) by a constant: the scalar value (NULL for no row; 21000 for more than one), the
// EXISTS result, or for IN a constant list. REQUIRES: the catalog lock is held.
Status ResolveSubqueries(BoundStatement* stmt, const ExecContext& ctx);

// A correlated subquery (kSubquery with `correlated`) for every row of `input`: its outer
// references take the row's values, the subquery runs (once per distinct values), and the
// row gets the scalar value (21000 for more than one row), EXISTS or [NOT] IN's three-valued
// result.
Status EvaluateCorrelated(const BoundExpr& expr, const DataChunk& input, Vector* out);

}  // namespace omendb::sql
