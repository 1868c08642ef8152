// BoundExpr: a type-checked expression whose column references are positions in its input
// batch and whose operators are resolved functions.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/function/scalar_function.h"
#include "types/value.h"

namespace omendb::sql {

struct BoundExpr {
  enum class Kind { kColumn, kConstant, kFunction, kCast, kAnd, kOr, kNot, kIsNull, kIsNotNull };
  Kind kind;
  LogicalType type;
  size_t column = 0;                         // kColumn: index in the input batch
  Value constant;                            // kConstant
  const ScalarFunction* function = nullptr;  // kFunction
  std::vector<std::unique_ptr<BoundExpr>> children;

  static std::unique_ptr<BoundExpr> Column(size_t index, LogicalType type);
  static std::unique_ptr<BoundExpr> Constant(Value v);
  // Text form for EXPLAIN and debugging.
  std::string ToString() const;
};
using BoundExprPtr = std::unique_ptr<BoundExpr>;

}  // namespace omendb::sql
