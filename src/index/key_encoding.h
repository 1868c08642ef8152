// Order-preserving byte-string encoding of SQL key values.
//
// KeyEncoder appends key components so that comparing two encodings with memcmp (shorter
// string first on a common prefix) gives the same order as comparing the values
// component-wise in SQL: integers, float8, bool, text/bytea (byte-wise, i.e. C collation),
// numeric, uuid, with ASC/DESC and NULLS FIRST/LAST per component. Every component encoding is
// prefix-free, so composite keys are simply concatenations. The encodings are the keys of
// LearnedStringIndex (string_index.h) and of any other byte-ordered structure.
//
// Component layout: a marker byte (0x01 NULL when nulls sort first, 0x02 value, 0x03 NULL when
// nulls sort last) followed by the value bytes; for DESC the marker and value bytes are
// complemented (the NULL placement is applied before complementing, so it is explicit):
//   intN      N/8 bytes big-endian with the sign bit flipped
//   uint64    8 bytes big-endian
//   float8    8 bytes: IEEE bits, all flipped if negative, else sign bit set; -0 -> +0,
//             every NaN -> the canonical NaN, which sorts above +Infinity (as in PostgreSQL)
//   bool      1 byte 0/1
//   text      bytes with 0x00 escaped as 00 FF, terminated by 00 01
//   uuid      16 raw bytes
//   numeric   class byte (-Inf 1, negative 2, zero 3, positive 4, +Inf 5, NaN 6), then for
//             nonzero finite values the decimal exponent E (value = 0.d1d2...dk * 10^E) as a
//             sign-flipped big-endian int32 and the digits d1..dk (ASCII, no trailing zeros)
//             ending in 00; for negative values those bytes are complemented.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"

namespace omendb::index {

enum class SortOrder : uint8_t { kAscending, kDescending };
enum class NullOrder : uint8_t { kNullsFirst, kNullsLast };

class KeyEncoder {
 public:
  // Each Append* adds one component in the given order (default ASC, NULLS LAST as in
  // PostgreSQL's default for ASC).
  void AppendNull(SortOrder order = SortOrder::kAscending, NullOrder nulls = NullOrder::kNullsLast);
  void AppendInt16(int16_t v, SortOrder order = SortOrder::kAscending);
  void AppendInt32(int32_t v, SortOrder order = SortOrder::kAscending);  // also date
  void AppendInt64(int64_t v, SortOrder order = SortOrder::kAscending);  // also timestamp
  void AppendUInt64(uint64_t v, SortOrder order = SortOrder::kAscending);
  void AppendFloat64(double v, SortOrder order = SortOrder::kAscending);
  void AppendBool(bool v, SortOrder order = SortOrder::kAscending);
  void AppendText(std::string_view v, SortOrder order = SortOrder::kAscending);  // also bytea
  void AppendUuid(std::span<const uint8_t, 16> v, SortOrder order = SortOrder::kAscending);
  // `v` is numeric text as PostgreSQL prints or accepts it: [+-]digits[.digits][e[+-]digits],
  // "NaN", "Infinity", "-Infinity". Errors: 22P02 for anything else (nothing is appended).
  Status AppendNumeric(std::string_view v, SortOrder order = SortOrder::kAscending);

  const std::string& bytes() const { return buf_; }
  std::string Release() { return std::move(buf_); }
  void Clear() { buf_.clear(); }

 private:
  void Begin();
  void End(SortOrder order);
  void PutBigEndian(uint64_t v, int bytes);

  std::string buf_;
  size_t start_ = 0;  // first byte of the component being appended
};

}  // namespace omendb::index
