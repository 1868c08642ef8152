// OmenDB embedded API: open a data directory in-process and run SQL on it, with the same
// engine and semantics as the server (PostgreSQL dialect; text-format results).
//
//   std::string err;
//   auto db = omendb::DB::Open("./data", &err);
//   auto conn = db->Connect();
//   omendb::QueryResult r = conn->Query("SELECT 1 + 1 AS two");
//   // r.statements[0].rows[0][0] == "2"
//
// A DB is thread-safe and may serve many Connections; a Connection runs one query at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omendb {

class Database;
class Session;

// An error as PostgreSQL reports it.
struct QueryError {
  std::string sqlstate;  // five characters, e.g. "23505"
  std::string message;
  std::string detail;
  std::string hint;
  int position = -1;  // 0-based byte offset into the query string, or -1
};

struct ColumnInfo {
  std::string name;
  uint32_t type_oid = 0;  // PostgreSQL type OID (23 = integer, 25 = text, ...)
  std::string type_name;  // pg_type name ("int4", "text", ...)
};

// The result of one statement. Values are in PostgreSQL's text format; nullopt is NULL.
struct StatementResult {
  std::vector<ColumnInfo> columns;  // empty for statements that return no rows
  std::vector<std::vector<std::optional<std::string>>> rows;
  std::string command_tag;  // "SELECT 2", "INSERT 0 1", "CREATE TABLE"...
};

// A NOTICE or WARNING the query raised.
struct Notice {
  std::string severity;  // "NOTICE" or "WARNING"
  std::string message;
};

// The result of one query string: the statements that completed, then the error that
// stopped it (if any). On error the string's changes are undone as PostgreSQL does: the whole
// string outside a transaction block; inside one the block fails and awaits ROLLBACK.
struct QueryResult {
  std::vector<StatementResult> statements;
  std::vector<Notice> notices;
  std::optional<QueryError> error;
  bool ok() const { return !error.has_value(); }
};

class Connection;

class DB {
 public:
  ~DB();
  // Opens (creating if needed) the data directory. On failure returns nullptr and fills
  // *error (if given).
  static std::unique_ptr<DB> Open(const std::string& data_dir, QueryError* error = nullptr);
  std::unique_ptr<Connection> Connect();

 private:
  DB() = default;
  std::unique_ptr<Database> db_;
};

class Connection {
 public:
  ~Connection();
  // Runs every statement in `sql` (PostgreSQL simple-query semantics: one implicit
  // transaction per call).
  QueryResult Query(std::string_view sql);

  // Parameter values for $1, $2, ... in PostgreSQL's text format; nullopt is NULL.
  using Params = std::vector<std::optional<std::string>>;
  // Runs the one statement in `sql` with `params`, as a driver's Parse/Bind/Execute/Sync does:
  // parameter types are inferred from context as PostgreSQL infers them, values are never
  // spliced into the text. Outside a transaction block the statement is its own transaction.
  QueryResult Query(std::string_view sql, const Params& params);
  // Prepares the one statement in `sql` under `name` (parsed and analysed once). Returns the
  // error, if any (42P05 if `name` is taken).
  std::optional<QueryError> Prepare(const std::string& name, std::string_view sql);
  // Runs prepared statement `name` with `params` (as Query with parameters).
  QueryResult ExecutePrepared(const std::string& name, const Params& params);
  // Forgets prepared statement `name`.
  void Deallocate(const std::string& name);

 private:
  friend class DB;
  Connection() = default;
  std::unique_ptr<Session> session_;
};

}  // namespace omendb
