// Scalar functions and operators: their signatures, PostgreSQL-style overload resolution and
// vectorized kernels.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "types/logical_type.h"
#include "types/vector.h"

namespace omendb::sql {

// Computes out[i] for i in [0, count) from argument vectors of the signature's types. Rows
// where any argument is NULL are NULL (all built-in operators are strict); kernels leave them.
// Errors: 22003 overflow, 22012 division by zero.
using ScalarKernel = Status (*)(const std::vector<const Vector*>& args, size_t count, Vector* out);

struct ScalarFunction {
  std::string name;
  // For variadic functions, the type of every argument; kInvalid means any type.
  std::vector<LogicalType> arg_types;
  LogicalType return_type;
  ScalarKernel kernel;
  bool variadic = false;  // any number of arguments of arg_types[0] (concat)
  bool strict = true;     // NULL if any argument is NULL; otherwise the kernel sets validity
  bool is_operator = true;  // "a + b" rather than "f(a, b)" (display only)
  // A different result at each call (gen_random_uuid, clock_timestamp): never folded into a
  // constant, evaluated once per row.
  bool is_volatile = false;
  // The same result within a statement, not across statements (now(), current_date): folded
  // into a constant per statement, so never part of a plan that later statements reuse.
  bool is_stable = false;
};

// Chooses the operator `name` for arguments of `arg_types` by PostgreSQL's operator type
// resolution (an unknown-typed literal takes the other operand's type; otherwise implicit
// casts, exact matches and preferred types decide). The caller casts each argument to the
// returned function's arg_types. Errors: 42883 "operator does not exist: ..."; 42725 "operator
// is not unique".
Result<const ScalarFunction*> ResolveOperator(const std::string& name,
                                              const std::vector<LogicalType>& arg_types);

// Chooses the built-in function `name` (abs, lower, substr, sqrt...) for arguments of
// `arg_types` by PostgreSQL's function type resolution. Errors: 42883 "function name(types)
// does not exist"; 42725 "function ... is not unique".
Result<const ScalarFunction*> ResolveFunction(const std::string& name,
                                              const std::vector<LogicalType>& arg_types);

// Whether a built-in (non-aggregate) function of this name exists.
bool IsBuiltinFunction(const std::string& name);

}  // namespace omendb::sql
