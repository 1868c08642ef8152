// Malformed, truncated and corrupted buffers: never a crash, never a wrong answer.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

#include "common/sqlstate.h"
#include "index/learned_index.h"
#include "index/test_util.h"

namespace omendb::index {
namespace {

std::vector<std::byte> Copy(std::span<const std::byte> b) { return {b.begin(), b.end()}; }

TEST(LearnedIndexFormatTest, HeaderFieldsMatchTheDocumentedLayout) {
  const std::vector<int64_t> keys = {-5, 3, 3, 9};
  for (bool directory : {true, false}) {
    SCOPED_TRACE(directory ? "radix directory" : "levels");
    auto idx = LearnedIndex<int64_t>::Build(
        keys, {.epsilon = 7, .radix_directory = directory, .epsilon_recursive = 3});
    ASSERT_TRUE(idx.ok());
    const std::byte* b = idx->bytes().data();
    auto u32 = [&](size_t off) { uint32_t v; std::memcpy(&v, b + off, 4); return v; };
    auto u64 = [&](size_t off) { uint64_t v; std::memcpy(&v, b + off, 8); return v; };
    EXPECT_EQ(std::memcmp(b, "OMLI", 4), 0);
    EXPECT_EQ(static_cast<int>(b[4]), directory ? 2 : 1);
    EXPECT_EQ(static_cast<int>(b[6]), static_cast<int>(KeyType::kInt64));
    EXPECT_EQ(u32(8), 7u);
    EXPECT_EQ(u32(12), 3u);
    EXPECT_EQ(u64(16), 4u);
    EXPECT_EQ(u64(24), ToOrdered<int64_t>(-5));
    EXPECT_EQ(u64(32), ToOrdered<int64_t>(9));
    EXPECT_EQ(u64(40), idx->bytes().size());
    EXPECT_EQ(u32(48), 1u);
    EXPECT_EQ(u64(56), 1u);  // one leaf segment
    if (!directory) {
      EXPECT_EQ(idx->bytes().size(), 56u + 8 + 24);
      continue;
    }
    // Directory at 88: range 14 in two buckets of 8 (shift 3), one child each, window 1.
    EXPECT_EQ(static_cast<int>(b[88]), 3);
    EXPECT_EQ(u32(92), 1u);
    EXPECT_EQ(u64(96), 2u);    // buckets
    EXPECT_EQ(u64(104), 2u);   // children
    EXPECT_EQ(u64(112), uint64_t{3} << 32);      // bucket 0: child 0, child shift 3 (one child)
    EXPECT_EQ(u64(120), 1 | uint64_t{3} << 32);  // bucket 1: child 1
    EXPECT_EQ(u64(128), 0u);  // both children name segment 0
    EXPECT_EQ(idx->bytes().size(), 136u);
  }
}

TEST(LearnedIndexFormatTest, VersionOneIndexesStillOpenAndAnswer) {
  // Version 1 (PLA internal levels) is what earlier releases wrote into segment files.
  const std::vector<uint64_t> keys = testing::MakeKeys<uint64_t>("lognormal", 50000, 12);
  auto v1 = LearnedIndex<uint64_t>::Build(keys, {.epsilon = 8, .radix_directory = false,
                                                 .max_top_segments = 2});
  ASSERT_TRUE(v1.ok());
  const auto bytes = Copy(v1->bytes());
  ASSERT_EQ(static_cast<int>(bytes[4]), 1);
  auto view = LearnedIndexView<uint64_t>::Open(bytes, keys);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_GT(view->num_levels(), 1u);
  for (uint64_t q : testing::MakeQueries(keys, 2000, 13)) {
    ASSERT_EQ(view->lower_bound(q),
              size_t(std::lower_bound(keys.begin(), keys.end(), q) - keys.begin()));
  }
}

TEST(LearnedIndexFormatTest, DirectoryEntriesOutOfBoundsAreRejected) {
  const std::vector<uint64_t> keys = testing::MakeKeys<uint64_t>("clusters", 20000, 14);
  auto idx = LearnedIndex<uint64_t>::Build(keys, {.epsilon = 4});
  ASSERT_TRUE(idx.ok());
  const auto good = Copy(idx->bytes());
  uint64_t m, dir, t1, t2;
  std::memcpy(&m, good.data() + 56, 8);
  dir = 64 + 24 * m;
  std::memcpy(&t1, good.data() + dir + 8, 8);
  std::memcpy(&t2, good.data() + dir + 16, 8);
  ASSERT_GT(t1, 1u);
  auto expect_rejected = [&](std::vector<std::byte> bad, const char* what) {
    auto view = LearnedIndexView<uint64_t>::Open(bad, keys, {.verify_checksum = false});
    ASSERT_FALSE(view.ok()) << what;
    EXPECT_EQ(view.status().sqlstate(), sqlstate::kDataCorrupted);
    EXPECT_NE(view.status().message().find("radix directory"), std::string::npos)
        << view.status().message();
  };
  auto put32 = [](std::vector<std::byte>& b, uint64_t off, uint32_t v) {
    std::memcpy(b.data() + off, &v, 4);
  };
  auto put64 = [](std::vector<std::byte>& b, uint64_t off, uint64_t v) {
    std::memcpy(b.data() + off, &v, 8);
  };
  {
    auto bad = good;  // a bucket's children run past the child array
    put64(bad, dir + 24 + 8 * (t1 - 1), t2);
    expect_rejected(bad, "bucket");
  }
  {
    auto bad = good;  // a child's window runs past the leaf
    put32(bad, dir + 24 + 8 * t1, static_cast<uint32_t>(m));
    expect_rejected(bad, "child");
  }
  {
    auto bad = good;  // window larger than the leaf
    put32(bad, dir + 4, static_cast<uint32_t>(m + 1));
    expect_rejected(bad, "window");
  }
  {
    auto bad = good;  // bucket count inconsistent with the shift
    bad[dir] = static_cast<std::byte>(static_cast<uint8_t>(bad[dir]) + 1);
    expect_rejected(bad, "shift");
  }
}

TEST(LearnedIndexFormatTest, DirectoryStaysSmallOnSkewedData) {
  // The directory adapts to skew (lognormal, exponential, clusters separated by huge gaps)
  // without blowing up: at most ~100 bytes per leaf segment beyond the segments themselves, and
  // the whole model under 0.1 byte per key at the default epsilon where the data is smooth
  // ("clusters" has ~50-key clusters, each needing its own segment, whatever the directory).
  for (const std::string dist : {"uniform", "lognormal", "exponential", "dense_gaps", "step",
                                 "clusters", "dup_runs"}) {
    const std::vector<uint64_t> keys = testing::MakeKeys<uint64_t>(dist, 1'000'000, 15);
    auto idx = LearnedIndex<uint64_t>::Build(keys);
    auto levels = LearnedIndex<uint64_t>::Build(keys, {.radix_directory = false});
    ASSERT_TRUE(idx.ok() && levels.ok());
    const uint64_t segments = idx->view().num_segments();
    const uint64_t segment_bytes = 64 + 24 * segments;
    EXPECT_LE(idx->memory_bytes() - segment_bytes, 100 * segments) << dist;
    if (dist != "clusters") {
      EXPECT_LT(static_cast<double>(idx->memory_bytes()) / keys.size(), 0.1) << dist;
    }
  }
}

TEST(LearnedIndexFormatTest, EveryTruncationIsRejected) {
  const std::vector<uint32_t> keys = testing::MakeKeys<uint32_t>("lognormal", 20000, 3);
  auto idx = LearnedIndex<uint32_t>::Build(keys, {.epsilon = 2});
  ASSERT_TRUE(idx.ok());
  const auto bytes = Copy(idx->bytes());
  ASSERT_GT(bytes.size(), 200u);
  for (size_t len = 0; len < bytes.size(); ++len) {
    std::vector<std::byte> cut(bytes.begin(), bytes.begin() + len);  // exact-size allocation
    auto view = LearnedIndexView<uint32_t>::Open(cut, keys);
    ASSERT_FALSE(view.ok()) << len;
    EXPECT_EQ(view.status().sqlstate(), sqlstate::kDataCorrupted);
  }
  EXPECT_TRUE(LearnedIndexView<uint32_t>::Open(bytes, keys).ok());
}

TEST(LearnedIndexFormatTest, EveryByteFlipIsDetectedByTheChecksum) {
  const std::vector<int32_t> keys = testing::MakeKeys<int32_t>("clusters", 5000, 4);
  auto idx = LearnedIndex<int32_t>::Build(keys, {.epsilon = 1});
  ASSERT_TRUE(idx.ok());
  const auto good = Copy(idx->bytes());
  for (size_t i = 0; i < good.size(); ++i) {
    auto bad = good;
    bad[i] ^= std::byte{0x5a};
    auto view = LearnedIndexView<int32_t>::Open(bad, keys);
    ASSERT_FALSE(view.ok()) << "flip at " << i;
    EXPECT_EQ(view.status().sqlstate(), sqlstate::kDataCorrupted) << view.status().ToString();
  }
}

TEST(LearnedIndexFormatTest, CorruptModelWithoutChecksumStillAnswersExactly) {
  // With checksum verification off, a corrupted model that passes the structural checks only
  // makes lookups slower: the last-mile search never trusts the model.
  const std::vector<uint64_t> keys = testing::MakeKeys<uint64_t>("uniform", 1000, 5);
  for (bool directory : {true, false}) {
  SCOPED_TRACE(directory ? "radix directory" : "levels");
  auto idx = LearnedIndex<uint64_t>::Build(keys, {.epsilon = 2, .radix_directory = directory,
                                                  .epsilon_recursive = 1, .max_top_segments = 1});
  ASSERT_TRUE(idx.ok());
  const auto good = Copy(idx->bytes());
  const std::vector<uint64_t> queries = testing::MakeQueries(keys, 50, 6);
  std::mt19937_64 rng(9);
  size_t opened = 0;
  for (int trial = 0; trial < 1500; ++trial) {
    const size_t i = 56 + rng() % (good.size() - 56);
    auto bad = good;
    bad[i] ^= static_cast<std::byte>(1 + rng() % 255);
    auto view = LearnedIndexView<uint64_t>::Open(bad, keys, {.verify_checksum = false});
    if (!view.ok()) continue;
    ++opened;
    for (size_t q = 0; q < queries.size(); q += 29) {
      const uint64_t k = queries[q];
      ASSERT_EQ(view->lower_bound(k),
                size_t(std::lower_bound(keys.begin(), keys.end(), k) - keys.begin()));
      ASSERT_EQ(view->upper_bound(k),
                size_t(std::upper_bound(keys.begin(), keys.end(), k) - keys.begin()));
    }
  }
  EXPECT_GT(opened, 100u);  // slopes and intercepts are free-form doubles
  }
}

TEST(LearnedIndexFormatTest, RejectsWrongKeyTypeAndWrongKeys) {
  const std::vector<int64_t> keys = {1, 2, 3, 4};
  auto idx = LearnedIndex<int64_t>::Build(keys);
  ASSERT_TRUE(idx.ok());
  const std::vector<uint64_t> ukeys = {1, 2, 3, 4};
  auto wrong_type = LearnedIndexView<uint64_t>::Open(idx->bytes(), ukeys);
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.status().sqlstate(), sqlstate::kDataCorrupted);
  const std::vector<int64_t> fewer = {1, 2, 4};
  EXPECT_FALSE(LearnedIndexView<int64_t>::Open(idx->bytes(), fewer).ok());
  const std::vector<int64_t> other = {0, 2, 3, 4};
  EXPECT_FALSE(LearnedIndexView<int64_t>::Open(idx->bytes(), other).ok());
  EXPECT_FALSE(LearnedIndexView<int64_t>::Open({}, keys).ok());
}

TEST(LearnedIndexFormatTest, TrailingBytesAreIgnored) {
  const std::vector<int16_t> keys = testing::MakeKeys<int16_t>("uniform", 1000, 8);
  auto idx = LearnedIndex<int16_t>::Build(keys);
  ASSERT_TRUE(idx.ok());
  auto bytes = Copy(idx->bytes());
  bytes.resize(bytes.size() + 13, std::byte{0x77});
  auto view = LearnedIndexView<int16_t>::Open(bytes, keys);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->bytes().size(), idx->bytes().size());
  EXPECT_EQ(view->lower_bound(keys[500]), idx->lower_bound(keys[500]));
}

}  // namespace
}  // namespace omendb::index
