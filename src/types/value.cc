#include "types/value.h"

#include <cmath>

#include "types/pg_text.h"

namespace omendb {

Value Value::Boolean(bool b) {
  Value v;
  v.type_ = TypeId::kBoolean;
  v.is_null_ = false;
  v.b_ = b;
  return v;
}

Value Value::Integer(int32_t i) {
  Value v;
  v.type_ = TypeId::kInteger;
  v.is_null_ = false;
  v.i_ = i;
  return v;
}

Value Value::BigInt(int64_t i) {
  Value v;
  v.type_ = TypeId::kBigInt;
  v.is_null_ = false;
  v.i_ = i;
  return v;
}

Value Value::Double(double d) {
  Value v;
  v.type_ = TypeId::kDouble;
  v.is_null_ = false;
  v.d_ = d;
  return v;
}

Value Value::Text(std::string s) {
  Value v;
  v.type_ = TypeId::kText;
  v.is_null_ = false;
  v.s_ = std::move(s);
  return v;
}

Value Value::Unknown(std::string s) {
  Value v = Text(std::move(s));
  v.type_ = TypeId::kUnknown;
  return v;
}

Value Value::NumericLiteral(std::string digits) {
  Value v = Text(std::move(digits));
  v.type_ = TypeId::kNumericLiteral;
  return v;
}

std::string Value::ToString() const {
  if (is_null_) return "NULL";
  switch (type_.id()) {
    case TypeId::kBoolean: return b_ ? "t" : "f";
    case TypeId::kInteger:
    case TypeId::kBigInt: return std::to_string(i_);
    case TypeId::kDouble: return FormatFloat8(d_);
    default: return s_;
  }
}

int Value::Compare(const Value& a, const Value& b) {
  switch (a.type_.id()) {
    case TypeId::kBoolean: return int(a.b_) - int(b.b_);
    case TypeId::kInteger:
    case TypeId::kBigInt: return a.i_ < b.i_ ? -1 : (a.i_ > b.i_ ? 1 : 0);
    case TypeId::kDouble: return CompareFloat8(a.d_, b.d_);
    default: {
      int c = a.s_.compare(b.s_);
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
  }
}

bool Value::operator==(const Value& o) const {
  if (type_ != o.type_ || is_null_ != o.is_null_) return false;
  return is_null_ || Compare(*this, o) == 0;
}

}  // namespace omendb
