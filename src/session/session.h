// Database and Session: the engine behind every front end (pgwire, HTTP, the shell and the
// embedded API). A Session runs query strings with PostgreSQL's simple-query semantics.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "session/settings.h"
#include "sql/parser/parsed_nodes.h"
#include "storage/storage_engine.h"
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
  virtual void OnNotice(std::string_view sqlstate, const std::string& message) {}
  // A WARNING (e.g. "there is already a transaction in progress").
  virtual void OnWarning(std::string_view sqlstate, const std::string& message) {}
};

// One client's session. Not thread-safe: one query at a time.
class Session {
 public:
  explicit Session(Database* db) : db_(db) {}
  // Rolls back an open transaction (the client went away).
  ~Session();

  // Runs every statement of `sql` as PostgreSQL runs a simple Query message: outside a
  // transaction block the statements form one implicit transaction (committed at the end,
  // rolled back with all its changes at the first error); BEGIN starts a block that lasts
  // until COMMIT or ROLLBACK, in this string or a later one; an error inside a block fails the
  // block (25P02 for what follows) until ROLLBACK or ROLLBACK TO SAVEPOINT. Results stream to
  // `sink`; nothing is acknowledged (OnComplete of a committing statement) before the
  // transaction's changes are durable.
  Status Execute(std::string_view sql, ResultSink* sink);

  // ReadyForQuery's transaction status: 'I' idle, 'T' in a transaction block, 'E' in a failed
  // transaction block.
  char TransactionStatus() const;

 private:
  enum class Block { kNone, kImplicit, kExplicit, kFailed };
  struct SavepointEntry {
    std::string name;
    Transaction::Mark mark;
    SessionSettings settings;
  };

  Status RunOne(const sql::ParsedStatement& stmt, ResultSink* sink);
  Status RunTransactionControl(const sql::ParsedTransaction& t, ResultSink* sink);
  Status RunSet(const sql::ParsedSet& set, ResultSink* sink);
  Status RunShow(const std::string& name, ResultSink* sink);
  Status RunInTransaction(const sql::ParsedStatement& stmt, ResultSink* sink);
  // Starts the implicit transaction if none is open.
  void EnsureTransaction();
  Status CommitTransaction();
  void RollbackTransaction();
  Status ApplyModes(const sql::ParsedTransactionModes& modes, bool in_block);

  Database* db_;
  SessionSettings settings_;
  SessionSettings settings_at_begin_;  // restored when the block rolls back
  Block block_ = Block::kNone;
  std::unique_ptr<Transaction> txn_;
  bool txn_read_only_ = false;
  bool multi_statement_ = false;  // the running query string holds several statements
  std::vector<SavepointEntry> savepoints_;
};

}  // namespace omendb
