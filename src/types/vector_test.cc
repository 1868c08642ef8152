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

TEST(ValueTest, OrderAndText) {
  EXPECT_LT(Value::Compare(Value::Double(1), Value::Double(std::nan(""))), 0);
  EXPECT_EQ(Value::Compare(Value::Double(std::nan("")), Value::Double(std::nan(""))), 0);
  EXPECT_GT(Value::Compare(Value::Text("b"), Value::Text("a")), 0);
  EXPECT_EQ(Value::Boolean(false).ToString(), "f");
  EXPECT_EQ(Value::Null(TypeId::kInteger).ToString(), "NULL");
}

}  // namespace
}  // namespace omendb
