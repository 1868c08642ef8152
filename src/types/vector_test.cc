#include "types/vector.h"

#include <gtest/gtest.h>

#include <cmath>

namespace omendb {
namespace {

TEST(VectorTest, SetAndGetEveryType) {
  DataChunk chunk({TypeId::kBoolean, TypeId::kInteger, TypeId::kBigInt, TypeId::kDouble,
                   TypeId::kText});
  chunk.AppendRow({Value::Boolean(true), Value::Integer(-3), Value::BigInt(1LL << 40),
                   Value::Double(2.25), Value::Text("hi")});
  chunk.AppendRow({Value::Null(TypeId::kBoolean), Value::Null(TypeId::kInteger),
                   Value::Null(TypeId::kBigInt), Value::Null(TypeId::kDouble),
                   Value::Null(TypeId::kText)});
  ASSERT_EQ(chunk.size(), 2u);
  EXPECT_EQ(chunk.GetValue(0, 0), Value::Boolean(true));
  EXPECT_EQ(chunk.GetValue(1, 0), Value::Integer(-3));
  EXPECT_EQ(chunk.GetValue(2, 0), Value::BigInt(1LL << 40));
  EXPECT_EQ(chunk.GetValue(3, 0), Value::Double(2.25));
  EXPECT_EQ(chunk.GetValue(4, 0), Value::Text("hi"));
  for (size_t c = 0; c < 5; ++c) EXPECT_TRUE(chunk.GetValue(c, 1).is_null());
  EXPECT_FALSE(chunk.column(0).AllValid());

  DataChunk copy(chunk.Types());
  copy.AppendRowFrom(chunk, 0);
  EXPECT_EQ(copy.GetValue(4, 0), Value::Text("hi"));
  EXPECT_EQ(copy.GetValue(3, 0), Value::Double(2.25));
}

TEST(VectorTest, GatherTakesSelectedRowsOfEveryWidth) {
  std::vector<LogicalType> types = {TypeId::kBoolean, TypeId::kSmallInt, TypeId::kInteger,
                                    TypeId::kBigInt,  TypeId::kInterval, TypeId::kText};
  DataChunk chunk(types);
  for (int i = 0; i < 10; ++i) {
    if (i % 4 == 3) {
      std::vector<Value> nulls;
      for (LogicalType t : types) nulls.push_back(Value::Null(t));
      chunk.AppendRow(nulls);
      continue;
    }
    chunk.AppendRow({Value::Boolean(i % 2 == 0), Value::Int(TypeId::kSmallInt, -i),
                     Value::Integer(i * 1000), Value::BigInt(int64_t{i} << 40),
                     Value::Interval(IntervalValue{int64_t{i} * 7, i, i + 1}),
                     Value::Text("row " + std::to_string(i))});
  }
  const std::vector<uint32_t> sel = {9, 3, 0, 7, 7};
  DataChunk out;  // no columns yet: Gather gives it the source's
  out.Gather(chunk, sel.data(), sel.size());
  ASSERT_EQ(out.size(), sel.size());
  ASSERT_EQ(out.Types(), chunk.Types());
  for (size_t c = 0; c < types.size(); ++c) {
    for (size_t k = 0; k < sel.size(); ++k) {
      EXPECT_EQ(out.GetValue(c, k), chunk.GetValue(c, sel[k])) << c << " " << k;
      EXPECT_EQ(out.column(c).IsValid(k), sel[k] % 4 != 3);
    }
  }
  // Gathering again into a used chunk replaces its rows.
  const std::vector<uint32_t> one = {5};
  out.Gather(chunk, one.data(), one.size());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out.GetValue(5, 0), Value::Text("row 5"));
  EXPECT_EQ(out.column(5).size(), 1u);
}

TEST(ValueTest, OrderAndText) {
  EXPECT_LT(Value::Compare(Value::Double(1), Value::Double(std::nan(""))), 0);
  EXPECT_EQ(Value::Compare(Value::Double(std::nan("")), Value::Double(std::nan(""))), 0);
  EXPECT_GT(Value::Compare(Value::Text("b"), Value::Text("a")), 0);
  EXPECT_EQ(Value::Boolean(false).ToString(), "f");
  EXPECT_EQ(Value::Null(TypeId::kInteger).ToString(), "NULL");
}

}  // namespace
}  // namespace omendb
