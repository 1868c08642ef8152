#include "storage/txn/transaction_manager.h"

#include <algorithm>

namespace omendb {

uint64_t TransactionManager::Begin() {
  std::lock_guard l(mu_);
  uint64_t id = next_txn_id_++;
  running_.insert(id);
  return id;
}

void TransactionManager::Finish(uint64_t txn_id) {
  bool waiters;
  {
    std::lock_guard l(mu_);
    running_.erase(txn_id);
    waits_for_.erase(txn_id);
    snapshots_.erase(txn_id);
    cancelled_.erase(txn_id);
    waiters = !waits_for_.empty();
  }
  if (waiters) finished_cv_.notify_all();  // only transactions in WaitFor wait on it
}

Snapshot TransactionManager::TakeSnapshot(uint64_t txn_id) {
  std::lock_guard l(mu_);
  if (running_.count(txn_id) != 0) snapshots_[txn_id] = visible_ts_;
  return Snapshot{visible_ts_, txn_id};
}

Timestamp TransactionManager::OldestSnapshot() const {
  std::lock_guard l(mu_);
  Timestamp oldest = visible_ts_;
  for (const auto& [txn, ts] : snapshots_) oldest = std::min(oldest, ts);
  return oldest;
}

Timestamp TransactionManager::visible_ts() const {
  std::lock_guard l(mu_);
  return visible_ts_;
}

Timestamp TransactionManager::NextCommitTs() {
  std::lock_guard l(mu_);
  return ++last_assigned_ts_;
}

void TransactionManager::Publish(Timestamp ts) {
  std::unique_lock l(mu_);
  // Timestamps become visible in order: mark this one done, advance over every done one, and
  // wait only if an earlier commit is still finishing.
  completed_.insert(ts);
  bool advanced = false;
  while (!completed_.empty() && *completed_.begin() == visible_ts_ + 1) {
    visible_ts_ = *completed_.begin();
    completed_.erase(completed_.begin());
    advanced = true;
  }
  if (advanced && publish_waiters_ > 0) published_cv_.notify_all();
  if (visible_ts_ >= ts) return;
  ++publish_waiters_;
  published_cv_.wait(l, [&] { return visible_ts_ >= ts; });
  --publish_waiters_;
}

void TransactionManager::RecoverTo(Timestamp ts) {
  std::lock_guard l(mu_);
  last_assigned_ts_ = std::max(last_assigned_ts_, ts);
  visible_ts_ = last_assigned_ts_;
  completed_.clear();
}

bool TransactionManager::AllPublished() const {
  std::lock_guard l(mu_);
  return visible_ts_ == last_assigned_ts_;
}

void TransactionManager::WaitVisible(Timestamp ts) {
  std::unique_lock l(mu_);
  if (visible_ts_ >= ts) return;
  ++publish_waiters_;
  published_cv_.wait(l, [&] { return visible_ts_ >= ts; });
  --publish_waiters_;
}

Status TransactionManager::Deadlock() {
  return Status(sqlstate::kDeadlockDetected, "deadlock detected",
                "Two transactions wait for each other's row locks.")
      .WithHint("See server log for query details.");
}

bool TransactionManager::WaitsForLocked(uint64_t holder, uint64_t waiter) const {
  // Each transaction waits for at most one other, so the chain is a path; it is bounded by the
  // number of waiting transactions, which guards against a cycle not involving `waiter`.
  uint64_t t = holder;
  for (size_t steps = 0; steps <= waits_for_.size(); ++steps) {
    if (t == waiter) return true;
    auto it = waits_for_.find(t);
    if (it == waits_for_.end()) return false;
    t = it->second;
  }
  return false;
}

bool TransactionManager::WaitsFor(uint64_t holder, uint64_t waiter) const {
  std::lock_guard l(mu_);
  return WaitsForLocked(holder, waiter);
}

Status TransactionManager::WaitFor(uint64_t waiter, uint64_t holder) {
  std::unique_lock l(mu_);
  if (auto c = cancelled_.find(waiter); c != cancelled_.end()) return CancelledStatus(c->second);
  if (running_.count(holder) == 0) return Status::OK();
  if (WaitsForLocked(holder, waiter)) return Deadlock();
  waits_for_[waiter] = holder;
  finished_cv_.wait(l, [&] { return running_.count(holder) == 0 || cancelled_.count(waiter); });
  waits_for_.erase(waiter);
  if (auto c = cancelled_.find(waiter); c != cancelled_.end()) return CancelledStatus(c->second);
  return Status::OK();
}

void TransactionManager::Cancel(uint64_t txn_id, CancelReason reason) {
  {
    std::lock_guard l(mu_);
    if (running_.count(txn_id) == 0) return;
    cancelled_[txn_id] = reason;
  }
  finished_cv_.notify_all();
}

void TransactionManager::ClearCancel(uint64_t txn_id) {
  std::lock_guard l(mu_);
  cancelled_.erase(txn_id);
}

}  // namespace omendb
