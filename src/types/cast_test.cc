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
  Value two_and_a_half = Value::String(TypeId::kNumeric, "2.5");
  EXPECT_EQ(*CastValue(two_and_a_half, TypeId::kInteger), Value::Integer(3));  // half away from 0
  EXPECT_EQ(*CastValue(Value::String(TypeId::kNumeric, "0.1"), TypeId::kDouble), Value::Double(0.1));
  EXPECT_EQ(CastValue(Value::Integer(70000), TypeId::kSmallInt).status().message(),
            "smallint out of range");
  EXPECT_EQ(CastValue(Value::Double(1e300), TypeId::kReal).status().message(),
            "value out of range: overflow");
  EXPECT_EQ(CastValue(Value::BigInt(7), TypeId::kNumeric)->GetString(), "7");
}

TEST(CastTest, Modifiers) {
  // Explicit casts truncate; assignments fail unless only blanks are cut (PostgreSQL's rule).
  EXPECT_EQ(CastValue(Value::Text("abcdef"), LogicalType::Varchar(3))->GetString(), "abc");
  EXPECT_EQ(CastValue(Value::Text("abcdef"), LogicalType::Varchar(3), CastContext::kAssignment)
                .status()
                .message(),
            "value too long for type character varying(3)");
  EXPECT_EQ(CastValue(Value::Text("ab   "), LogicalType::Varchar(3), CastContext::kAssignment)
                ->GetString(),
            "ab ");
  EXPECT_EQ(CastValue(Value::Text("é"), LogicalType::Char(3))->GetString(), "é  ");  // characters
  EXPECT_EQ(CastValue(Value::Unknown("123.456"), LogicalType::Numeric(5, 2))->GetString(), "123.46");
  EXPECT_EQ(CastValue(Value::Unknown("1234.5"), LogicalType::Numeric(5, 2)).status().sqlstate(),
            "22003");
  // char(n) drops its padding when it becomes text.
  EXPECT_EQ(CastValue(Value::String(LogicalType::Char(4), "ab  "), TypeId::kText)->GetString(), "ab");
}

TEST(CastTest, Contexts) {
  EXPECT_TRUE(CanCast(TypeId::kInteger, TypeId::kNumeric, CastContext::kImplicit));
  EXPECT_FALSE(CanCast(TypeId::kNumeric, TypeId::kInteger, CastContext::kImplicit));
  EXPECT_TRUE(CanCast(TypeId::kNumeric, TypeId::kInteger, CastContext::kAssignment));
  EXPECT_TRUE(CanCast(TypeId::kDate, TypeId::kTimestampTz, CastContext::kImplicit));
  EXPECT_TRUE(CanCast(TypeId::kInteger, TypeId::kText, CastContext::kAssignment));
  EXPECT_FALSE(CanCast(TypeId::kText, TypeId::kInteger, CastContext::kAssignment));
  EXPECT_TRUE(CanCast(TypeId::kText, TypeId::kInteger, CastContext::kExplicit));
  EXPECT_FALSE(CanCast(TypeId::kUuid, TypeId::kBytea, CastContext::kExplicit));
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
