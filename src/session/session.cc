#include "session/session.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>

#include "common/stack_guard.h"
#include "sql/binder/binder.h"
#include "sql/execution/dml.h"
#include "sql/execution/expression_executor.h"
#include "sql/execution/physical_plan.h"
#include "sql/execution/subquery.h"
#include "sql/optimizer/optimizer.h"
#include "sql/plan/explain.h"
#include "sql/plan/plan_walk.h"
#include "sql/parser/parser.h"
#include "types/cast.h"
#include "session/ddl.h"
#include "session/portal.h"
#include "session/statement_timer.h"

namespace omendb {
namespace {

// Sends the parameters PostgreSQL reports to clients when they change (drivers such as pgjdbc
// read TimeZone from them) whose values differ between `before` and `after`.
void ReportChangedParameters(const SessionSettings& before, const SessionSettings& after,
                             ResultSink* sink) {
  static const std::pair<const char*, const char*> kReported[] = {
      {"timezone", "TimeZone"}, {"application_name", "application_name"},
      {"datestyle", "DateStyle"}, {"intervalstyle", "IntervalStyle"}};
  for (const auto& [lower, reported] : kReported) {
    Result<std::string> was = ShowSetting(lower, before);
    Result<std::string> now = ShowSetting(lower, after);
    if (now.ok() && (!was.ok() || *was != *now)) sink->OnParameterStatus(reported, *now);
  }
}

using sql::BoundStatement;

// EXPLAIN's lines on how `table`'s primary-key lookups search its stores: the main store's
// learned indexes (their error bound and the window it leaves to search) or binary search,
// and the delta's key index.
std::vector<std::string> DescribeKeyIndex(const StorageEngine& engine, const TableSchema& table) {
  std::shared_ptr<const TableData> data = engine.GetTableData(table.table_id);
  if (data == nullptr) return {};
  const KeyIndexSummary s = data->KeyIndex();
  std::vector<std::string> lines;
  const auto rows_in = [&](uint64_t rows, size_t segments) {
    return std::to_string(rows) + " rows in " + std::to_string(segments) +
           (segments == 1 ? " segment" : " segments");
  };
  if (s.main_rows > 0 && s.learned_segments == s.segments) {
    lines.push_back("Learned Index: " + rows_in(s.main_rows, s.segments) + ", " +
                    std::to_string(s.models) +
                    (s.models == 1 ? " linear model" : " linear models") + ", error bound " +
                    std::to_string(s.epsilon) + " (search window " +
                    std::to_string(2 * uint64_t{s.epsilon} + 2) + " keys)");
  } else if (s.main_rows > 0) {
    lines.push_back("Key Search: binary search over " + rows_in(s.main_rows, s.segments));
  }
  if (s.delta_keys > 0) {
    lines.push_back("Delta Key Index: " + std::to_string(s.delta_keys) +
                    (s.delta_keys == 1 ? " key" : " keys"));
  }
  return lines;
}

// Runs a query (`params`: the values of a generic plan's parameter slots).
Status RunQuery(std::shared_ptr<const BoundStatement> stmt, const sql::ExecContext& ctx,
                ResultSink* sink, Portal* portal, uint64_t max_rows, bool* suspended,
                std::vector<Value> params = {}) {
  std::unique_ptr<QueryCursor> cursor;
  OMEN_ASSIGN_OR_RETURN(cursor, QueryCursor::Open(std::move(stmt), ctx, std::move(params)));
  OMEN_RETURN_IF_ERROR(sink->OnColumns(cursor->Columns()));
  bool more;
  OMEN_ASSIGN_OR_RETURN(more, cursor->Fetch(max_rows, sink));
  if (suspended != nullptr) *suspended = more;
  if (more) portal->cursor = std::move(cursor);
  return Status::OK();
}

// RETURNING: the rows a statement wrote (all table columns) through its RETURNING list, sent
// once the statement has succeeded.
Status SendReturning(const BoundStatement& stmt, const std::vector<DataChunk>& rows,
                     ResultSink* sink) {
  std::vector<ResultColumn> columns;
  for (size_t i = 0; i < stmt.returning.size(); ++i) {
    columns.push_back({stmt.column_names[i], stmt.returning_types[i]});
  }
  OMEN_RETURN_IF_ERROR(sink->OnColumns(columns));
  for (const DataChunk& in : rows) {
    DataChunk out(stmt.returning_types, in.size());
    for (size_t i = 0; i < stmt.returning.size(); ++i) {
      OMEN_RETURN_IF_ERROR(sql::Evaluate(*stmt.returning[i], in, &out.column(i)));
    }
    out.SetSize(in.size());
    OMEN_RETURN_IF_ERROR(sink->OnChunk(out, columns.size()));
  }
  return Status::OK();
}

// Estimates for the optimizer from the tables' storage (row counts and zone-map bounds).
class EngineStatistics final : public sql::StatisticsSource {
 public:
  explicit EngineStatistics(StorageEngine& engine) : engine_(engine) {}
  std::optional<sql::TableEstimate> Estimate(const TableSchema& table) const override {
    std::shared_ptr<TableData> data = engine_.GetTableData(table.table_id);
    if (data == nullptr) return std::nullopt;
    TableStatistics s = data->Statistics();
    sql::TableEstimate e;
    e.rows = static_cast<double>(s.rows);
    for (const TableStatistics::Column& c : s.columns) {
      e.min.push_back(c.min);
      e.max.push_back(c.max);
    }
    return e;
  }

 private:
  StorageEngine& engine_;
};

// Binds `parsed` in `txn` with the session's sequences, search_path and settings; `params`
// gives its $n (values, or types only for parameter slots), or is null when it has none.
Result<BoundStatement> Bind(const sql::ParsedStatement& parsed, sql::BindParameters* params,
                            StorageEngine& engine, Transaction* txn,
                            sql::SequenceAccess* sequences,
                            const std::vector<std::string>& search_path,
                            sql::SettingsAccess* settings) {
  sql::Binder binder(engine.catalog(), txn->id(), params);
  binder.set_sequences(sequences);
  binder.set_search_path(search_path);
  binder.set_settings(settings);
  return binder.Bind(parsed);
}

// Binds `parsed` for running in `txn` under `ctx` (`params`: its $n values, or null), runs its
// subqueries (their results can shape the access path: id = (SELECT ...)) and optimizes it.
// EXPLAIN ANALYZE measures its subqueries' plans into `explain_stats`.
Result<BoundStatement> PlanStatement(const sql::ParsedStatement& parsed,
                                     const std::vector<Value>* params, StorageEngine& engine,
                                     Transaction* txn, sql::SequenceAccess* sequences,
                                     const sql::ExecContext& ctx,
                                     const std::vector<std::string>& search_path,
                                     sql::SettingsAccess* settings,
                                     sql::PlanStats* explain_stats = nullptr) {
  sql::BindParameters bind_params;
  if (params != nullptr) {
    for (const Value& v : *params) bind_params.types.push_back(v.type());
    bind_params.values = params;
  }
  BoundStatement stmt;
  OMEN_ASSIGN_OR_RETURN(stmt, Bind(parsed, params != nullptr ? &bind_params : nullptr, engine,
                                   txn, sequences, search_path, settings));
  sql::ExecContext resolve = ctx;
  if (stmt.kind == BoundStatement::Kind::kExplain && stmt.analyze) resolve.stats = explain_stats;
  OMEN_RETURN_IF_ERROR(sql::ResolveSubqueries(&stmt, resolve));
  EngineStatistics stats(engine);
  OMEN_RETURN_IF_ERROR(sql::Optimize(&stmt, &stats));
  return stmt;
}

void ClearParameterTypes(sql::BoundExpr* e) {
  e->param_types = nullptr;
  for (auto& c : e->children) ClearParameterTypes(c.get());
}

// Binds `parsed` with its parameters as slots and optimizes it, for `cache` when the plan
// serves every execution as well as `custom` (bound with one execution's values) does, or
// whenever the statement allows one without `custom` (plan_cache_mode force_generic_plan).
void TryGenericPlan(const sql::ParsedStatement& parsed, const PreparedStatement& prepared,
                    const BoundStatement* custom, StorageEngine& engine, Transaction* txn,
                    sql::SequenceAccess* sequences, const std::vector<std::string>& search_path,
                    sql::SettingsAccess* settings, GenericPlanCache* cache) {
  sql::BindParameters slots;
  slots.types = prepared.param_types;
  const uint64_t clock_reads = ClockReadingInputs();
  Result<BoundStatement> generic =
      Bind(parsed, &slots, engine, txn, sequences, search_path, settings);
  // A literal such as 'today' was read as this moment's value: not for later executions.
  if (!generic.ok() || !CanReusePlan(*generic) || ClockReadingInputs() != clock_reads) return;
  // The slots' record of their types is the binder's, gone after binding.
  sql::ForEachExpressionSlot(&*generic, [](sql::BoundExprPtr* slot) {
    ClearParameterTypes(slot->get());
  });
  EngineStatistics stats(engine);
  if (!sql::Optimize(&*generic, &stats).ok()) return;
  if (custom != nullptr && !SameAccessPaths(*generic->plan, *custom->plan)) return;
  cache->plan = std::make_shared<const BoundStatement>(std::move(generic).value());
}

// Runs `parsed` in `txn`; `params` holds its $n values (null: none). With `portal`, a query
// stopped early by `max_rows` leaves its cursor there; a query run through a prepared
// statement's portal uses (and makes) the statement's generic plan.
Status RunStatement(const sql::ParsedStatement& parsed, const std::vector<Value>* params,
                    StorageEngine& engine, Transaction* txn, sql::SequenceAccess* sequences,
                    const CancelFlag* cancel, ResultSink* sink, Portal* portal,
                    uint64_t max_rows, bool* suspended, const SessionSettings& settings,
                    sql::SettingsAccess* setting_values) {
  sql::ExecContext ctx{&engine, txn->StatementSnapshot(), nullptr, cancel,
                       std::make_shared<sql::QueryMemory>(settings.query_memory_limit)};
  GenericPlanCache* cache = nullptr;
  if (portal != nullptr && portal->statement != nullptr && params != nullptr &&
      parsed.kind == sql::ParsedStatement::Kind::kSelect &&
      settings.plan_cache_mode != "force_custom_plan") {
    cache = portal->statement->generic.get();
    // Read before binding: a change of the catalog while binding makes the plan stale at once.
    cache->Revalidate(engine.catalog().version(), settings.search_path,
                      settings.time_zone.name());
    if (cache->plan != nullptr) {
      return RunQuery(cache->plan, ctx, sink, portal, max_rows, suspended, *params);
    }
  }
  sql::PlanStats stats;  // EXPLAIN ANALYZE's
  BoundStatement stmt;
  OMEN_ASSIGN_OR_RETURN(stmt, PlanStatement(parsed, params, engine, txn, sequences, ctx,
                                            settings.search_schemas, setting_values, &stats));
  if (cache != nullptr && stmt.kind == BoundStatement::Kind::kQuery) {
    ++cache->custom_runs;
    const bool force = settings.plan_cache_mode == "force_generic_plan";
    if (force ? cache->custom_runs == 1 : cache->ShouldTry()) {
      TryGenericPlan(parsed, *portal->statement, force ? nullptr : &stmt, engine, txn, sequences,
                     settings.search_schemas, setting_values, cache);
    }
  }
  switch (stmt.kind) {
    case BoundStatement::Kind::kQuery:
      return RunQuery(std::make_shared<BoundStatement>(std::move(stmt)), ctx, sink, portal,
                      max_rows, suspended);
    case BoundStatement::Kind::kInsert: {
      std::vector<DataChunk> written;
      bool returning = !stmt.returning.empty();
      uint64_t n;
      OMEN_ASSIGN_OR_RETURN(
          n, sql::ExecuteInsert(stmt, *stmt.table, ctx, txn, returning ? &written : nullptr));
      if (returning) OMEN_RETURN_IF_ERROR(SendReturning(stmt, written, sink));
      return sink->OnComplete("INSERT 0 " + std::to_string(n));
    }
    case BoundStatement::Kind::kExplain: {
      OMEN_RETURN_IF_ERROR(sink->OnColumns({{"QUERY PLAN", TypeId::kText}}));
      DataChunk lines({TypeId::kText});
      double total_ms = 0;
      const BoundStatement& inner = *stmt.explained;
      const bool modify = inner.kind != BoundStatement::Kind::kQuery;
      const sql::KeyIndexDescriber describe = [&engine](const TableSchema& table) {
        return DescribeKeyIndex(engine, table);
      };
      if (stmt.analyze && modify) {
        // Run the statement (its changes stay, as in PostgreSQL), measuring its plan.
        sql::ExecContext run = ctx;
        run.stats = &stats;
        const auto start = std::chrono::steady_clock::now();
        switch (inner.kind) {
          case BoundStatement::Kind::kInsert:
            OMEN_RETURN_IF_ERROR(sql::ExecuteInsert(inner, *inner.table, run, txn).status());
            break;
          case BoundStatement::Kind::kUpdate:
            OMEN_RETURN_IF_ERROR(sql::ExecuteUpdate(inner, run, txn, nullptr).status());
            break;
          default:
            OMEN_RETURN_IF_ERROR(sql::ExecuteDelete(inner, run, txn, nullptr).status());
            break;
        }
        total_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start).count();
      } else if (stmt.analyze) {
        // Run the query to the end (results are discarded), measuring every operator.
        const auto start = std::chrono::steady_clock::now();
        sql::ExecContext run = ctx;
        run.stats = &stats;
        sql::PhysicalOperatorPtr root;
        OMEN_ASSIGN_OR_RETURN(root, sql::CreatePhysicalPlan(*stmt.explained->plan, run));
        DataChunk chunk = root->NewChunk();
        for (;;) {
          bool more;
          OMEN_ASSIGN_OR_RETURN(more, root->Next(&chunk));
          if (!more) break;
        }
        total_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      }
      std::vector<std::string> plan_lines;
      if (!modify) {
        plan_lines = sql::ExplainPlan(*inner.plan, stmt.analyze ? &stats : nullptr, stmt.timing,
                                      describe);
      } else {
        std::string head = inner.kind == BoundStatement::Kind::kInsert   ? "Insert on "
                           : inner.kind == BoundStatement::Kind::kUpdate ? "Update on "
                                                                         : "Delete on ";
        head += inner.table->name;
        if (stmt.analyze) {
          // Without RETURNING a DML node passes no rows up (PostgreSQL shows rows=0).
          char buf[96];
          if (stmt.timing) {
            std::snprintf(buf, sizeof(buf), " (actual time=%.3f..%.3f rows=0 loops=1)", total_ms,
                          total_ms);
          } else {
            std::snprintf(buf, sizeof(buf), " (actual rows=0 loops=1)");
          }
          head += buf;
        }
        plan_lines = sql::ExplainModify(head, inner.plan.get(), stmt.analyze ? &stats : nullptr,
                                        stmt.timing, describe);
      }
      for (const std::string& line : plan_lines) {
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
    case BoundStatement::Kind::kUpdate:
    case BoundStatement::Kind::kDelete: {
      std::vector<DataChunk> written;
      std::vector<DataChunk>* rows = stmt.returning.empty() ? nullptr : &written;
      bool update = stmt.kind == BoundStatement::Kind::kUpdate;
      uint64_t n;
      if (update) {
        OMEN_ASSIGN_OR_RETURN(n, sql::ExecuteUpdate(stmt, ctx, txn, rows));
      } else {
        OMEN_ASSIGN_OR_RETURN(n, sql::ExecuteDelete(stmt, ctx, txn, rows));
      }
      if (rows != nullptr) OMEN_RETURN_IF_ERROR(SendReturning(stmt, written, sink));
      return sink->OnComplete((update ? "UPDATE " : "DELETE ") + std::to_string(n));
    }
    case BoundStatement::Kind::kCreateTableAs:
    case BoundStatement::Kind::kCreateTable:
    case BoundStatement::Kind::kAlterTable:
    case BoundStatement::Kind::kDropTable:
      return RunDdl(stmt, engine, txn, ctx, sink);
  }
  return InternalError("unknown statement kind");
}

// Holds back the last statement's completion until the transaction's commit is durable.
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
  void OnNotice(std::string_view st, const std::string& m, const std::string& d = {}) override {
    (void)Flush();
    inner_->OnNotice(st, m, d);
  }
  void OnWarning(std::string_view st, const std::string& m) override {
    (void)Flush();
    inner_->OnWarning(st, m);
  }
  void OnParameterStatus(const std::string& name, const std::string& value) override {
    (void)Flush();
    inner_->OnParameterStatus(name, value);
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
};

// The command name PostgreSQL uses in "cannot execute X in a read-only transaction".
const char* WriteCommandName(sql::ParsedStatement::Kind kind) {
  using K = sql::ParsedStatement::Kind;
  switch (kind) {
    case K::kInsert: return "INSERT";
    case K::kUpdate: return "UPDATE";
    case K::kDelete: return "DELETE";
    case K::kCreateTable: return "CREATE TABLE";
    case K::kCreateTableAs: return "CREATE TABLE AS";
    case K::kDropTable: return "DROP TABLE";
    case K::kCreateSequence: return "CREATE SEQUENCE";
    case K::kTruncate: return "TRUNCATE TABLE";
    case K::kCreateView: return "CREATE VIEW";
    case K::kAlterTable: return "ALTER TABLE";
    case K::kCreateIndex: return "CREATE INDEX";
    default: return nullptr;
  }
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& data_dir,
                                                 const StorageOptions& options) {
  auto db = std::unique_ptr<Database>(new Database());
  OMEN_ASSIGN_OR_RETURN(db->storage_, StorageEngine::Open(data_dir, options));
  return db;
}

Session::~Session() {
  portals_.clear();
  if (txn_) txn_->Rollback();
}

char Session::TransactionStatus() const {
  switch (block_) {
    case Block::kExplicit: return 'T';
    case Block::kFailed: return 'E';
    default: return 'I';
  }
}

Status Session::Execute(std::string_view sql_text, ResultSink* sink) {
  StackBase stack_base;
  StartStatement();
  Result<std::vector<sql::ParsedStatement>> parsed = sql::Parse(sql_text);
  if (!parsed.ok()) {
    if (block_ == Block::kExplicit) block_ = Block::kFailed;
    return parsed.status();
  }
  if (parsed->empty()) {
    sink->OnEmptyQuery();
    return Status::OK();
  }
  DeferLastComplete deferred(sink);
  multi_statement_ = parsed->size() > 1;
  for (const sql::ParsedStatement& stmt : *parsed) {
    Status st = RunOne(stmt, &deferred);
    if (!st.ok()) {
      FailTransaction();
      return st;
    }
  }
  if (block_ == Block::kImplicit) {
    // Settings change at the end only when the transaction SET something (SET LOCAL).
    std::optional<SessionSettings> before;
    if (set_in_txn_) before = settings_;
    OMEN_RETURN_IF_ERROR(CommitTransaction());
    if (before) ReportChangedParameters(*before, settings_, &deferred);
  }
  return deferred.Flush();
}

Result<int64_t> Session::NextVal(const TableSchema& seq) {
  int64_t v;
  OMEN_ASSIGN_OR_RETURN(v, db_->storage().NextVal(seq, txn_.get()));
  currvals_[seq.table_id] = v;
  lastval_ = v;
  return v;
}

Result<int64_t> Session::CurrVal(const TableSchema& seq) {
  auto it = currvals_.find(seq.table_id);
  if (it == currvals_.end()) {
    return Status(sqlstate::kObjectNotInPrerequisiteState,
                  "currval of sequence \"" + seq.name + "\" is not yet defined in this session");
  }
  return it->second;
}

Result<int64_t> Session::SetVal(const TableSchema& seq, int64_t value, bool is_called) {
  OMEN_RETURN_IF_ERROR(db_->storage().SetVal(seq, value, is_called, txn_.get()));
  return value;
}

Result<int64_t> Session::LastVal() {
  if (!lastval_) {
    return Status(sqlstate::kObjectNotInPrerequisiteState,
                  "lastval is not yet defined in this session");
  }
  return *lastval_;
}

void Session::FailTransaction() {
  if (block_ == Block::kImplicit) RollbackTransaction();
  if (block_ == Block::kExplicit) block_ = Block::kFailed;
}

Status Session::RunOne(const sql::ParsedStatement& stmt, ResultSink* sink,
                       const std::vector<Value>* params, Portal* portal, uint64_t max_rows,
                       bool* suspended) {
  // statement_timeout: each statement is cancelled once it runs that long.
  struct Timeout {
    uint64_t ticket = 0;
    ~Timeout() {
      if (ticket != 0) StatementTimer::Get().Disarm(ticket);
    }
  } timeout;
  if (settings_.statement_timeout_ms > 0) {
    timeout.ticket = StatementTimer::Get().Arm(
        this, StatementTimer::Clock::now() + std::chrono::milliseconds(settings_.statement_timeout_ms));
  }
  ScopedSessionTime session_time = TimeScope();
  return RunOneTimed(stmt, sink, params, portal, max_rows, suspended);
}

Status Session::RunOneTimed(const sql::ParsedStatement& stmt, ResultSink* sink,
                            const std::vector<Value>* params, Portal* portal, uint64_t max_rows,
                            bool* suspended) {
  using K = sql::ParsedStatement::Kind;
  if (block_ == Block::kFailed) {
    using T = sql::ParsedTransaction::Kind;
    bool ends_failure = stmt.kind == K::kTransaction &&
                        (stmt.transaction->kind == T::kCommit ||
                         stmt.transaction->kind == T::kRollback ||
                         stmt.transaction->kind == T::kRollbackTo);
    if (!ends_failure) {
      return Status(sqlstate::kInFailedSqlTransaction,
                    "current transaction is aborted, commands ignored until end of transaction "
                    "block");
    }
  }
  switch (stmt.kind) {
    case K::kTransaction: {
      // Ending a transaction may restore parameters (SET LOCAL, a rolled-back SET).
      std::optional<SessionSettings> before;
      if (set_in_txn_) before = settings_;
      Status s = RunTransactionControl(*stmt.transaction, sink);
      if (before) ReportChangedParameters(*before, settings_, sink);
      return s;
    }
    case K::kSet: return RunSet(*stmt.set, sink);
    case K::kShow: return RunShow(stmt.show_name, sink);
    case K::kDeclareCursor:
    case K::kFetch:
    case K::kCloseCursor:
      return RunCursorStatement(stmt, sink, params);
    case K::kPrepare:
    case K::kExecute:
    case K::kDeallocate:
      return RunPreparedStatement(stmt, sink);
    case K::kCheckpoint:
      // Not transactional: it makes everything committed so far part of the data files.
      OMEN_RETURN_IF_ERROR(db_->storage().Checkpoint());
      return sink->OnComplete("CHECKPOINT");
    default: return RunInTransaction(stmt, sink, params, portal, max_rows, suspended);
  }
}

namespace {

// FETCH and MOVE: the rows go on (FETCH) or are dropped (MOVE); the completion is replaced by
// "FETCH n" / "MOVE n".
class FetchSink final : public ResultSink {
 public:
  FetchSink(ResultSink* inner, bool move) : inner_(inner), move_(move) {}
  Status OnColumns(const std::vector<ResultColumn>&) override { return Status::OK(); }
  Status OnChunk(const DataChunk& c, size_t n) override {
    rows_ += c.size();
    return move_ ? Status::OK() : inner_->OnChunk(c, n);
  }
  Status OnComplete(const std::string&) override { return Status::OK(); }
  Status Finish() {
    return inner_->OnComplete(std::string(move_ ? "MOVE " : "FETCH ") + std::to_string(rows_));
  }

 private:
  ResultSink* inner_;
  bool move_;
  uint64_t rows_ = 0;
};

}  // namespace

Status Session::RunCursorStatement(const sql::ParsedStatement& stmt, ResultSink* sink,
                                   const std::vector<Value>* params) {
  using K = sql::ParsedStatement::Kind;
  const std::string& name = stmt.cursor_name;
  if (stmt.kind == K::kCloseCursor) {
    if (name.empty()) {
      portals_.clear();  // CLOSE ALL
    } else if (portals_.erase(name) == 0) {
      return Status("34000", "cursor \"" + name + "\" does not exist");
    }
    return sink->OnComplete("CLOSE CURSOR");
  }
  if (stmt.kind == K::kDeclareCursor) {
    // Cursors live until their transaction ends (WITH HOLD is not supported).
    if (block_ != Block::kExplicit && !(block_ == Block::kImplicit && multi_statement_)) {
      return Status("25P01", "DECLARE CURSOR can only be used in transaction blocks");
    }
    if (portals_.count(name) != 0) {
      return Status("42P03", "cursor \"" + name + "\" already exists");
    }
    sql::ExecContext ctx{&db_->storage(), txn_->StatementSnapshot(), nullptr, &cancel_requested_,
                         std::make_shared<sql::QueryMemory>(settings_.query_memory_limit)};
    BoundStatement bound;
    OMEN_ASSIGN_OR_RETURN(bound, PlanStatement(stmt, params, db_->storage(), txn_.get(), this, ctx,
                                                settings_.search_schemas, this));
    auto portal = std::make_shared<Portal>();
    OMEN_ASSIGN_OR_RETURN(portal->cursor,
                          QueryCursor::Open(std::make_shared<BoundStatement>(std::move(bound)), ctx));
    auto ps = std::make_shared<PreparedStatement>();
    ps->columns = portal->cursor->Columns();
    portal->statement = std::move(ps);
    portals_[name] = std::move(portal);
    return sink->OnComplete("DECLARE CURSOR");
  }
  // FETCH / MOVE
  auto it = portals_.find(name);
  if (it == portals_.end()) return Status("34000", "cursor \"" + name + "\" does not exist");
  std::shared_ptr<Portal> portal = it->second;
  if (!stmt.move && portal->statement->columns) {
    OMEN_RETURN_IF_ERROR(sink->OnColumns(*portal->statement->columns));
  }
  FetchSink fetch(sink, stmt.move);
  if (portal->cursor && stmt.fetch_count > 0) {
    bool more;
    OMEN_ASSIGN_OR_RETURN(more, portal->cursor->Fetch(
                                    stmt.fetch_count == UINT64_MAX ? 0 : stmt.fetch_count, &fetch));
    if (!more) {
      portal->cursor.reset();
      portal->completed = true;
    }
  }
  return fetch.Finish();
}

Status Session::RunPreparedStatement(const sql::ParsedStatement& stmt, ResultSink* sink) {
  using K = sql::ParsedStatement::Kind;
  const std::string& name = stmt.statement_name;
  if (stmt.kind == K::kPrepare) {
    OMEN_RETURN_IF_ERROR(PrepareParsed(name, stmt.prepared, stmt.prepare_types));
    return sink->OnComplete("PREPARE");
  }
  if (stmt.kind == K::kDeallocate) {
    if (name.empty()) {
      statements_.clear();
      return sink->OnComplete("DEALLOCATE ALL");
    }
    if (statements_.erase(name) == 0) {
      return Status("26000", "prepared statement \"" + name + "\" does not exist");
    }
    return sink->OnComplete("DEALLOCATE");
  }
  // EXECUTE: evaluate the arguments (a one-row query), convert them to the parameter types,
  // then run the statement as Bind + Execute would.
  auto it = statements_.find(name);
  if (it == statements_.end()) {
    return Status("26000", "prepared statement \"" + name + "\" does not exist");
  }
  std::shared_ptr<const PreparedStatement> ps = it->second;
  size_t given = stmt.select->targets.size();
  if (given != ps->param_types.size()) {
    return Status(sqlstate::kSyntaxError,
                  "wrong number of parameters for prepared statement \"" + name + "\"",
                  "Expected " + std::to_string(ps->param_types.size()) + " parameters but got " +
                      std::to_string(given) + ".");
  }
  std::vector<Value> params;
  if (given > 0) {
    EnsureTransaction();
    sql::ExecContext ctx{&db_->storage(), txn_->StatementSnapshot(), nullptr, &cancel_requested_,
                         std::make_shared<sql::QueryMemory>(settings_.query_memory_limit)};
    BoundStatement args;
    OMEN_ASSIGN_OR_RETURN(args, PlanStatement(stmt, nullptr, db_->storage(), txn_.get(), this, ctx,
                                               settings_.search_schemas, this));
    std::unique_ptr<QueryCursor> cursor;
    OMEN_ASSIGN_OR_RETURN(cursor,
                          QueryCursor::Open(std::make_shared<BoundStatement>(std::move(args)), ctx));
    struct Row final : ResultSink {
      std::vector<Value> values;
      Status OnColumns(const std::vector<ResultColumn>&) override { return Status::OK(); }
      Status OnChunk(const DataChunk& c, size_t n) override {
        for (size_t i = 0; i < n && c.size() > 0; ++i) values.push_back(c.GetValue(i, 0));
        return Status::OK();
      }
      Status OnComplete(const std::string&) override { return Status::OK(); }
    } row;
    OMEN_RETURN_IF_ERROR(cursor->Fetch(0, &row).status());
    for (size_t i = 0; i < given; ++i) {
      Value v = std::move(row.values.at(i));
      if (v.is_null()) {
        v = Value::Null(ps->param_types[i]);
      } else if (v.type() != ps->param_types[i]) {
        OMEN_ASSIGN_OR_RETURN(v, CastValue(v, ps->param_types[i]));
      }
      params.push_back(std::move(v));
    }
  }
  if (!ps->parsed) {
    sink->OnEmptyQuery();
    return Status::OK();
  }
  Portal portal;  // runs to its end; it carries the statement's generic plan
  portal.statement = ps;
  return RunOne(*ps->parsed, sink, &params, &portal);
}

void Session::StartStatement() {
  cancel_requested_.store(0, std::memory_order_relaxed);
  if (txn_) db_->storage().txns().ClearCancel(txn_->id());
}

void Session::RequestCancel(CancelReason reason) {
  cancel_requested_.store(static_cast<int>(reason), std::memory_order_relaxed);
  uint64_t txn = running_txn_.load(std::memory_order_acquire);
  if (txn != 0) db_->storage().txns().Cancel(txn, reason);
}

void Session::EnsureTransaction() {
  if (txn_) return;
  txn_ = db_->storage().Begin(settings_.default_isolation);
  txn_start_us_ = WallClockMicros();
  running_txn_.store(txn_->id(), std::memory_order_release);
  txn_read_only_ = settings_.default_read_only;
  block_ = Block::kImplicit;
  settings_at_begin_ = settings_;
  settings_on_commit_ = settings_;
  set_in_txn_ = false;
}

Status Session::CommitTransaction() {
  running_txn_.store(0, std::memory_order_release);
  portals_.clear();
  Status s = txn_->Commit(settings_.SynchronousCommit());
  txn_.reset();
  txn_start_us_ = INT64_MIN;
  savepoints_.clear();
  block_ = Block::kNone;
  // SET LOCAL ends with the transaction, committed or not.
  settings_ = s.ok() ? settings_on_commit_ : settings_at_begin_;
  return s;
}

void Session::RollbackTransaction() {
  running_txn_.store(0, std::memory_order_release);
  portals_.clear();
  txn_->Rollback();
  txn_.reset();
  txn_start_us_ = INT64_MIN;
  savepoints_.clear();
  settings_ = settings_at_begin_;
  block_ = Block::kNone;
}

Status Session::RunInTransaction(const sql::ParsedStatement& stmt, ResultSink* sink,
                                 const std::vector<Value>* params, Portal* portal,
                                 uint64_t max_rows, bool* suspended) {
  EnsureTransaction();
  const char* write = WriteCommandName(stmt.kind);
  if (stmt.kind == sql::ParsedStatement::Kind::kExplain && stmt.explain.analyze) {
    write = WriteCommandName(stmt.explained->kind);  // EXPLAIN ANALYZE runs it
  }
  if (write != nullptr && txn_read_only_) {
    return Status("25006", std::string("cannot execute ") + write + " in a read-only transaction");
  }
  if (stmt.kind == sql::ParsedStatement::Kind::kTruncate) {
    // Every row of each table deleted in this transaction (so it rolls back like any DML;
    // PostgreSQL swaps in empty files instead).
    struct Quiet final : ResultSink {
      Status OnColumns(const std::vector<ResultColumn>&) override { return Status::OK(); }
      Status OnChunk(const DataChunk&, size_t) override { return Status::OK(); }
      Status OnComplete(const std::string&) override { return Status::OK(); }
    } quiet;
    for (const auto& del : stmt.truncate) {
      Result<const TableSchema*> found = db_->storage().catalog().ResolveRelation(
          del->del->table.schema, del->del->table.name, settings_.search_schemas, txn_->id());
      const TableSchema* t = found.ok() ? *found : nullptr;
      if (t != nullptr && (t->sequence || t->index)) {
        return Status(sqlstate::kWrongObjectType,
                      "\"" + t->name + "\" is not a table");
      }
    }
    for (const auto& del : stmt.truncate) {
      OMEN_RETURN_IF_ERROR(RunStatement(*del, nullptr, db_->storage(), txn_.get(), this,
                                        &cancel_requested_, &quiet, nullptr, 0, nullptr,
                                        settings_, this));
    }
    return sink->OnComplete("TRUNCATE TABLE");
  }
  Status s = RunStatement(stmt, params, db_->storage(), txn_.get(), this, &cancel_requested_,
                          sink, portal, max_rows, suspended, settings_, this);
  if (settings_before_set_config_) {
    // set_config() changed parameters: clients hear of the reported ones, as after SET.
    ReportChangedParameters(*settings_before_set_config_, settings_, sink);
    settings_before_set_config_.reset();
  }
  return s;
}

Status Session::ApplyModes(const sql::ParsedTransactionModes& modes, bool in_block) {
  if (!modes.isolation.empty()) {
    IsolationLevel level;
    OMEN_ASSIGN_OR_RETURN(level, ParseIsolationLevel(modes.isolation, "transaction_isolation"));
    if (in_block) {
      if (level != txn_->isolation()) {
        if (txn_->has_snapshot()) {
          return Status(sqlstate::kActiveSqlTransaction,
                        "SET TRANSACTION ISOLATION LEVEL must be called before any query");
        }
        if (!savepoints_.empty()) {
          return Status(sqlstate::kActiveSqlTransaction,
                        "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
        }
      }
      txn_->set_isolation(level);
    } else {
      settings_.default_isolation = level;
    }
  }
  if (modes.read_only) {
    if (in_block) {
      if (!*modes.read_only && txn_read_only_ && txn_->has_snapshot()) {
        return Status(sqlstate::kActiveSqlTransaction,
                      "transaction read-write mode must be set before any query");
      }
      txn_read_only_ = *modes.read_only;
    } else {
      settings_.default_read_only = *modes.read_only;
    }
  }
  return Status::OK();
}

Status Session::RunTransactionControl(const sql::ParsedTransaction& t, ResultSink* sink) {
  using K = sql::ParsedTransaction::Kind;
  switch (t.kind) {
    case K::kBegin: {
      if (!t.modes.isolation.empty()) {
        // A level that is refused starts nothing.
        OMEN_RETURN_IF_ERROR(
            ParseIsolationLevel(t.modes.isolation, "transaction_isolation").status());
      }
      if (block_ == Block::kExplicit) {
        sink->OnWarning(sqlstate::kActiveSqlTransaction, "there is already a transaction in progress");
      } else {
        EnsureTransaction();  // statements before BEGIN in this string join the block
        block_ = Block::kExplicit;
      }
      OMEN_RETURN_IF_ERROR(ApplyModes(t.modes, true));
      return sink->OnComplete(t.start ? "START TRANSACTION" : "BEGIN");
    }
    case K::kCommit: {
      if (block_ == Block::kNone || block_ == Block::kImplicit) {
        sink->OnWarning(sqlstate::kNoActiveSqlTransaction, "there is no transaction in progress");
        if (block_ == Block::kImplicit) OMEN_RETURN_IF_ERROR(CommitTransaction());
        return sink->OnComplete("COMMIT");
      }
      if (block_ == Block::kFailed) {
        RollbackTransaction();
        return sink->OnComplete("ROLLBACK");
      }
      OMEN_RETURN_IF_ERROR(CommitTransaction());
      return sink->OnComplete("COMMIT");
    }
    case K::kRollback: {
      if (block_ == Block::kNone || block_ == Block::kImplicit) {
        sink->OnWarning(sqlstate::kNoActiveSqlTransaction, "there is no transaction in progress");
      }
      if (txn_) RollbackTransaction();
      return sink->OnComplete("ROLLBACK");
    }
    case K::kSavepoint: {
      // A multi-statement string's implicit transaction is a block too.
      if (block_ != Block::kExplicit && !(block_ == Block::kImplicit && multi_statement_)) {
        return Status(sqlstate::kNoActiveSqlTransaction,
                      "SAVEPOINT can only be used in transaction blocks");
      }
      savepoints_.push_back({t.savepoint, txn_->Savepoint(), settings_, settings_on_commit_});
      return sink->OnComplete("SAVEPOINT");
    }
    case K::kRelease:
    case K::kRollbackTo: {
      bool release = t.kind == K::kRelease;
      if (block_ != Block::kExplicit && block_ != Block::kFailed &&
          !(block_ == Block::kImplicit && multi_statement_)) {
        return Status(sqlstate::kNoActiveSqlTransaction,
                      std::string(release ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT") +
                          " can only be used in transaction blocks");
      }
      auto it = std::find_if(savepoints_.rbegin(), savepoints_.rend(),
                             [&](const SavepointEntry& e) { return e.name == t.savepoint; });
      if (it == savepoints_.rend()) {
        return Status(sqlstate::kInvalidSavepointSpecification,
                      "savepoint \"" + t.savepoint + "\" does not exist");
      }
      size_t index = static_cast<size_t>(savepoints_.rend() - it) - 1;
      if (release) {
        savepoints_.resize(index);  // the savepoint and every later one
        return sink->OnComplete("RELEASE");
      }
      txn_->RollbackTo(savepoints_[index].mark);
      settings_ = savepoints_[index].settings;
      settings_on_commit_ = savepoints_[index].settings_on_commit;
      savepoints_.resize(index + 1);  // the savepoint stays
      if (block_ == Block::kFailed) block_ = Block::kExplicit;
      return sink->OnComplete("ROLLBACK");
    }
  }
  return InternalError("unknown transaction statement");
}

Status Session::RunSet(const sql::ParsedSet& set, ResultSink* sink) {
  using K = sql::ParsedSet::Kind;
  // (SET LOCAL of the transaction's own modes is SET: they end with the transaction anyway.)
  if (set.kind == K::kTransaction || set.name == "transaction_isolation" ||
      set.name == "transaction_read_only") {
    sql::ParsedTransactionModes modes = set.modes;
    if (set.kind != K::kTransaction) {
      if (set.kind != K::kValue) return NotSupported("RESET " + set.name);
      if (set.name == "transaction_isolation") modes.isolation = set.values.at(0);
      if (set.name == "transaction_read_only") {
        SessionSettings parsed;
        OMEN_RETURN_IF_ERROR(ApplySetting("default_transaction_read_only", set.values, &parsed));
        modes.read_only = parsed.default_read_only;
      }
    }
    if (block_ != Block::kExplicit) {
      // Outside a block the setting would end with the statement's own transaction.
      if (set.kind == K::kTransaction) {
        sink->OnWarning(sqlstate::kNoActiveSqlTransaction,
                        "SET TRANSACTION can only be used in transaction blocks");
      }
      return sink->OnComplete("SET");
    }
    OMEN_RETURN_IF_ERROR(ApplyModes(modes, true));
    return sink->OnComplete("SET");
  }
  if (set.kind == K::kSessionCharacteristics) {
    OMEN_RETURN_IF_ERROR(ApplyModes(set.modes, false));
    settings_on_commit_.default_isolation = settings_.default_isolation;
    settings_on_commit_.default_read_only = settings_.default_read_only;
    return sink->OnComplete("SET");
  }
  const std::vector<std::string> values =
      set.kind == K::kValue ? set.values : std::vector<std::string>{};
  const SessionSettings before = settings_;
  bool applied;
  OMEN_ASSIGN_OR_RETURN(applied, ApplySet(set.name, values, set.is_local, false));
  if (!applied) {
    sink->OnWarning(sqlstate::kNoActiveSqlTransaction,
                    "SET LOCAL can only be used in transaction blocks");
    return sink->OnComplete("SET");
  }
  OMEN_RETURN_IF_ERROR(sink->OnComplete(set.reset ? "RESET" : "SET"));
  ReportChangedParameters(before, settings_, sink);
  return Status::OK();
}

Result<bool> Session::ApplySet(const std::string& name, const std::vector<std::string>& values,
                               bool is_local, bool local_in_statement) {
  if (txn_) set_in_txn_ = true;
  {
    // A custom parameter, once set, exists for the rest of the session (as PostgreSQL's
    // placeholders): where a transaction's end or a savepoint restores settings, it is empty.
    if (IsCustomSetting(name)) {
      for (SessionSettings* s : {&settings_, &settings_on_commit_, &settings_at_begin_}) {
        s->custom.emplace(name, "");
      }
      for (SavepointEntry& sp : savepoints_) {
        sp.settings.custom.emplace(name, "");
        sp.settings_on_commit.custom.emplace(name, "");
      }
    }
  }
  if (is_local) {
    // It lasts until the transaction ends: outside a block, that is the end of the statement
    // (only set_config has an effect that long).
    const bool block = block_ == Block::kExplicit ||
                       (block_ == Block::kImplicit && (multi_statement_ || local_in_statement));
    if (!block) {
      SessionSettings check = settings_;  // still an error for a bad name or value
      OMEN_RETURN_IF_ERROR(ApplySetting(name, values, &check));
      return false;
    }
    OMEN_RETURN_IF_ERROR(ApplySetting(name, values, &settings_));
    return true;
  }
  // Checked on a copy first, so that an error changes neither.
  SessionSettings on_commit = settings_on_commit_;
  if (txn_) OMEN_RETURN_IF_ERROR(ApplySetting(name, values, &on_commit));
  OMEN_RETURN_IF_ERROR(ApplySetting(name, values, &settings_));
  if (txn_) settings_on_commit_ = std::move(on_commit);
  return true;
}

Result<std::string> Session::SetConfig(const std::string& name,
                                       const std::optional<std::string>& value, bool is_local) {
  if (name == "transaction_isolation" || name == "transaction_read_only") {
    return NotSupported("set_config() of " + name);
  }
  std::vector<std::string> values;
  if (value) values.push_back(*value);
  if (!settings_before_set_config_) settings_before_set_config_ = settings_;
  OMEN_RETURN_IF_ERROR(ApplySet(name, values, is_local, true).status());
  return SettingValue(name);
}

Result<std::string> Session::SettingValue(const std::string& name) const {
  if (name == "transaction_isolation") {
    return std::string(IsolationLevelName(txn_ ? txn_->isolation() : settings_.default_isolation));
  }
  if (name == "transaction_read_only") {
    return std::string((txn_ ? txn_read_only_ : settings_.default_read_only) ? "on" : "off");
  }
  return ShowSetting(name, settings_);
}

Status Session::RunShow(const std::string& name, ResultSink* sink) {
  std::string value;
  OMEN_ASSIGN_OR_RETURN(value, SettingValue(name));
  // The column is named as PostgreSQL spells the parameter (SHOW timezone -> "TimeZone").
  static const std::pair<const char*, const char*> kSpelled[] = {
      {"timezone", "TimeZone"}, {"datestyle", "DateStyle"}, {"intervalstyle", "IntervalStyle"}};
  std::string column = name;
  for (const auto& [lower, spelled] : kSpelled) {
    if (name == lower) column = spelled;
  }
  OMEN_RETURN_IF_ERROR(sink->OnColumns({{column, TypeId::kText}}));
  DataChunk chunk({TypeId::kText});
  chunk.AppendRow({Value::Text(value)});
  OMEN_RETURN_IF_ERROR(sink->OnChunk(chunk, 1));
  return sink->OnComplete("SHOW");
}

}  // namespace omendb
