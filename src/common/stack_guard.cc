#include "common/stack_guard.h"

#include <cstdint>

namespace omendb {
namespace {

thread_local const char* stack_base = nullptr;

// The address of a local variable of the caller's frame; never inlined, so it is a real frame.
[[gnu::noinline]] const char* CurrentStackPosition() {
  char marker;
  const char* volatile p = &marker;
  return p;
}

}  // namespace

StackBase::StackBase() : owner_(stack_base == nullptr) {
  if (owner_) stack_base = CurrentStackPosition();
}

StackBase::~StackBase() {
  if (owner_) stack_base = nullptr;
}

Status CheckStackDepth() {
  if (stack_base == nullptr) return Status::OK();
  const char* here = CurrentStackPosition();
  // Stacks grow downward on every platform OmenDB builds for.
  auto used = static_cast<uintptr_t>(stack_base > here ? stack_base - here : here - stack_base);
  if (used > kMaxStackDepthBytes) {
    return Status("54001", "stack depth limit exceeded")
        .WithHint("The statement nests too deeply; simplify it or split it.");
  }
  return Status::OK();
}

}  // namespace omendb
