// FunctionTable: a set of scalar functions or operators with PostgreSQL's overload resolution
// (the rules of PostgreSQL's "Type Conversion" chapter for operators and functions).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "sql/function/scalar_function.h"

namespace omendb::sql {

class FunctionTable {
 public:
  // Registers a function; returns it for further settings (variadic, strict...).
  ScalarFunction& Add(std::string name, std::vector<LogicalType> args, LogicalType ret,
                      ScalarKernel kernel, bool is_operator);

  bool Has(const std::string& name) const;

  // The candidate of `name` PostgreSQL would choose for arguments of `arg_types` (exact
  // match; then implicit coercions, most exact matches, preferred types, unknown-literal
  // categories). Returns nullptr and sets *ambiguous when several remain, nullptr with
  // !*ambiguous when none fits.
  const ScalarFunction* Select(const std::string& name, const std::vector<LogicalType>& arg_types,
                               bool binary_operator, bool* ambiguous) const;

 private:
  std::vector<std::unique_ptr<ScalarFunction>> functions_;
  std::unordered_map<std::string, std::vector<const ScalarFunction*>> by_name_;
};

// power(float8, float8) and float8 ^ float8 (PostgreSQL's errors: 2201F, 22003).
Status PowerFloat8(const std::vector<const Vector*>& args, size_t n, Vector* out);

// Registration of the operator and function families kept in their own files.
void AddNumericOperators(FunctionTable* t);
void AddNumericFunctions(FunctionTable* t);
void AddDateTimeOperators(FunctionTable* t);
void AddDateTimeFunctions(FunctionTable* t);

}  // namespace omendb::sql
