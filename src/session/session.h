// Database and Session: the engine behind every front end (pgwire, HTTP, the shell and the
// embedded API). A Session runs query strings with PostgreSQL's simple-query semantics.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/storage_engine.h"
#include "types/vector.h"

namespace omendb {

// One open data directory. Thread-safe; shared by all sessions.
class Database {
 public:
  // Opens or creates the data directory (see StorageEngine::Open for errors).
  static Result<std::unique_ptr<Database>> Open(const std::string& data_dir);
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
};

// One client's session. Not thread-safe: one query at a time.
class Session {
 public:
  explicit Session(Database* db) : db_(db) {}

  // Runs every statement of `sql` in one implicit transaction, as PostgreSQL runs a simple
  // Query message: results stream to `sink`; the first error stops the string, undoes all of
  // its changes and is returned. Nothing is acknowledged (OnComplete of the last statement)
  // before the transaction's changes are durable.
  Status Execute(std::string_view sql, ResultSink* sink);

 private:
  Database* db_;
};

}  // namespace omendb
