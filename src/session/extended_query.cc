// The extended query protocol's steps on a Session (Parse, Bind, Describe, Execute, Close,
// Sync) and the cursor that lets Execute return a query's rows in parts.
#include "common/stack_guard.h"
#include "session/portal.h"
#include "sql/binder/binder.h"
#include "sql/execution/parameter_values.h"
#include "sql/execution/physical_plan.h"
#include "sql/parser/parser.h"
#include "types/cast.h"

namespace omendb {

Result<std::unique_ptr<QueryCursor>> QueryCursor::Open(
    std::shared_ptr<const sql::BoundStatement> stmt, const sql::ExecContext& ctx,
    std::vector<Value> params) {
  std::unique_ptr<QueryCursor> c(new QueryCursor());
  c->stmt_ = std::move(stmt);
  c->params_ = std::move(params);
  c->ctx_ = ctx;
  sql::ScopedParameterValues values(&c->params_);
  OMEN_ASSIGN_OR_RETURN(c->root_, sql::CreatePhysicalPlan(*c->stmt_->plan, c->ctx_));
  c->chunk_ = c->root_->NewChunk();
  return c;
}

std::vector<ResultColumn> QueryCursor::Columns() const {
  std::vector<ResultColumn> columns;
  for (size_t i = 0; i < stmt_->column_names.size(); ++i) {
    columns.push_back({stmt_->column_names[i], stmt_->plan->types[i]});
  }
  return columns;
}

Result<bool> QueryCursor::Fetch(uint64_t max_rows, ResultSink* sink) {
  sql::ScopedParameterValues values(&params_);
  const size_t ncols = stmt_->column_names.size();
  uint64_t sent = 0;
  // Like PostgreSQL, stops as soon as max_rows rows are sent, without looking for more: a
  // later Fetch may then find none and complete with "SELECT 0".
  while (!done_ && (max_rows == 0 || sent < max_rows)) {
    OMEN_RETURN_IF_ERROR(CheckCancel(ctx_.cancel));
    if (chunk_pos_ == chunk_.size()) {
      bool more;
      OMEN_ASSIGN_OR_RETURN(more, root_->Next(&chunk_));
      chunk_pos_ = 0;
      if (!more) done_ = true;
      continue;  // an operator may also return an empty batch
    }
    uint64_t room = max_rows == 0 ? chunk_.size() - chunk_pos_ : max_rows - sent;
    size_t n = static_cast<size_t>(std::min<uint64_t>(room, chunk_.size() - chunk_pos_));
    if (chunk_pos_ == 0 && n == chunk_.size()) {
      OMEN_RETURN_IF_ERROR(sink->OnChunk(chunk_, ncols));
    } else {
      DataChunk part(chunk_.Types(), n);
      for (size_t r = chunk_pos_; r < chunk_pos_ + n; ++r) part.AppendRowFrom(chunk_, r);
      OMEN_RETURN_IF_ERROR(sink->OnChunk(part, ncols));
    }
    chunk_pos_ += n;
    sent += n;
  }
  if (!done_) return true;
  // The tag counts the rows of this call, as PostgreSQL's does.
  OMEN_RETURN_IF_ERROR(sink->OnComplete("SELECT " + std::to_string(sent)));
  return false;
}

namespace {

// Passes everything but OnColumns: under the extended protocol Describe, not Execute, tells
// the columns.
class NoColumnsSink final : public ResultSink {
 public:
  explicit NoColumnsSink(ResultSink* inner) : inner_(inner) {}
  Status OnColumns(const std::vector<ResultColumn>&) override { return Status::OK(); }
  Status OnChunk(const DataChunk& c, size_t n) override { return inner_->OnChunk(c, n); }
  Status OnComplete(const std::string& tag) override { return inner_->OnComplete(tag); }
  void OnEmptyQuery() override { inner_->OnEmptyQuery(); }
  void OnNotice(std::string_view st, const std::string& m, const std::string& d = {}) override {
    inner_->OnNotice(st, m, d);
  }
  void OnWarning(std::string_view st, const std::string& m) override {
    inner_->OnWarning(st, m);
  }
  void OnParameterStatus(const std::string& name, const std::string& value) override {
    inner_->OnParameterStatus(name, value);
  }

 private:
  ResultSink* inner_;
};

bool EndsFailedBlock(const sql::ParsedStatement* stmt) {
  using T = sql::ParsedTransaction::Kind;
  return stmt != nullptr && stmt->kind == sql::ParsedStatement::Kind::kTransaction &&
         (stmt->transaction->kind == T::kCommit || stmt->transaction->kind == T::kRollback ||
          stmt->transaction->kind == T::kRollbackTo);
}

Status InFailedBlock() {
  return Status(sqlstate::kInFailedSqlTransaction,
                "current transaction is aborted, commands ignored until end of transaction "
                "block");
}

}  // namespace

Status Session::Prepare(const std::string& name, std::string_view sql_text,
                        std::vector<LogicalType> param_types) {
  StackBase stack_base;
  auto fail = [this](Status s) {
    FailTransaction();
    return s;
  };
  if (name.empty()) statements_.erase(name);  // even if this Parse fails, as in PostgreSQL
  Result<std::vector<sql::ParsedStatement>> parsed = sql::Parse(sql_text);
  if (!parsed.ok()) return fail(parsed.status());
  if (block_ == Block::kFailed && (parsed->size() != 1 || !EndsFailedBlock(&parsed->front()))) {
    return InFailedBlock();
  }
  if (parsed->size() > 1) {
    return fail(Status(sqlstate::kSyntaxError,
                       "cannot insert multiple commands into a prepared statement"));
  }
  std::shared_ptr<const sql::ParsedStatement> statement;
  if (!parsed->empty()) {
    statement = std::make_shared<const sql::ParsedStatement>(std::move(parsed->front()));
  }
  return PrepareParsed(name, std::move(statement), std::move(param_types));
}

Status Session::PrepareParsed(const std::string& name,
                              std::shared_ptr<const sql::ParsedStatement> statement,
                              std::vector<LogicalType> param_types) {
  auto fail = [this](Status s) {
    FailTransaction();
    return s;
  };
  if (!name.empty() && statements_.count(name) != 0) {
    return fail(Status("42P05", "prepared statement \"" + name + "\" already exists"));
  }
  auto ps = std::make_shared<PreparedStatement>();
  ps->parsed = std::move(statement);
  using K = sql::ParsedStatement::Kind;
  K kind = ps->parsed ? ps->parsed->kind : K::kCheckpoint;
  switch (kind) {
    case K::kSelect:
    case K::kInsert:
    case K::kUpdate:
    case K::kDelete:
    case K::kExplain:
    case K::kCreateTableAs:
    case K::kDeclareCursor: {
      // Bound now for its parameter and result types (PostgreSQL's parse analysis at Parse);
      // Execute binds again with the values.
      sql::BindParameters params;
      params.types = std::move(param_types);
      sql::Binder binder(db_->storage().catalog(), txn_ ? txn_->id() : 0, &params);
      Result<sql::BoundStatement> bound = binder.Bind(*ps->parsed);
      if (!bound.ok()) return fail(bound.status());
      ps->param_types = std::move(params.types);
      if (kind == K::kDeclareCursor) {
        // DECLARE returns no rows (FETCH does).
      } else if (bound->kind == sql::BoundStatement::Kind::kQuery) {
        std::vector<ResultColumn> columns;
        for (size_t i = 0; i < bound->column_names.size(); ++i) {
          columns.push_back({bound->column_names[i], bound->plan->types[i]});
        }
        ps->columns = std::move(columns);
      } else if (!bound->returning.empty()) {
        std::vector<ResultColumn> columns;
        for (size_t i = 0; i < bound->returning.size(); ++i) {
          columns.push_back({bound->column_names[i], bound->returning_types[i]});
        }
        ps->columns = std::move(columns);
      } else if (bound->kind == sql::BoundStatement::Kind::kExplain) {
        ps->columns = std::vector<ResultColumn>{{"QUERY PLAN", TypeId::kText}};
      }
      break;
    }
    case K::kFetch: {
      // FETCH returns the cursor's columns (if the cursor exists now).
      ps->param_types = std::move(param_types);
      auto cursor = portals_.find(ps->parsed->cursor_name);
      if (!ps->parsed->move && cursor != portals_.end()) ps->columns = cursor->second->statement->columns;
      break;
    }
    case K::kShow:
      ps->param_types = std::move(param_types);
      ps->columns = std::vector<ResultColumn>{{ps->parsed->show_name, TypeId::kText}};
      break;
    default:
      // Utility statements take no parameters; declared ones are accepted and unused.
      ps->param_types = std::move(param_types);
      break;
  }
  for (size_t i = 0; i < ps->param_types.size(); ++i) {
    if (ps->param_types[i].id() == TypeId::kInvalid) {
      return fail(Status("42P18",
                         "could not determine data type of parameter $" + std::to_string(i + 1)));
    }
  }
  statements_[name] = std::move(ps);
  return Status::OK();
}

Result<const PreparedStatement*> Session::GetStatement(const std::string& name) const {
  auto it = statements_.find(name);
  if (it == statements_.end()) {
    return Status("26000", "prepared statement \"" + name + "\" does not exist");
  }
  return it->second.get();
}

Status Session::Bind(const std::string& portal, const std::string& statement,
                     std::vector<Value> params, std::vector<int16_t> result_formats) {
  ScopedSessionTime session_time = TimeScope();
  auto fail = [this](Status s) {
    FailTransaction();
    return s;
  };
  auto it = statements_.find(statement);
  if (it == statements_.end()) {
    return fail(Status("26000", "prepared statement \"" + statement + "\" does not exist"));
  }
  std::shared_ptr<const PreparedStatement> ps = it->second;
  if (block_ == Block::kFailed && !EndsFailedBlock(ps->parsed.get())) return InFailedBlock();
  if (!portal.empty() && portals_.count(portal) != 0) {
    return fail(Status("42P03", "cursor \"" + portal + "\" already exists"));
  }
  if (params.size() != ps->param_types.size()) {
    return fail(Status(sqlstate::kProtocolViolation,
                       "bind message supplies " + std::to_string(params.size()) +
                           " parameters, but prepared statement \"" + statement + "\" requires " +
                           std::to_string(ps->param_types.size())));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    LogicalType want = ps->param_types[i];
    Value& v = params[i];
    if (v.is_null()) {
      v = Value::Null(want);
    } else if (v.type() != want) {
      Result<Value> converted = CastValue(v, want);
      if (!converted.ok()) return fail(converted.status());
      v = std::move(converted).value();
    }
  }
  // A portal belongs to a transaction (PostgreSQL starts one at Bind).
  EnsureTransaction();
  auto p = std::make_shared<Portal>();
  p->statement = std::move(ps);
  p->params = std::move(params);
  p->result_formats = std::move(result_formats);
  portals_[portal] = std::move(p);
  return Status::OK();
}

Result<std::pair<const PreparedStatement*, const std::vector<int16_t>*>> Session::DescribePortal(
    const std::string& name) const {
  auto it = portals_.find(name);
  if (it == portals_.end()) return Status("34000", "portal \"" + name + "\" does not exist");
  const std::vector<int16_t>* formats = &it->second->result_formats;
  return std::make_pair(it->second->statement.get(), formats);
}

Result<bool> Session::ExecutePortal(const std::string& name, uint64_t max_rows,
                                    ResultSink* sink) {
  StackBase stack_base;
  ScopedSessionTime session_time = TimeScope();
  StartStatement();
  auto it = portals_.find(name);
  if (it == portals_.end()) {
    Status s("34000", "portal \"" + name + "\" does not exist");
    FailTransaction();
    return s;
  }
  // Held here: a COMMIT or an error run by the portal ends its transaction and its portals.
  std::shared_ptr<Portal> portal = it->second;
  const sql::ParsedStatement* stmt = portal->statement->parsed.get();
  if (block_ == Block::kFailed && !EndsFailedBlock(stmt)) return InFailedBlock();
  NoColumnsSink out(sink);
  if (stmt == nullptr && !portal->cursor && !portal->completed) {
    out.OnEmptyQuery();
    return false;
  }
  bool suspended = false;
  Status st;
  if (portal->cursor) {
    Result<bool> more = portal->cursor->Fetch(max_rows, &out);
    if (more.ok()) {
      suspended = *more;
      if (!suspended) portal->cursor.reset();
    }
    st = more.status();
  } else if (portal->completed) {
    // PostgreSQL returns no further rows from a portal that ran to its end.
    bool query = stmt == nullptr || stmt->kind == sql::ParsedStatement::Kind::kSelect;
    st = out.OnComplete(query ? "SELECT 0" : "");
  } else {
    multi_statement_ = false;
    st = RunOne(*stmt, &out, &portal->params, portal.get(), max_rows, &suspended);
  }
  if (!st.ok()) {
    portal->cursor.reset();
    FailTransaction();
    return st;
  }
  if (!suspended) portal->completed = true;
  return suspended;
}

void Session::CloseStatement(const std::string& name) { statements_.erase(name); }

void Session::ClosePortal(const std::string& name) { portals_.erase(name); }

Status Session::Sync() {
  if (block_ == Block::kImplicit) return CommitTransaction();
  return Status::OK();
}

}  // namespace omendb
