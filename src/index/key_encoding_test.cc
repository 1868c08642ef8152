#include "index/key_encoding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "common/sqlstate.h"

namespace omendb::index {
namespace {

__extension__ typedef __int128 Int128;

// Sorting by encoding must sort by value: checks every adjacent pair of a value-sorted sample.
template <typename T, typename Less, typename Encode>
void ExpectOrderPreserved(std::vector<T> values, Less less, Encode encode) {
  std::sort(values.begin(), values.end(), less);
  for (size_t i = 1; i < values.size(); ++i) {
    const std::string a = encode(values[i - 1]), b = encode(values[i]);
    if (less(values[i - 1], values[i])) {
      ASSERT_LT(a, b) << i;
    } else {
      ASSERT_EQ(a, b) << i;
    }
  }
}

TEST(KeyEncodingTest, IntegersAndFloatsKeepOrderBothDirections) {
  std::mt19937_64 rng(1);
  std::vector<int64_t> ints = {std::numeric_limits<int64_t>::min(), -1, 0, 1,
                               std::numeric_limits<int64_t>::max()};
  for (int i = 0; i < 2000; ++i) ints.push_back(static_cast<int64_t>(rng()) >> (rng() % 64));
  for (SortOrder o : {SortOrder::kAscending, SortOrder::kDescending}) {
    auto less = [o](int64_t a, int64_t b) { return o == SortOrder::kAscending ? a < b : b < a; };
    ExpectOrderPreserved(ints, less, [o](int64_t v) { KeyEncoder e; e.AppendInt64(v, o); return e.Release(); });
    ExpectOrderPreserved(ints, less, [o](int64_t v) {
      KeyEncoder e;
      e.AppendInt32(static_cast<int32_t>(v >> 32), o);
      e.AppendUInt64(static_cast<uint32_t>(v), o);
      return e.Release();
    });
  }
  std::vector<double> d = {-std::numeric_limits<double>::infinity(), -1e300, -1, -0.0, 0.0,
                           std::numeric_limits<double>::denorm_min(), 1, 1e300,
                           std::numeric_limits<double>::infinity()};
  for (int i = 0; i < 2000; ++i) d.push_back(std::ldexp(static_cast<double>(static_cast<int64_t>(rng())), static_cast<int>(rng() % 200) - 100));
  ExpectOrderPreserved(d, std::less<double>(), [](double v) { KeyEncoder e; e.AppendFloat64(v); return e.Release(); });
  KeyEncoder nan, inf;
  nan.AppendFloat64(std::nan(""));
  inf.AppendFloat64(std::numeric_limits<double>::infinity());
  EXPECT_GT(nan.bytes(), inf.bytes());
}

TEST(KeyEncodingTest, TextIsPrefixFreeAndByteOrdered) {
  std::mt19937_64 rng(2);
  std::vector<std::string> texts = {"", std::string(1, '\0'), std::string(2, '\0'), "a",
                                    std::string("a\0", 2), "ab", "\xff", "\xff\xff"};
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    for (size_t k = 0, len = rng() % 6; k < len; ++k) s.push_back("\0\1a\xfe\xff"[rng() % 5]);
    texts.push_back(s);
  }
  // Composite (text, int32): the text terminator must keep "a"+x below "ab"+y for all x, y.
  using Row = std::pair<std::string, int32_t>;
  std::vector<Row> rows;
  for (const auto& t : texts) rows.push_back({t, static_cast<int32_t>(rng())});
  for (SortOrder o : {SortOrder::kAscending, SortOrder::kDescending}) {
    auto less = [o](const Row& a, const Row& b) {
      const int c = a.first.compare(b.first);
      if (c != 0) return o == SortOrder::kAscending ? c < 0 : c > 0;
      return a.second < b.second;
    };
    ExpectOrderPreserved(rows, less, [o](const Row& r) {
      KeyEncoder e;
      e.AppendText(r.first, o);
      e.AppendInt32(r.second);
      return e.Release();
    });
  }
}

TEST(KeyEncodingTest, NullPlacement) {
  for (SortOrder o : {SortOrder::kAscending, SortOrder::kDescending}) {
    for (NullOrder n : {NullOrder::kNullsFirst, NullOrder::kNullsLast}) {
      KeyEncoder null_key, lo, hi;
      null_key.AppendNull(o, n);
      lo.AppendInt64(std::numeric_limits<int64_t>::min(), o);
      hi.AppendInt64(std::numeric_limits<int64_t>::max(), o);
      const std::string& first = o == SortOrder::kAscending ? lo.bytes() : hi.bytes();
      const std::string& last = o == SortOrder::kAscending ? hi.bytes() : lo.bytes();
      if (n == NullOrder::kNullsFirst) {
        EXPECT_LT(null_key.bytes(), first);
      } else {
        EXPECT_GT(null_key.bytes(), last);
      }
    }
  }
}

TEST(KeyEncodingTest, NumericMatchesDecimalOrder) {
  std::mt19937_64 rng(3);
  struct Dec {
    int64_t mantissa;
    int scale;  // value = mantissa * 10^-scale
    std::string text;
  };
  std::vector<Dec> v;
  for (int i = 0; i < 3000; ++i) {
    const int64_t m = static_cast<int64_t>(rng() % 2'000'000'001) - 1'000'000'000;
    const int scale = static_cast<int>(rng() % 12);
    std::string digits = std::to_string(m < 0 ? -m : m);
    if (static_cast<int>(digits.size()) <= scale) {
      digits = std::string(static_cast<size_t>(scale) + 1 - digits.size(), '0') + digits;
    }
    const size_t point = digits.size() - static_cast<size_t>(scale);
    digits = digits.substr(0, point) + "." + digits.substr(point);
    if (rng() % 3 == 0) digits += "000";  // trailing zeros do not change the value
    v.push_back({m, scale, (m < 0 ? "-" : "") + digits});
    v.push_back({m * 10, scale, std::to_string(m) + "e" + std::to_string(1 - scale)});
  }
  v.push_back({0, 0, "-0.000"});
  v.push_back({0, 0, "0"});
  auto pow10 = [](int e) { Int128 r = 1; while (e-- > 0) r *= 10; return r; };
  auto less = [&](const Dec& a, const Dec& b) {
    return Int128(a.mantissa) * pow10(b.scale) < Int128(b.mantissa) * pow10(a.scale);
  };
  for (SortOrder o : {SortOrder::kAscending, SortOrder::kDescending}) {
    auto oless = [&](const Dec& a, const Dec& b) { return o == SortOrder::kAscending ? less(a, b) : less(b, a); };
    ExpectOrderPreserved(v, oless, [o](const Dec& d) {
      KeyEncoder e;
      EXPECT_TRUE(e.AppendNumeric(d.text, o).ok()) << d.text;
      return e.Release();
    });
  }
  auto enc = [](const char* s) { KeyEncoder e; EXPECT_TRUE(e.AppendNumeric(s).ok()) << s; return e.Release(); };
  EXPECT_EQ(enc("1.50"), enc("15e-1"));
  EXPECT_EQ(enc("0.0012"), enc(".12E-2"));
  EXPECT_LT(enc("-Infinity"), enc("-1e100"));
  EXPECT_LT(enc("1e100"), enc("Infinity"));
  EXPECT_LT(enc("Infinity"), enc("NaN"));
  EXPECT_LT(enc("-0.12"), enc("-0.012"));
  for (const char* bad : {"", "-", "1.2.3", "abc", "1e", "1e+", "--1", "1x"}) {
    KeyEncoder e;
    Status st = e.AppendNumeric(bad);
    EXPECT_EQ(st.sqlstate(), sqlstate::kInvalidTextRepresentation) << bad;
    EXPECT_TRUE(e.bytes().empty());
  }
}

TEST(KeyEncodingTest, UuidIsRawBytes) {
  std::array<uint8_t, 16> a{}, b{};
  b[15] = 1;
  KeyEncoder ea, eb;
  ea.AppendUuid(a);
  eb.AppendUuid(b);
  EXPECT_LT(ea.bytes(), eb.bytes());
  EXPECT_EQ(ea.bytes().size(), 17u);
}

}  // namespace
}  // namespace omendb::index
