#include "index/learned_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

#include "index/test_util.h"

namespace omendb::index {
namespace {

using testing::MakeKeys;
using testing::MakeQueries;

// Checks every query against std::lower_bound / std::upper_bound; stops at the first mismatch.
template <typename K, typename Index>
void ExpectExact(const std::vector<K>& keys, const Index& idx, const std::vector<K>& queries,
                 const std::string& what) {
  for (K q : queries) {
    const size_t lb = std::lower_bound(keys.begin(), keys.end(), q) - keys.begin();
    const size_t ub = std::upper_bound(keys.begin(), keys.end(), q) - keys.begin();
    ASSERT_EQ(idx.lower_bound(q), lb) << what << " lower_bound(" << +q << ") n=" << keys.size();
    ASSERT_EQ(idx.upper_bound(q), ub) << what << " upper_bound(" << +q << ") n=" << keys.size();
    const auto er = idx.equal_range(q);
    ASSERT_EQ(er.first, lb) << what << " equal_range(" << +q << ")";
    ASSERT_EQ(er.second, ub) << what << " equal_range(" << +q << ")";
  }
}

template <typename K>
class LearnedIndexTypedTest : public ::testing::Test {};

using KeyTypes = ::testing::Types<int8_t, uint8_t, int16_t, uint16_t, int32_t, uint32_t, int64_t,
                                  uint64_t>;
TYPED_TEST_SUITE(LearnedIndexTypedTest, KeyTypes);

TYPED_TEST(LearnedIndexTypedTest, MatchesStdOnAllDistributionsAndEpsilons) {
  using K = TypeParam;
  uint64_t seed = 1;
  for (const std::string& dist : testing::DistributionNames()) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{700}}) {
      const std::vector<K> keys = MakeKeys<K>(dist, n, seed++);
      const std::vector<K> queries = MakeQueries(keys, 100, seed++);
      for (uint32_t eps : {0u, 3u, 32u, 128u}) {
        if (sizeof(K) < 8 && (eps == 0 || eps == 128)) continue;  // keep the suite fast
        for (bool directory : {true, false}) {
        LearnedIndexOptions opt;
        opt.radix_directory = directory;
        opt.epsilon = eps;
        opt.epsilon_recursive = eps == 0 ? 0 : 2;
        opt.max_top_segments = eps == 128 ? 1 : 16;
        auto idx = LearnedIndex<K>::Build(keys, opt);
        ASSERT_TRUE(idx.ok()) << idx.status().ToString();
        const std::string what =
            dist + " eps=" + std::to_string(eps) + (directory ? " directory" : " levels");
        ExpectExact(keys, *idx, queries, what);

        // Round trip through a copy at an odd address (the view never assumes alignment).
        if (eps != 3 && eps != 128) continue;
        std::vector<std::byte> copy(idx->bytes().size() + 1);
        std::memcpy(copy.data() + 1, idx->bytes().data(), idx->bytes().size());
        auto view = LearnedIndexView<K>::Open(std::span(copy).subspan(1), keys);
        ASSERT_TRUE(view.ok()) << view.status().ToString();
        EXPECT_EQ(view->memory_bytes(), idx->memory_bytes());
        ExpectExact(keys, *view, queries, what + " view");
        }
      }
    }
  }
}

TEST(LearnedIndexTest, LargeUniformAndClusteredDefaultOptions) {
  for (const char* dist : {"uniform", "clusters", "lognormal", "dense_gaps"}) {
    const size_t n = std::string(dist) == "uniform" ? 1'000'000 : 250'000;
    const std::vector<uint64_t> keys = MakeKeys<uint64_t>(dist, n, 7);
    auto idx = LearnedIndex<uint64_t>::Build(keys);
    ASSERT_TRUE(idx.ok());
    std::mt19937_64 rng(3);
    std::vector<uint64_t> queries;
    for (int i = 0; i < 5000; ++i) {
      const uint64_t k = keys[rng() % keys.size()];
      queries.push_back(k);
      queries.push_back(k + 1);
      queries.push_back(rng());
    }
    ExpectExact(keys, *idx, queries, dist);
    // The default epsilon keeps the model small (the test's "clusters" has 20k clusters, one
    // segment or more each, so it is exempt).
    if (std::string(dist) != "clusters") {
      EXPECT_LE(static_cast<double>(idx->memory_bytes()) / keys.size(), 0.1) << dist;
    }
  }
}

TEST(LearnedIndexTest, Int64Extremes) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  const std::vector<int64_t> keys = {kMin, kMin, kMin + 1, -1, 0, 0, 1, kMax - 1, kMax, kMax};
  auto idx = LearnedIndex<int64_t>::Build(keys, {.epsilon = 0, .epsilon_recursive = 0});
  ASSERT_TRUE(idx.ok());
  ExpectExact(keys, *idx, MakeQueries(keys, 100, 1), "extremes");
}

TEST(LearnedIndexTest, LongDuplicateRunsAroundAbsentKeys) {
  // A run of 100k equal keys between sparse keys: absent keys right after the run must still
  // land at the end of the run, far beyond epsilon from any model prediction.
  std::vector<uint64_t> keys;
  for (uint64_t i = 0; i < 1000; ++i) keys.push_back(i * 1000);
  keys.insert(keys.end(), 100000, 1'000'000);
  for (uint64_t i = 0; i < 1000; ++i) keys.push_back(2'000'000'000 + i * 7);
  auto idx = LearnedIndex<uint64_t>::Build(keys, {.epsilon = 4});
  ASSERT_TRUE(idx.ok());
  ExpectExact(keys, *idx, std::vector<uint64_t>{999'000, 999'999, 1'000'000, 1'000'001, 1'999'999'999},
              "runs");
  ExpectExact(keys, *idx, MakeQueries(keys, 1000, 2), "runs");
}

TEST(LearnedIndexTest, ParallelBuildIsExactAndAtMostOneSegmentPerChunkLarger) {
  // 2.2M keys: two chunks of the 2^20-key minimum (kept small for the sanitizer build).
  for (const std::string dist : {"uniform", "dup_runs", "all_equal"}) {
    const std::vector<uint64_t> keys = MakeKeys<uint64_t>(dist, 2'200'000, 21);
    auto one = LearnedIndex<uint64_t>::Build(keys);
    auto four = LearnedIndex<uint64_t>::Build(keys, {.build_threads = 4});
    ASSERT_TRUE(one.ok() && four.ok()) << dist;
    EXPECT_LE(four->view().num_segments(), one->view().num_segments() + 1) << dist;
    std::vector<uint64_t> queries = {0, ~uint64_t{0}};
    for (size_t i = 0; i < keys.size(); i += 101) {
      queries.push_back(keys[i]);
      queries.push_back(keys[i] - 1);
      queries.push_back(keys[i] + 1);
    }
    ExpectExact(keys, *four, queries, dist + " 4 threads");
  }
}

TEST(LearnedIndexTest, ParallelBuildReportsTheFirstUnsortedPosition) {
  std::vector<uint64_t> keys(2'200'000);
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = 10 * i;
  keys[2'000'000] = 5;   // inside the second chunk
  keys[1'100'000] = 7;   // at the second chunk's start, found first
  for (uint32_t threads : {1u, 2u}) {
    auto idx = LearnedIndex<uint64_t>::Build(keys, {.build_threads = threads});
    ASSERT_FALSE(idx.ok());
    EXPECT_EQ(idx.status().sqlstate(), sqlstate::kInvalidParameterValue);
    EXPECT_NE(idx.status().message().find("position 1100000"), std::string::npos)
        << threads << ": " << idx.status().message();
  }
}

TEST(LearnedIndexTest, RejectsUnsortedKeysAndBadOptions) {
  const std::vector<int32_t> keys = {1, 3, 2};
  auto idx = LearnedIndex<int32_t>::Build(keys);
  ASSERT_FALSE(idx.ok());
  EXPECT_EQ(idx.status().sqlstate(), sqlstate::kInvalidParameterValue);
  const std::vector<int32_t> sorted = {1, 2, 3};
  EXPECT_FALSE(LearnedIndex<int32_t>::Build(sorted, {.epsilon = kMaxEpsilon + 1}).ok());
  EXPECT_FALSE(LearnedIndex<int32_t>::Build(sorted, {.max_top_segments = 0}).ok());
  EXPECT_FALSE(LearnedIndex<int32_t>::Build(sorted, {.build_threads = 0}).ok());
}

TEST(LearnedIndexTest, MemoryShrinksAsEpsilonGrows) {
  const std::vector<uint64_t> keys = MakeKeys<uint64_t>("uniform", 200'000, 11);
  size_t prev = ~size_t{0};
  for (uint32_t eps : {4u, 16u, 64u, 256u}) {
    auto idx = LearnedIndex<uint64_t>::Build(keys, {.epsilon = eps});
    ASSERT_TRUE(idx.ok());
    EXPECT_LT(idx->memory_bytes(), prev) << eps;
    prev = idx->memory_bytes();
  }
}

TEST(LearnedIndexTest, MoveKeepsIndexUsable) {
  const std::vector<int32_t> keys = MakeKeys<int32_t>("uniform", 5000, 5);
  auto built = LearnedIndex<int32_t>::Build(keys, {.epsilon = 8});
  ASSERT_TRUE(built.ok());
  LearnedIndex<int32_t> moved = std::move(*built);
  LearnedIndex<int32_t> assigned;
  assigned = std::move(moved);
  ExpectExact(keys, assigned, MakeQueries(keys, 100, 5), "moved");
}

}  // namespace
}  // namespace omendb::index
