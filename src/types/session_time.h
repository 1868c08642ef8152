// The session context that date/time input and output depend on (PostgreSQL's TimeZone
// setting and the transaction's start time), made visible to the type functions of the
// thread that executes the session's statement.
#pragma once

#include <cstdint>

#include "types/datetime.h"

namespace omendb {

// The calling thread's session time zone (UTC when none is installed).
const TimeZone& SessionTimeZone();
// The current transaction's start time in microseconds since 2000-01-01 UTC (now()); the wall
// clock when none is installed.
int64_t SessionNow();
// The context date/time parsing needs ('now', 'today', zone-less timestamptz input).
DateTimeContext SessionDateTimeContext();

// Installs a session's time zone and transaction start for the current thread for its
// lifetime (restoring the previous one after). Both are read through the pointers at each use,
// so a transaction that starts (or a SET TimeZone that changes *tz) inside the scope is seen;
// *now_us == INT64_MIN means no transaction (the wall clock is used).
class ScopedSessionTime {
 public:
  ScopedSessionTime(const TimeZone* tz, const int64_t* now_us);
  ~ScopedSessionTime();
  ScopedSessionTime(const ScopedSessionTime&) = delete;
  ScopedSessionTime& operator=(const ScopedSessionTime&) = delete;

 private:
  const TimeZone* saved_tz_;
  const int64_t* saved_now_;
};

// Microseconds since 2000-01-01 UTC from the system clock.
int64_t WallClockMicros();

// How many date/time inputs on the calling thread have read the current time ('now',
// 'today', 'tomorrow', 'yesterday'): a plan whose binding read it holds that moment's value.
uint64_t ClockReadingInputs();
void CountClockReadingInput();

}  // namespace omendb
