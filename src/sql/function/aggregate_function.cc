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
    LogicalType t = args[0].Base();
    TypeId id = t.id();
    const LogicalType numeric = TypeId::kNumeric;
    if (name == "sum" || name == "avg") {
      AggregateKind kind = name == "sum" ? AggregateKind::kSum : AggregateKind::kAvg;
      switch (id) {
        case TypeId::kSmallInt:
        case TypeId::kInteger:
          return AggregateSignature{kind, {t}, kind == AggregateKind::kSum ? LogicalType(TypeId::kBigInt) : numeric};
        case TypeId::kBigInt:
        case TypeId::kNumeric:
          return AggregateSignature{kind, {t}, numeric};
        case TypeId::kReal:
          return AggregateSignature{kind, {t}, kind == AggregateKind::kSum ? t : LogicalType(TypeId::kDouble)};
        case TypeId::kDouble:
        case TypeId::kInterval:
          return AggregateSignature{kind, {t}, t};
        default: break;
      }
    }
    // min/max over every type with an order PostgreSQL 15 aggregates (not boolean, bytea, uuid);
    // varchar is compared and returned as text.
    bool orderable = id != TypeId::kBoolean && id != TypeId::kBytea && id != TypeId::kUuid;
    if ((name == "min" || name == "max") && orderable) {
      if (id == TypeId::kVarchar) t = TypeId::kText;
      return AggregateSignature{name == "min" ? AggregateKind::kMin : AggregateKind::kMax, {t}, t};
    }
    if ((name == "bool_and" || name == "bool_or" || name == "every") && id == TypeId::kBoolean) {
      return AggregateSignature{name == "bool_or" ? AggregateKind::kBoolOr : AggregateKind::kBoolAnd,
                                {t}, TypeId::kBoolean};
    }
  }
  if (name == "string_agg" && args.size() == 2) {
    // string_agg(text, text) (varchar and char(n) convert) or string_agg(bytea, bytea).
    bool text = args[0].IsCharacter() && args[1].IsCharacter();
    bool bytea = args[0].id() == TypeId::kBytea && args[1].id() == TypeId::kBytea;
    LogicalType t = bytea ? LogicalType(TypeId::kBytea) : LogicalType(TypeId::kText);
    if (text || bytea) return AggregateSignature{AggregateKind::kStringAgg, {t, t}, t};
  }
  return NoSuchFunction(name, given);
}

}  // namespace omendb::sql
