// Cancelling a running statement (CancelRequest, statement_timeout): a flag the statement's
// executor polls, set from another thread.
#pragma once

#include <atomic>

#include "common/status.h"

namespace omendb {

// Why the statement is being cancelled; kNone while it is not.
enum class CancelReason : int { kNone = 0, kUser = 1, kTimeout = 2 };
using CancelFlag = std::atomic<int>;

// 57014 with PostgreSQL's message for `reason`.
inline Status CancelledStatus(CancelReason reason) {
  return Status(sqlstate::kQueryCanceled, reason == CancelReason::kTimeout
                                              ? "canceling statement due to statement timeout"
                                              : "canceling statement due to user request");
}

// 57014 once `flag` (may be null) is set.
inline Status CheckCancel(const CancelFlag* flag) {
  if (flag == nullptr) return Status::OK();
  int reason = flag->load(std::memory_order_relaxed);
  if (reason == 0) return Status::OK();
  return CancelledStatus(static_cast<CancelReason>(reason));
}

}  // namespace omendb
