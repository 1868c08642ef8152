// Read-copy-update for structures that are read far more often than they are replaced (a
// table's stores, swapped by a merge): readers take no lock and execute no atomic
// read-modify-write or memory fence, so back-to-back lookups overlap their cache misses.
//
//   reader:   rcu::ReadGuard g;  const T* p = ptr.load(std::memory_order_acquire);  use(*p);
//   replacer: const T* old = ptr.exchange(fresh);  rcu::Synchronize();  delete old;
//
// A reader announces itself in a per-thread slot with a plain store. Synchronize makes those
// stores visible with one membarrier(2) call (a barrier on every CPU running this process),
// then waits for each reader that was inside a guard to leave it. Where the kernel lacks
// membarrier, readers fall back to a fence of their own.
#pragma once

#include <atomic>
#include <cstdint>

namespace omendb::rcu {

namespace internal {
struct alignas(64) Slot {
  // The epoch the thread's outermost guard began in; 0 outside guards.
  std::atomic<uint64_t> epoch{0};
  uint32_t depth = 0;  // guards open on the thread
};
// Gives the thread a slot (once; returned when the thread ends) and sets t_slot.
Slot& RegisterThisThread();
inline thread_local Slot* t_slot = nullptr;
inline Slot& ThisThreadSlot() {
  Slot* s = t_slot;
  return s != nullptr ? *s : RegisterThisThread();
}
extern std::atomic<uint64_t> g_epoch;
extern bool g_reader_fence;  // membarrier unavailable: readers fence themselves
}  // namespace internal

// While a guard lives, whatever the thread loaded from an RCU-published pointer stays alive.
// Guards nest. A guard must not wait for anything that waits for Synchronize.
class ReadGuard {
 public:
  ReadGuard() : slot_(internal::ThisThreadSlot()) {
    if (slot_.depth++ == 0) {
      slot_.epoch.store(internal::g_epoch.load(std::memory_order_acquire),
                        std::memory_order_relaxed);
      if (internal::g_reader_fence) {
        std::atomic_thread_fence(std::memory_order_seq_cst);
      } else {
        std::atomic_signal_fence(std::memory_order_seq_cst);
      }
    }
  }
  ~ReadGuard() {
    if (--slot_.depth == 0) slot_.epoch.store(0, std::memory_order_release);
  }
  ReadGuard(const ReadGuard&) = delete;
  ReadGuard& operator=(const ReadGuard&) = delete;

 private:
  internal::Slot& slot_;
};

// Returns once every guard that was open anywhere when it was called has closed. Call it
// after unpublishing a pointer and before freeing what it pointed to; not from inside a guard.
void Synchronize();

}  // namespace omendb::rcu
