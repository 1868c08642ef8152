#include "types/cast.h"

#include <cmath>
#include <limits>

#include "types/pg_text.h"

namespace omendb {
namespace {

bool IsStringLike(TypeId id) {
  return id == TypeId::kText || id == TypeId::kUnknown;
}

Status IntegerOutOfRange(LogicalType t) {
  return Status(sqlstate::kNumericValueOutOfRange,
                t.id() == TypeId::kBigInt ? "bigint out of range" : "integer out of range");
}

Result<Value> FromText(const std::string& s, LogicalType target) {
  switch (target.id()) {
    case TypeId::kBoolean: {
      bool b;
      OMEN_ASSIGN_OR_RETURN(b, ParseBool(s));
      return Value::Boolean(b);
    }
    case TypeId::kInteger: {
      int32_t i;
      OMEN_ASSIGN_OR_RETURN(i, ParseInt4(s));
      return Value::Integer(i);
    }
    case TypeId::kBigInt: {
      int64_t i;
      OMEN_ASSIGN_OR_RETURN(i, ParseInt8(s));
      return Value::BigInt(i);
    }
    case TypeId::kDouble: {
      double d;
      OMEN_ASSIGN_OR_RETURN(d, ParseFloat8(s));
      return Value::Double(d);
    }
    case TypeId::kText: return Value::Text(s);
    default: break;
  }
  return InternalError("unexpected cast target");
}

Result<Value> IntTo(int64_t i, LogicalType target) {
  switch (target.id()) {
    case TypeId::kInteger:
      if (i < std::numeric_limits<int32_t>::min() || i > std::numeric_limits<int32_t>::max()) {
        return IntegerOutOfRange(target);
      }
      return Value::Integer(static_cast<int32_t>(i));
    case TypeId::kBigInt: return Value::BigInt(i);
    case TypeId::kDouble: return Value::Double(static_cast<double>(i));
    case TypeId::kBoolean: return Value::Boolean(i != 0);
    default: break;
  }
  return InternalError("unexpected cast target");
}

Result<Value> DoubleTo(double d, LogicalType target) {
  // PostgreSQL rounds to nearest, ties to even (rint), and rejects NaN and out-of-range values.
  double r = std::nearbyint(d);
  if (target.id() == TypeId::kInteger) {
    if (std::isnan(r) || r < -2147483648.0 || r >= 2147483648.0) return IntegerOutOfRange(target);
    return Value::Integer(static_cast<int32_t>(r));
  }
  if (std::isnan(r) || r < -9223372036854775808.0 || r >= 9223372036854775808.0) {
    return IntegerOutOfRange(target);
  }
  return Value::BigInt(static_cast<int64_t>(r));
}

}  // namespace

bool CastExists(LogicalType from, LogicalType to) {
  TypeId f = from.id(), t = to.id();
  if (f == t || f == TypeId::kNull || IsStringLike(f) || t == TypeId::kText) return true;
  if (f == TypeId::kBoolean) return t == TypeId::kInteger;
  if (t == TypeId::kBoolean) return f == TypeId::kInteger;
  return from.IsNumeric() || f == TypeId::kNumericLiteral;
}

Result<Value> CastValue(const Value& v, LogicalType target) {
  if (v.type() == target) return v;
  if (!CastExists(v.type(), target)) {
    return Status(sqlstate::kCannotCoerce,
                  std::string("cannot cast type ") + v.type().sql_name() + " to " + target.sql_name());
  }
  if (v.is_null()) return Value::Null(target);
  TypeId from = v.type().id();
  if (target.id() == TypeId::kText) {
    if (from == TypeId::kBoolean) return Value::Text(v.GetBool() ? "true" : "false");
    return Value::Text(v.ToString());
  }
  if (IsStringLike(from)) return FromText(v.GetString(), target);
  switch (from) {
    case TypeId::kBoolean: return Value::Integer(v.GetBool() ? 1 : 0);
    case TypeId::kInteger:
    case TypeId::kBigInt: return IntTo(v.GetInt(), target);
    case TypeId::kDouble: return DoubleTo(v.GetDouble(), target);
    case TypeId::kNumericLiteral: {
      if (target.id() == TypeId::kDouble) {
        // numeric has no negative zero: -0.0 is 0.
        Value d;
        OMEN_ASSIGN_OR_RETURN(d, FromText(v.GetString(), target));
        return d.GetDouble() == 0 ? Value::Double(0.0) : d;
      }
      int64_t i;
      OMEN_ASSIGN_OR_RETURN(i, RoundDecimalToInt8(v.GetString()));
      return IntTo(i, target);
    }
    default: break;
  }
  return InternalError("unexpected cast source");
}

}  // namespace omendb
