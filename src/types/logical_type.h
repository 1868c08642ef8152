// LogicalType: the SQL type of a value, vector or expression, with PostgreSQL's identity
// (type OID, names, wire length) so every layer up to pgwire agrees on it.
#pragma once

#include <cstdint>
#include <string>

namespace omendb {

enum class TypeId : uint8_t {
  kInvalid = 0,
  kBoolean,
  kInteger,  // int4
  kBigInt,   // int8
  kDouble,   // float8
  kText,
  // Types of bare literals before the binder resolves them from context (PostgreSQL's
  // "unknown" for quoted strings; "numeric" for decimal literals, which no column can hold
  // yet). They never reach storage.
  kUnknown,
  kNumericLiteral,
  // The type of a bare NULL literal before coercion.
  kNull,
};

class LogicalType {
 public:
  constexpr LogicalType() = default;
  constexpr LogicalType(TypeId id) : id_(id) {}  // NOLINT: implicit by design

  constexpr TypeId id() const { return id_; }
  bool operator==(const LogicalType& o) const = default;

  // PostgreSQL type OID (pg_type.oid), e.g. 23 for integer.
  uint32_t pg_oid() const;
  // PostgreSQL's internal name, as in pg_type.typname ("int4") and output column names.
  const char* pg_name() const;
  // The SQL-standard spelling used in messages ("integer", "double precision").
  const char* sql_name() const;
  // pg_type.typlen: bytes for fixed-width types, -1 for variable length.
  int16_t pg_typlen() const;

  bool IsNumeric() const {
    return id_ == TypeId::kInteger || id_ == TypeId::kBigInt || id_ == TypeId::kDouble;
  }
  bool IsInteger() const { return id_ == TypeId::kInteger || id_ == TypeId::kBigInt; }
  // True for types a column can hold.
  bool IsStorable() const;
  // Bytes per value in a vector's fixed-width buffer (0 for text).
  size_t FixedWidth() const;

 private:
  TypeId id_ = TypeId::kInvalid;
};

}  // namespace omendb
