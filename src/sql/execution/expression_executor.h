// Evaluates bound expressions over a batch, a vector at a time.
#pragma once

#include "common/status.h"
#include "sql/plan/bound_expr.h"
#include "types/vector.h"

namespace omendb::sql {

// Computes `expr` for every row of `input` into *out, which is reset to expr.type and
// input.size() rows. Errors are the first runtime error of any row (22003, 22012, 22P02...).
Status Evaluate(const BoundExpr& expr, const DataChunk& input, Vector* out);

// Computes `expr` for the rows sel[0..) of `input` only: *out gets sel.size() rows, row k
// being input row sel[k]'s value. Rows not selected are never evaluated (no errors from them).
Status Evaluate(const BoundExpr& expr, const DataChunk& input, const SelectionVector& sel,
                Vector* out);

// Sets *sel to the positions of the rows of `input` for which `predicate` is true (not false,
// not NULL), ascending. The operands of a top-level AND are evaluated left to right, each only
// for the rows the earlier ones kept.
Status Select(const BoundExpr& predicate, const DataChunk& input, SelectionVector* sel);

// Evaluates an expression that references no columns.
Result<Value> EvaluateConstant(const BoundExpr& expr);

}  // namespace omendb::sql
