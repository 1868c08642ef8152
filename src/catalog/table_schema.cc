#include "catalog/table_schema.h"

#include "common/coding.h"

namespace omendb {

std::string RelationKey(std::string_view schema, std::string_view name) {
  if (schema == kPublicSchema) return std::string(name);
  std::string key(schema);
  key += '\x1f';
  key += name;
  return key;
}

std::string SchemaKey(std::string_view name) { return "\x1e" + std::string(name); }

std::string DisplayName(std::string_view key) {
  std::string out(key);
  if (!out.empty() && out[0] == '\x1e') return out.substr(1);
  for (char& c : out) {
    if (c == '\x1f') c = '.';
  }
  return out;
}

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

namespace {
// Tags of the optional sections: DEFAULT expressions and CHECK constraints; a sequence's
// options; identity columns; a view's query.
constexpr uint8_t kExpressionsSection = 1;
constexpr uint8_t kSequenceSection = 2;
constexpr uint8_t kIdentitySection = 3;
constexpr uint8_t kViewSection = 4;
constexpr uint8_t kTypeModifierSection = 5;
constexpr uint8_t kIndexSection = 6;
constexpr uint8_t kNamespaceSection = 7;
constexpr uint8_t kViewSearchPathSection = 8;
}  // namespace

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
  // Optional trailing sections, each led by its tag (absent in records written before
  // they existed).
  bool any_default = false;
  for (const ColumnDefinition& c : columns) any_default = any_default || !c.default_sql.empty();
  if (any_default || !checks.empty()) {
    dst->push_back(static_cast<char>(kExpressionsSection));
    for (const ColumnDefinition& c : columns) PutLengthPrefixed(dst, c.default_sql);
    PutVarint64(dst, checks.size());
    for (const CheckConstraint& c : checks) {
      PutLengthPrefixed(dst, c.name);
      PutLengthPrefixed(dst, c.sql);
    }
  }
  bool any_identity = false;
  for (const ColumnDefinition& c : columns) any_identity = any_identity || c.identity != 0;
  if (any_identity) {
    dst->push_back(static_cast<char>(kIdentitySection));
    for (const ColumnDefinition& c : columns) dst->push_back(c.identity);
  }
  bool any_modifier = false;
  for (const ColumnDefinition& c : columns) any_modifier = any_modifier || c.type.modifier() >= 0;
  if (any_modifier) {
    dst->push_back(static_cast<char>(kTypeModifierSection));
    for (const ColumnDefinition& c : columns) PutVarint64(dst, static_cast<uint64_t>(c.type.modifier() + 1));
  }
  if (!view_sql.empty()) {
    dst->push_back(static_cast<char>(kViewSection));
    PutLengthPrefixed(dst, view_sql);
  }
  if (!view_search_path.empty()) {
    dst->push_back(static_cast<char>(kViewSearchPathSection));
    PutVarint64(dst, view_search_path.size());
    for (const std::string& s : view_search_path) PutLengthPrefixed(dst, s);
  }
  if (schema != kPublicSchema || is_schema) {
    dst->push_back(static_cast<char>(kNamespaceSection));
    dst->push_back(is_schema ? 1 : 0);
    PutLengthPrefixed(dst, schema);
  }
  if (index) {
    dst->push_back(static_cast<char>(kIndexSection));
    PutVarint64(dst, index->table_id);
    PutVarint64(dst, index->columns.size());
    for (size_t c : index->columns) PutVarint64(dst, c);
    dst->push_back(static_cast<char>((index->unique ? 1 : 0) | (index->constraint ? 2 : 0)));
  }
  if (sequence) {
    dst->push_back(static_cast<char>(kSequenceSection));
    for (int64_t v : {sequence->start, sequence->increment, sequence->min_value,
                      sequence->max_value}) {
      PutFixed64(dst, static_cast<uint64_t>(v));
    }
    dst->push_back(sequence->cycle ? 1 : 0);
    PutVarint64(dst, sequence->owner_table_id);
    PutLengthPrefixed(dst, sequence->owner_column);
  }
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
  while (!d.empty()) {
    uint8_t section;
    if (!d.GetByte(&section)) return corrupt();
    if (section == kExpressionsSection) {
      for (ColumnDefinition& c : s.columns) {
        std::string_view sql;
        if (!d.GetLengthPrefixed(&sql)) return corrupt();
        c.default_sql = std::string(sql);
      }
      uint64_t nchecks;
      if (!d.GetVarint64(&nchecks) || nchecks > in.size()) return corrupt();
      for (uint64_t i = 0; i < nchecks; ++i) {
        std::string_view cname, sql;
        if (!d.GetLengthPrefixed(&cname) || !d.GetLengthPrefixed(&sql)) return corrupt();
        s.checks.push_back({std::string(cname), std::string(sql)});
      }
    } else if (section == kTypeModifierSection) {
      for (ColumnDefinition& c : s.columns) {
        uint64_t m;
        if (!d.GetVarint64(&m) || m > INT32_MAX) return corrupt();
        c.type = LogicalType(c.type.id(), static_cast<int32_t>(m) - 1);
      }
    } else if (section == kViewSection) {
      std::string_view sql;
      if (!d.GetLengthPrefixed(&sql) || sql.empty()) return corrupt();
      s.view_sql = std::string(sql);
    } else if (section == kIdentitySection) {
      for (ColumnDefinition& c : s.columns) {
        uint8_t kind;
        if (!d.GetByte(&kind) || (kind != 0 && kind != 'a' && kind != 'd')) return corrupt();
        c.identity = static_cast<char>(kind);
      }
    } else if (section == kViewSearchPathSection) {
      uint64_t n;
      if (!d.GetVarint64(&n) || n > in.size()) return corrupt();
      for (uint64_t i = 0; i < n; ++i) {
        std::string_view schema;
        if (!d.GetLengthPrefixed(&schema)) return corrupt();
        s.view_search_path.emplace_back(schema);
      }
    } else if (section == kNamespaceSection) {
      uint8_t is_schema;
      std::string_view ns;
      if (!d.GetByte(&is_schema) || is_schema > 1 || !d.GetLengthPrefixed(&ns)) return corrupt();
      s.is_schema = is_schema != 0;
      s.schema = std::string(ns);
    } else if (section == kIndexSection) {
      IndexOptions o;
      uint64_t n;
      uint8_t flags;
      if (!d.GetVarint64(&o.table_id) || !d.GetVarint64(&n) || n > in.size()) return corrupt();
      for (uint64_t i = 0; i < n; ++i) {
        uint64_t c;
        if (!d.GetVarint64(&c) || c > in.size()) return corrupt();
        o.columns.push_back(c);
      }
      if (!d.GetByte(&flags) || flags > 3 || o.columns.empty()) return corrupt();
      o.unique = (flags & 1) != 0;
      o.constraint = (flags & 2) != 0;
      s.index = std::move(o);
    } else if (section == kSequenceSection) {
      SequenceOptions o;
      uint64_t v[4];
      uint8_t cycle;
      std::string_view column;
      for (uint64_t& x : v) {
        if (!d.GetFixed64(&x)) return corrupt();
      }
      if (!d.GetByte(&cycle) || !d.GetVarint64(&o.owner_table_id) ||
          !d.GetLengthPrefixed(&column)) {
        return corrupt();
      }
      o.start = static_cast<int64_t>(v[0]);
      o.increment = static_cast<int64_t>(v[1]);
      o.min_value = static_cast<int64_t>(v[2]);
      o.max_value = static_cast<int64_t>(v[3]);
      o.cycle = cycle != 0;
      o.owner_column = std::string(column);
      s.sequence = o;
    } else {
      return corrupt();
    }
  }
  return s;
}

}  // namespace omendb
