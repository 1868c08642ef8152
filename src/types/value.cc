#include "types/value.h"

#include <cstring>

#include "types/type_io.h"

namespace omendb {

Value Value::Boolean(bool b) {
  Value v;
  v.type_ = TypeId::kBoolean;
  v.is_null_ = false;
  v.b_ = b;
  return v;
}

Value Value::Int(LogicalType type, int64_t i) {
  Value v;
  v.type_ = type;
  v.is_null_ = false;
  v.i_ = i;
  return v;
}

Value Value::SmallInt(int16_t i) { return Int(TypeId::kSmallInt, i); }
Value Value::Integer(int32_t i) { return Int(TypeId::kInteger, i); }
Value Value::BigInt(int64_t i) { return Int(TypeId::kBigInt, i); }

Value Value::Double(double d) {
  Value v;
  v.type_ = TypeId::kDouble;
  v.is_null_ = false;
  v.d_ = d;
  return v;
}

Value Value::Real(float f) {
  Value v = Double(f);
  v.type_ = TypeId::kReal;
  return v;
}

Value Value::String(LogicalType type, std::string s) {
  Value v;
  v.type_ = type;
  v.is_null_ = false;
  v.s_ = std::move(s);
  return v;
}

Value Value::Text(std::string s) { return String(TypeId::kText, std::move(s)); }
Value Value::Unknown(std::string s) { return String(TypeId::kUnknown, std::move(s)); }

Value Value::Interval(IntervalValue iv) {
  Value v = Int(TypeId::kInterval, iv.micros);
  v.i2_ = static_cast<int64_t>((static_cast<uint64_t>(static_cast<uint32_t>(iv.months)) << 32) |
                               static_cast<uint32_t>(iv.days));
  return v;
}

IntervalValue Value::GetInterval() const {
  IntervalValue iv;
  iv.micros = i_;
  iv.days = static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(i2_)));
  iv.months = static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(i2_) >> 32));
  return iv;
}

Value Value::Uuid(const UuidValue& u) {
  Value v = Int(TypeId::kUuid, 0);
  std::memcpy(&v.i_, u.bytes, 8);
  std::memcpy(&v.i2_, u.bytes + 8, 8);
  return v;
}

UuidValue Value::GetUuid() const {
  UuidValue u;
  std::memcpy(u.bytes, &i_, 8);
  std::memcpy(u.bytes + 8, &i2_, 8);
  return u;
}

std::string Value::ToString() const {
  if (is_null_) return "NULL";
  return FormatValueText(*this);
}

int Value::Compare(const Value& a, const Value& b) { return CompareValues(a, b); }

bool Value::operator==(const Value& o) const {
  if (type_ != o.type_ || is_null_ != o.is_null_) return false;
  return is_null_ || Compare(*this, o) == 0;
}

}  // namespace omendb
