#include "types/logical_type.h"

namespace omendb {

uint32_t LogicalType::pg_oid() const {
  switch (id_) {
    case TypeId::kBoolean: return 16;
    case TypeId::kInteger: return 23;
    case TypeId::kBigInt: return 20;
    case TypeId::kDouble: return 701;
    case TypeId::kText: return 25;
    case TypeId::kUnknown: return 705;
    case TypeId::kNumericLiteral: return 1700;
    case TypeId::kNull: return 705;
    case TypeId::kInvalid: return 0;
  }
  return 0;
}

const char* LogicalType::pg_name() const {
  switch (id_) {
    case TypeId::kBoolean: return "bool";
    case TypeId::kInteger: return "int4";
    case TypeId::kBigInt: return "int8";
    case TypeId::kDouble: return "float8";
    case TypeId::kText: return "text";
    case TypeId::kUnknown: return "unknown";
    case TypeId::kNumericLiteral: return "numeric";
    case TypeId::kNull: return "unknown";
    case TypeId::kInvalid: return "invalid";
  }
  return "invalid";
}

const char* LogicalType::sql_name() const {
  switch (id_) {
    case TypeId::kBoolean: return "boolean";
    case TypeId::kInteger: return "integer";
    case TypeId::kBigInt: return "bigint";
    case TypeId::kDouble: return "double precision";
    case TypeId::kText: return "text";
    case TypeId::kUnknown: return "unknown";
    case TypeId::kNumericLiteral: return "numeric";
    case TypeId::kNull: return "unknown";
    case TypeId::kInvalid: return "invalid";
  }
  return "invalid";
}

int16_t LogicalType::pg_typlen() const {
  switch (id_) {
    case TypeId::kBoolean: return 1;
    case TypeId::kInteger: return 4;
    case TypeId::kBigInt: return 8;
    case TypeId::kDouble: return 8;
    default: return -1;
  }
}

bool LogicalType::IsStorable() const {
  switch (id_) {
    case TypeId::kBoolean:
    case TypeId::kInteger:
    case TypeId::kBigInt:
    case TypeId::kDouble:
    case TypeId::kText:
      return true;
    default:
      return false;
  }
}

size_t LogicalType::FixedWidth() const {
  switch (id_) {
    case TypeId::kBoolean: return 1;
    case TypeId::kInteger: return 4;
    case TypeId::kBigInt: return 8;
    case TypeId::kDouble: return 8;
    default: return 0;
  }
}

}  // namespace omendb
