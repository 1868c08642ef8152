// LogicalType: the SQL type of a value, vector or expression, with PostgreSQL's identity
// (type OID, names, wire length, type modifier) so every layer up to pgwire agrees on it.
#pragma once

#include <cstdint>
#include <string>

namespace omendb {

// The numbering is persistent (catalog records store it): append, never renumber.
enum class TypeId : uint8_t {
  kInvalid = 0,
  kBoolean,
  kInteger,  // int4
  kBigInt,   // int8
  kDouble,   // float8
  kText,
  // The type of a quoted string literal before the binder resolves it from context
  // (PostgreSQL's "unknown"). Never reaches storage.
  kUnknown,
  // Unused since numeric exists (decimal literals are numeric constants); kept so the
  // numbering stays stable.
  kNumericLiteral,
  // The type of a bare NULL literal before coercion.
  kNull,
  kSmallInt,     // int2
  kReal,         // float4
  kNumeric,      // exact decimal; modifier = PostgreSQL's ((precision << 16) | scale) + 4
  kVarchar,      // character varying(n); modifier = n + 4, -1 without a length
  kChar,         // character(n) (bpchar); modifier = n + 4, stored blank-padded
  kBytea,
  kDate,         // days since 2000-01-01
  kTime,         // microseconds since midnight; modifier = fractional precision
  kTimestamp,    // microseconds since 2000-01-01; modifier = fractional precision
  kTimestampTz,  // microseconds since 2000-01-01 UTC; modifier = fractional precision
  kInterval,     // months, days, microseconds
  kUuid,
};

// How values of a type are laid out in a Vector and in storage.
enum class PhysicalType : uint8_t {
  kBool,      // uint8_t 0/1
  kInt16,
  kInt32,     // integer, date
  kInt64,     // bigint, time, timestamp, timestamptz
  kFloat,
  kDouble,
  kInterval,  // struct IntervalValue (16 bytes)
  kUuid,      // 16 bytes, network order (memcmp order is uuid order)
  kString,    // std::string: text, varchar, char(n), bytea, numeric (its canonical text)
};

// An interval's fields, kept apart as PostgreSQL does (a month is not a fixed number of days).
struct IntervalValue {
  int64_t micros = 0;
  int32_t days = 0;
  int32_t months = 0;
  bool operator==(const IntervalValue&) const = default;
};

// A uuid's 16 bytes in network order.
struct UuidValue {
  uint8_t bytes[16] = {};
  bool operator==(const UuidValue&) const = default;
};

// PostgreSQL's type categories (pg_type.typcategory), used by overload resolution.
enum class TypeCategory : char {
  kBoolean = 'B',
  kNumeric = 'N',
  kString = 'S',
  kDateTime = 'D',
  kTimespan = 'T',
  kUser = 'U',
  kUnknown = 'X',
};

class LogicalType {
 public:
  constexpr LogicalType() = default;
  constexpr LogicalType(TypeId id) : id_(id) {}  // NOLINT: implicit by design
  constexpr LogicalType(TypeId id, int32_t modifier) : id_(id), modifier_(modifier) {}

  // numeric(precision, scale); REQUIRES validated arguments (see Numeric::MakeTypmod).
  static LogicalType Numeric(int precision, int scale);
  static LogicalType Varchar(int length);
  static LogicalType Char(int length);

  constexpr TypeId id() const { return id_; }
  // PostgreSQL's atttypmod: -1 when the type has no modifier.
  constexpr int32_t modifier() const { return modifier_; }
  bool operator==(const LogicalType& o) const = default;
  // The same type ignoring modifiers (varchar(5) and varchar(10)).
  bool SameBase(const LogicalType& o) const { return id_ == o.id_; }
  // This type without its modifier.
  LogicalType Base() const { return LogicalType(id_); }

  // PostgreSQL type OID (pg_type.oid), e.g. 23 for integer.
  uint32_t pg_oid() const;
  // PostgreSQL's internal name, as in pg_type.typname ("int4") and output column names.
  const char* pg_name() const;
  // The SQL-standard spelling used in messages ("integer", "double precision"), without
  // modifiers.
  const char* sql_name() const;
  // format_type(): the spelling with modifiers ("character varying(10)", "numeric(10,2)").
  std::string ToString() const;
  // pg_type.typlen: bytes for fixed-width types, -1 for variable length.
  int16_t pg_typlen() const;

  TypeCategory category() const;
  // pg_type.typispreferred: the type an ambiguous choice within the category resolves to.
  bool IsPreferred() const;

  PhysicalType physical() const;
  // Integer and floating types (not numeric): the ones with native arithmetic.
  bool IsNumeric() const {
    return IsInteger() || id_ == TypeId::kDouble || id_ == TypeId::kReal;
  }
  bool IsInteger() const {
    return id_ == TypeId::kInteger || id_ == TypeId::kBigInt || id_ == TypeId::kSmallInt;
  }
  // text, varchar, char(n).
  bool IsCharacter() const {
    return id_ == TypeId::kText || id_ == TypeId::kVarchar || id_ == TypeId::kChar;
  }
  // True for types a column can hold.
  bool IsStorable() const;
  // Bytes per value in a vector's fixed-width buffer (0 for strings).
  size_t FixedWidth() const;

  // varchar(n)/char(n): n; -1 without a length.
  int CharLength() const { return modifier_ >= 4 ? modifier_ - 4 : -1; }
  // numeric(p,s): p and s; -1 without a modifier.
  int NumericPrecision() const { return modifier_ >= 4 ? ((modifier_ - 4) >> 16) & 0xffff : -1; }
  int NumericScale() const {
    return modifier_ >= 4 ? ((((modifier_ - 4) & 0x7ff) ^ 1024) - 1024) : -1;
  }

 private:
  TypeId id_ = TypeId::kInvalid;
  int32_t modifier_ = -1;
};

}  // namespace omendb
