#include "session/session.h"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <shared_mutex>

#include "common/stack_guard.h"
#include "sql/binder/binder.h"
#include "sql/execution/physical_plan.h"
#include "sql/execution/subquery.h"
#include "sql/optimizer/optimizer.h"
#include "sql/plan/explain.h"
#include "sql/parser/parser.h"

namespace omendb {
namespace {

using sql::BoundStatement;

Status RunQuery(const BoundStatement& stmt, const StorageEngine& engine, ResultSink* sink) {
  std::vector<ResultColumn> columns;
  for (size_t i = 0; i < stmt.column_names.size(); ++i) {
    columns.push_back({stmt.column_names[i], stmt.plan->types[i]});
  }
  OMEN_RETURN_IF_ERROR(sink->OnColumns(columns));
  sql::PhysicalOperatorPtr root;
  OMEN_ASSIGN_OR_RETURN(root, sql::CreatePhysicalPlan(*stmt.plan, engine));
  uint64_t rows = 0;
  DataChunk chunk = root->NewChunk();
  for (;;) {
    bool more;
    OMEN_ASSIGN_OR_RETURN(more, root->Next(&chunk));
    if (!more) break;
    rows += chunk.size();
    OMEN_RETURN_IF_ERROR(sink->OnChunk(chunk, columns.size()));
  }
  return sink->OnComplete("SELECT " + std::to_string(rows));
}

Status RunStatement(const sql::ParsedStatement& parsed, StorageEngine& engine,
                    WriteTransaction* txn, ResultSink* sink) {
  sql::Binder binder(engine.catalog());
  BoundStatement stmt;
  OMEN_ASSIGN_OR_RETURN(stmt, binder.Bind(parsed));
  // Subqueries run first, so their results can shape the access path (id = (SELECT ...)).
  OMEN_RETURN_IF_ERROR(sql::ResolveSubqueries(&stmt, engine));
  OMEN_RETURN_IF_ERROR(sql::Optimize(&stmt));
  switch (stmt.kind) {
    case BoundStatement::Kind::kQuery:
      return RunQuery(stmt, engine, sink);
    case BoundStatement::Kind::kInsert: {
      uint64_t n;
      OMEN_ASSIGN_OR_RETURN(n, sql::ExecuteInsert(stmt, *stmt.table, engine, txn));
      return sink->OnComplete("INSERT 0 " + std::to_string(n));
    }
    case BoundStatement::Kind::kExplain: {
      OMEN_RETURN_IF_ERROR(sink->OnColumns({{"QUERY PLAN", TypeId::kText}}));
      DataChunk lines({TypeId::kText});
      sql::PlanStats stats;
      double total_ms = 0;
      if (stmt.analyze) {
        // Run the query to the end (results are discarded), measuring every operator.
        auto start = std::chrono::steady_clock::now();
        sql::PhysicalOperatorPtr root;
        OMEN_ASSIGN_OR_RETURN(root,
                              sql::CreatePhysicalPlan(*stmt.explained->plan, engine, &stats, start));
        DataChunk chunk = root->NewChunk();
        for (;;) {
          bool more;
          OMEN_ASSIGN_OR_RETURN(more, root->Next(&chunk));
          if (!more) break;
        }
        total_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      }
      for (const std::string& line :
           sql::ExplainPlan(*stmt.explained->plan, stmt.analyze ? &stats : nullptr, stmt.timing)) {
        lines.AppendRow({Value::Text(line)});
      }
      if (stmt.analyze && stmt.summary) {
        char buf[64];
        std::snprintf(buf, sizeof(buf), "Execution Time: %.3f ms", total_ms);
        lines.AppendRow({Value::Text(buf)});
      }
      OMEN_RETURN_IF_ERROR(sink->OnChunk(lines, 1));
      return sink->OnComplete("EXPLAIN");
    }
    case BoundStatement::Kind::kUpdate: {
      uint64_t n;
      OMEN_ASSIGN_OR_RETURN(n, sql::ExecuteUpdate(stmt, engine, txn));
      return sink->OnComplete("UPDATE " + std::to_string(n));
    }
    case BoundStatement::Kind::kDelete: {
      uint64_t n;
      OMEN_ASSIGN_OR_RETURN(n, sql::ExecuteDelete(stmt, engine, txn));
      return sink->OnComplete("DELETE " + std::to_string(n));
    }
    case BoundStatement::Kind::kCreateTableAs: {
      if (engine.catalog().FindTable(stmt.schema.name)) {
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
      uint64_t n = 0;
      if (stmt.with_data) {
        OMEN_ASSIGN_OR_RETURN(n, sql::ExecuteInsert(stmt, *created, engine, txn));
      }
      return sink->OnComplete("SELECT " + std::to_string(n));
    }
    case BoundStatement::Kind::kCreateTable: {
      if (stmt.if_not_exists && engine.catalog().FindTable(stmt.schema.name)) {
        sink->OnNotice(sqlstate::kDuplicateTable,
                       "relation \"" + stmt.schema.name + "\" already exists, skipping");
        return sink->OnComplete("CREATE TABLE");
      }
      OMEN_RETURN_IF_ERROR(txn->CreateTable(stmt.schema).status());
      return sink->OnComplete("CREATE TABLE");
    }
    case BoundStatement::Kind::kDropTable: {
      // PostgreSQL checks every name before dropping any.
      for (const std::string& name : stmt.drop_names) {
        if (!engine.catalog().FindTable(name) && !stmt.if_exists) {
          return Status(sqlstate::kUndefinedTable, "table \"" + name + "\" does not exist");
        }
      }
      for (const std::string& name : stmt.drop_names) {
        if (!engine.catalog().FindTable(name)) {
          sink->OnNotice(sqlstate::kSuccessfulCompletion,
                         "table \"" + name + "\" does not exist, skipping");
          continue;
        }
        OMEN_RETURN_IF_ERROR(txn->DropTable(name));
      }
      return sink->OnComplete("DROP TABLE");
    }
  }
  return InternalError("unknown statement kind");
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& data_dir) {
  auto db = std::unique_ptr<Database>(new Database());
  OMEN_ASSIGN_OR_RETURN(db->storage_, StorageEngine::Open(data_dir));
  return db;
}

Status Session::Execute(std::string_view sql_text, ResultSink* sink) {
  StackBase stack_base;
  std::vector<sql::ParsedStatement> statements;
  OMEN_ASSIGN_OR_RETURN(statements, sql::Parse(sql_text));
  if (statements.empty()) {
    sink->OnEmptyQuery();
    return Status::OK();
  }
  bool read_only = true;
  for (const auto& s : statements) {
    read_only = read_only && (s.kind == sql::ParsedStatement::Kind::kSelect ||
                              s.kind == sql::ParsedStatement::Kind::kExplain);
  }
  StorageEngine& engine = db_->storage();
  if (read_only) {
    std::shared_lock lock(engine.mutex());
    for (const auto& s : statements) OMEN_RETURN_IF_ERROR(RunStatement(s, engine, nullptr, sink));
    return Status::OK();
  }
  std::unique_lock lock(engine.mutex());
  std::unique_ptr<WriteTransaction> txn = engine.BeginWrite();
  // The last statement's completion is held back until the commit is durable.
  class DeferLastComplete final : public ResultSink {
   public:
    explicit DeferLastComplete(ResultSink* inner) : inner_(inner) {}
    Status OnColumns(const std::vector<ResultColumn>& c) override {
      OMEN_RETURN_IF_ERROR(Flush());
      return inner_->OnColumns(c);
    }
    Status OnChunk(const DataChunk& c, size_t n) override { return inner_->OnChunk(c, n); }
    Status OnComplete(const std::string& tag) override {
      OMEN_RETURN_IF_ERROR(Flush());
      pending_ = tag;
      return Status::OK();
    }
    void OnNotice(std::string_view st, const std::string& m) override {
      (void)Flush();
      inner_->OnNotice(st, m);
    }
    // Delivers the held-back completion, if any.
    Status Flush() {
      if (!pending_) return Status::OK();
      std::string tag = std::move(*pending_);
      pending_.reset();
      return inner_->OnComplete(tag);
    }

   private:
    ResultSink* inner_;
    std::optional<std::string> pending_;
  } deferred(sink);
  for (const auto& s : statements) {
    Status st = RunStatement(s, engine, txn.get(), &deferred);
    if (!st.ok()) {
      txn->Rollback();
      return st;
    }
  }
  OMEN_RETURN_IF_ERROR(txn->Commit());
  return deferred.Flush();
}

}  // namespace omendb
