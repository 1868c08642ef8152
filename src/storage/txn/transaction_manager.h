// TransactionManager: transaction ids, commit timestamps, snapshots, and waiting for other
// transactions (row locks) with deadlock detection. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/cancel.h"
#include "common/status.h"
#include "storage/txn/mvcc.h"

namespace omendb {

class TransactionManager {
 public:
  // Registers a new running transaction and returns its id (>= kTxnIdBase).
  uint64_t Begin();
  // Marks `txn_id` finished (its stamps are final) and wakes every transaction waiting for it.
  void Finish(uint64_t txn_id);

  // A snapshot of everything committed so far, plus `txn_id`'s own writes. For a running
  // transaction it also becomes the transaction's registered snapshot (its previous one is no
  // longer in use), which OldestSnapshot takes into account until the transaction finishes.
  Snapshot TakeSnapshot(uint64_t txn_id);
  // No running transaction reads versions older than this: the oldest registered snapshot, or
  // the visible timestamp when there is none (the merge watermark).
  Timestamp OldestSnapshot() const;
  Timestamp visible_ts() const;

  // Hands out the next commit timestamp. Callers take timestamps in WAL order (under the
  // WAL's append lock) and must Publish() every timestamp they take, even when their commit
  // fails, since publication happens in timestamp order.
  Timestamp NextCommitTs();
  // Makes `ts` visible to new snapshots once every earlier timestamp is; blocks until then.
  void Publish(Timestamp ts);
  // Blocks until `ts` is visible to new snapshots.
  void WaitVisible(Timestamp ts);
  // Recovery (nothing running): commits replayed with timestamp `ts` are visible and the next
  // commit timestamp follows it.
  void RecoverTo(Timestamp ts);
  // Whether every commit timestamp handed out so far is published.
  bool AllPublished() const;

  // Blocks until `holder` finishes. Errors 40P01 (deadlock detected) when `holder` is itself
  // waiting, directly or transitively, for `waiter`; nothing is waited for then. Errors 57014
  // when `waiter`'s statement is cancelled (Cancel) before or while it waits.
  Status WaitFor(uint64_t waiter, uint64_t holder);
  // Cancels the statement running in transaction `txn_id` as far as waiting goes: its current
  // or next WaitFor fails with 57014 (the message per `reason`) until ClearCancel.
  // Thread-safe; ignored when `txn_id` is not running.
  void Cancel(uint64_t txn_id, CancelReason reason);
  void ClearCancel(uint64_t txn_id);
  // Whether `holder` waits, directly or transitively, for `waiter`.
  bool WaitsFor(uint64_t holder, uint64_t waiter) const;

 private:
  bool WaitsForLocked(uint64_t holder, uint64_t waiter) const;
  static Status Deadlock();

  mutable std::mutex mu_;
  std::unordered_map<uint64_t, CancelReason> cancelled_;  // guarded by mu_
  std::condition_variable finished_cv_;
  std::condition_variable published_cv_;
  uint64_t next_txn_id_ = kTxnIdBase + 1;
  std::unordered_set<uint64_t> running_;
  std::unordered_map<uint64_t, uint64_t> waits_for_;  // waiter -> holder
  std::unordered_map<uint64_t, Timestamp> snapshots_;  // running transaction -> snapshot
  Timestamp last_assigned_ts_ = 1;  // ts 1: everything recovered at start-up
  Timestamp visible_ts_ = 1;
  std::set<Timestamp> completed_;  // published out of order, waiting for earlier ones
  int publish_waiters_ = 0;
};

}  // namespace omendb
