// Internals shared by LearnedIndex, LearnedIndexView and LearnedStringIndex: parsing and
// validating the byte layout (learned_index_format.h), predicting a position, and the exact
// last-mile search. Not a public interface.
//
// Exactness does not depend on the model: the last-mile search checks that its answer is
// bracketed by the keys just outside the searched window and otherwise gallops outward, so a
// weak (or adversarially crafted but checksum-valid) model costs time, never a wrong answer or an
// out-of-bounds read.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

#include "common/status.h"
#include "index/learned_index_format.h"
#include "index/pla.h"

namespace omendb::index {

// Build-time knobs. The defaults are the measured sweet spot (docs/benchmarks/learned-index.md).
struct LearnedIndexOptions {
  // Maximum position error of the leaf models; the last-mile window is 2*epsilon+2 keys. 31
  // makes it 64 keys (8 cache lines), searched with a fixed, unrolled step count.
  uint32_t epsilon = 31;
  // true: find the leaf segment through a two-level radix directory (format version 2).
  // false: through PLA internal levels searched top-down (format version 1). The directory
  // measured 1.2-2.3x faster (docs/benchmarks/learned-index.md); an index with 2^32 or more
  // leaf segments always uses levels.
  bool radix_directory = true;
  // Levels only: maximum position error of the internal levels.
  uint32_t epsilon_recursive = 4;
  // Levels only: stop adding levels once the top level has at most this many segments.
  uint32_t max_top_segments = 16;
  // Threads that build the leaf, each over its own part of the keys (at least 2^20 keys
  // each). The model differs by at most one segment per extra thread; answers never do.
  uint32_t build_threads = 1;
};

struct OpenOptions {
  // Verify the CRC32C over the whole index (cheap: the index is ~0.1 byte per key).
  bool verify_checksum = true;
};

namespace detail {

inline uint64_t Load64(const std::byte* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline double LoadF64(const std::byte* p) {
  double v;
  std::memcpy(&v, p, 8);
  return v;
}

struct Level {
  const std::byte* keys = nullptr;    // uint64 first_key[size]
  const std::byte* params = nullptr;  // (f64 slope, f64 intercept)[size]
  uint64_t size = 0;
};

// The radix directory of a version 2 index (format in learned_index_format.h).
struct Directory {
  const std::byte* buckets = nullptr;  // uint64[t1_count]; nullptr: no directory
  const std::byte* children = nullptr;  // uint32[t2_count]
  uint32_t shift = 0;
  uint64_t low_mask = 0;  // 2^shift - 1
  int64_t window = 1;
};

// A validated index: pointers into the caller's buffer.
struct ParsedIndex {
  uint64_t num_keys = 0;
  uint64_t min_key = 0;
  uint64_t max_key = 0;
  int64_t eps = 0;
  int64_t eps_rec = 0;
  uint32_t num_levels = 0;
  KeyType key_type = KeyType::kUInt64;
  uint8_t flags = 0;
  uint64_t total_bytes = 0;
  std::array<Level, kMaxLevels> levels{};
  Directory dir;
};

// Validates `bytes` (header, sizes, checksum, per-level key order). Errors are XX001.
Result<ParsedIndex> Parse(std::span<const std::byte> bytes, KeyType expected,
                          const OpenOptions& options);

// Status for an index that does not describe the key array it is attached to.
Status KeysMismatch(const char* what);

// Adds the radix directory (or, without it, the internal levels) over `leaf` and lays out the
// buffer (8-byte aligned storage).
Result<std::vector<uint64_t>> Serialize(std::vector<PlaSegment> leaf, uint64_t num_keys,
                                        uint64_t min_key, uint64_t max_key, KeyType type,
                                        const LearnedIndexOptions& options, uint8_t flags = 0);

Status CheckOptions(const LearnedIndexOptions& options, uint64_t num_keys);
Status NotSorted(uint64_t position);

// Leaf segments of keys [from, to) appended to *out: points (distinct image, first position),
// positions counted from 0 of the whole array. REQUIRES: from < to. Errors: NotSorted at the
// first key smaller than its predecessor.
template <typename GetKey>
Status BuildLeaf(uint64_t from, uint64_t to, const GetKey& get, int64_t epsilon,
                 std::vector<PlaSegment>* out) {
  OptimalPla pla(epsilon);
  uint64_t prev = get(from);
  pla.Add(prev, static_cast<int64_t>(from));
  for (uint64_t i = from + 1; i < to; ++i) {
    const uint64_t u = get(i);
    if (u == prev) continue;
    if (u < prev) return NotSorted(i);
    prev = u;
    if (!pla.Add(u, static_cast<int64_t>(i))) {
      out->push_back(pla.Finish());
      pla.Reset();
      pla.Add(u, static_cast<int64_t>(i));
    }
  }
  out->push_back(pla.Finish());
  return Status::OK();
}

// Keys per build thread below which more threads do not pay for themselves.
inline constexpr uint64_t kMinKeysPerBuildThread = uint64_t{1} << 20;

// Builds the whole index in one pass over keys. get(i) returns the ordered-uint64 image of
// key i; images must be non-decreasing. get must be safe to call from several threads at once
// (options.build_threads > 1).
template <typename GetKey>
Result<std::vector<uint64_t>> BuildIndex(uint64_t n, GetKey get, KeyType type,
                                         const LearnedIndexOptions& options, uint8_t flags = 0) {
  OMEN_RETURN_IF_ERROR(CheckOptions(options, n));
  std::vector<PlaSegment> leaf;
  if (n == 0) return Serialize(std::move(leaf), 0, 0, 0, type, options, flags);
  // Chunks for the build threads. Each starts a new distinct key (a duplicate run stays in one
  // chunk, so every chunk's segments are ordered and no key starts two segments); a chunk adds
  // at most one segment to what one pass would make.
  std::vector<uint64_t> starts = {0};
  const uint64_t threads =
      std::min<uint64_t>(options.build_threads, std::max<uint64_t>(1, n / kMinKeysPerBuildThread));
  for (uint64_t t = 1; t < threads; ++t) {
    uint64_t s = std::max(t * (n / threads), starts.back() + 1);
    while (s < n && get(s) == get(s - 1)) ++s;
    if (s >= n) break;
    starts.push_back(s);
  }
  starts.push_back(n);
  const size_t chunks = starts.size() - 1;
  std::vector<std::vector<PlaSegment>> parts(chunks);
  std::vector<Status> status(chunks);
  auto run = [&](size_t c) {
    status[c] = BuildLeaf(starts[c], starts[c + 1], get, options.epsilon, &parts[c]);
  };
  std::vector<std::thread> workers;
  for (size_t c = 1; c < chunks; ++c) {
    try {
      workers.emplace_back(run, c);
    } catch (const std::system_error&) {
      run(c);  // no thread to be had: build the chunk here
    }
  }
  run(0);
  for (std::thread& w : workers) w.join();
  for (size_t c = 0; c < chunks; ++c) {
    // In key order, so the error names the first unsorted position, as one pass would.
    if (c > 0 && get(starts[c]) < get(starts[c] - 1)) return NotSorted(starts[c]);
    OMEN_RETURN_IF_ERROR(status[c]);
    if (c == 0) {
      leaf = std::move(parts[0]);
    } else {
      leaf.insert(leaf.end(), parts[c].begin(), parts[c].end());
    }
  }
  return Serialize(std::move(leaf), n, get(0), get(n - 1), type, options, flags);
}

// "key at i sorts before the answer": a[i] < key (lower bound) or a[i] <= key (upper bound).
template <bool kUpper, typename Acc, typename T>
inline bool Before(const Acc& a, int64_t i, const T& key) {
  if constexpr (kUpper) {
    return !(key < a[i]);
  } else {
    return a[i] < key;
  }
}

// Partition point of Before in [lo, hi) (hi if every key is before).
template <bool kUpper, typename Acc, typename T>
inline int64_t PartitionPoint(const Acc& a, int64_t lo, int64_t hi, const T& key) {
  int64_t len = hi - lo;
  if (len <= 0) return lo;
  int64_t base = lo;
  while (len > 1) {
    const int64_t half = len / 2;
    // Arithmetic, not a ternary: GCC may compile the ternary to an unpredictable branch.
    base += half * static_cast<int64_t>(Before<kUpper>(a, base + half, key));
    len -= half;
  }
  return base + (Before<kUpper>(a, base, key) ? 1 : 0);
}

// Partition point of Before in [lo, lo + W] (lo + W if every key of the window is before),
// W a power of two: a fully unrolled branch-free binary search.
template <int64_t W, bool kUpper, typename Acc, typename T>
inline int64_t FixedPartitionPoint(const Acc& a, int64_t lo, const T& key) {
  int64_t base = lo;
  for (int64_t half = W / 2; half > 0; half /= 2) {
    base += half * static_cast<int64_t>(Before<kUpper>(a, base + half, key));
  }
  return base + (Before<kUpper>(a, base, key) ? 1 : 0);
}

// Requests every cache line of keys [lo, lo + count) at once (pointer accessors only): the
// search then waits for about one memory latency instead of one per probe.
template <typename Acc>
inline void PrefetchWindow(const Acc& a, int64_t lo, int64_t count) {
#ifndef OMENDB_LEARNED_INDEX_NO_PREFETCH
  if constexpr (std::is_pointer_v<Acc>) {
    // A line count fixed by the window size (not "until hi") keeps the loop's exit branch
    // perfectly predictable; a mispredicted exit would flush the next lookups' loads in flight.
    const auto first = reinterpret_cast<uintptr_t>(a + lo) & ~uintptr_t{63};
    const int64_t lines = count * static_cast<int64_t>(sizeof(*a)) / 64 + 1;
    for (int64_t i = 0; i < lines; ++i) {
      __builtin_prefetch(reinterpret_cast<const void*>(first + 64 * i));
    }
  }
#else
  (void)a;
  (void)lo;
  (void)count;
#endif
}

// Exact partition point over [0, n), searching first the window around the prediction p
// (0 <= p <= n), then galloping outward if the window does not bracket the answer.
//
// Window: for a key present in the leaf, its first position is within [p - eps, p + eps + 1]
// (model error eps, p the floor of the prediction); for an absent key the answer is at most one
// further (the next key's position). So lower_bound's answer lies in [p - eps, p + eps + 2],
// the results of a search over the 2*eps + 2 keys from p - eps. Duplicate runs, upper_bound on
// duplicated keys and a corrupted model fall outside and gallop. When 2*eps + 2 is 32, 64 or
// 128 (eps 15, 31 or 63) the search is unrolled with a fixed step count.
template <bool kUpper, typename Acc, typename T>
inline uint64_t SearchAround(const Acc& a, uint64_t n, const T& key, int64_t p, int64_t eps) {
  const int64_t size = static_cast<int64_t>(n);
  const int64_t window = 2 * eps + 2;
  int64_t lo = p - eps;
  int64_t hi = lo + window;
  if (hi > size) {
    hi = size;
    lo = size - window;
  }
  if (lo < 0) lo = 0;
  if (lo > hi) lo = hi;
  PrefetchWindow(a, lo, hi - lo);
  int64_t r;
  if (hi - lo == 64) {
    r = FixedPartitionPoint<64, kUpper>(a, lo, key);
  } else if (hi - lo == 32) {
    r = FixedPartitionPoint<32, kUpper>(a, lo, key);
  } else if (hi - lo == 128) {
    r = FixedPartitionPoint<128, kUpper>(a, lo, key);
  } else {
    r = PartitionPoint<kUpper>(a, lo, hi, key);
  }
  if (r == hi && hi < size && Before<kUpper>(a, hi, key)) {
    // Answer is right of the window: everything before `lo2` is before the key.
    int64_t lo2 = hi + 1, step = 1, hi2;
    for (;;) {
      hi2 = lo2 + step;
      if (hi2 >= size) {
        hi2 = size;
        break;
      }
      if (!Before<kUpper>(a, hi2, key)) break;
      lo2 = hi2 + 1;
      step *= 2;
    }
    return static_cast<uint64_t>(PartitionPoint<kUpper>(a, lo2, hi2, key));
  }
  if (r == lo && lo > 0 && !Before<kUpper>(a, lo - 1, key)) {
    // Answer is left of the window: nothing from `hi2` on is before the key.
    int64_t hi2 = lo - 1, step = 1, lo2;
    for (;;) {
      lo2 = hi2 - step;
      if (lo2 <= 0) {
        lo2 = 0;
        break;
      }
      if (Before<kUpper>(a, lo2, key)) {
        ++lo2;
        break;
      }
      hi2 = lo2;
      step *= 2;
    }
    return static_cast<uint64_t>(PartitionPoint<kUpper>(a, lo2, hi2, key));
  }
  return static_cast<uint64_t>(r);
}

// Random access to a level's first_key array.
struct KeyArray {
  const std::byte* p;
  uint64_t operator[](int64_t i) const { return Load64(p + 8 * i); }
};

// Position predicted by segment j of `lv` for key image u, clamped to [0, limit] and to the
// next segment's start (keys between two segments belong at the next segment's start).
inline int64_t EvalSegment(const Level& lv, uint64_t j, uint64_t u, uint64_t limit) {
  const uint64_t first = Load64(lv.keys + 8 * j);
  const std::byte* param = lv.params + 16 * j;
  double pos = LoadF64(param + 8) + LoadF64(param) * static_cast<double>(u - first);
  const double cap = j + 1 < lv.size ? LoadF64(param + 24) : static_cast<double>(limit);
  if (cap < pos) pos = cap;
  if (!(pos >= 0)) return 0;  // also NaN
  if (pos >= static_cast<double>(limit)) return static_cast<int64_t>(limit);
  return static_cast<int64_t>(pos);
}

// Leaf segment for key image u through the radix directory: the last segment with
// first_key <= u among the directory's window (exact for a valid index; in bounds for any index
// that passed Parse). REQUIRES: min_key <= u <= max_key.
inline uint64_t DirectorySegment(const ParsedIndex& idx, uint64_t u) {
  const Directory& d = idx.dir;
  const uint64_t v = u - idx.min_key;
  const uint64_t bucket = Load64(d.buckets + 8 * (v >> d.shift));
  const uint64_t child = (bucket & 0xffffffffu) + ((v & d.low_mask) >> ((bucket >> 32) & 0xff));
  uint32_t first;
  std::memcpy(&first, d.children + 4 * child, 4);
  // The segment's parameters (and the next segment's intercept, its cap) are read right after
  // this search: request them now, so a model larger than the cache costs one miss, not two in
  // a row.
  __builtin_prefetch(idx.levels[0].params + kParamBytes * first);
  // Segment `first` starts at or before u. Fixed trip count (the window is global), so the
  // search's branches are always predicted.
  return static_cast<uint64_t>(PartitionPoint<true>(KeyArray{idx.levels[0].keys},
                                                    int64_t{first} + 1,
                                                    int64_t{first} + d.window, u) -
                               1);
}

// Predicted position of key image u in the key array.
// REQUIRES: min_key <= u <= max_key, num_levels > 0.
inline int64_t Predict(const ParsedIndex& idx, uint64_t u) {
  if (idx.dir.buckets != nullptr) {
    return EvalSegment(idx.levels[0], DirectorySegment(idx, u), u, idx.num_keys);
  }
  uint32_t l = idx.num_levels - 1;
  const Level& top = idx.levels[l];
  uint64_t j = PartitionPoint<true>(KeyArray{top.keys}, 0, static_cast<int64_t>(top.size), u);
  j = j == 0 ? 0 : j - 1;
  for (; l > 0; --l) {
    const Level& below = idx.levels[l - 1];
    const int64_t p = EvalSegment(idx.levels[l], j, u, below.size);
    j = SearchAround<true>(KeyArray{below.keys}, below.size, u, p, idx.eps_rec);
    j = j == 0 ? 0 : j - 1;
  }
  return EvalSegment(idx.levels[0], j, u, idx.num_keys);
}

}  // namespace detail
}  // namespace omendb::index
