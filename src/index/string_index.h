// Learned index over sorted byte-string keys (text, numeric, uuid, composite keys encoded with
// KeyEncoder, or any memcmp-ordered byte strings), duplicates allowed.
//
// The model is the integer learned index (learned_index.h) over a fixed-width prefix: the
// 8 bytes, big-endian and zero-padded, that follow the prefix shared by ALL keys (the longest
// common prefix of the first and last key, recomputed when the index is attached, so it is not
// stored). Exactness comes from the last-mile search comparing FULL keys: keys sharing the
// 8-byte prefix tie in the model and are told apart there (galloping if the tie run is longer
// than the window). Answers are exactly std::lower_bound / std::upper_bound's over the keys in
// byte order (std::string_view's comparison).
//
// The serialized model has the integer index layout with key_type kBytesPrefix. When the
// prefixes tie in long runs (e.g. a low-cardinality leading column of a composite key) the build
// sets kFlagBinarySearch and lookups use binary search over the full keys, which measured faster.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "index/learned_index_core.h"

namespace omendb::index {

namespace detail {
// Big-endian, zero-padded 8 bytes of s starting at offset `skip` (s.size() >= skip).
inline uint64_t PrefixImage(std::string_view s, size_t skip) {
  unsigned char b[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  const size_t len = std::min<size_t>(8, s.size() - skip);
  for (size_t i = 0; i < len; ++i) b[i] = static_cast<unsigned char>(s[skip + i]);
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | b[i];
  return v;
}
inline size_t CommonPrefix(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}
}  // namespace detail

// Read-only view over a serialized string-prefix model and the sorted keys it describes.
// Both spans must outlive the view. Thread-safe for concurrent lookups.
class LearnedStringIndexView {
 public:
  LearnedStringIndexView() = default;

  // Validates `bytes` like LearnedIndexView::Open and that it describes `keys`. Errors: XX001.
  static Result<LearnedStringIndexView> Open(std::span<const std::byte> bytes,
                                             std::span<const std::string_view> keys,
                                             const OpenOptions& options = {}) {
    OMEN_ASSIGN_OR_RETURN(detail::ParsedIndex parsed,
                          detail::Parse(bytes, KeyType::kBytesPrefix, options));
    if (parsed.num_keys != keys.size()) return detail::KeysMismatch("key count");
    LearnedStringIndexView view;
    if (!keys.empty()) {
      view.skip_ = detail::CommonPrefix(keys.front(), keys.back());
      if (detail::PrefixImage(keys.front(), view.skip_) != parsed.min_key ||
          detail::PrefixImage(keys.back(), view.skip_) != parsed.max_key) {
        return detail::KeysMismatch("first or last key");
      }
    }
    view.idx_ = parsed;
    view.bytes_ = bytes.first(parsed.total_bytes);
    view.keys_ = keys;
    return view;
  }

  // Position of the first key >= key / > key; [lower_bound, upper_bound).
  size_t lower_bound(std::string_view key) const { return Search<false>(key); }
  size_t upper_bound(std::string_view key) const { return Search<true>(key); }
  std::pair<size_t, size_t> equal_range(std::string_view key) const {
    const size_t lo = lower_bound(key);
    if (lo == keys_.size() || key < keys_[lo]) return {lo, lo};
    return {lo, upper_bound(key)};
  }

  size_t memory_bytes() const { return bytes_.size(); }
  std::span<const std::byte> bytes() const { return bytes_; }
  size_t size() const { return keys_.size(); }

 private:
  template <bool kUpper>
  size_t Search(std::string_view key) const {
    const size_t n = keys_.size();
    if (n == 0) return 0;
    if (kUpper ? key < keys_.front() : key <= keys_.front()) return 0;
    if (kUpper ? key >= keys_.back() : key > keys_.back()) return n;
    if (idx_.flags & kFlagBinarySearch) {
      return kUpper ? std::upper_bound(keys_.begin(), keys_.end(), key) - keys_.begin()
                    : std::lower_bound(keys_.begin(), keys_.end(), key) - keys_.begin();
    }
    // front < key < back (or equal to one end): key starts with the common prefix.
    const int64_t p = detail::Predict(idx_, detail::PrefixImage(key, skip_));
    return detail::SearchAround<kUpper>(keys_.data(), n, key, p, idx_.eps);
  }

  detail::ParsedIndex idx_;
  std::span<const std::byte> bytes_;
  std::span<const std::string_view> keys_;
  size_t skip_ = 0;
};

// Owns the serialized model (not the keys). Move-only.
class LearnedStringIndex {
 public:
  LearnedStringIndex() = default;
  LearnedStringIndex(LearnedStringIndex&&) noexcept = default;
  LearnedStringIndex& operator=(LearnedStringIndex&&) noexcept = default;

  // Builds over keys sorted ascending in byte order. Errors: 22023 if not sorted.
  static Result<LearnedStringIndex> Build(std::span<const std::string_view> keys,
                                          const LearnedIndexOptions& options = {}) {
    for (size_t i = 1; i < keys.size(); ++i) {
      if (keys[i] < keys[i - 1]) return detail::NotSorted(i);
    }
    const size_t skip = keys.empty() ? 0 : detail::CommonPrefix(keys.front(), keys.back());
    // Measured (docs/benchmarks/learned-index.md): when prefix images tie in long runs, the
    // full-key comparisons of the tie-breaking gallop cost more than a plain binary search.
    uint64_t distinct = keys.empty() ? 0 : 1;
    for (size_t i = 1; i < keys.size(); ++i) {
      distinct += detail::PrefixImage(keys[i], skip) != detail::PrefixImage(keys[i - 1], skip);
    }
    const uint8_t flags = distinct * 4 < keys.size() ? kFlagBinarySearch : 0;
    OMEN_ASSIGN_OR_RETURN(
        std::vector<uint64_t> storage,
        detail::BuildIndex(
            keys.size(), [&](uint64_t i) { return detail::PrefixImage(keys[i], skip); },
            KeyType::kBytesPrefix, options, flags));
    LearnedStringIndex index;
    index.storage_ = std::move(storage);
    OMEN_ASSIGN_OR_RETURN(index.view_,
                          LearnedStringIndexView::Open(
                              std::as_bytes(std::span<const uint64_t>(index.storage_)), keys,
                              {.verify_checksum = false}));
    return index;
  }

  size_t lower_bound(std::string_view key) const { return view_.lower_bound(key); }
  size_t upper_bound(std::string_view key) const { return view_.upper_bound(key); }
  std::pair<size_t, size_t> equal_range(std::string_view key) const {
    return view_.equal_range(key);
  }
  size_t memory_bytes() const { return view_.memory_bytes(); }
  std::span<const std::byte> bytes() const { return view_.bytes(); }
  const LearnedStringIndexView& view() const { return view_; }

 private:
  std::vector<uint64_t> storage_;
  LearnedStringIndexView view_;
};

}  // namespace omendb::index
