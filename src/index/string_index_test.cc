#include "index/string_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "common/sqlstate.h"
#include "index/key_encoding.h"

namespace omendb::index {
namespace {

struct Keys {
  std::vector<std::string> owned;
  std::vector<std::string_view> views;
  void Finish() {
    std::sort(owned.begin(), owned.end());
    views.assign(owned.begin(), owned.end());
  }
};

Keys MakeStrings(const std::string& dist, size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Keys k;
  for (size_t i = 0; i < n; ++i) {
    std::string s;
    if (dist == "random") {
      for (size_t j = 0, len = rng() % 20; j < len; ++j) s.push_back(static_cast<char>(rng()));
    } else if (dist == "small_alphabet") {  // many shared prefixes, empty string, \0 and \xff
      for (size_t j = 0, len = rng() % 12; j < len; ++j) s.push_back("\0\x01\x61\xff"[rng() % 4]);
    } else if (dist == "long_common_prefix") {
      s = "https://example.com/users/" + std::to_string(rng() % 1'000'000) + "/profile";
    } else if (dist == "prefix_ties") {  // thousands of keys share their first 16 bytes
      s = std::string(16, 'x') + std::to_string(rng() % 8) + std::string(rng() % 3, 'y') +
          std::to_string(rng());
    } else if (dist == "duplicates") {
      s = "key" + std::to_string(rng() % 50);
    } else if (dist == "composite") {
      KeyEncoder e;
      e.AppendInt32(static_cast<int32_t>(rng() % 100));
      e.AppendText(std::string(rng() % 4, 'a') + std::to_string(rng() % 1000));
      EXPECT_TRUE(e.AppendNumeric(std::to_string(static_cast<int64_t>(rng() % 2001) - 1000) + ".5").ok());
      s = e.Release();
    }
    k.owned.push_back(std::move(s));
  }
  k.Finish();
  return k;
}

template <typename Index>
void ExpectExact(const Keys& k, const Index& idx, const std::vector<std::string>& queries,
                 const std::string& what) {
  for (const std::string& q : queries) {
    const size_t lb = std::lower_bound(k.views.begin(), k.views.end(), q) - k.views.begin();
    const size_t ub = std::upper_bound(k.views.begin(), k.views.end(), q) - k.views.begin();
    ASSERT_EQ(idx.lower_bound(q), lb) << what << " n=" << k.views.size();
    ASSERT_EQ(idx.upper_bound(q), ub) << what;
    const auto er = idx.equal_range(q);
    ASSERT_EQ(er.first, lb) << what;
    ASSERT_EQ(er.second, ub) << what;
  }
}

std::vector<std::string> MakeQueries(const Keys& k, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> q = {"", std::string(1, '\0'), "\xff\xff\xff\xff\xff\xff\xff\xff\xff"};
  for (const std::string& s : k.owned) {
    q.push_back(s);
    q.push_back(s + '\0');
    if (!s.empty()) {
      q.push_back(s.substr(0, s.size() - 1));
      std::string t = s;
      t.back() = static_cast<char>(static_cast<unsigned char>(t.back()) + 1);
      q.push_back(t);
    }
  }
  for (int i = 0; i < 200; ++i) {
    std::string s;
    for (size_t j = 0, len = rng() % 24; j < len; ++j) s.push_back(static_cast<char>(rng()));
    q.push_back(s);
  }
  return q;
}

TEST(LearnedStringIndexTest, MatchesStdOnAllDistributions) {
  uint64_t seed = 1;
  for (const char* dist : {"random", "small_alphabet", "long_common_prefix", "prefix_ties",
                           "duplicates", "composite"}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{1000}}) {
      const Keys k = MakeStrings(dist, n, seed++);
      const std::vector<std::string> queries = MakeQueries(k, seed++);
      for (uint32_t eps : {0u, 8u}) {
        auto idx = LearnedStringIndex::Build(k.views, {.epsilon = eps});
        ASSERT_TRUE(idx.ok()) << idx.status().ToString();
        ExpectExact(k, *idx, queries, std::string(dist) + " eps=" + std::to_string(eps));
        std::vector<std::byte> copy(idx->bytes().begin(), idx->bytes().end());
        auto view = LearnedStringIndexView::Open(copy, k.views);
        ASSERT_TRUE(view.ok()) << view.status().ToString();
        ExpectExact(k, *view, queries, std::string(dist) + " view");
      }
    }
  }
}

TEST(LearnedStringIndexTest, RejectsUnsortedKeysAndForeignBuffers) {
  std::vector<std::string_view> unsorted = {"b", "a"};
  auto bad = LearnedStringIndex::Build(unsorted);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().sqlstate(), sqlstate::kInvalidParameterValue);

  const Keys k = MakeStrings("random", 500, 9);
  auto idx = LearnedStringIndex::Build(k.views);
  ASSERT_TRUE(idx.ok());
  std::vector<std::byte> copy(idx->bytes().begin(), idx->bytes().end());
  copy[copy.size() - 1] ^= std::byte{1};
  auto view = LearnedStringIndexView::Open(copy, k.views);
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.status().sqlstate(), sqlstate::kDataCorrupted);
  const std::vector<std::string_view> fruit = {"apple", "banana", "cherry"};
  const std::vector<std::string_view> other = {"apricot", "banana", "cherry"};
  auto fruit_idx = LearnedStringIndex::Build(fruit);
  ASSERT_TRUE(fruit_idx.ok());
  EXPECT_TRUE(LearnedStringIndexView::Open(fruit_idx->bytes(), fruit).ok());
  EXPECT_FALSE(LearnedStringIndexView::Open(fruit_idx->bytes(), other).ok());
}

}  // namespace
}  // namespace omendb::index
