#include "session/statement_timer.h"

#include "session/session.h"

namespace omendb {

StatementTimer& StatementTimer::Get() {
  static StatementTimer* timer = new StatementTimer();  // lives as long as the process
  return *timer;
}

StatementTimer::StatementTimer() : thread_([this] { Loop(); }) { thread_.detach(); }

uint64_t StatementTimer::Arm(Session* session, Clock::time_point deadline) {
  std::lock_guard<std::mutex> lock(mu_);
  uint64_t ticket = next_ticket_++;
  entries_[ticket] = {session, deadline};
  cv_.notify_one();
  return ticket;
}

void StatementTimer::Disarm(uint64_t ticket) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.erase(ticket);
}

void StatementTimer::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    auto earliest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (earliest == entries_.end() || it->second.deadline < earliest->second.deadline) {
        earliest = it;
      }
    }
    if (earliest == entries_.end()) {
      cv_.wait(lock);
      continue;
    }
    const Clock::time_point deadline = earliest->second.deadline;  // the entry may go
    if (Clock::now() < deadline) {
      cv_.wait_until(lock, deadline);
      continue;
    }
    // Called under the lock: a Disarm that returned has removed its entry first.
    earliest->second.session->RequestCancel(CancelReason::kTimeout);
    entries_.erase(earliest);
  }
}

}  // namespace omendb
