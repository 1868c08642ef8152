#include "types/numeric.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <vector>

// Every expected string below was produced by PostgreSQL 15.18 (psql, default settings).

namespace omendb {
namespace {

Numeric N(std::string_view s) {
  Result<Numeric> r = Numeric::Parse(s);
  EXPECT_TRUE(r.ok()) << s << ": " << r.status().ToString();
  return r.ok() ? *r : Numeric::NaN();
}

// "value" or "ERR <sqlstate> <message>", as the tables below spell PostgreSQL's answers.
std::string Show(const Result<Numeric>& r) {
  if (r.ok()) return r->ToString();
  return "ERR " + std::string(r.status().sqlstate()) + " " + r.status().message();
}

std::string Unhex(std::string_view hex) {
  EXPECT_EQ(hex.size() % 2, 0u) << hex;
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

std::string Hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

TEST(NumericTest, ParseAndPrint) {
  struct Case {
    const char* in;
    const char* out;
    int dscale;
  };
  const Case cases[] = {
      {"0", "0", 0},
      {"1.50", "1.50", 2},
      {" 1.50 ", "1.50", 2},
      {"\t1\n", "1", 0},
      {"-0", "0", 0},
      {"-0.00", "0.00", 2},
      {"+7", "7", 0},
      {".5", "0.5", 1},
      {"5.", "5", 0},
      {"00012.3400", "12.3400", 4},
      {"1e3", "1000", 0},
      {"1E2", "100", 0},
      {"1e+3", "1000", 0},
      {"1e 3", "1000", 0},  // the exponent is read with strtol(), which skips whitespace
      {"1e +3", "1000", 0},
      {"1.5e-2", "0.015", 3},
      {"1.2345e2", "123.45", 2},
      {"+.5e1", "5", 0},
      {"-.5e-3", "-0.0005", 4},
      {"0e1073741822", "0", 0},
      {"12345678901234567890.0987654321e-25", "0.00000123456789012345678900987654321", 35},
      {"NaN", "NaN", 0},
      {" nan ", "NaN", 0},
      {"Infinity", "Infinity", 0},
      {"+inf", "Infinity", 0},
      {"-INFINITY", "-Infinity", 0},
      {"-inf", "-Infinity", 0},
  };
  for (const Case& c : cases) {
    Result<Numeric> r = Numeric::Parse(c.in);
    ASSERT_TRUE(r.ok()) << c.in << ": " << r.status().ToString();
    EXPECT_EQ(r->ToString(), c.out) << c.in;
    EXPECT_EQ(r->dscale(), c.dscale) << c.in;
  }
  EXPECT_TRUE(N("NaN").is_nan());
  EXPECT_TRUE(N("-inf").is_infinite() && N("-inf").is_negative());
  EXPECT_FALSE(N("-0.0").is_negative());
  EXPECT_TRUE(N("-0.0").is_zero());
  // The storage limits: 131072 digits before the point, dscale 16383.
  EXPECT_EQ(N("9.99e131071").ToString().size(), 131072u);
  EXPECT_EQ(N("1e-16383").dscale(), 16383);
}

TEST(NumericTest, ParseErrors) {
  const char* invalid[] = {"abc", "", " ", ".", "-", "-NaN", "NaNx", "infinit", "Infinityx",
                           "1e", "1e+", "1e+ 3", "1_000", "0x10", " - 1", "- 1", "1 2", "1..2",
                           "1.2.3", "e5", ".e5", "1e5x", "--1"};
  for (const char* s : invalid) {
    Result<Numeric> r = Numeric::Parse(s);
    ASSERT_FALSE(r.ok()) << s;
    EXPECT_EQ(r.status().sqlstate(), "22P02") << s;
    EXPECT_EQ(r.status().message(), std::string("invalid input syntax for type numeric: \"") + s + "\"");
  }
  const char* overflow[] = {"1e131072", "1e-16384", "0e-16384", "0.0e-20000",
                            "1.5e1000000000", "1e99999999999999999999",
                            "0e-99999999999999999999", "1e1073741823", "1e1073741822"};
  for (const char* s : overflow) {
    EXPECT_EQ(Show(Numeric::Parse(s)), "ERR 22003 value overflows numeric format") << s;
  }
}

TEST(NumericTest, Arithmetic) {
  struct Case {
    const char* op;
    const char* a;
    const char* b;
    const char* want;
  };
  const Case cases[] = {
      {"add", "0.1", "0.2", "0.3"},
      {"add", "1.5", "1.5", "3.0"},
      {"add", "1.5", "-2", "-0.5"},
      {"sub", "1.10", "0.1", "1.00"},
      {"sub", "1.5", "1.5", "0.0"},
      {"sub", "-9e131071", "1e131071", "ERR 22003 value overflows numeric format"},
      {"add", "9e131071", "1e131071", "ERR 22003 value overflows numeric format"},
      {"mul", "1.5", "2.25", "3.375"},
      {"mul", "1.5", "-2", "-3.0"},
      {"mul", "-0", "5.5", "0.0"},
      {"mul", "9e131071", "10", "ERR 22003 value overflows numeric format"},
      {"div", "1", "3", "0.33333333333333333333"},
      {"div", "10", "4", "2.5000000000000000"},
      {"div", "2", "3.0000", "0.66666666666666666667"},  // 2/3::numeric(10,4)
      {"div", "1.000", "3", "0.33333333333333333333"},
      {"div", "123456789.123", "0.0007", "176366841604.28571429"},
      {"div", "100", "0.001", "100000.000000000000"},
      {"div", "1", "7.0", "0.14285714285714285714"},
      {"div", "-1", "3", "-0.33333333333333333333"},
      {"div", "12345678901234567890", "3", "4115226300411522630"},
      {"div", "0.000001", "7", "0.000000142857142857142857"},
      {"div", "1e-20", "3", "0.0000000000000000000033333333333333333333"},
      {"div", "-2", "1.5", "-1.3333333333333333"},
      {"div", "0", "-2", "0.00000000000000000000"},
      {"div", "1", "0", "ERR 22012 division by zero"},
      {"div", "0.0", "0", "ERR 22012 division by zero"},
      {"div", "1e131071", "0.001", "ERR 22003 value overflows numeric format"},
      {"mod", "-7", "3", "-1"},
      {"mod", "7.5", "2", "1.5"},
      {"mod", "-7.5", "2", "-1.5"},
      {"mod", "7", "-3", "1"},
      {"mod", "10.25", "0.1", "0.05"},
      {"mod", "-0.001", "1", "-0.001"},
      {"mod", "1.5", "0", "ERR 22012 division by zero"},
  };
  for (const Case& c : cases) {
    Numeric a = N(c.a), b = N(c.b);
    std::string op = c.op;
    Result<Numeric> r = op == "add"   ? Numeric::Add(a, b)
                        : op == "sub" ? Numeric::Sub(a, b)
                        : op == "mul" ? Numeric::Mul(a, b)
                        : op == "div" ? Numeric::Div(a, b)
                                      : Numeric::Mod(a, b);
    EXPECT_EQ(Show(r), c.want) << c.a << " " << c.op << " " << c.b;
  }
  // Products keep at most 16383 fraction digits (rounded).
  Result<Numeric> tiny = Numeric::Mul(N("1.5e-9000"), N("1.5e-9000"));
  ASSERT_TRUE(tiny.ok());
  EXPECT_EQ(tiny->dscale(), 16383);
  EXPECT_TRUE(tiny->is_zero());
  // avg() = sum / count.
  EXPECT_EQ(Show(Numeric::Avg(N("3"), 2)), "1.5000000000000000");
  EXPECT_EQ(Show(Numeric::Avg(N("6.75"), 3)), "2.2500000000000000");
}

TEST(NumericTest, SpecialValueArithmetic) {
  // Rows a, columns b, over these values; ERR = 22012 division by zero.
  const char* vals[] = {"NaN", "Infinity", "-Infinity", "0", "1.5", "-2"};
  struct OpTable {
    const char* op;
    const char* want[36];
  };
  const OpTable tables[] = {
      {"add",
       {"NaN", "NaN", "NaN", "NaN", "NaN", "NaN",
        "NaN", "Infinity", "NaN", "Infinity", "Infinity", "Infinity",
        "NaN", "NaN", "-Infinity", "-Infinity", "-Infinity", "-Infinity",
        "NaN", "Infinity", "-Infinity", "0", "1.5", "-2",
        "NaN", "Infinity", "-Infinity", "1.5", "3.0", "-0.5",
        "NaN", "Infinity", "-Infinity", "-2", "-0.5", "-4"}},
      {"sub",
       {"NaN", "NaN", "NaN", "NaN", "NaN", "NaN",
        "NaN", "NaN", "Infinity", "Infinity", "Infinity", "Infinity",
        "NaN", "-Infinity", "NaN", "-Infinity", "-Infinity", "-Infinity",
        "NaN", "-Infinity", "Infinity", "0", "-1.5", "2",
        "NaN", "-Infinity", "Infinity", "1.5", "0.0", "3.5",
        "NaN", "-Infinity", "Infinity", "-2", "-3.5", "0"}},
      {"mul",
       {"NaN", "NaN", "NaN", "NaN", "NaN", "NaN",
        "NaN", "Infinity", "-Infinity", "NaN", "Infinity", "-Infinity",
        "NaN", "-Infinity", "Infinity", "NaN", "-Infinity", "Infinity",
        "NaN", "NaN", "NaN", "0", "0.0", "0",
        "NaN", "Infinity", "-Infinity", "0.0", "2.25", "-3.0",
        "NaN", "-Infinity", "Infinity", "0", "-3.0", "4"}},
      {"div",
       {"NaN", "NaN", "NaN", "NaN", "NaN", "NaN",
        "NaN", "NaN", "NaN", "ERR", "Infinity", "-Infinity",
        "NaN", "NaN", "NaN", "ERR", "-Infinity", "Infinity",
        "NaN", "0", "0", "ERR", "0.00000000000000000000", "0.00000000000000000000",
        "NaN", "0", "0", "ERR", "1.00000000000000000000", "-0.75000000000000000000",
        "NaN", "0", "0", "ERR", "-1.3333333333333333", "1.00000000000000000000"}},
      {"mod",
       {"NaN", "NaN", "NaN", "NaN", "NaN", "NaN",
        "NaN", "NaN", "NaN", "ERR", "NaN", "NaN",
        "NaN", "NaN", "NaN", "ERR", "NaN", "NaN",
        "NaN", "0", "0", "ERR", "0.0", "0",
        "NaN", "1.5", "1.5", "ERR", "0.0", "1.5",
        "NaN", "-2", "-2", "ERR", "-0.5", "0"}},
  };
  for (const OpTable& t : tables) {
    std::string op = t.op;
    for (int i = 0; i < 6; ++i) {
      for (int j = 0; j < 6; ++j) {
        Numeric a = N(vals[i]), b = N(vals[j]);
        Result<Numeric> r = op == "add"   ? Numeric::Add(a, b)
                            : op == "sub" ? Numeric::Sub(a, b)
                            : op == "mul" ? Numeric::Mul(a, b)
                            : op == "div" ? Numeric::Div(a, b)
                                          : Numeric::Mod(a, b);
        std::string want = t.want[i * 6 + j];
        if (want == "ERR") want = "ERR 22012 division by zero";
        EXPECT_EQ(Show(r), want) << vals[i] << " " << op << " " << vals[j];
      }
    }
  }
}

TEST(NumericTest, RoundingFunctions) {
  EXPECT_EQ(Show(N("2.5").Round(0)), "3");
  EXPECT_EQ(Show(N("-2.5").Round(0)), "-3");
  EXPECT_EQ(Show(N("-0.5").Round(0)), "-1");
  EXPECT_EQ(Show(N("0.05").Round(1)), "0.1");
  EXPECT_EQ(Show(N("1.2345").Round(2)), "1.23");
  EXPECT_EQ(Show(N("1.5").Round(5)), "1.50000");
  EXPECT_EQ(Show(N("1234.5").Round(-2)), "1200");
  EXPECT_EQ(Show(N("1250").Round(-2)), "1300");
  EXPECT_EQ(Show(N("99999.5").Round(0)), "100000");
  EXPECT_EQ(Show(N("9.5").Round(-131073)), "0");
  EXPECT_EQ(Show(N("9.5e131071").Round(-131072)), "ERR 22003 value overflows numeric format");
  EXPECT_EQ(N("1.5").Round(20000)->ToString().size(), 16385u);  // scale capped at 16383
  EXPECT_EQ(Show(N("NaN").Round(2)), "NaN");
  EXPECT_EQ(Show(N("-1.999").Trunc(2)), "-1.99");
  EXPECT_EQ(Show(N("1999").Trunc(-3)), "1000");
  EXPECT_EQ(Show(N("-9.99").Trunc(-1)), "0");
  EXPECT_EQ(Show(N("-0.5").Ceil()), "0");
  EXPECT_EQ(Show(N("1.000").Ceil()), "1");
  EXPECT_EQ(Show(N("0.0001").Ceil()), "1");
  EXPECT_EQ(Show(N("-1.5").Floor()), "-2");
  EXPECT_EQ(Show(N("1.99").Floor()), "1");
  EXPECT_EQ(Show(N("-0.0001").Floor()), "-1");
  EXPECT_EQ(Show(N("Infinity").Ceil()), "Infinity");
  EXPECT_EQ(N("-2.50").Sign().ToString(), "-1");
  EXPECT_EQ(N("0.00").Sign().ToString(), "0");
  EXPECT_EQ(N("3.7").Sign().ToString(), "1");
  EXPECT_EQ(N("-inf").Sign().ToString(), "-1");
  EXPECT_EQ(N("NaN").Sign().ToString(), "NaN");
  EXPECT_EQ(N("-2.50").Abs().ToString(), "2.50");
  EXPECT_EQ(N("-inf").Abs().ToString(), "Infinity");
  EXPECT_EQ(N("0.00").Negate().ToString(), "0.00");
  EXPECT_EQ(N("1.50").Negate().ToString(), "-1.50");
  EXPECT_EQ(N("-Infinity").Negate().ToString(), "Infinity");
  EXPECT_EQ(N("NaN").Negate().ToString(), "NaN");
}

TEST(NumericTest, Sqrt) {
  const std::pair<const char*, const char*> cases[] = {
      {"0", "0.000000000000000"},
      {"0.00", "0.000000000000000"},
      {"2", "1.414213562373095"},
      {"100", "10.000000000000000"},
      {"16", "4.000000000000000"},
      {"1.21", "1.100000000000000"},
      {"12345.678", "111.1111065555555"},
      {"0.0001", "0.01000000000000000"},
      {"1e30", "1000000000000000.0"},
      {"2.00000000000000000000000", "1.41421356237309504880169"},
      {"Infinity", "Infinity"},
      {"NaN", "NaN"},
      {"-1", "ERR 2201F cannot take square root of a negative number"},
      {"-Infinity", "ERR 2201F cannot take square root of a negative number"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(Show(N(in).Sqrt()), want) << in;
}

// Products of long operands take the Karatsuba path of the multiplication; check them against
// sums of short products (schoolbook path) and against (10^n - 1)^2 = 10^2n - 2 * 10^n + 1.
TEST(NumericTest, MulLongOperands) {
  std::mt19937_64 rng(77);
  auto random_digits = [&rng](size_t n) {
    std::string s(1, static_cast<char>('1' + rng() % 9));
    while (s.size() < n) s.push_back(static_cast<char>('0' + rng() % 10));
    return s;
  };
  for (size_t len : {400, 1000, 3001, 9000}) {
    const std::string a = random_digits(len), b = random_digits(len * 2 / 3 + 5);
    Numeric want;
    const size_t chunk = 200;  // 23 limbs: schoolbook
    for (size_t end = b.size(); end > 0;) {
      const size_t begin = end > chunk ? end - chunk : 0;
      Result<Numeric> part = Numeric::Mul(N(a), N(b.substr(begin, end - begin)));
      ASSERT_TRUE(part.ok());
      want = *Numeric::Add(want, N(part->ToString() + std::string(b.size() - end, '0')));
      end = begin;
    }
    EXPECT_EQ(Show(Numeric::Mul(N(a), N(b))), want.ToString()) << len;
    EXPECT_EQ(Show(Numeric::Mul(N("-0." + a), N(b))), "-" + Show(Numeric::Mul(N("0." + a), N(b))));
  }
  for (size_t n : {360, 361, 1000, 4096}) {
    const std::string nines(n, '9');
    EXPECT_EQ(Show(Numeric::Mul(N(nines), N(nines))),
              std::string(n - 1, '9') + "8" + std::string(n - 1, '0') + "1");
  }
}

// ---------------------------------------------------------------------------------------------
// Transcendental functions. Values longer than 100 characters are compared through Abbrev().

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Short form of a long result: its ends, its length and a hash of all of it.
std::string Abbrev(const std::string& s) {
  if (s.size() <= 100) return s;
  char hash[17];
  std::snprintf(hash, sizeof(hash), "%016llx", static_cast<unsigned long long>(Fnv1a(s)));
  return s.substr(0, 32) + "..." + s.substr(s.size() - 16) + " (" + std::to_string(s.size()) +
         " chars, fnv " + hash + ")";
}

TEST(NumericTest, Exp) {
  const std::pair<const char*, const char*> cases[] = {
      {"0", "1.0000000000000000"},
      {"1.0", "2.7182818284590452"},
      {"2.0", "7.3890560989306502"},
      {"-1.5", "0.2231301601484298"},
      {"100", "26881171418161354484126255515800135873611119"},
      {"-100", "0.00000000000000000000000000000000000000000003720075976020836"},
      {"0.5", "1.6487212707001281"},
      {"-0.001", "0.9990004998333750"},
      {"12.345678901234567890", "229964.194852988545184257"},
      {"1000",
       "19700711140170469938888793522433...9050047074217568 (435 chars, fnv 913027aa058b7ed2)"},
      {"6000", "ERR 22003 value overflows numeric format"},
      {"5999.5",
       "35460444772568677902394745503007...20351531957437.7 (2608 chars, fnv fbd85960294f1f0c)"},
      {"-6000",
       "0.000000000000000000000000000000...0000000000000000 (1002 chars, fnv 031bee5ab19b5c93)"},
      {"NaN", "NaN"},
      {"Infinity", "Infinity"},
      {"-Infinity", "0"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(Abbrev(Show(N(in).Exp())), want) << in;
}

TEST(NumericTest, Ln) {
  const std::pair<const char*, const char*> cases[] = {
      {"2", "0.6931471805599453"},
      {"10.0", "2.3025850929940457"},
      {"1e-10", "-23.025850929940457"},
      {"0.001", "-6.9077552789821371"},
      {"1", "0.0000000000000000"},
      {"1.0000000001", "0.00000000009999999999500000"},
      {"0.99", "-0.010050335853501441"},
      {"1e100", "230.25850929940457"},
      {"2.718281828459045235360287", "1.000000000000000000000000"},
      {"123456789.123456789", "18.631401767168018"},
      {"0", "ERR 2201E cannot take logarithm of zero"},
      {"-1", "ERR 2201E cannot take logarithm of a negative number"},
      {"NaN", "NaN"},
      {"Infinity", "Infinity"},
      {"-Infinity", "ERR 2201E cannot take logarithm of a negative number"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(Abbrev(Show(N(in).Ln())), want) << in;
}

TEST(NumericTest, Log10) {
  // log(numeric) is log(10, x) in PostgreSQL.
  const std::pair<const char*, const char*> cases[] = {
      {"100", "2.0000000000000000"},
      {"0.001", "-3.0000000000000000"},
      {"1e-10", "-10.000000000000000"},
      {"2", "0.3010299956639812"},
      {"1", "0.0000000000000000"},
      {"1000000", "6.000000000000000"},
      {"0.5", "-0.3010299956639812"},
      {"1.01", "0.004321373782642574"},
      {"0", "ERR 2201E cannot take logarithm of zero"},
      {"-5", "ERR 2201E cannot take logarithm of a negative number"},
      {"NaN", "NaN"},
      {"Infinity", "Infinity"},
      {"-Infinity", "ERR 2201E cannot take logarithm of a negative number"},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(Abbrev(Show(N(in).Log10())), want) << in;
    EXPECT_EQ(Abbrev(Show(Numeric::Log(N("10"), N(in)))), want) << in;
  }
}

struct BinaryCase {
  const char* a;
  const char* b;
  const char* want;
};

TEST(NumericTest, LogWithBase) {
  const BinaryCase cases[] = {
      {"2", "8", "3.0000000000000000"},
      {"2.5", "100", "5.0258831894641201"},
      {"10", "100", "2.0000000000000000"},
      {"4", "2", "0.5000000000000000"},
      {"0.5", "0.125", "3.0000000000000000"},
      {"1.0000001", "2", "6931472.152173038"},
      {"3", "1", "0.0000000000000000"},
      {"1", "10", "ERR 22012 division by zero"},
      {"1", "1", "ERR 22012 division by zero"},
      {"0", "10", "ERR 2201E cannot take logarithm of zero"},
      {"10", "0", "ERR 2201E cannot take logarithm of zero"},
      {"-2", "8", "ERR 2201E cannot take logarithm of a negative number"},
      {"2", "-8", "ERR 2201E cannot take logarithm of a negative number"},
      {"Infinity", "2", "0"},
      {"Infinity", "Infinity", "NaN"},
      {"2", "Infinity", "Infinity"},
      {"1", "Infinity", "Infinity"},
      {"NaN", "1", "NaN"},
      {"2", "NaN", "NaN"},
      {"-Infinity", "2", "ERR 2201E cannot take logarithm of a negative number"},
      {"0", "Infinity", "ERR 2201E cannot take logarithm of zero"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Abbrev(Show(Numeric::Log(N(c.a), N(c.b)))), c.want)
        << "log(" << c.a << ", " << c.b << ")";
  }
}

TEST(NumericTest, Power) {
  const BinaryCase cases[] = {
      {"2.0", "0.5", "1.4142135623730950"},
      {"2.0", "100", "1267650600228229401496703205376.0000000000000000"},
      {"1.1", "10", "2.5937424601000000"},
      {"1.5", "3", "3.3750000000000000"},
      {"0.0", "0", "1.0000000000000000"},
      {"2", "-2", "0.2500000000000000"},
      {"-8", "0.3333333333333333",
       "ERR 2201F a negative number raised to a non-integer power yields a complex result"},
      {"0", "-1", "ERR 2201F zero raised to a negative power is undefined"},
      {"0", "-1.5", "ERR 2201F zero raised to a negative power is undefined"},
      {"10", "400",
       "10000000000000000000000000000000...0000000000000000 (418 chars, fnv d6e917ca3ffb9c56)"},
      {"1.000001", "1000000", "2.7182804693193769"},
      {"-2", "3", "-8.0000000000000000"},
      {"-2", "4", "16.0000000000000000"},
      {"-2", "3.0", "-8.0000000000000000"},
      {"-2.5", "-3", "-0.0640000000000000"},
      {"4", "0.5", "2.0000000000000000"},
      {"0", "0.5", "0.0000000000000000"},
      {"0", "2", "0.0000000000000000"},
      {"0.5", "-3", "8.0000000000000000"},
      {"10", "-20", "0.0000000000000000"},
      {"3", "-1", "0.3333333333333333"},
      {"7", "2", "49.0000000000000000"},
      {"1.23456789", "1", "1.2345678900000000"},
      {"2", "1000000", "ERR 22003 value overflows numeric format"},
      {"10", "10000000000", "ERR 22003 value overflows numeric format"},
      {"0.1", "10000000000",
       "0.000000000000000000000000000000...0000000000000000 (1002 chars, fnv 031bee5ab19b5c93)"},
      {"-1", "2147483648", "1.0000000000000000"},
      {"-1", "2147483649", "-1.0000000000000000"},
      {"1.0000000001", "12345678901", "3.4368930840532356"},
      {"2", "0.000001", "1.0000006931474208"},
      {"1e-5", "2.5", "0.0000000000003162277660168379"},
      {"9.99", "-123.456",
       "0.000000000000000000000000000000...3959524965135297 (141 chars, fnv 1825cdffd16eaa8d)"},
      {"NaN", "0", "1"},
      {"NaN", "1", "NaN"},
      {"1", "NaN", "1"},
      {"2", "NaN", "NaN"},
      {"NaN", "NaN", "NaN"},
      {"Infinity", "0", "1"},
      {"Infinity", "2", "Infinity"},
      {"Infinity", "-2", "0"},
      {"-Infinity", "3", "-Infinity"},
      {"-Infinity", "2", "Infinity"},
      {"-Infinity", "-3", "0"},
      {"-Infinity", "0.5",
       "ERR 2201F a negative number raised to a non-integer power yields a complex result"},
      {"0", "Infinity", "0"},
      {"0", "-Infinity", "ERR 2201F zero raised to a negative power is undefined"},
      {"0.5", "Infinity", "0"},
      {"0.5", "-Infinity", "Infinity"},
      {"2", "Infinity", "Infinity"},
      {"2", "-Infinity", "0"},
      {"-1", "Infinity", "1"},
      {"-1", "-Infinity", "1"},
      {"1", "-Infinity", "1"},
      {"-2", "Infinity", "Infinity"},
      {"-0.5", "Infinity", "0"},
      {"-Infinity", "Infinity", "Infinity"},
      {"-Infinity", "-Infinity", "0"},
      {"Infinity", "Infinity", "Infinity"},
      {"Infinity", "-Infinity", "0"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Abbrev(Show(Numeric::Power(N(c.a), N(c.b)))), c.want)
        << "power(" << c.a << ", " << c.b << ")";
  }
}

TEST(NumericTest, Typmod) {
  EXPECT_EQ(*Numeric::MakeTypmod(10, 4), 655368);
  EXPECT_EQ(*Numeric::MakeTypmod(3, -2), 198658);
  EXPECT_EQ(*Numeric::MakeTypmod(1000, 1000), 65537004);
  EXPECT_EQ(*Numeric::MakeTypmod(5, 0), 327684);
  EXPECT_EQ(*Numeric::MakeTypmod(1, -1000), 66588);
  EXPECT_EQ(Numeric::TypmodPrecision(198658), 3);
  EXPECT_EQ(Numeric::TypmodScale(198658), -2);
  EXPECT_EQ(Numeric::TypmodScale(66588), -1000);
  auto err = [](Result<int32_t> r) {
    return std::string(r.status().sqlstate()) + " " + r.status().message();
  };
  EXPECT_EQ(err(Numeric::MakeTypmod(0, 0)), "22023 NUMERIC precision 0 must be between 1 and 1000");
  EXPECT_EQ(err(Numeric::MakeTypmod(1001, 0)),
            "22023 NUMERIC precision 1001 must be between 1 and 1000");
  EXPECT_EQ(err(Numeric::MakeTypmod(5, 1001)),
            "22023 NUMERIC scale 1001 must be between -1000 and 1000");
  EXPECT_EQ(err(Numeric::MakeTypmod(5, -1001)),
            "22023 NUMERIC scale -1001 must be between -1000 and 1000");

  struct Case {
    const char* in;
    int precision, scale;
    const char* want;  // value, or the error detail
  };
  const Case cases[] = {
      {"123.456", 5, 2, "123.46"},
      {"1234.5", 5, 2, "A field with precision 5, scale 2 must round to an absolute value less than 10^3."},
      {"999.995", 5, 2, "A field with precision 5, scale 2 must round to an absolute value less than 10^3."},
      {"-999.995", 5, 2, "A field with precision 5, scale 2 must round to an absolute value less than 10^3."},
      {"999.994", 5, 2, "999.99"},
      {"0.66666666666666666667", 10, 4, "0.6667"},
      {"0.5", 2, 2, "0.50"},
      {"1", 2, 2, "A field with precision 2, scale 2 must round to an absolute value less than 1."},
      {"0.995", 2, 2, "A field with precision 2, scale 2 must round to an absolute value less than 1."},
      {"1.5", 1000, 1000, "A field with precision 1000, scale 1000 must round to an absolute value less than 1."},
      {"0.001", 3, 5, "0.00100"},
      {"0.000994", 3, 5, "0.00099"},
      {"0.001", 2, 5, "A field with precision 2, scale 5 must round to an absolute value less than 10^-3."},
      {"0.0001", 2, 5, "0.00010"},
      {"12345", 3, -2, "12300"},
      {"123456", 3, -2, "A field with precision 3, scale -2 must round to an absolute value less than 10^5."},
      {"-12350", 5, -2, "-12400"},
      {"1.5", 5, -3, "0"},
      {"1e-5", 1, -1000, "0"},
      {"0", 1, 0, "0"},
      {"0.00", 3, 1, "0.0"},
      {"12.5", 2, 0, "13"},
      {"9.5", 1, 0, "A field with precision 1, scale 0 must round to an absolute value less than 10^1."},
      {"NaN", 5, 2, "NaN"},
      {"Infinity", 5, 2, "A field with precision 5, scale 2 cannot hold an infinite value."},
      {"-Infinity", 3, -2, "A field with precision 3, scale -2 cannot hold an infinite value."},
  };
  for (const Case& c : cases) {
    Result<Numeric> r = N(c.in).ApplyTypmod(c.precision, c.scale);
    if (r.ok()) {
      EXPECT_EQ(r->ToString(), c.want) << c.in;
    } else {
      EXPECT_EQ(r.status().sqlstate(), "22003") << c.in;
      EXPECT_EQ(r.status().message(), "numeric field overflow") << c.in;
      EXPECT_EQ(r.status().detail(), c.want) << c.in;
    }
    // The encoded form behaves the same.
    Result<Numeric> r2 = N(c.in).ApplyTypmod(*Numeric::MakeTypmod(c.precision, c.scale));
    EXPECT_EQ(Show(r2), Show(r)) << c.in;
  }
  EXPECT_EQ(Show(N("123.456").ApplyTypmod(-1)), "123.456");
}

TEST(NumericTest, IntegerConversions) {
  EXPECT_EQ(*N("-2.5").ToInt64(), -3);
  EXPECT_EQ(*N("2.5").ToInt64(), 3);
  EXPECT_EQ(*N("2.49").ToInt64(), 2);
  EXPECT_EQ(*N("9223372036854775807.4").ToInt64(), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(*N("-9223372036854775808").ToInt64(), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(*N("-2147483648.4").ToInt32(), std::numeric_limits<int32_t>::min());
  EXPECT_EQ(*N("32767.4").ToInt16(), 32767);
  auto err = [](const auto& r) {
    return std::string(r.status().sqlstate()) + " " + r.status().message();
  };
  EXPECT_EQ(err(N("9223372036854775807.5").ToInt64()), "22003 bigint out of range");
  EXPECT_EQ(err(N("-9223372036854775808.5").ToInt64()), "22003 bigint out of range");
  EXPECT_EQ(err(N("1e100").ToInt64()), "22003 bigint out of range");
  EXPECT_EQ(err(N("2147483647.5").ToInt32()), "22003 integer out of range");
  EXPECT_EQ(err(N("1e30").ToInt32()), "22003 integer out of range");
  EXPECT_EQ(err(N("32767.5").ToInt16()), "22003 smallint out of range");
  EXPECT_EQ(err(N("NaN").ToInt64()), "0A000 cannot convert NaN to bigint");
  EXPECT_EQ(err(N("inf").ToInt64()), "0A000 cannot convert infinity to bigint");
  EXPECT_EQ(err(N("-inf").ToInt32()), "0A000 cannot convert infinity to integer");
  EXPECT_EQ(err(N("NaN").ToInt16()), "0A000 cannot convert NaN to smallint");
  EXPECT_EQ(Numeric::FromInt64(std::numeric_limits<int64_t>::min()).ToString(),
            "-9223372036854775808");
  EXPECT_EQ(Numeric::FromInt64(0).ToString(), "0");
  EXPECT_EQ(Numeric::FromInt64(1000000000).ToString(), "1000000000");
}

TEST(NumericTest, FloatConversions) {
  EXPECT_EQ(Numeric::FromDouble(0.1).ToString(), "0.1");
  EXPECT_EQ(Numeric::FromDouble(1e20).ToString(), "100000000000000000000");
  EXPECT_EQ(Numeric::FromDouble(1.0 / 3).ToString(), "0.333333333333333");
  EXPECT_EQ(Numeric::FromDouble(1e-20).ToString(), "0.00000000000000000001");
  EXPECT_EQ(Numeric::FromDouble(-0.0).ToString(), "0");
  EXPECT_EQ(Numeric::FromDouble(123456789.123456789).ToString(), "123456789.123457");
  EXPECT_EQ(Numeric::FromDouble(std::nan("")).ToString(), "NaN");
  EXPECT_EQ(Numeric::FromDouble(-std::numeric_limits<double>::infinity()).ToString(), "-Infinity");
  EXPECT_EQ(Numeric::FromFloat(0.1f).ToString(), "0.1");
  EXPECT_EQ(Numeric::FromFloat(1.0f / 3).ToString(), "0.333333");
  EXPECT_EQ(Numeric::FromFloat(1e20f).ToString(), "100000000000000000000");
  EXPECT_EQ(Numeric::FromFloat(3.4e38f).ToString(), "340000000000000000000000000000000000000");
  EXPECT_EQ(Numeric::FromFloat(16777217.0f).ToString(), "16777200");

  EXPECT_EQ(N("0.1").ToDouble(), 0.1);
  EXPECT_EQ(N("0.30000000000000004").ToDouble(), 0.1 + 0.2);
  EXPECT_EQ(Numeric::Div(N("1.0"), N("3"))->ToDouble(), 1.0 / 3);
  EXPECT_EQ(N("123456789.123456789").ToDouble(), 123456789.12345679);
  EXPECT_EQ(N("9007199254740993").ToDouble(), 9007199254740992.0);  // ties to even
  EXPECT_EQ(N("1.00000000000000011102230246251565404236316680908203125").ToDouble(), 1.0);
  EXPECT_GT(N("1.00000000000000011102230246251565404236316680908203126").ToDouble(), 1.0);
  EXPECT_EQ(N("1e-320").ToDouble(), 1e-320);
  EXPECT_EQ(N("-0.000").ToDouble(), 0.0);
  EXPECT_TRUE(std::isnan(N("NaN").ToDouble()));
  EXPECT_EQ(N("-inf").ToDouble(), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(N("1e400").ToDouble(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(N("1e-400").ToDouble(), 0.0);
  EXPECT_EQ(N("1e39").ToFloat8().status().ok(), true);
  EXPECT_EQ(N("1e-330").ToFloat8().status().sqlstate(), "22003");
  EXPECT_EQ(N("1e-330").ToFloat8().status().message(),
            "\"0." + std::string(329, '0') + "1\" is out of range for type double precision");
  EXPECT_EQ(N("1e39").ToFloat4().status().message(),
            "\"1000000000000000000000000000000000000000\" is out of range for type real");
  EXPECT_EQ(N("1e-46").ToFloat4().status().message(),
            "\"0.0000000000000000000000000000000000000000000001\" is out of range for type real");
  EXPECT_EQ(*N("1e-40").ToFloat4(), 1e-40f);
  EXPECT_EQ(N("0.33333333333333333333").ToFloat(), 1.0f / 3);
  EXPECT_EQ(N("-inf").ToFloat(), -std::numeric_limits<float>::infinity());
}

TEST(NumericTest, CompareAndHashKey) {
  // In ascending order; equal neighbours are grouped.
  const std::vector<std::vector<const char*>> order = {
      {"-Infinity"}, {"-1e100"}, {"-2.5", "-2.50"}, {"-0.001"}, {"0", "0.00", "-0"},
      {"1e-16383"},  {"0.001"},  {"1", "1.0", "1.00", "1e0"}, {"1.0000000000000000000001"},
      {"10"},        {"1e100"},  {"Infinity", "inf"},         {"NaN", "nan"}};
  for (size_t i = 0; i < order.size(); ++i) {
    for (size_t j = 0; j < order.size(); ++j) {
      for (const char* x : order[i]) {
        for (const char* y : order[j]) {
          int want = i < j ? -1 : (i > j ? 1 : 0);
          EXPECT_EQ(Numeric::Compare(N(x), N(y)), want) << x << " vs " << y;
          EXPECT_EQ(N(x).HashKey() == N(y).HashKey(), want == 0) << x << " vs " << y;
        }
      }
    }
  }
}

TEST(NumericTest, BinaryFormat) {
  const std::pair<const char*, const char*> cases[] = {
      {"0", "0000000000000000"},
      {"0.00", "0000000000000002"},
      {"1", "00010000000000000001"},
      {"-1.5", "000200004000000100011388"},
      {"10000", "00010001000000000001"},
      {"0.0001", "0001ffff000000040001"},
      {"123456789.123", "0004000200000003000109291a8504ce"},
      {"1e20", "00010005000000000001"},
      {"0.00012300", "0002ffff00000008000108fc"},
      {"NaN", "00000000c0000000"},
      {"Infinity", "00000000d0000020"},
      {"-Infinity", "00000000f0000020"},
  };
  for (const auto& [text, hex] : cases) {
    EXPECT_EQ(Hex(N(text).ToBinary()), hex) << text;
    Result<Numeric> back = Numeric::FromBinary(Unhex(hex));
    ASSERT_TRUE(back.ok()) << text << ": " << back.status().ToString();
    EXPECT_EQ(back->ToString(), N(text).ToString()) << text;
  }
  // numeric_recv corner cases (fed to PostgreSQL through COPY ... FORMAT binary).
  const std::pair<const char*, const char*> recv[] = {
      {"000200000000000000011388", "1"},  // digits hidden by dscale are truncated
      {"00020000400000020001162e", "-1.56"},
      {"00020003c000000500011388", "NaN"},
      {"0000000040000003", "0.000"},  // negative zero
      {"0003000200000000000000000007", "7"},
      {"0001fffe0000000404d2", "0.0000"},
      {"00010000123400000001", "ERR 22P03 invalid sign in external \"numeric\" value"},
      {"00010000000040000001", "ERR 22P03 invalid scale in external \"numeric\" value"},
      {"00010000000000002710", "ERR 22P03 invalid digit in external \"numeric\" value"},
      {"00010000000000008000", "ERR 22P03 invalid digit in external \"numeric\" value"},
      {"0001000000000000000100", "ERR 22P03 incorrect binary data format"},
      {"00020000000000000001", "ERR 08P01 insufficient data left in message"},
      {"000100", "ERR 08P01 insufficient data left in message"},
  };
  for (const auto& [hex, want] : recv) EXPECT_EQ(Show(Numeric::FromBinary(Unhex(hex))), want) << hex;
  EXPECT_EQ(Show(Numeric::FromBinary(Unhex("00020003d000000500011388"))), "Infinity");
  Result<Numeric> tiny = Numeric::FromBinary(Unhex("000180000000" "3fff" "0001"));
  ASSERT_TRUE(tiny.ok());
  EXPECT_EQ(tiny->ToString(), "0." + std::string(16383, '0'));
  Result<Numeric> huge = Numeric::FromBinary(Unhex("00017fff00000000270f"));
  ASSERT_TRUE(huge.ok());
  EXPECT_EQ(huge->ToString(), "9999" + std::string(131068, '0'));
  EXPECT_EQ(Hex(huge->ToBinary()), "00017fff00000000270f");
}

// ---------------------------------------------------------------------------------------------
// Randomized checks against int64 arithmetic and an independent long division.

// a / b rounded half away from zero to `scale` digits, by schoolbook long division.
// REQUIRES: |b| <= 1e17.
std::string ReferenceDiv(int64_t a, int64_t b, int scale) {
  bool neg = (a < 0) != (b < 0);
  uint64_t ua = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
  uint64_t ub = b < 0 ? 0 - static_cast<uint64_t>(b) : static_cast<uint64_t>(b);
  std::string digits = std::to_string(ua / ub);
  size_t int_len = digits.size();
  uint64_t r = ua % ub;
  for (int i = 0; i <= scale; ++i) {
    r *= 10;
    digits.push_back(static_cast<char>('0' + r / ub));
    r %= ub;
  }
  bool up = digits.back() >= '5';
  digits.pop_back();
  for (size_t i = digits.size(); up && i-- > 0;) {
    if (digits[i] == '9') {
      digits[i] = '0';
    } else {
      ++digits[i];
      up = false;
    }
  }
  if (up) {
    digits.insert(digits.begin(), '1');
    ++int_len;
  }
  std::string out = digits.substr(0, int_len);
  out = out.substr(std::min(out.find_first_not_of('0'), out.size() - 1));
  if (scale > 0) out += "." + digits.substr(int_len);
  bool zero = digits.find_first_not_of('0') == std::string::npos;
  return (neg && !zero ? "-" : "") + out;
}

// Formats v / 10^scale with exactly `scale` fraction digits.
std::string Scaled(int64_t v, int scale) {
  std::string s = std::to_string(v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v));
  if (scale > 0) {
    if (s.size() <= static_cast<size_t>(scale)) s.insert(0, scale + 1 - s.size(), '0');
    s.insert(s.size() - scale, ".");
  }
  return (v < 0 ? "-" : "") + s;
}

TEST(NumericTest, RandomizedAgainstInt64) {
  std::mt19937_64 rng(20240611);
  auto random_int = [&rng]() -> int64_t {
    static const int64_t kLimits[] = {10, 1000, 100000, 1000000000, 1000000000000LL,
                                      std::numeric_limits<int64_t>::max()};
    int64_t limit = kLimits[rng() % 6];
    int64_t v = static_cast<int64_t>(rng() % static_cast<uint64_t>(limit));
    return rng() % 2 ? -v : v;
  };
  for (int iter = 0; iter < 5000; ++iter) {
    const int64_t a = random_int(), b = random_int();
    const int scale = static_cast<int>(rng() % 4);  // also run the values as a/10^scale
    const Numeric na = N(Scaled(a, scale)), nb = N(Scaled(b, scale));
    ASSERT_EQ(na.ToString(), Scaled(a, scale));
    int64_t want;
    if (!__builtin_add_overflow(a, b, &want)) {
      EXPECT_EQ(Show(Numeric::Add(na, nb)), Scaled(want, scale)) << a << " + " << b;
    }
    if (!__builtin_sub_overflow(a, b, &want)) {
      EXPECT_EQ(Show(Numeric::Sub(na, nb)), Scaled(want, scale)) << a << " - " << b;
    }
    if (!__builtin_mul_overflow(a, b, &want)) {
      Result<Numeric> p = Numeric::Mul(N(std::to_string(a)), nb);
      EXPECT_EQ(Show(p), Scaled(want, scale)) << a << " * " << b;
    }
    int want_cmp = a < b ? -1 : (a > b ? 1 : 0);
    EXPECT_EQ(Numeric::Compare(na, nb), want_cmp) << a << " <=> " << b;
    EXPECT_EQ(na.HashKey() == nb.HashKey(), a == b);
    EXPECT_EQ(*Numeric::FromInt64(a).ToInt64(), a);
    Result<Numeric> back = Numeric::FromBinary(na.ToBinary());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->ToString(), na.ToString());
    if (b == 0) {
      EXPECT_EQ(Show(Numeric::Div(na, nb)), "ERR 22012 division by zero");
      EXPECT_EQ(Show(Numeric::Mod(na, nb)), "ERR 22012 division by zero");
      continue;
    }
    if (a != std::numeric_limits<int64_t>::min() || b != -1) {
      EXPECT_EQ(Show(Numeric::Mod(na, nb)), Scaled(a % b, scale)) << a << " % " << b;
    }
    Result<Numeric> q = Numeric::Div(na, nb);  // the scales cancel
    ASSERT_TRUE(q.ok());
    if (b <= 100000000000000000LL && b >= -100000000000000000LL) {
      EXPECT_EQ(q->ToString(), ReferenceDiv(a, b, q->dscale())) << a << " / " << b;
    }
    // Rounding cannot carry into the integer part when |b| < 2 * 10^dscale (the fraction of
    // a / b is at most 1 - 1/|b|), so truncating the quotient gives C++'s a / b.
    uint64_t ub = b < 0 ? 0 - static_cast<uint64_t>(b) : static_cast<uint64_t>(b);
    uint64_t bound = 2;
    for (int i = 0; i < q->dscale() && bound <= ub; ++i) bound *= 10;
    if (ub < bound) {
      EXPECT_EQ(Show(q->Trunc(0)), std::to_string(a / b)) << a << " / " << b;
    }
  }
}

}  // namespace
}  // namespace omendb
