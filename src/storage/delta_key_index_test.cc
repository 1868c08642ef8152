#include "storage/delta_key_index.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "storage/table_data.h"

namespace omendb {
namespace {

// Drives the index and a std::map reference with the same random upserts, then compares
// lookups, order and every Seek.
template <typename MakeKey>
void CheckAgainstMap(const std::vector<LogicalType>& types, MakeKey make_key, bool int_path) {
  DeltaKeyIndex index(types);
  EXPECT_EQ(index.int_key(), int_path);
  std::map<std::vector<Value>, uint64_t, KeyLess> ref;
  std::mt19937_64 rng(7);
  EXPECT_EQ(index.begin(), index.end());
  EXPECT_EQ(index.Find(make_key(5)), kNoPosition);
  for (uint64_t pos = 0; pos < 3000; ++pos) {
    // Mostly ascending keys with repeats and stragglers, as inserts and updates make them.
    int64_t k = pos % 5 == 0 ? static_cast<int64_t>(rng() % 1000) - 500
                             : static_cast<int64_t>(pos) * 3 - 2000;
    std::vector<Value> key = make_key(k);
    auto it = ref.find(key);
    uint64_t expected_older = it == ref.end() ? kNoPosition : it->second;
    ASSERT_EQ(index.Upsert(key, pos), expected_older) << k;
    ref[key] = pos;
  }
  ASSERT_EQ(index.size(), ref.size());
  // Iteration in key order, forwards and backwards.
  auto it = index.begin();
  for (const auto& [key, pos] : ref) {
    ASSERT_NE(it, index.end());
    EXPECT_EQ(KeyLess()(it.key(), key) || KeyLess()(key, it.key()), false);
    EXPECT_EQ(it.pos(), pos);
    ++it;
  }
  EXPECT_EQ(it, index.end());
  for (auto r = ref.rbegin(); r != ref.rend(); ++r) {
    --it;
    EXPECT_EQ(it.pos(), r->second);
  }
  EXPECT_EQ(it, index.begin());
  // Lookups and seeks for present and absent keys, including beyond both ends.
  for (int64_t k = -2100; k <= 7100; k += 7) {
    std::vector<Value> key = make_key(k);
    auto r = ref.find(key);
    EXPECT_EQ(index.Find(key), r == ref.end() ? kNoPosition : r->second) << k;
    for (bool upper : {false, true}) {
      auto expected = upper ? ref.upper_bound(key) : ref.lower_bound(key);
      auto got = index.Seek(key, upper);
      if (expected == ref.end()) {
        EXPECT_EQ(got, index.end()) << k;
      } else {
        ASSERT_NE(got, index.end()) << k;
        EXPECT_EQ(got.pos(), expected->second) << k;
      }
    }
  }
  EXPECT_EQ(index.Seek({}, false), index.begin());
  EXPECT_EQ(index.Seek({}, true), index.end());
  EXPECT_TRUE(index.Less(index.begin(), index.Seek(make_key(0), false)));
  EXPECT_FALSE(index.Less(index.begin(), index.begin()));
}

TEST(DeltaKeyIndexTest, IntegerKeysMatchAnOrderedMap) {
  for (TypeId t : {TypeId::kBigInt, TypeId::kInteger, TypeId::kSmallInt}) {
    CheckAgainstMap({t}, [t](int64_t k) { return std::vector<Value>{Value::Int(t, k)}; }, true);
  }
}

TEST(DeltaKeyIndexTest, IntegerKeyTypesAreKept) {
  DeltaKeyIndex index({TypeId::kDate});
  EXPECT_TRUE(index.int_key());
  index.UpsertInt(10, 0);
  std::vector<Value> key = index.begin().key();
  ASSERT_EQ(key.size(), 1u);
  EXPECT_EQ(key[0].type().id(), TypeId::kDate);
  EXPECT_EQ(key[0].GetInt(), 10);
  EXPECT_EQ(index.FindInt(10), 0u);
  EXPECT_EQ(index.FindInt(11), kNoPosition);
  EXPECT_EQ(index.FindInt(-11), kNoPosition);
}

TEST(DeltaKeyIndexTest, CompositeAndTextKeysMatchAnOrderedMap) {
  CheckAgainstMap({TypeId::kText},
                  [](int64_t k) {
                    // Text order differs from numeric order: the map decides.
                    return std::vector<Value>{Value::Text(std::to_string(k))};
                  },
                  false);
  CheckAgainstMap({TypeId::kInteger, TypeId::kBigInt},
                  [](int64_t k) {
                    return std::vector<Value>{Value::Int(TypeId::kInteger, k / 10),
                                              Value::BigInt(k % 10)};
                  },
                  false);
}

TEST(DeltaKeyIndexTest, PrefixSeeksOnCompositeKeys) {
  DeltaKeyIndex index({TypeId::kInteger, TypeId::kInteger});
  uint64_t pos = 0;
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) {
      index.Upsert({Value::Int(TypeId::kInteger, a), Value::Int(TypeId::kInteger, b)}, pos++);
    }
  }
  const std::vector<Value> one = {Value::Int(TypeId::kInteger, 1)};
  EXPECT_EQ(index.Seek(one, false).pos(), 3u);  // (1, 0)
  EXPECT_EQ(index.Seek(one, true).pos(), 6u);   // (2, 0)
}

}  // namespace
}  // namespace omendb
