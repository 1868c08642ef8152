// ExecContext: what a statement's operators read from storage.
#pragma once

#include <cstdint>
#include <vector>

#include <atomic>

#include "storage/storage_engine.h"

namespace omendb::sql {

struct ExecContext {
  const StorageEngine* engine = nullptr;
  // The versions every scan of the statement sees.
  Snapshot snapshot;
  // When set, the scan of the UPDATE/DELETE target (the scan that returns row ids) reads only
  // these versions: READ COMMITTED's re-check of rows a concurrent transaction updated.
  const std::vector<uint64_t>* recheck_positions = nullptr;
  // Set (by another thread) when the statement is cancelled: scans then fail with 57014.
  const std::atomic<bool>* cancel = nullptr;
};

// 57014 when `ctx`'s statement has been cancelled.
inline Status CheckCancel(const ExecContext& ctx) {
  if (ctx.cancel != nullptr && ctx.cancel->load(std::memory_order_relaxed)) {
    return Status(sqlstate::kQueryCanceled, "canceling statement due to user request");
  }
  return Status::OK();
}

}  // namespace omendb::sql
