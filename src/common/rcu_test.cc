#include "common/rcu.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

namespace omendb::rcu {
namespace {

TEST(RcuTest, SynchronizeWaitsForOpenGuardsOnly) {
  std::atomic<bool> inside{false}, release{false}, synced{false};
  std::thread reader([&] {
    ReadGuard outer;
    {
      ReadGuard nested;  // guards nest; the outer one still protects after this closes
    }
    inside = true;
    while (!release) std::this_thread::yield();
  });
  while (!inside) std::this_thread::yield();
  std::thread writer([&] {
    Synchronize();
    synced = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(synced.load());  // the reader's guard is still open
  release = true;
  reader.join();
  writer.join();
  EXPECT_TRUE(synced.load());
  Synchronize();  // with no guard open anywhere it returns at once
}

// Readers check that what they loaded is still alive while a replacer keeps swapping it and
// marking the old object dead before freeing it (ASan also reports any use after free).
TEST(RcuTest, ReadersNeverSeeAReplacedObjectFreed) {
  struct Obj {
    std::atomic<bool> alive{true};
    uint64_t payload[8];
  };
  auto fill = [](Obj* o) {
    for (uint64_t& p : o->payload) p = 7;
    return o;
  };
  std::atomic<Obj*> current{fill(new Obj)};  // filled before any reader starts
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> reads{0}, bad{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 2; ++t) {
    readers.emplace_back([&] {
      uint64_t n = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        ReadGuard g;
        Obj* o = current.load(std::memory_order_acquire);
        uint64_t sum = 0;
        for (int spin = 0; spin < 50; ++spin) sum += o->payload[spin % 8];
        if (!o->alive.load(std::memory_order_relaxed) || sum != 50 * 7) bad.fetch_add(1);
        ++n;
      }
      reads.fetch_add(n);
    });
  }
  uint64_t swaps = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  while (std::chrono::steady_clock::now() < until) {
    Obj* fresh = new Obj;
    fill(fresh);
    Obj* old = current.exchange(fresh, std::memory_order_acq_rel);
    Synchronize();
    old->alive.store(false, std::memory_order_relaxed);
    for (uint64_t& p : old->payload) p = 0;
    delete old;
    ++swaps;
  }
  stop = true;
  for (auto& r : readers) r.join();
  delete current.load();
  EXPECT_EQ(bad.load(), 0u);
  EXPECT_GT(swaps, 10u);
  EXPECT_GT(reads.load(), swaps);
}

}  // namespace
}  // namespace omendb::rcu
