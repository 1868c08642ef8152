// ExecContext: what a statement's operators read from storage.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "common/cancel.h"
#include "sql/execution/query_memory.h"
#include "sql/plan/explain.h"
#include "storage/storage_engine.h"

namespace omendb::sql {

struct ExecContext {
  const StorageEngine* engine = nullptr;
  // The versions every scan of the statement sees.
  Snapshot snapshot;
  // When set, the scan of the UPDATE/DELETE target (the scan that returns row ids) reads only
  // these versions: READ COMMITTED's re-check of rows a concurrent transaction updated.
  const std::vector<uint64_t>* recheck_positions = nullptr;
  // Set (by another thread) when the statement is cancelled: operators then fail with 57014.
  const CancelFlag* cancel = nullptr;
  // The statement's budget for rows held by its operators (null: unlimited).
  std::shared_ptr<QueryMemory> memory;
  // EXPLAIN ANALYZE: where the plans the statement runs (its subqueries' included) record
  // their operators' loops, rows and times (see CreatePhysicalPlan).
  PlanStats* stats = nullptr;
};

}  // namespace omendb::sql
