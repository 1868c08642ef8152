#include "session/ddl.h"

#include <cctype>

#include "sql/execution/dml.h"

namespace omendb {
namespace {

using sql::BoundStatement;

// Creates `indexes` (bound for a table being created) on table `table_id`.
Status CreateIndexes(const std::vector<TableSchema>& indexes, uint64_t table_id,
                     Transaction* txn) {
  for (TableSchema index : indexes) {
    index.index->table_id = table_id;
    OMEN_RETURN_IF_ERROR(txn->CreateTable(std::move(index)).status());
  }
  return Status::OK();
}

// What PostgreSQL calls a relation in messages.
const char* KindOf(const TableSchema& t) {
  return t.sequence ? "sequence" : !t.view_sql.empty() ? "view" : t.index ? "index" : "table";
}

// Drops table `t` with its indexes and the sequences it owns. The table goes first: from
// then on no index can be created on it, and indexes being created were waited for, so the
// indexes listed after it are all there are.
Status DropRelation(const TableSchema& t, StorageEngine& engine, Transaction* txn) {
  const uint64_t id = t.table_id;
  OMEN_RETURN_IF_ERROR(txn->DropTable(t.Key()));
  for (const TableSchema* index : engine.catalog().Indexes(id, txn->id())) {
    OMEN_RETURN_IF_ERROR(txn->DropTable(index->Key()));
  }
  for (const TableSchema* seq : engine.catalog().OwnedSequences(id, txn->id())) {
    OMEN_RETURN_IF_ERROR(txn->DropTable(seq->Key()));
  }
  return Status::OK();
}

Status CreateTable(const BoundStatement& stmt, StorageEngine& engine, Transaction* txn,
                   ResultSink* sink) {
  const char* tag = stmt.schema.is_schema           ? "CREATE SCHEMA"
                    : stmt.schema.sequence          ? "CREATE SEQUENCE"
                    : !stmt.schema.view_sql.empty() ? "CREATE VIEW"
                    : stmt.schema.index             ? "CREATE INDEX"
                                                    : "CREATE TABLE";
  if (!stmt.notice.empty()) {
    sink->OnNotice(stmt.notice_sqlstate, stmt.notice);
    return sink->OnComplete(tag);
  }
  const std::string key = stmt.schema.Key();
  if (stmt.if_not_exists && engine.catalog().FindTable(key, txn->id())) {
    if (stmt.schema.is_schema) {
      sink->OnNotice("42P06", "schema \"" + stmt.schema.name + "\" already exists, skipping");
    } else {
      sink->OnNotice(sqlstate::kDuplicateTable,
                     "relation \"" + stmt.schema.name + "\" already exists, skipping");
    }
    return sink->OnComplete(tag);
  }
  if (stmt.or_replace && engine.catalog().FindTable(key, txn->id())) {
    OMEN_RETURN_IF_ERROR(txn->DropTable(key));  // checked a view by the binder
  }
  const TableSchema* created;
  OMEN_ASSIGN_OR_RETURN(created, txn->CreateTable(stmt.schema));
  if (created->sequence) {
    OMEN_RETURN_IF_ERROR(
        txn->Insert(created->table_id, StorageEngine::InitialSequenceRow(*created->sequence)));
  }
  // The sequences of SERIAL and identity columns, owned by the new table.
  for (TableSchema seq : stmt.owned_sequences) {
    seq.sequence->owner_table_id = created->table_id;
    const TableSchema* s;
    OMEN_ASSIGN_OR_RETURN(s, txn->CreateTable(std::move(seq)));
    OMEN_RETURN_IF_ERROR(txn->Insert(s->table_id, StorageEngine::InitialSequenceRow(*s->sequence)));
  }
  OMEN_RETURN_IF_ERROR(CreateIndexes(stmt.indexes, created->table_id, txn));
  return sink->OnComplete(tag);
}

Status CreateTableAs(const BoundStatement& stmt, Transaction* txn, StorageEngine& engine,
                     const sql::ExecContext& ctx, ResultSink* sink) {
  if (engine.catalog().FindTable(stmt.schema.Key(), txn->id())) {
    if (!stmt.if_not_exists) {
      return Status(sqlstate::kDuplicateTable,
                    "relation \"" + stmt.schema.name + "\" already exists");
    }
    sink->OnNotice(sqlstate::kDuplicateTable,
                   "relation \"" + stmt.schema.name + "\" already exists, skipping");
    return sink->OnComplete("CREATE TABLE AS");
  }
  const TableSchema* created;
  OMEN_ASSIGN_OR_RETURN(created, txn->CreateTable(stmt.schema));
  if (!stmt.with_data) return sink->OnComplete("CREATE TABLE AS");
  uint64_t n;
  OMEN_ASSIGN_OR_RETURN(n, sql::ExecuteInsert(stmt, *created, ctx, txn));
  return sink->OnComplete("SELECT " + std::to_string(n));
}

Status AlterTable(const BoundStatement& stmt, StorageEngine& engine, Transaction* txn,
                  const sql::ExecContext& ctx, ResultSink* sink) {
  if (!stmt.notice.empty()) {
    sink->OnNotice(stmt.notice_sqlstate, stmt.notice);
    return sink->OnComplete("ALTER TABLE");
  }
  // Dropping waits for the transactions writing the table; the rows are then copied as of a
  // fresh snapshot, so every committed row is kept (PostgreSQL's table rewrites likewise copy
  // all live rows under their exclusive lock).
  OMEN_RETURN_IF_ERROR(txn->DropTable(stmt.table->Key()));
  for (const TableSchema* index : engine.catalog().Indexes(stmt.table->table_id, txn->id())) {
    OMEN_RETURN_IF_ERROR(txn->DropTable(index->Key()));
  }
  for (const BoundStatement& rw : stmt.rewrites) OMEN_RETURN_IF_ERROR(txn->DropTable(rw.table->Key()));
  sql::ExecContext copy_ctx = ctx;
  copy_ctx.snapshot = txn->LatestSnapshot();
  const TableSchema* created;
  OMEN_ASSIGN_OR_RETURN(created, txn->CreateTable(stmt.schema));
  Status copied = sql::ExecuteInsert(stmt, *created, copy_ctx, txn).status();
  if (!copied.ok() && stmt.validating) {
    // The copy's errors name a "new row"; PostgreSQL's validation names the constraint.
    auto quoted = [&](const std::string& after) {
      size_t at = copied.message().find(after);
      if (at == std::string::npos) return std::string("?");
      size_t b = at + after.size(), e = copied.message().find('"', b);
      return copied.message().substr(b, e == std::string::npos ? std::string::npos : e - b);
    };
    if (copied.sqlstate() == "23514") {
      return Status("23514", "check constraint \"" + quoted("check constraint \"") +
                                 "\" of relation \"" + stmt.table->name + "\" is violated by some row");
    }
    if (copied.sqlstate() == sqlstate::kNotNullViolation) {
      return Status(sqlstate::kNotNullViolation, "column \"" + quoted("column \"") +
                                                     "\" of relation \"" + stmt.table->name +
                                                     "\" contains null values");
    }
  }
  OMEN_RETURN_IF_ERROR(copied);
  for (const BoundStatement& rw : stmt.rewrites) {
    TableSchema seq = rw.schema;
    seq.sequence->owner_table_id = created->table_id;
    const TableSchema* s;
    OMEN_ASSIGN_OR_RETURN(s, txn->CreateTable(std::move(seq)));
    OMEN_RETURN_IF_ERROR(sql::ExecuteInsert(rw, *s, copy_ctx, txn).status());
    OMEN_RETURN_IF_ERROR(engine.CopySequenceState(*rw.table, *s, txn));
  }
  for (const std::string& key : stmt.drop_names) OMEN_RETURN_IF_ERROR(txn->DropTable(key));
  OMEN_RETURN_IF_ERROR(CreateIndexes(stmt.indexes, created->table_id, txn));
  return sink->OnComplete("ALTER TABLE");
}

// DROP SCHEMA: RESTRICT refuses a schema holding relations (2BP01); CASCADE drops them.
Status DropSchemas(const BoundStatement& stmt, StorageEngine& engine, Transaction* txn,
                   ResultSink* sink) {
  const Catalog& catalog = engine.catalog();
  // PostgreSQL checks that every schema exists, then what depends on them, before dropping.
  for (size_t i = 0; i < stmt.drop_names.size(); ++i) {
    const std::string& name = stmt.drop_names[i];
    if (name == kPublicSchema) return Status(sqlstate::kFeatureNotSupported,
                                             "dropping schema \"public\" is not supported");
    if (catalog.FindTable(stmt.drop_keys[i], txn->id()) == nullptr && !stmt.if_exists) {
      return Status("3F000", "schema \"" + name + "\" does not exist");
    }
  }
  for (size_t i = 0; i < stmt.drop_names.size() && !stmt.drop_cascade; ++i) {
    const std::string& name = stmt.drop_names[i];
    std::string detail;
    for (const TableSchema* r : catalog.RelationsIn(name, txn->id())) {
      if (r->index || (r->sequence && r->sequence->owner_table_id != 0)) continue;
      detail += std::string(detail.empty() ? "" : "\n") + KindOf(*r) + " " + name + "." +
                r->name + " depends on schema " + name;
    }
    if (!detail.empty()) {
      return Status("2BP01",
                    "cannot drop schema " + name + " because other objects depend on it", detail,
                    "Use DROP ... CASCADE to drop the dependent objects too.");
    }
  }
  for (size_t i = 0; i < stmt.drop_names.size(); ++i) {
    const std::string& name = stmt.drop_names[i];
    if (catalog.FindTable(stmt.drop_keys[i], txn->id()) == nullptr) {
      sink->OnNotice(sqlstate::kSuccessfulCompletion,
                     "schema \"" + name + "\" does not exist, skipping");
      continue;
    }
    // Tables first (with their indexes and owned sequences), then what is left.
    std::vector<std::string> dropped;
    for (int pass = 0; pass < 2; ++pass) {
      for (const TableSchema* r : catalog.RelationsIn(name, txn->id())) {
        bool table = !r->sequence && r->view_sql.empty() && !r->index;
        if ((pass == 0) != table) continue;
        if (pass == 1 && (r->index || (r->sequence && r->sequence->owner_table_id != 0))) {
          continue;  // went with their table
        }
        dropped.push_back(std::string("drop cascades to ") + KindOf(*r) + " " + name + "." +
                          r->name);
        OMEN_RETURN_IF_ERROR(DropRelation(*r, engine, txn));
      }
    }
    if (dropped.size() == 1) {
      sink->OnNotice(sqlstate::kSuccessfulCompletion, dropped[0]);
    } else if (!dropped.empty()) {
      std::string detail;
      for (const std::string& d : dropped) detail += (detail.empty() ? "" : "\n") + d;
      sink->OnNotice(sqlstate::kSuccessfulCompletion,
                     "drop cascades to " + std::to_string(dropped.size()) + " other objects",
                     detail);
    }
    OMEN_RETURN_IF_ERROR(txn->DropTable(stmt.drop_keys[i]));
  }
  return sink->OnComplete("DROP SCHEMA");
}

Status DropRelations(const BoundStatement& stmt, StorageEngine& engine, Transaction* txn,
                     ResultSink* sink) {
  const char* what = stmt.drop_sequence ? "sequence"
                     : stmt.drop_view   ? "view"
                     : stmt.drop_index  ? "index"
                                        : "table";
  const Catalog& catalog = engine.catalog();
  auto find = [&](size_t i) {
    return stmt.drop_keys[i].empty() ? nullptr : catalog.FindTable(stmt.drop_keys[i], txn->id());
  };
  auto a_or_an = [](const char* noun) { return std::string(noun[0] == 'i' ? "an " : "a ") + noun; };
  // PostgreSQL checks every name before dropping any.
  for (size_t i = 0; i < stmt.drop_names.size(); ++i) {
    const std::string& name = stmt.drop_names[i];
    const TableSchema* t = find(i);
    if (t == nullptr) {
      if (stmt.if_exists) continue;
      return Status(stmt.drop_index ? "42704" : sqlstate::kUndefinedTable,
                    std::string(what) + " \"" + name + "\" does not exist");
    }
    const char* is = KindOf(*t);
    if (std::string_view(is) != what) {
      std::string upper = is;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      return Status(sqlstate::kWrongObjectType, "\"" + name + "\" is not " + a_or_an(what), "",
                    "Use DROP " + upper + " to remove " + a_or_an(is) + ".");
    }
    if (t->index && t->index->constraint) {
      std::string on = "?";
      for (const TableSchema* r : catalog.RelationsIn(t->schema, txn->id())) {
        if (r->table_id == t->index->table_id) on = r->name;
      }
      return Status("2BP01", "cannot drop index " + t->name + " because constraint " + t->name +
                                 " on table " + on + " requires it",
                    "", "You can drop constraint " + t->name + " on table " + on + " instead.");
    }
  }
  for (size_t i = 0; i < stmt.drop_names.size(); ++i) {
    const TableSchema* t = find(i);
    if (t == nullptr) {
      const std::string& name = stmt.drop_names[i];
      sink->OnNotice(sqlstate::kSuccessfulCompletion,
                     name[0] == '\x1e'
                         ? "schema \"" + name.substr(1) + "\" does not exist, skipping"
                         : std::string(what) + " \"" + name + "\" does not exist, skipping");
      continue;
    }
    OMEN_RETURN_IF_ERROR(DropRelation(*t, engine, txn));
  }
  return sink->OnComplete(stmt.drop_sequence ? "DROP SEQUENCE"
                          : stmt.drop_view   ? "DROP VIEW"
                          : stmt.drop_index  ? "DROP INDEX"
                                             : "DROP TABLE");
}

}  // namespace

Status RunDdl(const BoundStatement& stmt, StorageEngine& engine, Transaction* txn,
              const sql::ExecContext& ctx, ResultSink* sink) {
  switch (stmt.kind) {
    case BoundStatement::Kind::kCreateTableAs: return CreateTableAs(stmt, txn, engine, ctx, sink);
    case BoundStatement::Kind::kCreateTable: return CreateTable(stmt, engine, txn, sink);
    case BoundStatement::Kind::kAlterTable: return AlterTable(stmt, engine, txn, ctx, sink);
    case BoundStatement::Kind::kDropTable:
      return stmt.drop_schema ? DropSchemas(stmt, engine, txn, sink)
                              : DropRelations(stmt, engine, txn, sink);
    default: return InternalError("not a DDL statement");
  }
}

}  // namespace omendb
