#include "common/status.h"
#include "common/stack_guard.h"

#include <gtest/gtest.h>

namespace omendb {
namespace {

Result<int> ParsePositive(int v) {
  if (v <= 0) return Status(sqlstate::kInvalidParameterValue, "not positive");
  return v;
}

Result<int> Doubled(int v) {
  OMEN_ASSIGN_OR_RETURN(int x, ParsePositive(v));
  return 2 * x;
}

Status Check(int v) {
  OMEN_RETURN_IF_ERROR(ParsePositive(v).status());
  return Status::OK();
}

TEST(StatusTest, OkHasSuccessfulSqlstate) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.sqlstate(), "00000");
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, CarriesAllErrorFields) {
  Status s = Status(sqlstate::kUniqueViolation, "dup").WithDetail("Key (id)=(1) already exists.");
  s.WithHint("h").WithPosition(7);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.sqlstate(), "23505");
  EXPECT_EQ(s.message(), "dup");
  EXPECT_EQ(s.detail(), "Key (id)=(1) already exists.");
  EXPECT_EQ(s.hint(), "h");
  EXPECT_EQ(s.position(), 7);
  Status copy = s;
  EXPECT_EQ(copy.ToString(), "23505: dup (DETAIL: Key (id)=(1) already exists.)");
}

TEST(StatusTest, NotSupportedNamesFeature) {
  Status s = NotSupported("UPDATE");
  EXPECT_EQ(s.sqlstate(), "0A000");
  EXPECT_EQ(s.message(), "UPDATE is not supported");
}

TEST(ResultTest, PropagatesThroughMacros) {
  EXPECT_EQ(*Doubled(4), 8);
  Result<int> bad = Doubled(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().sqlstate(), "22023");
  EXPECT_TRUE(Check(1).ok());
  EXPECT_EQ(Check(0).message(), "not positive");
}

// Real (non-tail) recursion with a frame of a few hundred bytes.
int Recurse(int depth, Status* out) {
  volatile char pad[256];
  pad[depth % 256] = 1;
  Status s = CheckStackDepth();
  if (!s.ok()) {
    *out = s;
    return depth;
  }
  int deepest = Recurse(depth + 1, out);
  return deepest + pad[depth % 256] - 1;
}

TEST(StackGuardTest, DeepRecursionStopsWithAnError) {
  Status no_base = CheckStackDepth();
  EXPECT_TRUE(no_base.ok());
  StackBase base;
  Status s;
  int depth = Recurse(0, &s);
  EXPECT_EQ(s.sqlstate(), "54001");
  EXPECT_GT(depth, 100);
}

}  // namespace
}  // namespace omendb
