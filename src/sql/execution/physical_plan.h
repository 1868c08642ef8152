// Turns optimized logical plans into physical operator trees, and executes DML.
#pragma once

#include <chrono>

#include "common/status.h"
#include "sql/execution/exec_context.h"
#include "sql/execution/physical_operator.h"
#include "sql/plan/explain.h"
#include "sql/plan/logical_plan.h"

namespace omendb::sql {

// Builds the operators for `plan`. With `stats` (EXPLAIN ANALYZE), every operator records its
// rows and times there, keyed by its logical node; `start` is the query's start time.
// REQUIRES: the catalog lock is held while they run.
Result<PhysicalOperatorPtr> CreatePhysicalPlan(
    const LogicalOperator& plan, const ExecContext& ctx, PlanStats* stats = nullptr,
    std::chrono::steady_clock::time_point start = {});

// Evaluates an INSERT's rows (VALUES, or its query, read in full before the first row is
// written, so INSERT INTO t SELECT ... FROM t sees t as it was), checks NOT NULL (23502) and
// appends them to `table` in `txn` (23505 on a duplicate key). Returns the rows inserted.
Result<uint64_t> ExecuteInsert(const BoundStatement& insert, const TableSchema& table,
                               const ExecContext& ctx, Transaction* txn);

// Runs an UPDATE: reads every target row first, takes each (waiting for concurrent writers;
// 40001 in REPEATABLE READ if one committed an update of it, a re-check of its newest version
// in READ COMMITTED), then writes the new versions (NOT NULL 23502, primary key 23505).
// Returns the rows updated.
Result<uint64_t> ExecuteUpdate(const BoundStatement& update, const ExecContext& ctx,
                               Transaction* txn);

// Runs a DELETE (rows taken as for UPDATE); returns the rows deleted.
Result<uint64_t> ExecuteDelete(const BoundStatement& del, const ExecContext& ctx,
                               Transaction* txn);

}  // namespace omendb::sql
