// The public embedded API (include/omendb/omendb.h) over Database and Session.
#include "omendb/omendb.h"
#include "session/session.h"

namespace omendb {
namespace {

QueryError ToError(const Status& s) {
  QueryError e;
  e.sqlstate = std::string(s.sqlstate());
  e.message = s.message();
  e.detail = s.detail();
  e.hint = s.hint();
  e.position = s.position().value_or(-1);
  return e;
}

class CollectingSink final : public ResultSink {
 public:
  explicit CollectingSink(QueryResult* out) : out_(out) {}
  Status OnColumns(const std::vector<ResultColumn>& columns) override {
    current_.columns.clear();
    for (const ResultColumn& c : columns) {
      current_.columns.push_back({c.name, c.type.pg_oid(), c.type.pg_name()});
    }
    return Status::OK();
  }
  Status OnChunk(const DataChunk& chunk, size_t column_count) override {
    for (size_t r = 0; r < chunk.size(); ++r) {
      std::vector<std::optional<std::string>> row;
      for (size_t c = 0; c < column_count; ++c) {
        Value v = chunk.GetValue(c, r);
        row.push_back(v.is_null() ? std::nullopt : std::optional<std::string>(v.ToString()));
      }
      current_.rows.push_back(std::move(row));
    }
    return Status::OK();
  }
  Status OnComplete(const std::string& tag) override {
    current_.command_tag = tag;
    out_->statements.push_back(std::move(current_));
    current_ = StatementResult();
    return Status::OK();
  }
  void OnNotice(std::string_view, const std::string& message,
                const std::string& detail = {}) override {
    out_->notices.push_back({"NOTICE", detail.empty() ? message : message + "\nDETAIL:  " + detail});
  }
  void OnWarning(std::string_view, const std::string& message) override {
    out_->notices.push_back({"WARNING", message});
  }

 private:
  QueryResult* out_;
  StatementResult current_;
};

}  // namespace

DB::~DB() = default;
Connection::~Connection() = default;

std::unique_ptr<DB> DB::Open(const std::string& data_dir, QueryError* error) {
  auto db = Database::Open(data_dir);
  if (!db.ok()) {
    if (error) *error = ToError(db.status());
    return nullptr;
  }
  std::unique_ptr<DB> out(new DB());
  out->db_ = std::move(db).value();
  return out;
}

std::unique_ptr<Connection> DB::Connect() {
  std::unique_ptr<Connection> c(new Connection());
  c->session_ = std::make_unique<Session>(db_.get());
  return c;
}

QueryResult Connection::Query(std::string_view sql) {
  QueryResult result;
  CollectingSink sink(&result);
  Status s = session_->Execute(sql, &sink);
  if (!s.ok()) result.error = ToError(s);
  return result;
}

namespace {

// Bind + Execute + Sync of prepared statement `name` (the steps a driver sends).
Status RunPrepared(Session* session, const std::string& name, const Connection::Params& params,
                   ResultSink* sink) {
  const PreparedStatement* ps;
  OMEN_ASSIGN_OR_RETURN(ps, session->GetStatement(name));
  std::vector<Value> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? Value::Unknown(*p) : Value());
  OMEN_RETURN_IF_ERROR(session->Bind("", name, std::move(values), {}));
  if (ps->columns) OMEN_RETURN_IF_ERROR(sink->OnColumns(*ps->columns));
  OMEN_RETURN_IF_ERROR(session->ExecutePortal("", 0, sink).status());
  return session->Sync();
}

}  // namespace

QueryResult Connection::Query(std::string_view sql, const Params& params) {
  QueryResult result;
  CollectingSink sink(&result);
  Status s = session_->Prepare("", sql, {});
  if (s.ok()) s = RunPrepared(session_.get(), "", params, &sink);
  if (!s.ok()) {
    session_->FailTransaction();
    (void)session_->Sync();
    result.error = ToError(s);
  }
  return result;
}

std::optional<QueryError> Connection::Prepare(const std::string& name, std::string_view sql) {
  Status s = session_->Prepare(name, sql, {});
  if (s.ok()) s = session_->Sync();
  if (s.ok()) return std::nullopt;
  (void)session_->Sync();
  return ToError(s);
}

QueryResult Connection::ExecutePrepared(const std::string& name, const Params& params) {
  QueryResult result;
  CollectingSink sink(&result);
  Status s = RunPrepared(session_.get(), name, params, &sink);
  if (!s.ok()) {
    session_->FailTransaction();
    (void)session_->Sync();
    result.error = ToError(s);
  }
  return result;
}

void Connection::Deallocate(const std::string& name) { session_->CloseStatement(name); }

}  // namespace omendb
