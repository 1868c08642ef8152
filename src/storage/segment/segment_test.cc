#include "storage/segment/segment.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace omendb {
namespace {

// Rows (id, name, score, flag) with id = 3*i, some NULLs, in chunks of kVectorSize.
std::vector<DataChunk> MakeRows(uint64_t n) {
  std::vector<DataChunk> out;
  std::vector<LogicalType> types = {TypeId::kBigInt, TypeId::kText, TypeId::kDouble,
                                    TypeId::kBoolean};
  for (uint64_t i = 0; i < n; ++i) {
    if (out.empty() || out.back().size() == kVectorSize) out.emplace_back(types);
    out.back().AppendRow({Value::BigInt(static_cast<int64_t>(3 * i)),
                          i % 7 == 0 ? Value::Null(TypeId::kText) : Value::Text("n" + std::to_string(i)),
                          Value::Double(static_cast<double>(i) / 2),
                          i % 5 == 0 ? Value::Null(TypeId::kBoolean) : Value::Boolean(i % 2 == 0)});
  }
  return out;
}

std::vector<LogicalType> Types() {
  return {TypeId::kBigInt, TypeId::kText, TypeId::kDouble, TypeId::kBoolean};
}

TEST(SegmentTest, ValuesZoneMapsAndLearnedIndexLookups) {
  const uint64_t n = 5000;
  auto rows = MakeRows(n);
  auto seg = Segment::Build(7, Types(), {0}, rows);
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  const Segment& s = **seg;
  EXPECT_EQ(s.row_count(), n);
  EXPECT_EQ(s.table_id(), 7u);
  EXPECT_TRUE(s.has_learned_index());
  EXPECT_GT(s.index_bytes(), 0u);
  EXPECT_LT(s.index_bytes(), 1000u);
  for (uint64_t i : {0ul, 1ul, 7ul, 2047ul, 2048ul, 4999ul}) {
    EXPECT_EQ(s.GetValue(0, i), Value::BigInt(static_cast<int64_t>(3 * i)));
    EXPECT_EQ(s.IsValid(1, i), i % 7 != 0) << i;
    if (i % 7 != 0) {
      EXPECT_EQ(s.GetValue(1, i), Value::Text("n" + std::to_string(i)));
    }
    EXPECT_EQ(s.GetValue(2, i), Value::Double(static_cast<double>(i) / 2));
  }
  // Lookups equal std::lower_bound's answers, present and absent keys.
  for (int64_t k = -5; k <= 3 * static_cast<int64_t>(n) + 5; ++k) {
    uint64_t want_lo = k <= 0 ? 0 : std::min<uint64_t>(n, static_cast<uint64_t>((k + 2) / 3));
    uint64_t want_hi = k < 0 ? 0 : std::min<uint64_t>(n, static_cast<uint64_t>(k / 3 + 1));
    ASSERT_EQ(s.LowerBound({Value::BigInt(k)}), want_lo) << k;
    ASSERT_EQ(s.UpperBound({Value::BigInt(k)}), want_hi) << k;
    // FindInt: the row of exactly k (keys are 3i), else none.
    const bool present = k >= 0 && k % 3 == 0 && k < 3 * static_cast<int64_t>(n);
    ASSERT_EQ(s.FindInt(k), present ? static_cast<uint64_t>(k / 3) : UINT64_MAX) << k;
  }
  EXPECT_EQ(s.FindInt(INT64_MIN), UINT64_MAX);
  EXPECT_EQ(s.FindInt(INT64_MAX), UINT64_MAX);
  // Zone maps per block.
  ASSERT_EQ(s.block_count(), 3u);
  Segment::Zone z = s.ZoneOf(0, 1);
  EXPECT_EQ(z.min, Value::BigInt(3 * 2048));
  EXPECT_EQ(z.max, Value::BigInt(3 * 4095));
  EXPECT_EQ(z.nulls, 0u);
  Segment::Zone t = s.ZoneOf(1, 0);
  EXPECT_EQ(t.min, Value::Text("n1"));
  EXPECT_EQ(t.max, Value::Text("n999"));
  EXPECT_EQ(t.nulls, 293u);  // multiples of 7 in [0, 2048)
  // AppendRow gathers a projection.
  DataChunk out({TypeId::kBoolean, TypeId::kBigInt});
  s.AppendRow(12, {3, 0}, &out);
  s.AppendRow(5, {3, 0}, &out);
  out.SetSize(2);
  EXPECT_EQ(out.GetValue(0, 0), Value::Boolean(true));
  EXPECT_EQ(out.GetValue(1, 0), Value::BigInt(36));
  EXPECT_TRUE(out.GetValue(0, 1).is_null());
}

TEST(SegmentTest, CompositeAndTextKeysAreBinarySearched) {
  std::vector<LogicalType> types = {TypeId::kText, TypeId::kInteger};
  std::vector<DataChunk> rows(1, DataChunk(types));
  for (const char* name : {"a", "b", "c"}) {
    for (int i = 0; i < 4; ++i) rows[0].AppendRow({Value::Text(name), Value::Integer(i * 10)});
  }
  auto seg = Segment::Build(1, types, {0, 1}, rows);
  ASSERT_TRUE(seg.ok());
  const Segment& s = **seg;
  EXPECT_FALSE(s.has_learned_index());
  EXPECT_EQ(s.LowerBound({Value::Text("b")}), 4u);
  EXPECT_EQ(s.UpperBound({Value::Text("b")}), 8u);
  EXPECT_EQ(s.LowerBound({Value::Text("b"), Value::Integer(15)}), 6u);
  EXPECT_EQ(s.UpperBound({Value::Text("b"), Value::Integer(20)}), 7u);
  EXPECT_EQ(s.LowerBound({Value::Text("bb")}), 8u);
  EXPECT_EQ(s.KeyAt(5), (std::vector<Value>{Value::Text("b"), Value::Integer(10)}));
  // An empty segment.
  auto empty = Segment::Build(1, types, {0, 1}, {});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ((*empty)->row_count(), 0u);
  EXPECT_EQ((*empty)->LowerBound({Value::Text("x")}), 0u);
}

class SegmentFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("omendb_segment_test_" + std::to_string(::getpid()) + ".seg");
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::filesystem::path path_;
};

TEST_F(SegmentFileTest, MappedFileReadsTheSameAndDamageIsDetected) {
  auto rows = MakeRows(3000);
  auto built = Segment::Build(9, Types(), {0}, rows);
  ASSERT_TRUE(built.ok());
  ASSERT_TRUE((*built)->WriteTo(Env::Default(), path_.string()).ok());
  auto opened = Segment::Open(path_.string());
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  const Segment& s = **opened;
  EXPECT_EQ(s.row_count(), 3000u);
  EXPECT_EQ(s.table_id(), 9u);
  EXPECT_TRUE(s.has_learned_index());
  for (uint64_t i = 0; i < 3000; i += 37) {
    for (size_t c = 0; c < 4; ++c) ASSERT_EQ(s.GetValue(c, i), (*built)->GetValue(c, i));
    ASSERT_EQ(s.LowerBound({Value::BigInt(static_cast<int64_t>(3 * i))}), i);
  }
  // Every flipped byte (sampled) and every truncation is refused with XX001.
  std::string bytes;
  {
    std::ifstream f(path_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(f), {});
  }
  std::mt19937_64 rng(1);
  for (int trial = 0; trial < 200; ++trial) {
    std::string damaged = bytes;
    size_t at = rng() % damaged.size();
    damaged[at] = static_cast<char>(damaged[at] ^ (1 + rng() % 255));
    if (trial % 4 == 0) damaged.resize(rng() % bytes.size());
    {
      std::ofstream f(path_, std::ios::binary | std::ios::trunc);
      f << damaged;
    }
    auto bad = Segment::Open(path_.string());
    ASSERT_FALSE(bad.ok()) << "trial " << trial << " at " << at;
    EXPECT_EQ(bad.status().sqlstate(), "XX001");
    EXPECT_NE(bad.status().message().find(path_.string()), std::string::npos);
  }
}

}  // namespace
}  // namespace omendb
