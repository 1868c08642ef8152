// DML execution: INSERT (with ON CONFLICT), UPDATE and DELETE over the storage engine.
#pragma once

#include <vector>

#include "common/status.h"
#include "sql/execution/exec_context.h"
#include "sql/plan/logical_plan.h"
#include "storage/storage_engine.h"

namespace omendb::sql {

// Evaluates an INSERT's rows (VALUES, or its query, read in full before the first row is
// written, so INSERT INTO t SELECT ... FROM t sees t as it was), checks NOT NULL (23502) and
// appends them to `table` in `txn` (23505 on a duplicate key). With ON CONFLICT, a row whose
// key is taken by a committed row (waiting for a running transaction that writes the key) is
// skipped (DO NOTHING) or updates that row (DO UPDATE, the row locked as UPDATE locks it;
// 21000 if the statement would update a row twice); in REPEATABLE READ a conflicting row the
// snapshot does not see gives 40001. Returns the rows inserted or updated; with `written`,
// also the rows themselves (all table columns, for RETURNING).
Result<uint64_t> ExecuteInsert(const BoundStatement& insert, const TableSchema& table,
                               const ExecContext& ctx, Transaction* txn,
                               std::vector<DataChunk>* written = nullptr);

// Runs an UPDATE: reads every target row first, takes each (waiting for concurrent writers;
// 40001 in REPEATABLE READ if one committed an update of it, a re-check of its newest version
// in READ COMMITTED), then writes the new versions (NOT NULL 23502, primary key 23505).
// Returns the rows updated; with `written`, also their new versions (all table columns).
Result<uint64_t> ExecuteUpdate(const BoundStatement& update, const ExecContext& ctx,
                               Transaction* txn, std::vector<DataChunk>* written = nullptr);

// Runs a DELETE (rows taken as for UPDATE); returns the rows deleted; with `written`, also
// the deleted rows (all table columns; the plan must produce them, as it does for RETURNING).
Result<uint64_t> ExecuteDelete(const BoundStatement& del, const ExecContext& ctx,
                               Transaction* txn, std::vector<DataChunk>* written = nullptr);

}  // namespace omendb::sql
