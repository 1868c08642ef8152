#include <algorithm>
#include <bit>
#include <cstring>
#include <string>
#include <utility>

#include "common/crc32c.h"
#include "common/sqlstate.h"
#include "index/learned_index_core.h"

namespace omendb::index::detail {
namespace {

constexpr uint64_t kCrcOffset = 52;

Status Corrupted(const std::string& what) {
  return Status(sqlstate::kDataCorrupted, "learned index is corrupted: " + what);
}

template <typename T>
T Get(const std::byte* base, uint64_t offset) {
  T v;
  std::memcpy(&v, base + offset, sizeof(T));
  return v;
}

template <typename T>
void Put(std::byte* base, uint64_t offset, T v) {
  std::memcpy(base + offset, &v, sizeof(T));
}

uint32_t ComputeCrc(const std::byte* base, uint64_t total) {
  uint32_t crc = crc32c::Value(base, kCrcOffset);
  return crc32c::Extend(crc, base + kHeaderBytes, total - kHeaderBytes);
}

// Segments of a level built over the (strictly increasing) first keys of the level below.
std::vector<PlaSegment> BuildUpperLevel(const std::vector<PlaSegment>& below, int64_t eps) {
  std::vector<PlaSegment> out;
  OptimalPla pla(eps);
  for (size_t j = 0; j < below.size(); ++j) {
    if (!pla.Add(below[j].first_x, static_cast<int64_t>(j))) {
      out.push_back(pla.Finish());
      pla.Reset();
      pla.Add(below[j].first_x, static_cast<int64_t>(j));
    }
  }
  out.push_back(pla.Finish());
  return out;
}

// The radix directory over the leaf's first keys `sk` (strictly increasing, sk[0] = min_key).
// Buckets split [min_key, max_key] into ~m/2 equal ranges; a bucket whose range holds several
// segment starts is split again into 2^k children, k grown until no child spans more than
// kTargetWindow segments (or a cap), so skewed data (lognormal, clusters) keeps a short window.
struct RadixDirectory {
  uint32_t shift = 0;
  uint32_t window = 1;
  std::vector<uint64_t> buckets;
  std::vector<uint32_t> children;
};

RadixDirectory BuildDirectory(const std::vector<uint64_t>& sk, uint64_t min_key, uint64_t max_key) {
  constexpr uint64_t kTargetWindow = 4;
  constexpr int kMaxExtraBits = 3;   // children per bucket <= 2^(bit_width(count) + 3)
  constexpr int kMaxChildBits = 20;
  const uint64_t m = sk.size();
  const uint64_t range = max_key - min_key;
  const int bucket_bits = std::max(1, static_cast<int>(std::bit_width(m)) - 1);
  RadixDirectory d;
  while ((range >> d.shift) >= (uint64_t{1} << bucket_bits)) ++d.shift;
  // Segments whose first key is <= min_key + v (v relative to min_key, v <= range).
  auto upto = [&](uint64_t v) -> uint64_t {
    return static_cast<uint64_t>(std::upper_bound(sk.begin(), sk.end(), min_key + v) - sk.begin());
  };
  // (first candidate, number of candidates) of the child covering [from, from + width - 1],
  // clamped to the range (children past max_key are never reached).
  auto span_of = [&](uint64_t from, uint64_t width) -> std::pair<uint64_t, uint64_t> {
    from = std::min(from, range);
    const uint64_t first = upto(from) - 1;  // upto(from) >= 1: sk[0] = min_key
    const uint64_t last_v = width - 1 >= range - from ? range : from + (width - 1);
    return {first, upto(last_v) - first};
  };
  const uint64_t num_buckets = (range >> d.shift) + 1;
  d.buckets.reserve(num_buckets);
  uint64_t window = 1;
  for (uint64_t b = 0; b < num_buckets; ++b) {
    const uint64_t from = b << d.shift;
    const uint64_t count = span_of(from, uint64_t{1} << d.shift).second;
    int k = 0;
    if (count > kTargetWindow) {
      const int cap = std::min({static_cast<int>(d.shift), kMaxChildBits,
                                static_cast<int>(std::bit_width(count)) + kMaxExtraBits});
      k = std::min(cap, static_cast<int>(std::bit_width(count)) - 1);
      for (; k < cap; ++k) {
        uint64_t widest = 0;
        const uint64_t width = uint64_t{1} << (d.shift - k);
        for (uint64_t c = 0; c < (uint64_t{1} << k); ++c) {
          widest = std::max(widest, span_of(from + c * width, width).second);
        }
        if (widest <= kTargetWindow) break;
      }
    }
    d.buckets.push_back(d.children.size() | (uint64_t(d.shift - k) << 32));
    const uint64_t width = uint64_t{1} << (d.shift - k);
    for (uint64_t c = 0; c < (uint64_t{1} << k); ++c) {
      const auto [first, n] = span_of(from + c * width, width);
      d.children.push_back(static_cast<uint32_t>(first));
      window = std::max(window, n);
    }
  }
  d.window = static_cast<uint32_t>(window);
  // Every window must fit in the leaf: start late windows earlier (their extra segments start
  // before u, so the search still finds the last one <= u).
  for (uint32_t& c : d.children) c = std::min<uint64_t>(c, m - window);
  return d;
}

uint64_t DirectoryBytes(const RadixDirectory& d) {
  return 24 + 8 * d.buckets.size() + (4 * d.children.size() + 7) / 8 * 8;
}

}  // namespace

Status KeysMismatch(const char* what) {
  return Corrupted(std::string("it does not describe the attached keys (") + what + " differs)");
}

Status NotSorted(uint64_t position) {
  return Status(sqlstate::kInvalidParameterValue,
                "learned index keys are not sorted ascending at position " +
                    std::to_string(position));
}

Status CheckOptions(const LearnedIndexOptions& options, uint64_t num_keys) {
  if (options.epsilon > kMaxEpsilon || options.epsilon_recursive > kMaxEpsilon) {
    return Status(sqlstate::kInvalidParameterValue,
                  "learned index epsilon must be at most " + std::to_string(kMaxEpsilon));
  }
  if (options.max_top_segments == 0) {
    return Status(sqlstate::kInvalidParameterValue, "max_top_segments must be positive");
  }
  if (options.build_threads == 0 || options.build_threads > 256) {
    return Status(sqlstate::kInvalidParameterValue, "build_threads must be between 1 and 256");
  }
  if (num_keys > kMaxKeys) {
    return Status(sqlstate::kProgramLimitExceeded,
                  "learned index supports at most 2^48 keys, got " + std::to_string(num_keys));
  }
  return Status::OK();
}

Result<std::vector<uint64_t>> Serialize(std::vector<PlaSegment> leaf, uint64_t num_keys,
                                        uint64_t min_key, uint64_t max_key, KeyType type,
                                        const LearnedIndexOptions& options, uint8_t flags) {
  std::vector<std::vector<PlaSegment>> levels;
  const bool directory =
      num_keys > 0 && options.radix_directory && leaf.size() < (uint64_t{1} << 32);
  RadixDirectory dir;
  if (num_keys > 0) {
    levels.push_back(std::move(leaf));
    if (directory) {
      std::vector<uint64_t> first_keys;
      first_keys.reserve(levels[0].size());
      for (const PlaSegment& seg : levels[0]) first_keys.push_back(seg.first_x);
      dir = BuildDirectory(first_keys, min_key, max_key);
    } else {
      while (levels.back().size() > options.max_top_segments && levels.size() < kMaxLevels) {
        levels.push_back(BuildUpperLevel(levels.back(), options.epsilon_recursive));
      }
    }
  }
  uint64_t total = kHeaderBytes + 8 * levels.size();
  for (const auto& lv : levels) total += (kKeyBytes + kParamBytes) * lv.size();
  if (directory) total += DirectoryBytes(dir);

  std::vector<uint64_t> storage(total / 8, 0);
  std::byte* base = reinterpret_cast<std::byte*>(storage.data());
  Put<uint32_t>(base, 0, kLearnedIndexMagic);
  // The version follows the layout actually written: an index with 2^32 or more leaf segments
  // gets levels (version 1) even when a directory was asked for.
  Put<uint16_t>(base, 4, directory ? kLearnedIndexVersion : kLearnedIndexVersionLevels);
  Put<uint8_t>(base, 6, static_cast<uint8_t>(type));
  Put<uint8_t>(base, 7, flags);
  Put<uint32_t>(base, 8, options.epsilon);
  Put<uint32_t>(base, 12, options.epsilon_recursive);
  Put<uint64_t>(base, 16, num_keys);
  Put<uint64_t>(base, 24, min_key);
  Put<uint64_t>(base, 32, max_key);
  Put<uint64_t>(base, 40, total);
  Put<uint32_t>(base, 48, static_cast<uint32_t>(levels.size()));
  uint64_t off = kHeaderBytes;
  for (const auto& lv : levels) {
    Put<uint64_t>(base, off, lv.size());
    off += 8;
  }
  for (const auto& lv : levels) {
    for (const PlaSegment& s : lv) {
      Put<uint64_t>(base, off, s.first_x);
      off += 8;
    }
    for (const PlaSegment& s : lv) {
      Put<double>(base, off, s.slope);
      Put<double>(base, off + 8, s.intercept);
      off += 16;
    }
  }
  if (directory) {
    Put<uint8_t>(base, off, static_cast<uint8_t>(dir.shift));
    Put<uint32_t>(base, off + 4, dir.window);
    Put<uint64_t>(base, off + 8, dir.buckets.size());
    Put<uint64_t>(base, off + 16, dir.children.size());
    off += 24;
    for (uint64_t b : dir.buckets) {
      Put<uint64_t>(base, off, b);
      off += 8;
    }
    for (uint32_t c : dir.children) {
      Put<uint32_t>(base, off, c);
      off += 4;
    }
  }
  Put<uint32_t>(base, kCrcOffset, crc32c::Mask(ComputeCrc(base, total)));
  return storage;
}

namespace {

// Validates the radix directory at `off` (in bounds of p.total_bytes) and points p.dir at it.
// Returns the offset just past it. Every lookup then stays inside the leaf level.
Result<uint64_t> ParseDirectory(const std::byte* base, uint64_t off, ParsedIndex& p) {
  if (p.total_bytes - off < 24) return Corrupted("radix directory truncated");
  const uint32_t shift = Get<uint8_t>(base, off);
  const uint64_t window = Get<uint32_t>(base, off + 4);
  const uint64_t t1 = Get<uint64_t>(base, off + 8), t2 = Get<uint64_t>(base, off + 16);
  const uint64_t m = p.levels[0].size;
  if (shift > 63 || Get<uint8_t>(base, off + 1) != 0 || Get<uint16_t>(base, off + 2) != 0) {
    return Corrupted("bad radix directory shift");
  }
  if (window == 0 || window > m) return Corrupted("bad radix directory window");
  if (t1 != ((p.max_key - p.min_key) >> shift) + 1 || t2 >= (uint64_t{1} << 32)) {
    return Corrupted("bad radix directory size");
  }
  off += 24;
  const uint64_t t2_bytes = (4 * t2 + 7) / 8 * 8;
  if (t1 > (p.total_bytes - off) / 8 || t2_bytes > p.total_bytes - off - 8 * t1) {
    return Corrupted("radix directory truncated");
  }
  p.dir.buckets = base + off;
  p.dir.children = base + off + 8 * t1;
  p.dir.shift = shift;
  p.dir.low_mask = (uint64_t{1} << shift) - 1;
  p.dir.window = static_cast<int64_t>(window);
  for (uint64_t b = 0; b < t1; ++b) {
    const uint64_t e = Get<uint64_t>(base, off + 8 * b);
    const uint64_t child_shift = (e >> 32) & 0xff;
    if ((e >> 40) != 0 || child_shift > shift || shift - child_shift > 32 ||
        (e & 0xffffffffu) + (uint64_t{1} << (shift - child_shift)) > t2) {
      return Corrupted("bad radix directory bucket " + std::to_string(b));
    }
  }
  for (uint64_t c = 0; c < t2; ++c) {
    if (Get<uint32_t>(base, off + 8 * t1 + 4 * c) > m - window) {
      return Corrupted("bad radix directory child " + std::to_string(c));
    }
  }
  return off + 8 * t1 + t2_bytes;
}

}  // namespace

Result<ParsedIndex> Parse(std::span<const std::byte> bytes, KeyType expected,
                          const OpenOptions& options) {
  const std::byte* base = bytes.data();
  if (bytes.size() < kHeaderBytes) {
    return Corrupted("truncated to " + std::to_string(bytes.size()) + " bytes, the header needs " +
                     std::to_string(kHeaderBytes));
  }
  if (Get<uint32_t>(base, 0) != kLearnedIndexMagic) return Corrupted("bad magic number");
  const uint16_t version = Get<uint16_t>(base, 4);
  if (version != kLearnedIndexVersion && version != kLearnedIndexVersionLevels) {
    return Corrupted("unsupported format version " + std::to_string(version));
  }
  const uint8_t type = Get<uint8_t>(base, 6);
  if (type != static_cast<uint8_t>(expected)) {
    return Corrupted("key type " + std::to_string(type) + ", expected " +
                     std::to_string(static_cast<int>(expected)));
  }
  const uint8_t flags = Get<uint8_t>(base, 7);
  const uint8_t allowed = expected == KeyType::kBytesPrefix ? kFlagBinarySearch : 0;
  if ((flags & ~allowed) != 0) return Corrupted("unknown flags");
  ParsedIndex p;
  p.flags = flags;
  p.key_type = expected;
  const uint32_t eps = Get<uint32_t>(base, 8), eps_rec = Get<uint32_t>(base, 12);
  if (eps > kMaxEpsilon || eps_rec > kMaxEpsilon) return Corrupted("epsilon out of range");
  p.eps = eps;
  p.eps_rec = eps_rec;
  p.num_keys = Get<uint64_t>(base, 16);
  p.min_key = Get<uint64_t>(base, 24);
  p.max_key = Get<uint64_t>(base, 32);
  p.total_bytes = Get<uint64_t>(base, 40);
  p.num_levels = Get<uint32_t>(base, 48);
  if (p.total_bytes > bytes.size()) {
    return Corrupted("truncated to " + std::to_string(bytes.size()) + " bytes of " +
                     std::to_string(p.total_bytes));
  }
  if (p.total_bytes < kHeaderBytes || p.total_bytes % 8 != 0) return Corrupted("bad total size");
  if (p.num_keys > kMaxKeys) return Corrupted("key count out of range");
  if (p.num_levels > kMaxLevels || (p.num_levels == 0) != (p.num_keys == 0) ||
      (version == kLearnedIndexVersion && p.num_levels > 1)) {
    return Corrupted("bad level count " + std::to_string(p.num_levels));
  }
  if (p.min_key > p.max_key) return Corrupted("min key above max key");
  uint64_t off = kHeaderBytes + 8 * uint64_t{p.num_levels};
  if (off > p.total_bytes) return Corrupted("level directory truncated");
  uint64_t prev_size = p.num_keys;
  for (uint32_t l = 0; l < p.num_levels; ++l) {
    const uint64_t m = Get<uint64_t>(base, kHeaderBytes + 8 * l);
    if (m == 0 || m > prev_size) return Corrupted("bad segment count in level " + std::to_string(l));
    prev_size = m;
    if ((kKeyBytes + kParamBytes) * m > p.total_bytes - off) {
      return Corrupted("level " + std::to_string(l) + " truncated");
    }
    p.levels[l].size = m;
    p.levels[l].keys = base + off;
    p.levels[l].params = base + off + kKeyBytes * m;
    off += (kKeyBytes + kParamBytes) * m;
  }
  if (version == kLearnedIndexVersion && p.num_keys > 0) {
    OMEN_ASSIGN_OR_RETURN(off, ParseDirectory(base, off, p));
  }
  if (off != p.total_bytes) return Corrupted("size does not match its levels");
  if (options.verify_checksum) {
    const uint32_t stored = crc32c::Unmask(Get<uint32_t>(base, kCrcOffset));
    if (stored != ComputeCrc(base, p.total_bytes)) return Corrupted("checksum mismatch");
  }
  for (uint32_t l = 0; l < p.num_levels; ++l) {
    const Level& lv = p.levels[l];
    uint64_t prev = Load64(lv.keys);
    if (prev != p.min_key) return Corrupted("level " + std::to_string(l) + " does not start at min key");
    for (uint64_t j = 1; j < lv.size; ++j) {
      const uint64_t k = Load64(lv.keys + 8 * j);
      if (k <= prev) return Corrupted("level " + std::to_string(l) + " keys out of order");
      prev = k;
    }
    if (prev > p.max_key) return Corrupted("level " + std::to_string(l) + " key above max key");
  }
  return p;
}

}  // namespace omendb::index::detail
