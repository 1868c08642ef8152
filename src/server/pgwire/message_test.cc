#include "server/pgwire/message.h"

#include <gtest/gtest.h>

namespace omendb::pgwire {
namespace {

TEST(MessageTest, FramesWithBigEndianLength) {
  std::string out;
  MessageWriter w(&out);
  w.Begin('C');
  w.CString("SELECT 1");
  w.End();
  ASSERT_EQ(out.size(), 1u + 4 + 9);
  EXPECT_EQ(out[0], 'C');
  EXPECT_EQ(std::string(out.data() + 1, 4), std::string("\0\0\0\x0d", 4));
  EXPECT_EQ(out.substr(5), std::string("SELECT 1\0", 9));
}

TEST(MessageTest, ErrorCarriesFieldsAndCharacterPosition) {
  std::string out;
  Status s = Status(sqlstate::kSyntaxError, "syntax error at or near \"x\"").WithPosition(12);
  s.WithDetail("d").WithHint("h");
  // "SELECT 'é' x": x is at byte 12 but character 11 (é is two bytes); 1-based: 12.
  WriteErrorOrNotice(&out, 'E', "ERROR", s, "SELECT '\xc3\xa9' x");
  std::string body = out.substr(5);
  EXPECT_NE(body.find(std::string("C42601\0", 7)), std::string::npos);
  EXPECT_NE(body.find(std::string("SERROR\0", 7)), std::string::npos);
  EXPECT_NE(body.find(std::string("Dd\0", 3)), std::string::npos);
  EXPECT_NE(body.find(std::string("Hh\0", 3)), std::string::npos);
  EXPECT_NE(body.find(std::string("P12\0", 4)), std::string::npos);
  EXPECT_EQ(body.back(), '\0');
}

TEST(MessageTest, ReaderRejectsTruncatedInput) {
  MessageReader r(std::string_view("ab", 2));
  int32_t v;
  EXPECT_FALSE(r.Int32(&v));
  std::string_view s;
  EXPECT_FALSE(r.CString(&s));
  MessageReader ok(std::string_view("\0\0\0\x05x\0", 6));
  EXPECT_TRUE(ok.Int32(&v));
  EXPECT_EQ(v, 5);
  EXPECT_TRUE(ok.CString(&s));
  EXPECT_EQ(s, "x");
  EXPECT_TRUE(ok.empty());
}

}  // namespace
}  // namespace omendb::pgwire
