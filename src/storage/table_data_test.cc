#include "storage/table_data.h"

#include <gtest/gtest.h>

namespace omendb {
namespace {

TableSchema KeyValue() {
  TableSchema s;
  s.table_id = 1;
  s.name = "kv";
  s.columns = {{"k", TypeId::kBigInt, true}, {"v", TypeId::kText, false}};
  s.primary_key = {0};
  return s;
}

DataChunk Rows(const std::vector<int64_t>& keys) {
  DataChunk c({TypeId::kBigInt, TypeId::kText});
  for (int64_t k : keys) c.AppendRow({Value::BigInt(k), Value::Text("v" + std::to_string(k))});
  return c;
}

std::vector<int64_t> Keys(const TableData& t, const ScanSpec& spec) {
  auto scan = t.Scan(spec);
  std::vector<int64_t> out;
  DataChunk chunk({TypeId::kBigInt});
  for (;;) {
    auto more = scan->Next(&chunk);
    EXPECT_TRUE(more.ok());
    if (!*more) break;
    for (size_t r = 0; r < chunk.size(); ++r) out.push_back(chunk.GetValue(0, r).GetInt());
  }
  return out;
}

ScanSpec Range(std::optional<int64_t> lo, bool lo_inc, std::optional<int64_t> hi, bool hi_inc) {
  ScanSpec s;
  s.column_ids = {0};
  s.use_key_range = true;
  if (lo) s.lower = {{Value::BigInt(*lo)}, lo_inc};
  if (hi) s.upper = {{Value::BigInt(*hi)}, hi_inc};
  return s;
}

TEST(TableDataTest, UniqueViolations) {
  TableData t(KeyValue());
  ASSERT_TRUE(t.CheckUnique(Rows({1, 2})).ok());
  t.Append(Rows({1, 2}));
  Status s = t.CheckUnique(Rows({3, 2}));
  EXPECT_EQ(s.sqlstate(), "23505");
  EXPECT_EQ(s.message(), "duplicate key value violates unique constraint \"kv_pkey\"");
  EXPECT_EQ(s.detail(), "Key (k)=(2) already exists.");
  EXPECT_EQ(t.CheckUnique(Rows({5, 5})).detail(), "Key (k)=(5) already exists.");
}

TEST(TableDataTest, RangeScansAcrossChunks) {
  TableData t(KeyValue());
  std::vector<int64_t> keys;
  for (int64_t k = 10000; k > 0; k -= 2) keys.push_back(k);  // inserted in descending order
  t.Append(Rows(keys));
  EXPECT_EQ(t.row_count(), 5000u);
  EXPECT_EQ(Keys(t, Range(4, true, 10, true)), (std::vector<int64_t>{4, 6, 8, 10}));
  EXPECT_EQ(Keys(t, Range(4, false, 10, false)), (std::vector<int64_t>{6, 8}));
  EXPECT_EQ(Keys(t, Range(5, true, 9, true)), (std::vector<int64_t>{6, 8}));
  EXPECT_EQ(Keys(t, Range(9996, false, std::nullopt, true)), (std::vector<int64_t>{9998, 10000}));
  EXPECT_EQ(Keys(t, Range(std::nullopt, true, 3, true)), (std::vector<int64_t>{2}));
  EXPECT_TRUE(Keys(t, Range(10, true, 4, true)).empty());
  EXPECT_TRUE(Keys(t, Range(6, false, 6, true)).empty());
  EXPECT_TRUE(Keys(t, Range(20000, true, std::nullopt, true)).empty());
  EXPECT_EQ(Keys(t, Range(std::nullopt, true, std::nullopt, true)).size(), 5000u);
  ScanSpec limited = Range(100, true, std::nullopt, true);
  limited.limit = 3;
  EXPECT_EQ(Keys(t, limited), (std::vector<int64_t>{100, 102, 104}));
  ScanSpec full;
  full.column_ids = {0};
  full.limit = 2049;
  EXPECT_EQ(Keys(t, full).size(), 2049u);
}

TEST(TableDataTest, TruncateUndoesAppend) {
  TableData t(KeyValue());
  t.Append(Rows({1, 2, 3}));
  t.Append(Rows({4, 5}));
  t.TruncateTo(3);
  EXPECT_EQ(t.row_count(), 3u);
  EXPECT_TRUE(t.CheckUnique(Rows({4, 5})).ok());
  ScanSpec full;
  full.column_ids = {0};
  EXPECT_EQ(Keys(t, full), (std::vector<int64_t>{1, 2, 3}));
}

}  // namespace
}  // namespace omendb

namespace omendb {
namespace {

TEST(TableDataTest, DeletedRowsLeaveScansAndTheKeyIndex) {
  TableData t(KeyValue());
  t.Append(Rows({1, 2, 3, 4}));
  t.Delete({1, 2});  // keys 2 and 3
  EXPECT_FALSE(t.IsLive(1));
  EXPECT_TRUE(t.IsLive(3));
  ScanSpec full;
  full.column_ids = {0};
  full.with_row_ids = true;
  auto scan = t.Scan(full);
  DataChunk chunk({TypeId::kBigInt, TypeId::kBigInt});
  ASSERT_TRUE(*scan->Next(&chunk));
  ASSERT_EQ(chunk.size(), 2u);
  EXPECT_EQ(chunk.GetValue(0, 1), Value::BigInt(4));
  EXPECT_EQ(chunk.GetValue(1, 1), Value::BigInt(3));  // the row id
  EXPECT_EQ(Keys(t, Range(1, true, 4, true)), (std::vector<int64_t>{1, 4}));
  // A deleted key may be inserted again; undoing the delete restores the index.
  EXPECT_TRUE(t.CheckUnique(Rows({2})).ok());
  t.Undelete({1, 2});
  EXPECT_EQ(Keys(t, Range(1, true, 4, true)), (std::vector<int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(t.CheckUnique(Rows({3})).sqlstate(), "23505");
}

}  // namespace
}  // namespace omendb
