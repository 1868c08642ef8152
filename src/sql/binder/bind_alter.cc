// ALTER TABLE: ADD/DROP COLUMN, ADD/DROP CONSTRAINT, RENAME COLUMN, RENAME TO. Every form is
// bound as a
// rewrite: the table is dropped and created again with its new definition in the same
// transaction, and its rows are copied (so the change is transactional and durable through
// the ordinary WAL records of DROP, CREATE and INSERT).
#include <algorithm>

#include "catalog/catalog.h"
#include "sql/binder/binder.h"

namespace omendb::sql {
namespace {

// A plan reading every column of `t`.
LogicalOperatorPtr ScanAll(const TableSchema& t) {
  auto get = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kGet);
  get->table = &t;
  get->alias = t.name;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    get->column_ids.push_back(i);
    get->types.push_back(t.columns[i].type);
  }
  return get;
}

Status NoSuchColumn(const std::string& column, const std::string& table) {
  return Status(sqlstate::kUndefinedColumn,
                "column \"" + column + "\" of relation \"" + table + "\" does not exist");
}

}  // namespace

Result<BoundStatement> Binder::BindAlterTable(const ParsedAlterTable& alter) {
  using A = ParsedAlterTable::Action;
  BoundStatement out;
  out.kind = BoundStatement::Kind::kAlterTable;
  Result<const TableSchema*> found = ResolveRelation(alter.table_schema, alter.table);
  const TableSchema* t = found.ok() ? *found : nullptr;
  if (t == nullptr) {
    if (!alter.if_exists) return found.status();
    out.notice = "relation \"" + alter.table + "\" does not exist, skipping";
    out.notice_sqlstate = sqlstate::kSuccessfulCompletion;
    return out;
  }
  if (t->sequence || !t->view_sql.empty() || t->index) {
    return Status(sqlstate::kWrongObjectType, "\"" + t->name + "\" is not a table");
  }
  TableSchema& s = out.schema;
  s = *t;
  s.table_id = 0;
  // For each new column, the old column it copies (-1: a new column, filled by its DEFAULT).
  std::vector<int> source;
  for (size_t i = 0; i < s.columns.size(); ++i) source.push_back(static_cast<int>(i));
  std::string dropped_column, renamed_from, dropped_index;
  auto skip = [&](std::string notice, const char* state) {
    out.notice = std::move(notice);
    out.notice_sqlstate = state;
    return std::move(out);
  };
  switch (alter.action) {
    case A::kAddColumn: {
      const ParsedColumnDef& c = alter.add->columns[0];
      if (s.FindColumn(c.name)) {
        std::string what = "column \"" + c.name + "\" of relation \"" + t->name + "\" already exists";
        if (alter.column_if_not_exists) return skip(what + ", skipping", sqlstate::kDuplicateColumn);
        return Status(sqlstate::kDuplicateColumn, what);
      }
      if (c.serial || c.identity != 0) {
        return NotSupported("ALTER TABLE ADD COLUMN of a serial or identity column");
      }
      if (alter.add->primary_key_constraints > 0 && !s.primary_key.empty()) {
        return Status(sqlstate::kInvalidTableDefinition,
                      "multiple primary keys for table \"" + t->name + "\" are not allowed");
      }
      BoundStatement one;
      OMEN_ASSIGN_OR_RETURN(one, BindCreateTable(*alter.add));
      s.columns.push_back(one.schema.columns[0]);
      if (!one.schema.primary_key.empty()) s.primary_key = {s.columns.size() - 1};
      for (CheckConstraint& check : one.schema.checks) {
        std::string base = check.name;
        for (int n = 1; std::any_of(s.checks.begin(), s.checks.end(),
                                    [&](const CheckConstraint& x) { return x.name == check.name; });
             ++n) {
          check.name = base + std::to_string(n);
        }
        s.checks.push_back(std::move(check));
      }
      source.push_back(-1);
      break;
    }
    case A::kDropColumn: {
      std::optional<size_t> idx = s.FindColumn(alter.column);
      if (!idx) {
        if (alter.column_if_exists) {
          return skip("column \"" + alter.column + "\" of relation \"" + t->name +
                          "\" does not exist, skipping",
                      sqlstate::kSuccessfulCompletion);
        }
        return NoSuchColumn(alter.column, t->name);
      }
      if (s.columns.size() == 1) return NotSupported("dropping the only column of a table");
      s.columns.erase(s.columns.begin() + static_cast<long>(*idx));
      source.erase(source.begin() + static_cast<long>(*idx));
      // A primary key on the column goes with it (as PostgreSQL drops its index).
      if (std::find(s.primary_key.begin(), s.primary_key.end(), *idx) != s.primary_key.end()) {
        s.primary_key.clear();
      }
      for (size_t& k : s.primary_key) k -= k > *idx ? 1 : 0;
      // So do the CHECK constraints that use it.
      std::vector<CheckConstraint> kept;
      for (const CheckConstraint& check : s.checks) {
        std::shared_ptr<const ParsedExpr> parsed;
        OMEN_ASSIGN_OR_RETURN(parsed, ParseStoredExpression(check.sql));
        if (BindCheckExpr(*parsed, s).ok()) kept.push_back(check);
      }
      s.checks = std::move(kept);
      dropped_column = alter.column;
      break;
    }
    case A::kRenameColumn: {
      std::optional<size_t> idx = s.FindColumn(alter.column);
      if (!idx) {
        return Status(sqlstate::kUndefinedColumn, "column \"" + alter.column + "\" does not exist");
      }
      if (s.FindColumn(alter.new_name)) {
        return Status(sqlstate::kDuplicateColumn, "column \"" + alter.new_name + "\" of relation \"" +
                                                      t->name + "\" already exists");
      }
      s.columns[*idx].name = alter.new_name;
      for (const CheckConstraint& check : s.checks) {
        std::shared_ptr<const ParsedExpr> parsed;
        OMEN_ASSIGN_OR_RETURN(parsed, ParseStoredExpression(check.sql));
        if (!BindCheckExpr(*parsed, s).ok()) {
          return NotSupported("renaming a column that a CHECK constraint uses");
        }
      }
      renamed_from = alter.column;
      break;
    }
    case A::kAddConstraint: {
      const ParsedCreateTable& add = *alter.add;
      if (add.primary_key_constraints > 0) {
        if (!s.primary_key.empty()) {
          return Status(sqlstate::kInvalidTableDefinition,
                        "multiple primary keys for table \"" + t->name + "\" are not allowed");
        }
        for (const std::string& k : add.primary_key) {
          std::optional<size_t> idx = s.FindColumn(k);
          if (!idx) {
            return Status(sqlstate::kUndefinedColumn, "column \"" + k + "\" named in key does not exist");
          }
          if (std::find(s.primary_key.begin(), s.primary_key.end(), *idx) != s.primary_key.end()) {
            return Status(sqlstate::kDuplicateColumn,
                          "column \"" + k + "\" appears twice in primary key constraint");
          }
          s.primary_key.push_back(*idx);
          s.columns[*idx].not_null = true;
        }
      }
      OMEN_RETURN_IF_ERROR(AddCheckConstraints(add.checks, &s));
      out.validating = true;
      break;
    }
    case A::kDropConstraint: {
      const std::string& name = alter.column;
      auto check = std::find_if(s.checks.begin(), s.checks.end(),
                                [&](const CheckConstraint& c) { return c.name == name; });
      if (!s.primary_key.empty() && name == s.PrimaryKeyName()) {
        s.primary_key.clear();  // its columns stay NOT NULL, as in PostgreSQL
      } else if (check != s.checks.end()) {
        s.checks.erase(check);
      } else {
        bool unique = false;
        for (const TableSchema* index : catalog_.Indexes(t->table_id, txn_id_)) {
          unique = unique || (index->index->constraint && index->name == name);
        }
        std::string what = "constraint \"" + name + "\" of relation \"" + t->name + "\" does not exist";
        if (!unique) {
          if (alter.column_if_exists) return skip(what + ", skipping", sqlstate::kSuccessfulCompletion);
          return Status(sqlstate::kUndefinedObject, what);
        }
        dropped_index = name;
      }
      break;
    }
    case A::kRenameTable:
      if (catalog_.FindTable(RelationKey(t->schema, alter.new_name), txn_id_) != nullptr) {
        return Status(sqlstate::kDuplicateTable, "relation \"" + alter.new_name + "\" already exists");
      }
      s.name = alter.new_name;
      break;
  }
  // The copy: the kept columns as they are, new ones from their DEFAULT.
  out.table = t;
  auto proj = std::make_unique<LogicalOperator>(LogicalOperator::Kind::kProjection);
  for (size_t i = 0; i < s.columns.size(); ++i) {
    proj->types.push_back(s.columns[i].type);
    if (source[i] >= 0) {
      proj->expressions.push_back(
          BoundExpr::Column(static_cast<size_t>(source[i]), t->columns[source[i]].type));
    } else {
      BoundExprPtr def;
      OMEN_ASSIGN_OR_RETURN(def, BindColumnDefault(s, i));
      proj->expressions.push_back(std::move(def));
    }
  }
  proj->children.push_back(ScanAll(*t));
  out.plan = std::move(proj);
  OMEN_RETURN_IF_ERROR(BindChecks(s, &out));
  // The table's indexes, over its new columns (an index on a dropped column goes with it, as
  // PostgreSQL drops it), then the indexes of a new column's UNIQUE constraint.
  for (const TableSchema* index : catalog_.Indexes(t->table_id, txn_id_)) {
    if (index->name == dropped_index) continue;
    std::vector<std::string> columns;
    for (size_t c : index->index->columns) {
      auto it = std::find(source.begin(), source.end(), static_cast<int>(c));
      if (it == source.end()) break;
      columns.push_back(s.columns[static_cast<size_t>(it - source.begin())].name);
    }
    if (columns.size() != index->index->columns.size()) continue;
    TableSchema copy;
    OMEN_ASSIGN_OR_RETURN(copy, IndexSchema(s, index->name, columns, index->index->unique,
                                            index->index->constraint));
    out.indexes.push_back(std::move(copy));
  }
  if (alter.action == A::kAddColumn || alter.action == A::kAddConstraint) {
    OMEN_RETURN_IF_ERROR(BindUniqueConstraints(alter.add->uniques, s, &out.indexes));
  }
  // The sequences the table owns follow it (their owner is the new table), or go with their
  // column.
  for (const TableSchema* seq : catalog_.OwnedSequences(t->table_id, txn_id_)) {
    if (seq->sequence->owner_column == dropped_column) {
      out.drop_names.push_back(seq->Key());
      continue;
    }
    BoundStatement copy;
    copy.kind = BoundStatement::Kind::kInsert;
    copy.table = seq;
    copy.schema = *seq;
    copy.schema.table_id = 0;
    if (!renamed_from.empty() && seq->sequence->owner_column == renamed_from) {
      copy.schema.sequence->owner_column = alter.new_name;
    }
    copy.plan = ScanAll(*seq);
    out.rewrites.push_back(std::move(copy));
  }
  return out;
}

}  // namespace omendb::sql
