#include "types/logical_type.h"

#include "types/datetime.h"

namespace omendb {
namespace {

struct TypeInfo {
  uint32_t oid;
  const char* pg_name;
  const char* sql_name;
  int16_t typlen;
  TypeCategory category;
  bool preferred;
  PhysicalType physical;
  bool storable;
};

const TypeInfo& Info(TypeId id) {
  using C = TypeCategory;
  using P = PhysicalType;
  static const TypeInfo kInvalid{0, "invalid", "invalid", -1, C::kUnknown, false, P::kString, false};
  static const TypeInfo kInfos[] = {
      kInvalid,
      {16, "bool", "boolean", 1, C::kBoolean, true, P::kBool, true},
      {23, "int4", "integer", 4, C::kNumeric, false, P::kInt32, true},
      {20, "int8", "bigint", 8, C::kNumeric, false, P::kInt64, true},
      {701, "float8", "double precision", 8, C::kNumeric, true, P::kDouble, true},
      {25, "text", "text", -1, C::kString, true, P::kString, true},
      {705, "unknown", "unknown", -2, C::kUnknown, false, P::kString, false},
      {1700, "numeric", "numeric", -1, C::kNumeric, false, P::kString, false},
      {705, "unknown", "unknown", -2, C::kUnknown, false, P::kString, false},
      {21, "int2", "smallint", 2, C::kNumeric, false, P::kInt16, true},
      {700, "float4", "real", 4, C::kNumeric, false, P::kFloat, true},
      {1700, "numeric", "numeric", -1, C::kNumeric, false, P::kString, true},
      {1043, "varchar", "character varying", -1, C::kString, false, P::kString, true},
      {1042, "bpchar", "character", -1, C::kString, false, P::kString, true},
      {17, "bytea", "bytea", -1, C::kUser, false, P::kString, true},
      {1082, "date", "date", 4, C::kDateTime, false, P::kInt32, true},
      {1083, "time", "time without time zone", 8, C::kDateTime, false, P::kInt64, true},
      {1114, "timestamp", "timestamp without time zone", 8, C::kDateTime, false, P::kInt64, true},
      {1184, "timestamptz", "timestamp with time zone", 8, C::kDateTime, true, P::kInt64, true},
      {1186, "interval", "interval", 16, C::kTimespan, true, P::kInterval, true},
      {2950, "uuid", "uuid", 16, C::kUser, false, P::kUuid, true},
  };
  auto i = static_cast<size_t>(id);
  return i < sizeof(kInfos) / sizeof(kInfos[0]) ? kInfos[i] : kInvalid;
}

}  // namespace

LogicalType LogicalType::Numeric(int precision, int scale) {
  return LogicalType(TypeId::kNumeric, ((precision << 16) | (scale & 0x7ff)) + 4);
}
LogicalType LogicalType::Varchar(int length) { return LogicalType(TypeId::kVarchar, length + 4); }
LogicalType LogicalType::Char(int length) { return LogicalType(TypeId::kChar, length + 4); }

uint32_t LogicalType::pg_oid() const { return Info(id_).oid; }
const char* LogicalType::pg_name() const { return Info(id_).pg_name; }
const char* LogicalType::sql_name() const { return Info(id_).sql_name; }
int16_t LogicalType::pg_typlen() const { return Info(id_).typlen; }
TypeCategory LogicalType::category() const { return Info(id_).category; }
bool LogicalType::IsPreferred() const { return Info(id_).preferred; }
PhysicalType LogicalType::physical() const { return Info(id_).physical; }
bool LogicalType::IsStorable() const { return Info(id_).storable; }

std::string LogicalType::ToString() const {
  std::string base = sql_name();
  if (modifier_ < 0) return base;
  switch (id_) {
    case TypeId::kVarchar:
    case TypeId::kChar: return base + "(" + std::to_string(CharLength()) + ")";
    case TypeId::kNumeric:
      return base + "(" + std::to_string(NumericPrecision()) + "," +
             std::to_string(NumericScale()) + ")";
    case TypeId::kTime:
      return "time(" + std::to_string(modifier_) + ") without time zone";
    case TypeId::kTimestamp:
      return "timestamp(" + std::to_string(modifier_) + ") without time zone";
    case TypeId::kTimestampTz:
      return "timestamp(" + std::to_string(modifier_) + ") with time zone";
    case TypeId::kInterval: return base + IntervalTypmodText(modifier_);
    default: return base;
  }
}

size_t LogicalType::FixedWidth() const {
  switch (physical()) {
    case PhysicalType::kBool: return 1;
    case PhysicalType::kInt16: return 2;
    case PhysicalType::kInt32:
    case PhysicalType::kFloat: return 4;
    case PhysicalType::kInt64:
    case PhysicalType::kDouble: return 8;
    case PhysicalType::kInterval:
    case PhysicalType::kUuid: return 16;
    case PhysicalType::kString: return 0;
  }
  return 0;
}

}  // namespace omendb
