// Turns optimized logical plans into physical operator trees, and executes DML.
#pragma once

#include "common/status.h"
#include "sql/execution/physical_operator.h"
#include "sql/plan/logical_plan.h"
#include "storage/storage_engine.h"

namespace omendb::sql {

// Builds the operators for `plan`. REQUIRES: the engine's lock is held while they run.
Result<PhysicalOperatorPtr> CreatePhysicalPlan(const LogicalOperator& plan,
                                               const StorageEngine& engine);

// Evaluates an INSERT's rows, checks NOT NULL (23502) and appends them in `txn` (23505 on a
// duplicate key). Returns the number of rows inserted. Nothing is inserted on error.
Result<uint64_t> ExecuteInsert(const BoundStatement& insert, WriteTransaction* txn);

}  // namespace omendb::sql
