#include "index/key_encoding.h"

#include <bit>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>

#include "common/sqlstate.h"

namespace omendb::index {
namespace {

constexpr char kNullFirstMarker = 0x01;
constexpr char kValueMarker = 0x02;
constexpr char kNullLastMarker = 0x03;

}  // namespace

void KeyEncoder::Begin() {
  start_ = buf_.size();
  buf_.push_back(kValueMarker);
}

void KeyEncoder::End(SortOrder order) {
  if (order == SortOrder::kDescending) {
    for (size_t i = start_; i < buf_.size(); ++i) buf_[i] = static_cast<char>(~buf_[i]);
  }
}

void KeyEncoder::PutBigEndian(uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) buf_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void KeyEncoder::AppendNull(SortOrder order, NullOrder nulls) {
  start_ = buf_.size();
  // NULLS FIRST/LAST is about the final order, so pick the marker after complementing.
  const bool low = (nulls == NullOrder::kNullsFirst) == (order == SortOrder::kAscending);
  buf_.push_back(low ? kNullFirstMarker : kNullLastMarker);
  End(order);
}

void KeyEncoder::AppendInt16(int16_t v, SortOrder order) {
  Begin();
  PutBigEndian(static_cast<uint16_t>(v) ^ 0x8000u, 2);
  End(order);
}

void KeyEncoder::AppendInt32(int32_t v, SortOrder order) {
  Begin();
  PutBigEndian(static_cast<uint32_t>(v) ^ 0x80000000u, 4);
  End(order);
}

void KeyEncoder::AppendInt64(int64_t v, SortOrder order) {
  Begin();
  PutBigEndian(static_cast<uint64_t>(v) ^ (uint64_t{1} << 63), 8);
  End(order);
}

void KeyEncoder::AppendUInt64(uint64_t v, SortOrder order) {
  Begin();
  PutBigEndian(v, 8);
  End(order);
}

void KeyEncoder::AppendFloat64(double v, SortOrder order) {
  Begin();
  if (v == 0) v = 0;  // -0 == +0
  if (std::isnan(v)) v = std::numeric_limits<double>::quiet_NaN();
  uint64_t bits = std::bit_cast<uint64_t>(v);
  if (std::isnan(v)) bits = 0x7ff8000000000000ull;  // canonical, above +Inf
  bits = (bits >> 63) ? ~bits : bits | (uint64_t{1} << 63);
  PutBigEndian(bits, 8);
  End(order);
}

void KeyEncoder::AppendBool(bool v, SortOrder order) {
  Begin();
  buf_.push_back(v ? 1 : 0);
  End(order);
}

void KeyEncoder::AppendText(std::string_view v, SortOrder order) {
  Begin();
  for (char c : v) {
    buf_.push_back(c);
    if (c == 0) buf_.push_back(static_cast<char>(0xff));
  }
  buf_.push_back(0);
  buf_.push_back(1);
  End(order);
}

void KeyEncoder::AppendUuid(std::span<const uint8_t, 16> v, SortOrder order) {
  Begin();
  buf_.append(reinterpret_cast<const char*>(v.data()), 16);
  End(order);
}

Status KeyEncoder::AppendNumeric(std::string_view text, SortOrder order) {
  auto invalid = [&] {
    return Status(sqlstate::kInvalidTextRepresentation,
                  "invalid input syntax for type numeric: \"" + std::string(text) + "\"");
  };
  std::string_view s = text;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  enum Class : char { kNegInf = 1, kNeg = 2, kZero = 3, kPos = 4, kPosInf = 5, kNaN = 6 };
  auto special = [&](Class c) {
    Begin();
    buf_.push_back(c);
    End(order);
    return Status::OK();
  };
  auto ieq = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
    }
    return true;
  };
  if (ieq(s, "nan")) return special(kNaN);
  if (ieq(s, "infinity") || ieq(s, "+infinity") || ieq(s, "inf") || ieq(s, "+inf")) return special(kPosInf);
  if (ieq(s, "-infinity") || ieq(s, "-inf")) return special(kNegInf);

  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  // Collect digits; exponent counts the digits before the decimal point.
  std::string digits;
  int64_t point = 0;
  bool seen_point = false, any_digit = false;
  size_t i = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (digits.empty() && c == '0') {
        if (seen_point) --point;  // leading zero after the point shifts the exponent
        continue;
      }
      digits.push_back(c);
      if (!seen_point) ++point;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any_digit) return invalid();
  if (i < s.size()) {
    if (s[i] != 'e' && s[i] != 'E') return invalid();
    ++i;
    bool exp_neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_neg = s[i++] == '-';
    if (i == s.size()) return invalid();
    int64_t e = 0;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return invalid();
      e = e * 10 + (s[i] - '0');
      if (e > 1'000'000'000) return invalid();
    }
    point += exp_neg ? -e : e;
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  if (digits.empty()) return special(kZero);
  if (point > std::numeric_limits<int32_t>::max() || point < std::numeric_limits<int32_t>::min()) {
    return invalid();
  }
  Begin();
  buf_.push_back(negative ? kNeg : kPos);
  const size_t body = buf_.size();
  PutBigEndian(static_cast<uint32_t>(static_cast<int32_t>(point)) ^ 0x80000000u, 4);
  buf_.append(digits);
  buf_.push_back(0);
  if (negative) {
    for (size_t k = body; k < buf_.size(); ++k) buf_[k] = static_cast<char>(~buf_[k]);
  }
  End(order);
  return Status::OK();
}

}  // namespace omendb::index
