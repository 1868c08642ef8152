// Static learned index over a sorted array of integer keys (duplicates allowed).
//
// A piecewise-linear model (optimal PLA leaf segments, as in the PGM-index, reached through a
// two-level radix directory) maps a key to a predicted position within +-epsilon; a short
// branch-free search around the prediction then yields the answer. Answers are EXACTLY those of
// std::lower_bound / std::upper_bound on the key array, for present and absent keys alike. The
// index never owns the keys: it is built over, or attached to, a std::span<const K> that must
// outlive it (the storage engine keeps keys in memory-mapped columnar segment files).
//
// The model is one byte buffer with a documented layout (learned_index_format.h,
// docs/formats/learned_index.md): LearnedIndex<K> owns such a buffer, LearnedIndexView<K> reads
// one in place (e.g. from an mmap'ed file) after validating it.
//
// Supported K: int8..int64, uint8..uint64. SQL date and timestamp use their int32/int64 image.
//
// Example:
//   OMEN_ASSIGN_OR_RETURN(auto idx, LearnedIndex<int64_t>::Build(keys));
//   size_t pos = idx.lower_bound(42);            // == std::lower_bound(...) - keys.begin()
//   WriteFile(idx.bytes());                      // persist
//   OMEN_ASSIGN_OR_RETURN(auto view, LearnedIndexView<int64_t>::Open(mapped_bytes, keys));
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "common/status.h"
#include "index/learned_index_core.h"
#include "index/learned_index_format.h"

namespace omendb::index {

// Read-only index over a serialized buffer plus the key array it describes. Cheap to copy; both
// spans must outlive the view. Thread-safe for concurrent lookups.
template <IndexableInteger K>
class LearnedIndexView {
 public:
  // An index over zero keys.
  LearnedIndexView() = default;

  // Validates `bytes` (magic, version, key type, sizes, per-level key order and, unless
  // disabled, the CRC32C) and that it describes `keys` (same count, first and last key). Never
  // reads outside `bytes`. Errors: SQLSTATE XX001 (data corrupted) with a message saying what is
  // wrong. The buffer need not be aligned. O(index size), independent of keys.size().
  static Result<LearnedIndexView> Open(std::span<const std::byte> bytes, std::span<const K> keys,
                                       const OpenOptions& options = {}) {
    OMEN_ASSIGN_OR_RETURN(detail::ParsedIndex parsed, detail::Parse(bytes, KeyTypeOf<K>(), options));
    if (parsed.num_keys != keys.size()) return detail::KeysMismatch("key count");
    if (!keys.empty() && (ToOrdered(keys.front()) != parsed.min_key ||
                          ToOrdered(keys.back()) != parsed.max_key)) {
      return detail::KeysMismatch("first or last key");
    }
    LearnedIndexView view;
    view.idx_ = parsed;
    view.bytes_ = bytes.first(parsed.total_bytes);
    view.keys_ = keys;
    return view;
  }

  // Position of the first key >= key (keys.size() if none): std::lower_bound's answer.
  size_t lower_bound(K key) const { return Search<false>(key); }
  // Position of the first key > key (keys.size() if none): std::upper_bound's answer.
  size_t upper_bound(K key) const { return Search<true>(key); }
  // [lower_bound(key), upper_bound(key)): std::equal_range's answer, as positions.
  std::pair<size_t, size_t> equal_range(K key) const {
    const size_t lo = lower_bound(key);
    if (lo == keys_.size() || key < keys_[lo]) return {lo, lo};
    if (lo + 1 == keys_.size() || key < keys_[lo + 1]) return {lo, lo + 1};
    return {lo, upper_bound(key)};
  }

  // Bytes of the model (the serialized buffer), not counting the keys.
  size_t memory_bytes() const { return bytes_.size(); }
  // The serialized model, to be written out byte for byte.
  std::span<const std::byte> bytes() const { return bytes_; }
  std::span<const K> keys() const { return keys_; }
  size_t size() const { return keys_.size(); }
  uint32_t epsilon() const { return static_cast<uint32_t>(idx_.eps); }
  uint32_t num_levels() const { return idx_.num_levels; }
  // Number of leaf segments (0 for an empty index).
  uint64_t num_segments() const { return idx_.num_levels ? idx_.levels[0].size : 0; }

 private:
  template <bool kUpper>
  size_t Search(K key) const {
    const uint64_t n = idx_.num_keys;
    const uint64_t u = ToOrdered(key);
    if (n == 0 || (kUpper ? u < idx_.min_key : u <= idx_.min_key)) return 0;
    if (kUpper ? u >= idx_.max_key : u > idx_.max_key) return n;
    const int64_t p = detail::Predict(idx_, u);
    return detail::SearchAround<kUpper>(keys_.data(), n, key, p, idx_.eps);
  }

  detail::ParsedIndex idx_;
  std::span<const std::byte> bytes_;
  std::span<const K> keys_;
};

// An index that owns its serialized model (but not the keys). Move-only.
template <IndexableInteger K>
class LearnedIndex {
 public:
  LearnedIndex() = default;
  LearnedIndex(LearnedIndex&&) noexcept = default;
  LearnedIndex& operator=(LearnedIndex&&) noexcept = default;
  LearnedIndex(const LearnedIndex&) = delete;
  LearnedIndex& operator=(const LearnedIndex&) = delete;

  // Builds the index over sorted `keys` in one O(n) pass. Errors: 22023 if keys are not sorted
  // ascending or the options are out of range; 54000 beyond 2^48 keys.
  static Result<LearnedIndex> Build(std::span<const K> keys, const LearnedIndexOptions& options = {}) {
    OMEN_ASSIGN_OR_RETURN(
        std::vector<uint64_t> storage,
        detail::BuildIndex(
            keys.size(), [p = keys.data()](uint64_t i) { return ToOrdered(p[i]); }, KeyTypeOf<K>(),
            options));
    LearnedIndex index;
    index.storage_ = std::move(storage);
    const auto bytes = std::as_bytes(std::span<const uint64_t>(index.storage_));
    OpenOptions open;
    open.verify_checksum = false;  // just computed
    OMEN_ASSIGN_OR_RETURN(index.view_, LearnedIndexView<K>::Open(bytes, keys, open));
    return index;
  }

  size_t lower_bound(K key) const { return view_.lower_bound(key); }
  size_t upper_bound(K key) const { return view_.upper_bound(key); }
  std::pair<size_t, size_t> equal_range(K key) const { return view_.equal_range(key); }
  size_t memory_bytes() const { return view_.memory_bytes(); }
  // The serialized model: persist these bytes and reopen them with LearnedIndexView::Open.
  std::span<const std::byte> bytes() const { return view_.bytes(); }
  const LearnedIndexView<K>& view() const { return view_; }
  size_t size() const { return view_.size(); }

 private:
  std::vector<uint64_t> storage_;  // 8-byte aligned serialized model
  LearnedIndexView<K> view_;
};

}  // namespace omendb::index
