#include "common/coding.h"

#include <gtest/gtest.h>

#include <limits>

namespace omendb {
namespace {

TEST(CodingTest, RoundTrip) {
  std::string buf;
  PutFixed32(&buf, 0xdeadbeef);
  PutFixed64(&buf, std::numeric_limits<uint64_t>::max());
  PutVarint64(&buf, 0);
  PutVarint64(&buf, 300);
  PutVarint64(&buf, std::numeric_limits<uint64_t>::max());
  PutLengthPrefixed(&buf, "abc");
  Decoder d(buf);
  uint32_t a;
  uint64_t b, c, e, f;
  std::string_view s;
  ASSERT_TRUE(d.GetFixed32(&a));
  ASSERT_TRUE(d.GetFixed64(&b));
  ASSERT_TRUE(d.GetVarint64(&c));
  ASSERT_TRUE(d.GetVarint64(&e));
  ASSERT_TRUE(d.GetVarint64(&f));
  ASSERT_TRUE(d.GetLengthPrefixed(&s));
  EXPECT_EQ(a, 0xdeadbeefu);
  EXPECT_EQ(b, std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(c, 0u);
  EXPECT_EQ(e, 300u);
  EXPECT_EQ(f, std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(s, "abc");
  EXPECT_TRUE(d.empty());
}

TEST(CodingTest, TruncatedInputFailsCleanly) {
  std::string buf;
  PutLengthPrefixed(&buf, "abcdef");
  Decoder d(std::string_view(buf).substr(0, 4));
  std::string_view s;
  EXPECT_FALSE(d.GetLengthPrefixed(&s));
  Decoder v("\xff\xff");
  uint64_t x;
  EXPECT_FALSE(v.GetVarint64(&x));
  Decoder f("abc");
  uint32_t y;
  EXPECT_FALSE(f.GetFixed32(&y));
}

}  // namespace
}  // namespace omendb
