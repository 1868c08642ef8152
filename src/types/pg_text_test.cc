#include "types/pg_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace omendb {
namespace {

TEST(PgTextTest, Float8OutputMatchesPostgres) {
  // Expected strings are PostgreSQL 15's float8out with the default extra_float_digits = 1.
  EXPECT_EQ(FormatFloat8(0), "0");
  EXPECT_EQ(FormatFloat8(-0.0), "-0");
  EXPECT_EQ(FormatFloat8(1), "1");
  EXPECT_EQ(FormatFloat8(1.5), "1.5");
  EXPECT_EQ(FormatFloat8(0.1), "0.1");
  EXPECT_EQ(FormatFloat8(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatFloat8(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(FormatFloat8(100), "100");
  EXPECT_EQ(FormatFloat8(123456789012345.0), "123456789012345");
  EXPECT_EQ(FormatFloat8(1e15), "1e+15");
  // A shortest candidate exactly halfway to a neighbour is refused, as PostgreSQL's Ryu does.
  EXPECT_EQ(FormatFloat8(1e23), "9.999999999999999e+22");
  EXPECT_EQ(FormatFloat4(3e10f), "3.0000001e+10");
  EXPECT_EQ(FormatFloat4(0.1f), "0.1");
  EXPECT_EQ(FormatFloat4(1e6f), "1e+06");
  EXPECT_EQ(FormatFloat4(123456.0f), "123456");
  EXPECT_EQ(FormatFloat4(1234567.0f), "1.234567e+06");
  EXPECT_EQ(FormatFloat8(1.5e15), "1.5e+15");
  EXPECT_EQ(FormatFloat8(0.0001), "0.0001");
  EXPECT_EQ(FormatFloat8(0.00001), "1e-05");
  EXPECT_EQ(FormatFloat8(-2.5e-7), "-2.5e-07");
  EXPECT_EQ(FormatFloat8(1e100), "1e+100");
  EXPECT_EQ(FormatFloat8(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(FormatFloat8(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(FormatFloat8(std::nan("")), "NaN");
}

TEST(PgTextTest, IntegerInput) {
  EXPECT_EQ(*ParseInt4(" 42 "), 42);
  EXPECT_EQ(*ParseInt4("-2147483648"), -2147483648);
  EXPECT_EQ(*ParseInt4("+7"), 7);
  EXPECT_EQ(ParseInt4("2147483648").status().sqlstate(), "22003");
  EXPECT_EQ(ParseInt4("2147483648").status().message(),
            "value \"2147483648\" is out of range for type integer");
  EXPECT_EQ(ParseInt4("12a").status().sqlstate(), "22P02");
  EXPECT_EQ(ParseInt4("12a").status().message(), "invalid input syntax for type integer: \"12a\"");
  EXPECT_EQ(ParseInt4("").status().sqlstate(), "22P02");
  EXPECT_EQ(ParseInt4("-").status().sqlstate(), "22P02");
  EXPECT_EQ(*ParseInt8("-9223372036854775808"), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(ParseInt8("9223372036854775808").status().sqlstate(), "22003");
}

TEST(PgTextTest, FloatInput) {
  EXPECT_EQ(*ParseFloat8("1.5"), 1.5);
  EXPECT_EQ(*ParseFloat8(" -1e3 "), -1000);
  EXPECT_EQ(*ParseFloat8(".5"), 0.5);
  EXPECT_TRUE(std::isinf(*ParseFloat8("-Infinity")));
  EXPECT_TRUE(std::isnan(*ParseFloat8("nan")));
  EXPECT_EQ(ParseFloat8("1e400").status().sqlstate(), "22003");
  EXPECT_EQ(ParseFloat8("abc").status().sqlstate(), "22P02");
  EXPECT_EQ(ParseFloat8("0x10").status().sqlstate(), "22P02");
  EXPECT_EQ(ParseFloat8("1e").status().sqlstate(), "22P02");
}

TEST(PgTextTest, BoolInput) {
  for (const char* t : {"t", "TRUE", "yes", "on", "1", " true "}) EXPECT_TRUE(*ParseBool(t)) << t;
  for (const char* f : {"f", "false", "n", "off", "0"}) EXPECT_FALSE(*ParseBool(f)) << f;
  EXPECT_EQ(ParseBool("o").status().sqlstate(), "22P02");
  EXPECT_EQ(ParseBool("maybe").status().message(), "invalid input syntax for type boolean: \"maybe\"");
}

TEST(PgTextTest, DecimalRounding) {
  EXPECT_EQ(*RoundDecimalToInt8("1.5"), 2);
  EXPECT_EQ(*RoundDecimalToInt8("-1.5"), -2);
  EXPECT_EQ(*RoundDecimalToInt8("2.49"), 2);
  EXPECT_EQ(*RoundDecimalToInt8("0.5"), 1);
  EXPECT_EQ(RoundDecimalToInt8("1e30").status().sqlstate(), "22003");
}

}  // namespace
}  // namespace omendb
