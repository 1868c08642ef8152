// The values of $n parameters for a plan bound with parameter slots (a prepared statement's
// cached generic plan): its kParameter nodes read them from the thread that runs the plan, as
// the session's time zone is read (types/session_time.h).
#pragma once

#include <vector>

#include "types/value.h"

namespace omendb::sql {

// The calling thread's parameter values, or null when none are installed (then evaluating a
// kParameter is an internal error: the statement was bound only to learn its types).
const std::vector<Value>* CurrentParameterValues();

// Installs `values` ($1 is values[0]) for the current thread for its lifetime, restoring the
// previous ones after. `values` must outlive the scope.
class ScopedParameterValues {
 public:
  explicit ScopedParameterValues(const std::vector<Value>* values);
  ~ScopedParameterValues();
  ScopedParameterValues(const ScopedParameterValues&) = delete;
  ScopedParameterValues& operator=(const ScopedParameterValues&) = delete;

 private:
  const std::vector<Value>* saved_;
};

}  // namespace omendb::sql
