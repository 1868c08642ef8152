#include "sql/function/aggregate_function.h"

namespace omendb::sql {
namespace {

bool IsUntyped(LogicalType t) { return t.id() == TypeId::kUnknown || t.id() == TypeId::kNull; }

Status NoSuchFunction(const std::string& name, const std::vector<LogicalType>& args) {
  std::string sig = name + "(";
  for (size_t i = 0; i < args.size(); ++i) sig += (i ? ", " : "") + std::string(args[i].sql_name());
  return Status(sqlstate::kUndefinedFunction, "function " + sig + ") does not exist", "",
                "No function matches the given name and argument types. You might need to add "
                "explicit type casts.");
}

}  // namespace

bool IsAggregateName(const std::string& name) {
  for (const char* n : {"count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every",
                        "string_agg"}) {
    if (name == n) return true;
  }
  return false;
}

Result<AggregateSignature> ResolveAggregate(const std::string& name,
                                            const std::vector<LogicalType>& given, bool star) {
  if (name == "count" && star) return AggregateSignature{AggregateKind::kCountStar, {}, TypeId::kBigInt};
  if (star) return Status(sqlstate::kWrongObjectType, name + "(*) specified, but " + name +
                                                          " is not an aggregate function");
  std::vector<LogicalType> args = given;
  // An untyped literal argument is text, except where the function decides otherwise.
  for (LogicalType& t : args) {
    if (IsUntyped(t)) t = TypeId::kText;
  }
  if (name == "count" && args.size() == 1) {
    return AggregateSignature{AggregateKind::kCount, args, TypeId::kBigInt};
  }
  if (args.size() == 1) {
    LogicalType t = args[0];
    bool numeric_literal = t.id() == TypeId::kNumericLiteral;
    if (name == "sum" || name == "avg") {
      if (numeric_literal || (name == "sum" && t.id() == TypeId::kBigInt) ||
          (name == "avg" && t.IsInteger())) {
        return NotSupported(name + "(" + (numeric_literal ? "numeric" : t.sql_name()) +
                            "), whose result is of type numeric,");
      }
      if (t.id() == TypeId::kInteger && name == "sum") {
        return AggregateSignature{AggregateKind::kSum, {t}, TypeId::kBigInt};
      }
      if (t.id() == TypeId::kDouble) {
        return AggregateSignature{name == "sum" ? AggregateKind::kSum : AggregateKind::kAvg, {t},
                                  TypeId::kDouble};
      }
    }
    if ((name == "min" || name == "max") && t.id() != TypeId::kBoolean) {
      if (numeric_literal) return NotSupported("type numeric");
      return AggregateSignature{name == "min" ? AggregateKind::kMin : AggregateKind::kMax, {t}, t};
    }
    if ((name == "bool_and" || name == "bool_or" || name == "every") && t.id() == TypeId::kBoolean) {
      return AggregateSignature{name == "bool_or" ? AggregateKind::kBoolOr : AggregateKind::kBoolAnd,
                                {t}, TypeId::kBoolean};
    }
  }
  if (name == "string_agg" && args.size() == 2 && args[0].id() == TypeId::kText &&
      args[1].id() == TypeId::kText) {
    return AggregateSignature{AggregateKind::kStringAgg, args, TypeId::kText};
  }
  return NoSuchFunction(name, given);
}

}  // namespace omendb::sql
