// Running DDL statements (CREATE/ALTER/DROP of tables, sequences, views, indexes and schemas)
// in a transaction, with PostgreSQL's notices and errors.
#pragma once

#include "session/session.h"
#include "sql/execution/exec_context.h"
#include "sql/plan/logical_plan.h"
#include "storage/storage_engine.h"

namespace omendb {

// Runs `stmt` (kCreateTable, kCreateTableAs, kAlterTable or kDropTable) in `txn`, sending
// notices and the completion to `sink`.
Status RunDdl(const sql::BoundStatement& stmt, StorageEngine& engine, Transaction* txn,
              const sql::ExecContext& ctx, ResultSink* sink);

}  // namespace omendb
