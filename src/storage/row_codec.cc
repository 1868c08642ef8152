#include "storage/row_codec.h"

#include <cstring>

namespace omendb {

// Fixed-width values are stored as their little-endian in-memory bytes (the same bytes the
// earlier per-type encoders wrote for boolean, integer, bigint and double precision).
void EncodeRow(const DataChunk& chunk, size_t row, std::string* dst) {
  for (size_t c = 0; c < chunk.column_count(); ++c) {
    const Vector& v = chunk.column(c);
    if (!v.IsValid(row)) {
      dst->push_back(0);
      continue;
    }
    dst->push_back(1);
    size_t w = v.type().FixedWidth();
    if (w == 0) {
      PutLengthPrefixed(dst, v.Strings()[row]);
    } else {
      dst->append(reinterpret_cast<const char*>(v.Data<uint8_t>()) + row * w, w);
    }
  }
}

bool DecodeRow(Decoder* in, DataChunk* chunk) {
  size_t row = chunk->size();
  chunk->SetSize(row + 1);
  for (size_t c = 0; c < chunk->column_count(); ++c) {
    Vector& v = chunk->column(c);
    uint8_t present;
    if (!in->GetByte(&present) || present > 1) return false;
    v.SetValid(row, present == 1);
    if (present == 0) continue;
    size_t w = v.type().FixedWidth();
    if (w == 0) {
      std::string_view s;
      if (!in->GetLengthPrefixed(&s)) return false;
      v.Strings()[row] = std::string(s);
      continue;
    }
    std::string_view bytes;
    if (!in->GetBytes(w, &bytes)) return false;
    if (v.type().physical() == PhysicalType::kBool && static_cast<uint8_t>(bytes[0]) > 1) {
      return false;
    }
    std::memcpy(v.Data<uint8_t>() + row * w, bytes.data(), w);
  }
  return true;
}

}  // namespace omendb
