// On-disk / in-memory byte layout of a learned index (see docs/formats/learned_index.md).
//
// A learned index is ONE contiguous byte buffer, used in place (e.g. straight from an mmap'ed
// segment file); nothing is deserialized or retrained when it is opened. All integers are
// little-endian; every array starts at a multiple of 8 bytes from the buffer start. Readers
// never assume the buffer itself is aligned (all loads are memcpy-based).
//
//   offset  size  field
//   0       4     magic            "OMLI" (bytes 4F 4D 4C 49)
//   4       2     version          2 (radix directory over the leaf) or 1 (PLA internal levels)
//   6       1     key_type         KeyType below (how keys map to the ordered uint64 domain)
//   7       1     flags            0; for kBytesPrefix bit 0 = kFlagBinarySearch (below)
//   8       4     epsilon          max |predicted - true| position error of the leaf level
//   12      4     epsilon_rec      same for the internal levels (version 1)
//   16      8     num_keys         n, the length of the (external) sorted key array
//   24      8     min_key          ordered-uint64 image of keys[0]     (0 if n == 0)
//   32      8     max_key          ordered-uint64 image of keys[n-1]   (0 if n == 0)
//   40      8     total_bytes      size of the whole buffer, header included
//   48      4     num_levels       L (0 iff n == 0), at most kMaxLevels; 1 in version 2 if n > 0
//   52      4     crc32c           masked CRC32C of bytes [0,52) followed by [56,total_bytes)
//   56      8*L   level_size[L]    number of segments m_l of level l (level 0 = leaf)
//   then for each level l = 0..L-1:
//           8*m_l    first_key[m_l]          ordered-uint64, strictly increasing
//           16*m_l   (slope f64, intercept f64)[m_l]
//   version 2 with n > 0, then the radix directory over the leaf's first_key array:
//           1        shift            s: bucket of image u is (u - min_key) >> s; s <= 63
//           3        zero
//           4        window           w: 1 <= w <= m_0, leaf segments searched per lookup
//           8        t1_count         ((max_key - min_key) >> s) + 1
//           8        t2_count         < 2^32
//           8*t1_count  bucket[]      bits 0-31: first child in child[], bits 32-39: child
//                                     shift c <= s, s - c <= 32 (2^(s-c) children); rest 0
//           4*t2_count  child[]       leaf segment j0 <= m_0 - w, zero-padded to 8 bytes
//
// Segment j of level l predicts, for a key image u with first_key[j] <= u,
//   pos = intercept + slope * (u - first_key[j])
// the index of u in the level below (level l-1's first_key array, or the key array for l = 0),
// accurate to +-epsilon (leaf) / +-epsilon_rec (internal). In version 1 the top level
// (l = L-1) is small and searched directly. In version 2 the leaf segment of u is the last one
// with first_key <= u among child[...] .. child[...] + w - 1, where the child entry is
// bucket[b] & 0xffffffff + (((u - min_key) & (2^s - 1)) >> c) for b = (u - min_key) >> s.
// Level l's first_key[0] equals min_key for every l.
#pragma once

#include <cstdint>
#include <type_traits>

namespace omendb::index {

inline constexpr uint32_t kLearnedIndexMagic = 0x494C4D4F;  // "OMLI" little-endian
// Version written with a radix directory (the default); version 1 (PLA internal levels) is
// still read and written on request.
inline constexpr uint16_t kLearnedIndexVersion = 2;
inline constexpr uint16_t kLearnedIndexVersionLevels = 1;
inline constexpr uint32_t kMaxLevels = 16;
inline constexpr uint64_t kHeaderBytes = 56;
inline constexpr uint64_t kKeyBytes = 8;
inline constexpr uint64_t kParamBytes = 16;
inline constexpr uint32_t kMaxEpsilon = 1u << 24;
inline constexpr uint64_t kMaxKeys = uint64_t{1} << 48;
// kBytesPrefix only: the prefix images tie too often (more than 4 keys per distinct image on
// average) for the model to beat binary search, so lookups binary-search the keys instead.
inline constexpr uint8_t kFlagBinarySearch = 1;

// Key types; date (int32 days) and timestamp (int64 microseconds) use their integer types.
enum class KeyType : uint8_t {
  kInt8 = 1,
  kInt16 = 2,
  kInt32 = 3,
  kInt64 = 4,
  kUInt8 = 5,
  kUInt16 = 6,
  kUInt32 = 7,
  kUInt64 = 8,
  // Order-preserving byte strings, modelled on the 8 bytes after their common prefix
  // (see string_index.h).
  kBytesPrefix = 16,
};

template <typename K>
concept IndexableInteger = std::is_integral_v<K> && !std::is_same_v<K, bool> &&
                           !std::is_same_v<K, char> && sizeof(K) <= 8;

// Maps a key to uint64 so that a < b  <=>  ToOrdered(a) < ToOrdered(b).
template <IndexableInteger K>
constexpr uint64_t ToOrdered(K key) {
  if constexpr (std::is_signed_v<K>) {
    return static_cast<uint64_t>(static_cast<int64_t>(key)) ^ (uint64_t{1} << 63);
  } else {
    return static_cast<uint64_t>(key);
  }
}

template <IndexableInteger K>
constexpr KeyType KeyTypeOf() {
  constexpr bool s = std::is_signed_v<K>;
  if constexpr (sizeof(K) == 1) return s ? KeyType::kInt8 : KeyType::kUInt8;
  if constexpr (sizeof(K) == 2) return s ? KeyType::kInt16 : KeyType::kUInt16;
  if constexpr (sizeof(K) == 4) return s ? KeyType::kInt32 : KeyType::kUInt32;
  if constexpr (sizeof(K) == 8) return s ? KeyType::kInt64 : KeyType::kUInt64;
}

}  // namespace omendb::index
