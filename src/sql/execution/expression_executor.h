// Evaluates bound expressions over a batch, a vector at a time.
#pragma once

#include "common/status.h"
#include "sql/plan/bound_expr.h"
#include "types/vector.h"

namespace omendb::sql {

// Computes `expr` for every row of `input` into *out, which is reset to expr.type and
// input.size() rows. Errors are the first runtime error of any row (22003, 22012, 22P02...).
Status Evaluate(const BoundExpr& expr, const DataChunk& input, Vector* out);

// Evaluates an expression that references no columns.
Result<Value> EvaluateConstant(const BoundExpr& expr);

}  // namespace omendb::sql
