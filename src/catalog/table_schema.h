// TableSchema: the definition of a table as the catalog records it, and its binary encoding
// (used by the WAL for DDL records).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "types/logical_type.h"

namespace omendb {

struct ColumnDefinition {
  ColumnDefinition() = default;
  ColumnDefinition(std::string n, LogicalType t, bool nn = false, std::string def = {})
      : name(std::move(n)), type(t), not_null(nn), default_sql(std::move(def)) {}

  std::string name;
  LogicalType type;
  bool not_null = false;
  // DEFAULT expression as SQL text (PostgreSQL's deparsed form); empty: none (NULL).
  std::string default_sql;
  // GENERATED ALWAYS AS IDENTITY ('a': INSERT and UPDATE may not give it a value) or BY
  // DEFAULT ('d'); 0 otherwise. Identity columns default to their sequence's nextval.
  char identity = 0;
};

// CHECK (expression): the expression over the table's columns as SQL text; a row for which it
// is false violates it (NULL passes).
struct CheckConstraint {
  std::string name;
  std::string sql;
};

// The options of a sequence (CREATE SEQUENCE). Its state lives in the storage engine.
struct SequenceOptions {
  int64_t start = 1;
  int64_t increment = 1;
  int64_t min_value = 1;
  int64_t max_value = INT64_MAX;
  bool cycle = false;
  // The column it belongs to (SERIAL, IDENTITY, OWNED BY): dropped with its table.
  uint64_t owner_table_id = 0;
  std::string owner_column;
};

// An index over columns of a table (CREATE INDEX, UNIQUE constraints). Its entries live in the
// storage engine, which keeps them for every row version of the table.
struct IndexOptions {
  uint64_t table_id = 0;        // the indexed table
  std::vector<size_t> columns;  // the table's columns, in index order
  bool unique = false;          // no two live rows with equal non-NULL values
  bool constraint = false;      // made for a UNIQUE constraint (dropped with it, not by DROP INDEX)
};

// A table, a sequence (then `sequence` is set and the columns are PostgreSQL's sequence
// relation's: last_value, log_cnt, is_called), a view (`view_sql` is set) or an index (`index`
// is set): relations, which share one namespace per schema, as PostgreSQL's do. A schema
// itself is an entry too (`is_schema`).
inline constexpr char kPublicSchema[] = "public";

// The key the catalog files a relation under: its name in schema "public" (as before schemas
// existed), "<schema>\x1f<name>" in another; a schema's own entry is "\x1e<name>". Names
// holding those two control characters are refused where objects are created.
std::string RelationKey(std::string_view schema, std::string_view name);
std::string SchemaKey(std::string_view name);
// "<schema>.<name>" for a key of another schema than "public", the name for public's.
std::string DisplayName(std::string_view key);

struct TableSchema {
  uint64_t table_id = 0;  // assigned by the catalog
  std::string name;
  // The schema (namespace) the relation belongs to. A schema's own entry (`is_schema`) has
  // its name in `name` and nothing else.
  std::string schema = kPublicSchema;
  bool is_schema = false;
  std::vector<ColumnDefinition> columns;
  std::vector<size_t> primary_key;  // column indexes, in key order; empty = no primary key
  std::vector<CheckConstraint> checks;
  std::optional<SequenceOptions> sequence;
  // A view: its query as SQL text (PostgreSQL's deparsed form); the columns are its output.
  std::string view_sql;
  // The search_path its unqualified names were resolved with when it was created (and are
  // resolved with again whenever it is used); empty: {"public"}.
  std::vector<std::string> view_search_path;
  // An index (then the columns are copies of the indexed columns' definitions).
  std::optional<IndexOptions> index;

  // The catalog key (RelationKey or SchemaKey).
  std::string Key() const { return is_schema ? SchemaKey(name) : RelationKey(schema, name); }
  // Index of the column called `name`, if any.
  std::optional<size_t> FindColumn(std::string_view column_name) const;
  // PostgreSQL's default name of the primary-key constraint, "<table>_pkey".
  std::string PrimaryKeyName() const { return name + "_pkey"; }
  std::vector<LogicalType> ColumnTypes() const;

  void EncodeTo(std::string* dst) const;
  // Errors XX001 when `in` is not a valid encoding.
  static Result<TableSchema> Decode(std::string_view in);
};

}  // namespace omendb
