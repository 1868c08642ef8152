#include "storage/row_codec.h"

#include <gtest/gtest.h>

namespace omendb {
namespace {

TEST(RowCodecTest, EncodeRowsIsEachRowEncodedInTurnAndDecodesBack) {
  const std::vector<LogicalType> types = {TypeId::kBoolean, TypeId::kSmallInt, TypeId::kInteger,
                                          TypeId::kBigInt,  TypeId::kDouble,   TypeId::kText,
                                          TypeId::kDate,    TypeId::kUuid};
  DataChunk chunk(types);
  for (int r = 0; r < 300; ++r) {
    std::vector<Value> row;
    for (LogicalType t : types) {
      if ((r + static_cast<int>(row.size())) % 7 == 0) {
        row.push_back(Value::Null(t));
        continue;
      }
      switch (t.id()) {
        case TypeId::kBoolean: row.push_back(Value::Boolean(r % 2 == 0)); break;
        case TypeId::kDouble: row.push_back(Value::Double(r * 0.5)); break;
        // Empty, short and long (two-byte length) strings.
        case TypeId::kText: row.push_back(Value::Text(std::string(r % 3 == 0 ? 0 : r, 'x'))); break;
        case TypeId::kUuid: {
          UuidValue u{};
          u.bytes[0] = static_cast<uint8_t>(r);
          row.push_back(Value::Uuid(u));
          break;
        }
        default: row.push_back(Value::Int(t, r * 1000 - 7)); break;
      }
    }
    chunk.AppendRow(row);
  }
  std::string one_by_one = "prefix";
  for (size_t r = 0; r < chunk.size(); ++r) EncodeRow(chunk, r, &one_by_one);
  std::string all = "prefix";
  EncodeRows(chunk, EncodedRowsSize(chunk), &all);
  EXPECT_EQ(all, one_by_one);
  EXPECT_EQ(all.size() - 6, EncodedRowsSize(chunk));

  Decoder in(std::string_view(all).substr(6));
  DataChunk back(types);
  for (size_t r = 0; r < chunk.size(); ++r) ASSERT_TRUE(DecodeRow(&in, &back)) << r;
  ASSERT_EQ(back.size(), chunk.size());
  for (size_t r = 0; r < chunk.size(); ++r) {
    for (size_t c = 0; c < types.size(); ++c) {
      Value a = chunk.GetValue(c, r), b = back.GetValue(c, r);
      ASSERT_EQ(a.is_null(), b.is_null()) << r << "," << c;
      if (!a.is_null()) {
        EXPECT_EQ(Value::Compare(a, b), 0) << r << "," << c;
      }
    }
  }
}

}  // namespace
}  // namespace omendb
