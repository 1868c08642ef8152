// libFuzzer target for the learned index: build + lookup on arbitrary sorted keys, and opening
// arbitrary bytes as a serialized index. Every answer is checked against std::lower_bound /
// std::upper_bound; any mismatch, crash or sanitizer report is a bug.
//
// Input: byte 0 selects the mode, byte 1 parameters, the rest is payload.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/learned_index.h"
#include "index/string_index.h"

namespace {

using namespace omendb::index;  // NOLINT

#define FUZZ_CHECK(cond) \
  do {                   \
    if (!(cond)) __builtin_trap(); \
  } while (0)

template <typename K, typename Index>
void CheckAll(const std::vector<K>& keys, const Index& idx, const std::vector<K>& queries) {
  for (K q : queries) {
    const size_t lb = std::lower_bound(keys.begin(), keys.end(), q) - keys.begin();
    const size_t ub = std::upper_bound(keys.begin(), keys.end(), q) - keys.begin();
    FUZZ_CHECK(idx.lower_bound(q) == lb);
    FUZZ_CHECK(idx.upper_bound(q) == ub);
    const auto er = idx.equal_range(q);
    FUZZ_CHECK(er.first == lb && er.second == ub);
  }
}

template <typename K>
void BuildAndLookup(const uint8_t* data, size_t size, uint8_t param) {
  std::vector<K> keys(size / sizeof(K));
  if (!keys.empty()) std::memcpy(keys.data(), data, keys.size() * sizeof(K));
  std::vector<K> queries = keys;  // unsorted originals: every key, plus neighbours
  for (K k : keys) {
    queries.push_back(static_cast<K>(k + 1));
    queries.push_back(static_cast<K>(k - 1));
  }
  if (param & 0x80) {  // long duplicate runs
    std::vector<K> dup;
    for (K k : keys) dup.insert(dup.end(), 1 + (static_cast<size_t>(k) & 15), k);
    keys = std::move(dup);
  }
  std::sort(keys.begin(), keys.end());
  LearnedIndexOptions opt;
  opt.epsilon = param & 0x1f;
  opt.radix_directory = (param & 0x20) == 0;
  opt.epsilon_recursive = (param >> 6) & 1;
  opt.max_top_segments = 1 + (param & 3);
  auto idx = LearnedIndex<K>::Build(keys, opt);
  FUZZ_CHECK(idx.ok());
  CheckAll(keys, *idx, queries);
  std::vector<std::byte> copy(idx->bytes().begin(), idx->bytes().end());
  auto view = LearnedIndexView<K>::Open(copy, keys);
  FUZZ_CHECK(view.ok());
  CheckAll(keys, *view, queries);
}

// Arbitrary bytes as a serialized uint64 index, over keys consistent with its header.
void OpenArbitrary(const uint8_t* data, size_t size, uint8_t param) {
  std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
  uint64_t n = 0, min_key = 0, max_key = 0;
  if (size >= 40) {
    std::memcpy(&n, data + 16, 8);
    std::memcpy(&min_key, data + 24, 8);
    std::memcpy(&max_key, data + 32, 8);
  }
  if (n > 4096 || min_key > max_key) n = 0;
  std::vector<uint64_t> keys(n);
  for (uint64_t i = 0; i < n; ++i) {
    keys[i] = n == 1 ? min_key : min_key + static_cast<uint64_t>(
        static_cast<unsigned __int128>(max_key - min_key) * i / (n - 1));
  }
  OpenOptions options;
  options.verify_checksum = (param & 1) != 0;
  auto view = LearnedIndexView<uint64_t>::Open(bytes, keys, options);
  if (!view.ok()) {
    FUZZ_CHECK(view.status().sqlstate() == std::string_view("XX001"));
    return;
  }
  std::vector<uint64_t> queries = {0, ~uint64_t{0}, min_key, max_key};
  for (size_t i = 0; i < keys.size(); i += 1 + keys.size() / 64) {
    queries.push_back(keys[i]);
    queries.push_back(keys[i] + 1);
    queries.push_back(keys[i] - 1);
  }
  CheckAll(keys, *view, queries);
}

void Strings(const uint8_t* data, size_t size, uint8_t param) {
  // Split the payload at '|' into keys.
  std::vector<std::string> owned;
  std::string cur;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == '|') {
      owned.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(data[i]));
    }
  }
  owned.push_back(cur);
  std::vector<std::string> queries = owned;
  for (const auto& s : owned) queries.push_back(s + '\0');
  std::sort(owned.begin(), owned.end());
  std::vector<std::string_view> keys(owned.begin(), owned.end());
  auto idx = LearnedStringIndex::Build(keys, {.epsilon = static_cast<uint32_t>(param & 7)});
  FUZZ_CHECK(idx.ok());
  for (const auto& q : queries) {
    const size_t lb = std::lower_bound(keys.begin(), keys.end(), q) - keys.begin();
    const size_t ub = std::upper_bound(keys.begin(), keys.end(), q) - keys.begin();
    FUZZ_CHECK(idx->lower_bound(q) == lb);
    FUZZ_CHECK(idx->upper_bound(q) == ub);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t mode = data[0], param = data[1];
  data += 2;
  size -= 2;
  switch (mode % 6) {
    case 0: BuildAndLookup<uint64_t>(data, size, param); break;
    case 1: BuildAndLookup<int64_t>(data, size, param); break;
    case 2: BuildAndLookup<int32_t>(data, size, param); break;
    case 3: BuildAndLookup<int16_t>(data, size, param); break;
    case 4: OpenArbitrary(data, size, param); break;
    case 5: Strings(data, size, param); break;
  }
  return 0;
}
