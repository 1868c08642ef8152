#include "types/cast.h"

#include <gtest/gtest.h>

namespace omendb {
namespace {

TEST(CastTest, TextToTypes) {
  EXPECT_EQ(*CastValue(Value::Unknown("12"), TypeId::kInteger), Value::Integer(12));
  EXPECT_EQ(*CastValue(Value::Text("t"), TypeId::kBoolean), Value::Boolean(true));
  EXPECT_EQ(CastValue(Value::Text("x"), TypeId::kBigInt).status().sqlstate(), "22P02");
}

TEST(CastTest, NumericConversions) {
  EXPECT_EQ(*CastValue(Value::BigInt(5), TypeId::kInteger), Value::Integer(5));
  EXPECT_EQ(CastValue(Value::BigInt(1LL << 40), TypeId::kInteger).status().message(),
            "integer out of range");
  EXPECT_EQ(*CastValue(Value::Double(2.5), TypeId::kInteger), Value::Integer(2));  // ties to even
  EXPECT_EQ(*CastValue(Value::Double(3.5), TypeId::kBigInt), Value::BigInt(4));
  EXPECT_EQ(CastValue(Value::Double(1e300), TypeId::kBigInt).status().message(),
            "bigint out of range");
  EXPECT_EQ(*CastValue(Value::NumericLiteral("2.5"), TypeId::kInteger), Value::Integer(3));
  EXPECT_EQ(*CastValue(Value::NumericLiteral("0.1"), TypeId::kDouble), Value::Double(0.1));
}

TEST(CastTest, ToTextAndBool) {
  EXPECT_EQ(*CastValue(Value::Boolean(true), TypeId::kText), Value::Text("true"));
  EXPECT_EQ(*CastValue(Value::Double(0.5), TypeId::kText), Value::Text("0.5"));
  EXPECT_EQ(*CastValue(Value::Integer(0), TypeId::kBoolean), Value::Boolean(false));
  EXPECT_EQ(CastValue(Value::BigInt(1), TypeId::kBoolean).status().sqlstate(), "42846");
  EXPECT_EQ(CastValue(Value::Double(1), TypeId::kBoolean).status().message(),
            "cannot cast type double precision to boolean");
  EXPECT_TRUE(CastValue(Value::Null(TypeId::kText), TypeId::kInteger)->is_null());
}

}  // namespace
}  // namespace omendb
