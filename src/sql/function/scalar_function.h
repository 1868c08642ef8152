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
};

// Chooses the operator `name` for arguments of `arg_types`. Literal types are resolved as
// PostgreSQL does: an unknown-typed literal (or NULL) takes the other operand's type; integer
// operands are widened (integer < bigint < double precision). The caller casts each argument
// to the returned function's arg_types. Errors: 42883 "operator does not exist: ..."; 0A000
// when resolution needs the numeric type, which OmenDB does not have yet.
Result<const ScalarFunction*> ResolveOperator(const std::string& name,
                                              const std::vector<LogicalType>& arg_types);

// Chooses the built-in function `name` (abs, lower, substr, sqrt...) for arguments of
// `arg_types`: an exact match, else the candidate needing the fewest implicit casts (untyped
// literals adapt; integer widens to bigint and double precision, bigint to double precision).
// Errors: 42883 "function name(types) does not exist"; 0A000 for decimal literal arguments,
// which PostgreSQL resolves to numeric variants OmenDB does not have yet.
Result<const ScalarFunction*> ResolveFunction(const std::string& name,
                                              const std::vector<LogicalType>& arg_types);

// Whether a built-in (non-aggregate) function of this name exists.
bool IsBuiltinFunction(const std::string& name);

}  // namespace omendb::sql
