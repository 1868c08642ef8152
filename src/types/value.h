// Value: one SQL value (or NULL) of a LogicalType. The slow, general path: used for constants,
// keys, catalog defaults and tests; vectorized code works on Vector buffers instead.
#pragma once

#include <cstdint>
#include <string>

#include "types/logical_type.h"

namespace omendb {

class Value {
 public:
  Value() : type_(TypeId::kNull), is_null_(true) {}

  static Value Null(LogicalType type) {
    Value v;
    v.type_ = type;
    return v;
  }
  static Value Boolean(bool b);
  static Value SmallInt(int16_t i);
  static Value Integer(int32_t i);
  static Value BigInt(int64_t i);
  static Value Real(float f);
  static Value Double(double d);
  static Value Text(std::string s);
  // A string literal whose type is decided by its context (PostgreSQL's "unknown").
  static Value Unknown(std::string s);
  // A value kept as a string: numeric (its canonical text), varchar, char(n) (padded), bytea
  // (raw bytes). REQUIRES: type's physical type is kString.
  static Value String(LogicalType type, std::string s);
  // A value kept as an integer: date, time, timestamp, timestamptz (and the integer types).
  static Value Int(LogicalType type, int64_t i);
  static Value Interval(IntervalValue iv);
  static Value Uuid(const UuidValue& u);

  LogicalType type() const { return type_; }
  bool is_null() const { return is_null_; }
  // The same value relabelled with `type` of the same physical type (a varchar as text).
  Value WithType(LogicalType type) const {
    Value v = *this;
    v.type_ = type;
    return v;
  }

  // REQUIRES: !is_null() and the matching type.
  bool GetBool() const { return b_; }
  // For every type of physical kInt16/kInt32/kInt64.
  int64_t GetInt() const { return i_; }
  // For double and real.
  double GetDouble() const { return d_; }
  // For every type of physical kString.
  const std::string& GetString() const { return s_; }
  IntervalValue GetInterval() const;
  UuidValue GetUuid() const;

  // PostgreSQL's text output for this value (timestamptz in the current thread's session
  // time zone, see types/session_time.h); "NULL" for NULL (callers that must tell NULL apart
  // check is_null()).
  std::string ToString() const;

  // Total order among non-null values of one type (PostgreSQL's: NaN above all numbers,
  // char(n) ignoring trailing blanks, numeric by value).
  // REQUIRES: both non-null and of the same base type.
  static int Compare(const Value& a, const Value& b);
  // Equality of type, nullness and value (NULL equals NULL here; this is not SQL '=').
  bool operator==(const Value& o) const;

 private:
  LogicalType type_;
  bool is_null_ = false;
  union {
    bool b_;
    int64_t i_ = 0;
    double d_;
  };
  int64_t i2_ = 0;  // interval: (months << 32) | days; uuid: second half
  std::string s_;
};

}  // namespace omendb
