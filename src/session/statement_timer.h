// StatementTimer: cancels statements that run past their statement_timeout.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

namespace omendb {

class Session;

// One background thread for the whole process, started on first use.
class StatementTimer {
 public:
  using Clock = std::chrono::steady_clock;
  static StatementTimer& Get();

  // Cancels `session`'s statement (RequestCancel with the timeout reason) at `deadline`
  // unless disarmed first. Returns a ticket for Disarm.
  uint64_t Arm(Session* session, Clock::time_point deadline);
  // After Disarm returns, the ticket's session is never called.
  void Disarm(uint64_t ticket);

 private:
  StatementTimer();
  void Loop();

  std::mutex mu_;
  std::condition_variable cv_;
  struct Entry {
    Session* session;
    Clock::time_point deadline;
  };
  std::map<uint64_t, Entry> entries_;  // by ticket
  uint64_t next_ticket_ = 1;
  std::thread thread_;
};

}  // namespace omendb
