// Turns optimized logical plans into physical operator trees, and executes DML.
#pragma once

#include <chrono>

#include "common/status.h"
#include "sql/execution/physical_operator.h"
#include "sql/plan/explain.h"
#include "sql/plan/logical_plan.h"
#include "storage/storage_engine.h"

namespace omendb::sql {

// Builds the operators for `plan`. With `stats` (EXPLAIN ANALYZE), every operator records its
// rows and times there, keyed by its logical node; `start` is the query's start time.
// REQUIRES: the engine's lock is held while they run.
Result<PhysicalOperatorPtr> CreatePhysicalPlan(
    const LogicalOperator& plan, const StorageEngine& engine, PlanStats* stats = nullptr,
    std::chrono::steady_clock::time_point start = {});

// Evaluates an INSERT's rows (VALUES, or its query, read in full before the first row is
// written, so INSERT INTO t SELECT ... FROM t sees t as it was), checks NOT NULL (23502) and
// appends them to `table` in `txn` (23505 on a duplicate key). Returns the rows inserted.
// REQUIRES: the engine's exclusive lock is held.
Result<uint64_t> ExecuteInsert(const BoundStatement& insert, const TableSchema& table,
                               const StorageEngine& engine, WriteTransaction* txn);

// Runs an UPDATE: reads every target row first, then deletes the old versions and inserts the
// new ones (NOT NULL 23502, primary key 23505 checked). Returns the rows updated.
Result<uint64_t> ExecuteUpdate(const BoundStatement& update, const StorageEngine& engine,
                               WriteTransaction* txn);

// Runs a DELETE; returns the rows deleted.
Result<uint64_t> ExecuteDelete(const BoundStatement& del, const StorageEngine& engine,
                               WriteTransaction* txn);

}  // namespace omendb::sql
