#include "types/session_time.h"

#include <chrono>

namespace omendb {
namespace {

thread_local const TimeZone* tls_tz = nullptr;
thread_local const int64_t* tls_now = nullptr;

const TimeZone& Utc() {
  static const TimeZone* utc = new TimeZone();
  return *utc;
}

}  // namespace

int64_t WallClockMicros() {
  // 946684800 seconds from 1970-01-01 to 2000-01-01.
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  return static_cast<int64_t>(us) - 946684800LL * 1000000;
}

const TimeZone& SessionTimeZone() { return tls_tz != nullptr ? *tls_tz : Utc(); }

int64_t SessionNow() {
  return tls_now == nullptr || *tls_now == INT64_MIN ? WallClockMicros() : *tls_now;
}

DateTimeContext SessionDateTimeContext() { return DateTimeContext{&SessionTimeZone(), SessionNow()}; }

namespace {
thread_local uint64_t tls_clock_reads = 0;
}  // namespace

uint64_t ClockReadingInputs() { return tls_clock_reads; }
void CountClockReadingInput() { ++tls_clock_reads; }

ScopedSessionTime::ScopedSessionTime(const TimeZone* tz, const int64_t* now_us)
    : saved_tz_(tls_tz), saved_now_(tls_now) {
  tls_tz = tz;
  tls_now = now_us;
}

ScopedSessionTime::~ScopedSessionTime() {
  tls_tz = saved_tz_;
  tls_now = saved_now_;
}

}  // namespace omendb
