// Indexes: CREATE INDEX, the indexes of UNIQUE constraints, and their names (PostgreSQL's
// defaults: <table>_<columns>_idx for CREATE INDEX, <table>_<columns>_key for UNIQUE, with a
// number appended when the name is taken).
#include <algorithm>

#include "catalog/catalog.h"
#include "sql/binder/binder.h"

namespace omendb::sql {

std::string Binder::ChooseIndexName(const std::string& schema, const std::string& table,
                                    const std::vector<std::string>& columns,
                                    const std::string& label,
                                    const std::vector<TableSchema>& also_taken) const {
  std::string base = table;
  for (const std::string& c : columns) base += "_" + c;
  auto taken = [&](const std::string& name) {
    return catalog_.FindTable(RelationKey(schema, name), txn_id_) != nullptr ||
           std::any_of(also_taken.begin(), also_taken.end(),
                       [&](const TableSchema& s) { return s.name == name; });
  };
  std::string name = base + "_" + label;
  for (int n = 1; taken(name); ++n) name = base + "_" + label + std::to_string(n);
  return name;
}

Result<TableSchema> Binder::IndexSchema(const TableSchema& table, const std::string& name,
                                        const std::vector<std::string>& columns, bool unique,
                                        bool constraint) const {
  TableSchema s;
  s.name = name;
  s.schema = table.schema;  // an index lives in its table's schema
  IndexOptions o;
  o.table_id = table.table_id;  // 0 for a table created by the same statement
  o.unique = unique;
  o.constraint = constraint;
  for (const std::string& c : columns) {
    std::optional<size_t> idx = table.FindColumn(c);
    if (!idx) {
      return Status(sqlstate::kUndefinedColumn,
                    constraint ? "column \"" + c + "\" named in key does not exist"
                               : "column \"" + c + "\" does not exist");
    }
    o.columns.push_back(*idx);
    ColumnDefinition col = table.columns[*idx];
    col.default_sql.clear();
    col.identity = 0;
    s.columns.push_back(std::move(col));
  }
  s.index = std::move(o);
  return s;
}

Status Binder::BindUniqueConstraints(const std::vector<ParsedUnique>& uniques,
                                     const TableSchema& table, std::vector<TableSchema>* out) const {
  for (const ParsedUnique& u : uniques) {
    std::string name = u.name;
    if (name.empty()) name = ChooseIndexName(table.schema, table.name, u.columns, "key", *out);
    if (catalog_.FindTable(RelationKey(table.schema, name), txn_id_) != nullptr ||
        std::any_of(out->begin(), out->end(), [&](const TableSchema& s) { return s.name == name; })) {
      return Status(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists");
    }
    TableSchema index;
    OMEN_ASSIGN_OR_RETURN(index, IndexSchema(table, name, u.columns, /*unique=*/true,
                                             /*constraint=*/true));
    out->push_back(std::move(index));
  }
  return Status::OK();
}

Result<BoundStatement> Binder::BindCreateIndex(const ParsedCreateIndex& create) {
  const TableSchema* t;
  OMEN_ASSIGN_OR_RETURN(t, ResolveRelation(create.table_schema, create.table));
  if (t->sequence || !t->view_sql.empty() || t->index) {
    const char* what = t->sequence ? "sequences" : t->index ? "indexes" : "views";
    return Status(sqlstate::kWrongObjectType,
                  "cannot create index on relation \"" + t->name + "\"",
                  std::string("This operation is not supported for ") + what + ".");
  }
  BoundStatement out;
  out.kind = BoundStatement::Kind::kCreateTable;
  out.if_not_exists = create.if_not_exists;
  std::string name = create.name;
  if (name.empty()) name = ChooseIndexName(t->schema, t->name, create.columns, "idx", {});
  OMEN_ASSIGN_OR_RETURN(out.schema, IndexSchema(*t, name, create.columns, create.unique,
                                                /*constraint=*/false));
  return out;
}

}  // namespace omendb::sql
