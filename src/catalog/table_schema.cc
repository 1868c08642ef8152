#include "catalog/table_schema.h"

#include "common/coding.h"

namespace omendb {

std::optional<size_t> TableSchema::FindColumn(std::string_view column_name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column_name) return i;
  }
  return std::nullopt;
}

std::vector<LogicalType> TableSchema::ColumnTypes() const {
  std::vector<LogicalType> types;
  for (const ColumnDefinition& c : columns) types.push_back(c.type);
  return types;
}

void TableSchema::EncodeTo(std::string* dst) const {
  PutVarint64(dst, table_id);
  PutLengthPrefixed(dst, name);
  PutVarint64(dst, columns.size());
  for (const ColumnDefinition& c : columns) {
    PutLengthPrefixed(dst, c.name);
    dst->push_back(static_cast<char>(c.type.id()));
    dst->push_back(c.not_null ? 1 : 0);
  }
  PutVarint64(dst, primary_key.size());
  for (size_t k : primary_key) PutVarint64(dst, k);
}

Result<TableSchema> TableSchema::Decode(std::string_view in) {
  auto corrupt = [] { return Status(sqlstate::kDataCorrupted, "invalid table definition record"); };
  Decoder d(in);
  TableSchema s;
  std::string_view name;
  uint64_t ncols;
  if (!d.GetVarint64(&s.table_id) || !d.GetLengthPrefixed(&name) || !d.GetVarint64(&ncols) ||
      ncols > in.size()) {
    return corrupt();
  }
  s.name = std::string(name);
  for (uint64_t i = 0; i < ncols; ++i) {
    std::string_view cname;
    uint8_t type, not_null;
    if (!d.GetLengthPrefixed(&cname) || !d.GetByte(&type) || !d.GetByte(&not_null)) return corrupt();
    LogicalType t(static_cast<TypeId>(type));
    if (!t.IsStorable()) return corrupt();
    s.columns.push_back({std::string(cname), t, not_null != 0});
  }
  uint64_t npk;
  if (!d.GetVarint64(&npk) || npk > ncols) return corrupt();
  for (uint64_t i = 0; i < npk; ++i) {
    uint64_t k;
    if (!d.GetVarint64(&k) || k >= ncols) return corrupt();
    s.primary_key.push_back(k);
  }
  if (!d.empty()) return corrupt();
  return s;
}

}  // namespace omendb
