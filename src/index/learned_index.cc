#include <cstring>
#include <string>

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
  if (num_keys > 0) {
    levels.push_back(std::move(leaf));
    while (levels.back().size() > options.max_top_segments && levels.size() < kMaxLevels) {
      levels.push_back(BuildUpperLevel(levels.back(), options.epsilon_recursive));
    }
  }
  uint64_t total = kHeaderBytes + 8 * levels.size();
  for (const auto& lv : levels) total += (kKeyBytes + kParamBytes) * lv.size();

  std::vector<uint64_t> storage(total / 8, 0);
  std::byte* base = reinterpret_cast<std::byte*>(storage.data());
  Put<uint32_t>(base, 0, kLearnedIndexMagic);
  Put<uint16_t>(base, 4, kLearnedIndexVersion);
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
  Put<uint32_t>(base, kCrcOffset, crc32c::Mask(ComputeCrc(base, total)));
  return storage;
}

Result<ParsedIndex> Parse(std::span<const std::byte> bytes, KeyType expected,
                          const OpenOptions& options) {
  const std::byte* base = bytes.data();
  if (bytes.size() < kHeaderBytes) {
    return Corrupted("truncated to " + std::to_string(bytes.size()) + " bytes, the header needs " +
                     std::to_string(kHeaderBytes));
  }
  if (Get<uint32_t>(base, 0) != kLearnedIndexMagic) return Corrupted("bad magic number");
  const uint16_t version = Get<uint16_t>(base, 4);
  if (version != kLearnedIndexVersion) {
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
  if (p.num_levels > kMaxLevels || (p.num_levels == 0) != (p.num_keys == 0)) {
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
