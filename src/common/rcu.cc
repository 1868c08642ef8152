#include "common/rcu.h"

#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace omendb::rcu {
namespace internal {

std::atomic<uint64_t> g_epoch{1};
bool g_reader_fence = true;

namespace {

long Membarrier(int cmd) { return syscall(__NR_membarrier, cmd, 0, 0); }

// Registers for expedited membarriers once, before any reader runs (static initialization).
bool RegisterMembarrier() {
  long cmds = Membarrier(MEMBARRIER_CMD_QUERY);
  if (cmds < 0 || (cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0) return false;
  return Membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0;
}
const bool g_membarrier = [] {
  bool ok = RegisterMembarrier();
  g_reader_fence = !ok;
  return ok;
}();

// Every thread's slot. Slots are never freed: a thread that ends leaves its slot idle (epoch
// 0) for the next thread to take over.
struct Registry {
  std::mutex mu;
  std::vector<Slot*> slots;
  std::vector<Slot*> free;
};
Registry& TheRegistry() {
  static Registry* r = new Registry;  // never destroyed: threads may outlive static teardown
  return *r;
}

struct SlotOwner {
  Slot* slot;
  SlotOwner() {
    Registry& r = TheRegistry();
    std::lock_guard l(r.mu);
    if (!r.free.empty()) {
      slot = r.free.back();
      r.free.pop_back();
    } else {
      slot = new Slot;
      r.slots.push_back(slot);
    }
  }
  ~SlotOwner() {
    assert(slot->depth == 0);
    t_slot = nullptr;
    Registry& r = TheRegistry();
    std::lock_guard l(r.mu);
    r.free.push_back(slot);
  }
};

}  // namespace

Slot& RegisterThisThread() {
  thread_local SlotOwner owner;
  t_slot = owner.slot;
  return *owner.slot;
}

}  // namespace internal

void Synchronize() {
  using internal::g_epoch;
  assert(internal::ThisThreadSlot().depth == 0);  // it would wait for itself
  // Guards that begin from here on read the new epoch (or later) and, reading it with acquire,
  // also see every pointer unpublished before this call.
  const uint64_t epoch = g_epoch.fetch_add(1, std::memory_order_acq_rel) + 1;
  // A reader's slot store may still sit in its CPU's store buffer; this drains every one.
  if (internal::g_membarrier) {
    internal::Membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED);
  } else {
    std::atomic_thread_fence(std::memory_order_seq_cst);
  }
  std::vector<internal::Slot*> slots;
  {
    internal::Registry& r = internal::TheRegistry();
    std::lock_guard l(r.mu);
    slots = r.slots;
  }
  for (internal::Slot* s : slots) {
    // Wait while the slot's guard began before the new epoch.
    for (int spins = 0;; ++spins) {
      uint64_t e = s->epoch.load(std::memory_order_acquire);
      if (e == 0 || e >= epoch) break;
      if (spins < 64) {
        std::this_thread::yield();
      } else {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
      }
    }
  }
}

}  // namespace omendb::rcu
