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
  static Value Integer(int32_t i);
  static Value BigInt(int64_t i);
  static Value Double(double d);
  static Value Text(std::string s);
  // A string literal whose type is decided by its context (PostgreSQL's "unknown").
  static Value Unknown(std::string s);
  // A decimal literal, kept as written until the binder coerces it.
  static Value NumericLiteral(std::string digits);

  LogicalType type() const { return type_; }
  bool is_null() const { return is_null_; }

  // REQUIRES: !is_null() and the matching type.
  bool GetBool() const { return b_; }
  // For kInteger and kBigInt.
  int64_t GetInt() const { return i_; }
  double GetDouble() const { return d_; }
  // For kText, kUnknown and kNumericLiteral.
  const std::string& GetString() const { return s_; }

  // PostgreSQL's text output for this value; "NULL" for NULL (callers that must tell NULL
  // apart check is_null()).
  std::string ToString() const;

  // Total order among non-null values of one type (PostgreSQL's: NaN above all numbers).
  // REQUIRES: both non-null and of the same type.
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
  std::string s_;
};

}  // namespace omendb
