// Portal and QueryCursor: a statement under way in the extended query protocol, and the
// running query behind it (session-internal).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "session/session.h"
#include "sql/execution/exec_context.h"
#include "sql/execution/physical_operator.h"
#include "sql/plan/logical_plan.h"

namespace omendb {

// A query's rows being read: its bound plan and the operators over it. Lives no longer than
// the transaction whose snapshot it reads.
class QueryCursor {
 public:
  // Starts `stmt` (a kQuery) under `ctx`. A plan with parameter slots (a cached generic plan,
  // which other cursors may run at the same time) reads its $n from `params`.
  static Result<std::unique_ptr<QueryCursor>> Open(std::shared_ptr<const sql::BoundStatement> stmt,
                                                   const sql::ExecContext& ctx,
                                                   std::vector<Value> params = {});
  // Sends up to `max_rows` more rows (0: all) to `sink`; true when it stopped at max_rows
  // (suspended; rows may remain), false when the query is done (then OnComplete has been
  // sent, counting the rows of this call).
  Result<bool> Fetch(uint64_t max_rows, ResultSink* sink);
  // The result columns (names and types).
  std::vector<ResultColumn> Columns() const;

 private:
  QueryCursor() = default;
  std::shared_ptr<const sql::BoundStatement> stmt_;
  std::vector<Value> params_;
  sql::ExecContext ctx_;
  sql::PhysicalOperatorPtr root_;
  DataChunk chunk_;
  size_t chunk_pos_ = 0;  // rows of chunk_ already sent
  bool done_ = false;
};

struct Portal {
  std::shared_ptr<const PreparedStatement> statement;
  std::vector<Value> params;
  std::vector<int16_t> result_formats;
  std::unique_ptr<QueryCursor> cursor;  // a query suspended by Execute's row limit
  bool completed = false;               // ran to the end
};

}  // namespace omendb
