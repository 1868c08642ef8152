// Database and Session: the engine behind every front end (pgwire, HTTP, the shell and the
// embedded API). A Session runs query strings with PostgreSQL's simple-query semantics.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/cancel.h"
#include "common/status.h"
#include "session/plan_cache.h"
#include "session/settings.h"
#include "sql/parser/parsed_nodes.h"
#include "sql/plan/logical_plan.h"
#include "sql/plan/sequence_access.h"
#include "sql/plan/settings_access.h"
#include "storage/storage_engine.h"
#include "types/session_time.h"
#include "types/vector.h"

namespace omendb {

// One open data directory. Thread-safe; shared by all sessions.
class Database {
 public:
  // Opens or creates the data directory (see StorageEngine::Open for errors).
  static Result<std::unique_ptr<Database>> Open(const std::string& data_dir,
                                                const StorageOptions& options = {});
  StorageEngine& storage() { return *storage_; }

 private:
  std::unique_ptr<StorageEngine> storage_;
};

struct ResultColumn {
  std::string name;
  LogicalType type;
};

// Receives the results of a query string, statement by statement. For each statement that
// returns rows: OnColumns, then OnChunk per batch, then OnComplete; for others only
// OnComplete. An error Status returned by a callback aborts the query with that error.
class ResultSink {
 public:
  virtual ~ResultSink() = default;
  virtual Status OnColumns(const std::vector<ResultColumn>& columns) = 0;
  // Only the first `column_count` columns of `chunk` are part of the result.
  virtual Status OnChunk(const DataChunk& chunk, size_t column_count) = 0;
  // `tag` is PostgreSQL's command tag ("SELECT 3", "INSERT 0 2", "CREATE TABLE").
  virtual Status OnComplete(const std::string& tag) = 0;
  // The query string held no statement.
  virtual void OnEmptyQuery() {}
  // A NOTICE (e.g. "table \"t\" does not exist, skipping").
  virtual void OnNotice(std::string_view sqlstate, const std::string& message,
                        const std::string& detail = {}) {}
  // A parameter clients are told about (PostgreSQL's GUC_REPORT: TimeZone, DateStyle,
  // application_name...) has a new value.
  virtual void OnParameterStatus(const std::string& name, const std::string& value) {}
  // A WARNING (e.g. "there is already a transaction in progress").
  virtual void OnWarning(std::string_view sqlstate, const std::string& message) {}
};

// A statement prepared by the extended protocol's Parse (or PREPARE): parsed once, its
// parameter types fixed (declared, or inferred from context), its result columns known.
struct PreparedStatement {
  std::shared_ptr<const sql::ParsedStatement> parsed;  // null for an empty query string
  std::vector<LogicalType> param_types;
  std::optional<std::vector<ResultColumn>> columns;  // nullopt: returns no rows
  // Its generic plan (SELECTs), shared by the portals that run it.
  std::shared_ptr<GenericPlanCache> generic = std::make_shared<GenericPlanCache>();
};

// A statement being run under the extended protocol: created by Bind, run by Execute (in
// parts, when Execute limits the rows), gone at the end of its transaction.
struct Portal;

// One client's session. Not thread-safe: one query at a time.
class Session final : public sql::SequenceAccess, public sql::SettingsAccess {
 public:
  explicit Session(Database* db) : db_(db) {}
  // Makes this session's TimeZone and transaction start the current thread's (see
  // types/session_time.h) while the returned scope lives: for code that converts values
  // outside the session's own entry points (a protocol layer decoding parameters).
  ScopedSessionTime TimeScope() const { return ScopedSessionTime(&settings_.time_zone, &txn_start_us_); }
  // Rolls back an open transaction (the client went away).
  ~Session() override;

  // Runs every statement of `sql` as PostgreSQL runs a simple Query message: outside a
  // transaction block the statements form one implicit transaction (committed at the end,
  // rolled back with all its changes at the first error); BEGIN starts a block that lasts
  // until COMMIT or ROLLBACK, in this string or a later one; an error inside a block fails the
  // block (25P02 for what follows) until ROLLBACK or ROLLBACK TO SAVEPOINT. Results stream to
  // `sink`; nothing is acknowledged (OnComplete of a committing statement) before the
  // transaction's changes are durable.
  Status Execute(std::string_view sql, ResultSink* sink);

  // Cancels the statement running now (57014 "canceling statement due to user request", or
  // "... statement timeout"), also while it waits for a lock; a request when none runs is
  // ignored. The one method that may be called from another thread (PostgreSQL's
  // CancelRequest, statement_timeout).
  void RequestCancel(CancelReason reason = CancelReason::kUser);

  // ReadyForQuery's transaction status: 'I' idle, 'T' in a transaction block, 'E' in a failed
  // transaction block.
  char TransactionStatus() const;

  // The extended query protocol, with PostgreSQL's semantics: statements run by Execute
  // outside a transaction block form one implicit transaction that Sync commits; an error in
  // any step rolls it back (in a block: fails the block). The caller skips to Sync after an
  // error, as the protocol requires.
  //
  // Parse: prepares the one statement in `sql` as `name` ("" is the unnamed statement, which
  // a new Parse replaces; a named one must be closed first: 42P05). `param_types` may leave
  // types kInvalid (inferred); errors as the statement's own parse and bind (42P01, 42601,
  // 42P18...), 42601 for several statements.
  Status Prepare(const std::string& name, std::string_view sql,
                 std::vector<LogicalType> param_types);
  // Prepares an already parsed statement (null: the empty query) as `name` (PREPARE).
  Status PrepareParsed(const std::string& name,
                       std::shared_ptr<const sql::ParsedStatement> statement,
                       std::vector<LogicalType> param_types);
  // The prepared statement `name` (26000 if none).
  Result<const PreparedStatement*> GetStatement(const std::string& name) const;
  // Bind: creates portal `portal` ("" replaces the unnamed one; 42P03 if a named one exists)
  // over statement `statement` with `params`: each NULL, already of the parameter's type, or
  // an Unknown text in the type's input format (22P02 and the like when it does not convert;
  // 08P01 for the wrong number). `result_formats` is kept for the front end.
  Status Bind(const std::string& portal, const std::string& statement, std::vector<Value> params,
              std::vector<int16_t> result_formats);
  // The statement of portal `name` and its result formats (34000 if there is no portal).
  Result<std::pair<const PreparedStatement*, const std::vector<int16_t>*>> DescribePortal(
      const std::string& name) const;
  // Execute: runs portal `name`, sending its rows (no OnColumns: Describe tells the columns)
  // and completion to `sink`. With `max_rows` > 0 stops after that many rows and returns true
  // (suspended) if more remain; the next Execute continues.
  Result<bool> ExecutePortal(const std::string& name, uint64_t max_rows, ResultSink* sink);
  // Close: removes a prepared statement or a portal (absent names are not an error).
  void CloseStatement(const std::string& name);
  void ClosePortal(const std::string& name);
  // Sync: ends the implicit transaction (commits it; durable before this returns).
  Status Sync();
  // After an error in a protocol step (including one the front end detects, such as a
  // malformed message): the implicit transaction is rolled back, an explicit block fails.
  // Idempotent.
  void FailTransaction();

  // nextval & co. (sql::SequenceAccess): in the session's transaction, with its own
  // currval/lastval values.
  Result<int64_t> NextVal(const TableSchema& seq) override;
  Result<int64_t> CurrVal(const TableSchema& seq) override;
  Result<int64_t> SetVal(const TableSchema& seq, int64_t value, bool is_called) override;
  Result<int64_t> LastVal() override;

  // current_setting and set_config (sql::SettingsAccess): the parameters SET and SHOW see.
  Result<std::string> SettingValue(const std::string& name) const override;
  Result<std::string> SetConfig(const std::string& name, const std::optional<std::string>& value,
                                bool is_local) override;

 private:
  enum class Block { kNone, kImplicit, kExplicit, kFailed };
  struct SavepointEntry {
    std::string name;
    Transaction::Mark mark;
    SessionSettings settings, settings_on_commit;
  };

  // Runs one statement; `params` holds the values of its $n; with `portal`, a query's rows
  // are fetched through it (at most max_rows; *suspended tells whether rows remain).
  Status RunOne(const sql::ParsedStatement& stmt, ResultSink* sink,
                const std::vector<Value>* params = nullptr, Portal* portal = nullptr,
                uint64_t max_rows = 0, bool* suspended = nullptr);
  // RunOne once its statement_timeout is armed.
  Status RunOneTimed(const sql::ParsedStatement& stmt, ResultSink* sink,
                     const std::vector<Value>* params, Portal* portal, uint64_t max_rows,
                     bool* suspended);
  Status RunTransactionControl(const sql::ParsedTransaction& t, ResultSink* sink);
  // DECLARE CURSOR, FETCH / MOVE, CLOSE: cursors are portals (one namespace with the extended
  // protocol's), read forward only, gone when their transaction ends.
  Status RunCursorStatement(const sql::ParsedStatement& stmt, ResultSink* sink,
                            const std::vector<Value>* params);
  // PREPARE, EXECUTE, DEALLOCATE (the statements the extended protocol's Parse prepares).
  Status RunPreparedStatement(const sql::ParsedStatement& stmt, ResultSink* sink);
  Status RunSet(const sql::ParsedSet& set, ResultSink* sink);
  Status RunShow(const std::string& name, ResultSink* sink);
  // SET [LOCAL] name = values (empty: TO DEFAULT) for RunSet and SetConfig: false when it
  // did nothing (LOCAL outside a transaction block; with `local_in_statement` it then lasts
  // until the statement's own transaction ends, as set_config's does).
  Result<bool> ApplySet(const std::string& name, const std::vector<std::string>& values,
                        bool is_local, bool local_in_statement);
  Status RunInTransaction(const sql::ParsedStatement& stmt, ResultSink* sink,
                          const std::vector<Value>* params, Portal* portal, uint64_t max_rows,
                          bool* suspended);
  // Starts the implicit transaction if none is open.
  void EnsureTransaction();
  Status CommitTransaction();
  void RollbackTransaction();
  Status ApplyModes(const sql::ParsedTransactionModes& modes, bool in_block);

  // A new statement starts: an earlier cancel request no longer applies.
  void StartStatement();

  Database* db_;
  CancelFlag cancel_requested_{0};  // a CancelReason
  std::atomic<uint64_t> running_txn_{0};  // the transaction's id, for RequestCancel
  SessionSettings settings_;
  SessionSettings settings_at_begin_;  // restored when the block rolls back
  // What the settings become when the transaction commits: settings_ without its SET LOCALs.
  SessionSettings settings_on_commit_;
  bool set_in_txn_ = false;  // the transaction ran SET (its end may restore settings)
  // The settings before the running statement's first set_config(), to report what it changed.
  std::optional<SessionSettings> settings_before_set_config_;
  // The running transaction's start (now(), 'today'), microseconds since 2000-01-01 UTC;
  // INT64_MIN outside a transaction.
  int64_t txn_start_us_ = INT64_MIN;
  Block block_ = Block::kNone;
  std::unique_ptr<Transaction> txn_;
  bool txn_read_only_ = false;
  bool multi_statement_ = false;  // the running query string holds several statements
  std::vector<SavepointEntry> savepoints_;
  std::map<std::string, std::shared_ptr<const PreparedStatement>> statements_;
  std::unordered_map<uint64_t, int64_t> currvals_;  // sequence id -> its last nextval here
  std::optional<int64_t> lastval_;
  // Portals end with their transaction (before its snapshot does).
  std::map<std::string, std::shared_ptr<Portal>> portals_;
};

}  // namespace omendb
