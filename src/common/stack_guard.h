// Stack-depth checking for recursive code over user-controlled trees (expressions nest as
// deep as the SQL text does), after PostgreSQL's check_stack_depth(): fail with SQLSTATE 54001
// instead of overflowing the thread's stack.
#pragma once

#include "common/status.h"

namespace omendb {

// Marks the current stack position as this thread's base while alive (nested instances keep
// the outermost base). Place one at each entry point that starts recursive work.
class StackBase {
 public:
  StackBase();
  ~StackBase();
  StackBase(const StackBase&) = delete;
  StackBase& operator=(const StackBase&) = delete;

 private:
  bool owner_;
};

// Errors 54001 "stack depth limit exceeded" once more than kMaxStackDepthBytes are in use
// below the innermost StackBase's outermost instance. OK when no StackBase is active.
Status CheckStackDepth();

// Like PostgreSQL's default max_stack_depth: safe on any thread stack of 4 MB or more.
inline constexpr size_t kMaxStackDepthBytes = 2 * 1024 * 1024;

}  // namespace omendb
