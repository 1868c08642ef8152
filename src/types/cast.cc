#include "types/cast.h"

#include <cmath>
#include <limits>

#include "types/datetime.h"
#include "types/numeric.h"
#include "types/pg_text.h"
#include "types/session_time.h"
#include "types/type_io.h"

namespace omendb {
namespace {

using C = CastContext;

bool IsUntyped(TypeId id) { return id == TypeId::kUnknown || id == TypeId::kNull; }

// Numeric-category types in PostgreSQL's implicit widening order.
int NumericRank(TypeId id) {
  switch (id) {
    case TypeId::kSmallInt: return 1;
    case TypeId::kInteger: return 2;
    case TypeId::kBigInt: return 3;
    case TypeId::kNumeric: return 4;
    case TypeId::kReal: return 5;
    case TypeId::kDouble: return 6;
    default: return 0;
  }
}

// The context of a built-in (pg_cast) conversion between two different base types, or
// nullopt when pg_cast has none.
std::optional<CastContext> BuiltinCast(TypeId f, TypeId t) {
  int rf = NumericRank(f), rt = NumericRank(t);
  if (rf > 0 && rt > 0) return rf < rt ? C::kImplicit : C::kAssignment;
  if ((f == TypeId::kBoolean && t == TypeId::kInteger) ||
      (f == TypeId::kInteger && t == TypeId::kBoolean)) {
    return C::kExplicit;
  }
  auto is_string = [](TypeId x) {
    return x == TypeId::kText || x == TypeId::kVarchar || x == TypeId::kChar;
  };
  if (is_string(f) && is_string(t)) return C::kImplicit;  // binary coercible (char trims)
  switch (f) {
    case TypeId::kDate:
      if (t == TypeId::kTimestamp || t == TypeId::kTimestampTz) return C::kImplicit;
      break;
    case TypeId::kTimestamp:
      if (t == TypeId::kTimestampTz) return C::kImplicit;
      if (t == TypeId::kDate || t == TypeId::kTime) return C::kAssignment;
      break;
    case TypeId::kTimestampTz:
      if (t == TypeId::kDate || t == TypeId::kTime || t == TypeId::kTimestamp) return C::kAssignment;
      break;
    case TypeId::kTime:
      if (t == TypeId::kInterval) return C::kImplicit;
      break;
    case TypeId::kInterval:
      if (t == TypeId::kTime) return C::kAssignment;
      break;
    default: break;
  }
  return std::nullopt;
}

Status OutOfRange(const char* type) {
  return Status(sqlstate::kNumericValueOutOfRange, std::string(type) + " out of range");
}

Result<Value> IntToInt(int64_t i, TypeId target) {
  switch (target) {
    case TypeId::kSmallInt:
      if (i < INT16_MIN || i > INT16_MAX) return OutOfRange("smallint");
      return Value::SmallInt(static_cast<int16_t>(i));
    case TypeId::kInteger:
      if (i < INT32_MIN || i > INT32_MAX) return OutOfRange("integer");
      return Value::Integer(static_cast<int32_t>(i));
    default: return Value::BigInt(i);
  }
}

const char* IntTypeName(TypeId t) {
  return t == TypeId::kSmallInt ? "smallint" : t == TypeId::kInteger ? "integer" : "bigint";
}

// Conversions among the numeric-category types.
Result<Value> NumberToNumber(const Value& v, TypeId target) {
  TypeId from = v.type().id();
  bool to_int = target == TypeId::kSmallInt || target == TypeId::kInteger || target == TypeId::kBigInt;
  switch (from) {
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt: {
      int64_t i = v.GetInt();
      if (to_int) return IntToInt(i, target);
      if (target == TypeId::kReal) return Value::Real(static_cast<float>(i));
      if (target == TypeId::kDouble) return Value::Double(static_cast<double>(i));
      return Value::String(TypeId::kNumeric, Numeric::FromInt64(i).ToString());
    }
    case TypeId::kReal:
    case TypeId::kDouble: {
      double d = v.GetDouble();
      if (to_int) {
        // PostgreSQL rounds to nearest, ties to even (rint), and rejects NaN and out-of-range.
        double r = std::nearbyint(d);
        if (std::isnan(r) || r < -9223372036854775808.0 || r >= 9223372036854775808.0) {
          return OutOfRange(IntTypeName(target));
        }
        return IntToInt(static_cast<int64_t>(r), target);
      }
      if (target == TypeId::kDouble) return Value::Double(d);
      if (target == TypeId::kReal) {
        float f = static_cast<float>(d);
        if (std::isinf(f) && !std::isinf(d)) {
          return Status(sqlstate::kNumericValueOutOfRange, "value out of range: overflow");
        }
        if (f == 0 && d != 0) {
          return Status(sqlstate::kNumericValueOutOfRange, "value out of range: underflow");
        }
        return Value::Real(f);
      }
      Numeric n = from == TypeId::kReal ? Numeric::FromFloat(static_cast<float>(d)) : Numeric::FromDouble(d);
      return Value::String(TypeId::kNumeric, n.ToString());
    }
    case TypeId::kNumeric: {
      Numeric n;
      OMEN_ASSIGN_OR_RETURN(n, Numeric::Parse(v.GetString()));
      switch (target) {
        case TypeId::kSmallInt: {
          int16_t i;
          OMEN_ASSIGN_OR_RETURN(i, n.ToInt16());
          return Value::SmallInt(i);
        }
        case TypeId::kInteger: {
          int32_t i;
          OMEN_ASSIGN_OR_RETURN(i, n.ToInt32());
          return Value::Integer(i);
        }
        case TypeId::kBigInt: {
          int64_t i;
          OMEN_ASSIGN_OR_RETURN(i, n.ToInt64());
          return Value::BigInt(i);
        }
        case TypeId::kReal: {
          float f;
          OMEN_ASSIGN_OR_RETURN(f, n.ToFloat4());
          return Value::Real(f);
        }
        default: {
          double d;
          OMEN_ASSIGN_OR_RETURN(d, n.ToFloat8());
          return Value::Double(d);
        }
      }
    }
    default: break;
  }
  return InternalError("unexpected numeric cast");
}

Result<Value> DateTimeToDateTime(const Value& v, TypeId target) {
  TypeId from = v.type().id();
  const TimeZone& tz = SessionTimeZone();
  int64_t x = v.GetInt();
  switch (from) {
    case TypeId::kDate: {
      int64_t ts;
      OMEN_ASSIGN_OR_RETURN(ts, DateToTimestamp(static_cast<int32_t>(x)));
      if (target == TypeId::kTimestamp) return Value::Int(TypeId::kTimestamp, ts);
      int64_t tstz;
      OMEN_ASSIGN_OR_RETURN(tstz, TimestampToTimestampTz(ts, tz));
      return Value::Int(TypeId::kTimestampTz, tstz);
    }
    case TypeId::kTimestamp:
      if (target == TypeId::kTimestampTz) {
        int64_t tstz;
        OMEN_ASSIGN_OR_RETURN(tstz, TimestampToTimestampTz(x, tz));
        return Value::Int(TypeId::kTimestampTz, tstz);
      }
      break;
    case TypeId::kTimestampTz: {
      int64_t local;
      OMEN_ASSIGN_OR_RETURN(local, TimestampTzToTimestamp(x, tz));
      if (target == TypeId::kTimestamp) return Value::Int(TypeId::kTimestamp, local);
      x = local;
      break;
    }
    case TypeId::kTime: return Value::Interval(IntervalValue{x, 0, 0});
    case TypeId::kInterval: {
      // interval -> time: the time of day of its microseconds (days and months are dropped).
      int64_t t = v.GetInterval().micros % kUsecsPerDay;
      return Value::Int(TypeId::kTime, t < 0 ? t + kUsecsPerDay : t);
    }
    default: break;
  }
  // From a (local) timestamp to date or time.
  if (target == TypeId::kDate) {
    int32_t d;
    OMEN_ASSIGN_OR_RETURN(d, TimestampToDate(x));
    return Value::Int(TypeId::kDate, d);
  }
  if (target == TypeId::kTime) {
    std::optional<int64_t> t = TimestampToTime(x);  // none for infinities: NULL
    return t ? Value::Int(TypeId::kTime, *t) : Value::Null(TypeId::kTime);
  }
  return InternalError("unexpected date/time cast");
}

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Byte length of the first `chars` characters of UTF-8 `s`.
size_t PrefixBytes(std::string_view s, size_t chars) {
  size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == chars) break;
      ++n;
    }
  }
  return i;
}

}  // namespace

bool CanCast(LogicalType from, LogicalType to, CastContext context) {
  TypeId f = from.id(), t = to.id();
  if (f == t || IsUntyped(f)) return true;
  if (std::optional<CastContext> c = BuiltinCast(f, t)) return *c <= context;
  // I/O conversion casts: to a string type in assignment, from one only when explicit.
  if (to.IsCharacter()) return context >= C::kAssignment;
  if (from.IsCharacter()) return context == C::kExplicit && to.IsStorable();
  return false;
}

Result<Value> ApplyModifier(const Value& v, LogicalType type, CastContext context) {
  if (v.is_null() || type.modifier() < 0) return v.WithType(type);
  switch (type.id()) {
    case TypeId::kVarchar:
    case TypeId::kChar: {
      size_t max = static_cast<size_t>(type.CharLength());
      const std::string& s = v.GetString();
      std::string out;
      size_t count = CharCount(s);
      if (count > max) {
        size_t keep = PrefixBytes(s, max);
        bool blanks = s.find_first_not_of(' ', keep) == std::string::npos;
        if (context != C::kExplicit && !blanks) {
          return Status(sqlstate::kStringDataRightTruncation,
                        "value too long for type " + type.ToString());
        }
        out = s.substr(0, keep);
        count = max;
      } else {
        out = s;
      }
      if (type.id() == TypeId::kChar) out.append(max - count, ' ');
      return Value::String(type, std::move(out));
    }
    case TypeId::kNumeric: {
      Numeric n, r;
      OMEN_ASSIGN_OR_RETURN(n, Numeric::Parse(v.GetString()));
      OMEN_ASSIGN_OR_RETURN(r, n.ApplyTypmod(type.NumericPrecision(), type.NumericScale()));
      return Value::String(type, r.ToString());
    }
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: {
      int64_t x = v.GetInt();
      if (type.id() != TypeId::kTime && (x == INT64_MIN || x == INT64_MAX)) return v.WithType(type);
      return Value::Int(type, RoundMicros(x, type.modifier()));
    }
    case TypeId::kInterval: {
      IntervalValue iv;
      OMEN_ASSIGN_OR_RETURN(iv, AdjustIntervalForTypmod(v.GetInterval(), type.modifier()));
      return Value::Interval(iv).WithType(type);
    }
    default: return v.WithType(type);
  }
}

Result<Value> CastValue(const Value& v, LogicalType target, CastContext context) {
  TypeId from = v.type().id(), to = target.id();
  if (v.type() == target) return v;
  if (!CanCast(v.type(), target, CastContext::kExplicit)) {
    return Status(sqlstate::kCannotCoerce, "cannot cast type " + v.type().ToString() + " to " +
                                               target.ToString());
  }
  if (v.is_null()) return Value::Null(target);
  Value base;
  if (from == to) {
    base = v;
  } else if (from == TypeId::kUnknown || v.type().IsCharacter()) {
    std::string_view s = v.GetString();
    // char(n) -> text and varchar drops the padding (PostgreSQL's rtrim); its output function,
    // used for other types (bytea...), keeps it.
    if (from == TypeId::kChar && target.IsCharacter()) s = TrimTrailingBlanks(s);
    if (target.IsCharacter()) {
      base = Value::String(target.Base(), std::string(s));
    } else {
      OMEN_ASSIGN_OR_RETURN(base, ParseValueText(s, target));
    }
  } else if (target.IsCharacter()) {
    std::string s = from == TypeId::kBoolean ? (v.GetBool() ? "true" : "false") : FormatValueText(v);
    base = Value::String(target.Base(), std::move(s));
  } else if (NumericRank(from) > 0 && NumericRank(to) > 0) {
    OMEN_ASSIGN_OR_RETURN(base, NumberToNumber(v, to));
  } else if (from == TypeId::kBoolean) {
    base = Value::Integer(v.GetBool() ? 1 : 0);
  } else if (to == TypeId::kBoolean) {
    base = Value::Boolean(v.GetInt() != 0);
  } else {
    OMEN_ASSIGN_OR_RETURN(base, DateTimeToDateTime(v, to));
  }
  return ApplyModifier(base, target, context);
}

}  // namespace omendb
