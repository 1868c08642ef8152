#include "storage/row_codec.h"

#include <cassert>
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

size_t EncodedRowsSize(const DataChunk& chunk) {
  const size_t n = chunk.size();
  size_t bytes = n * chunk.column_count();  // the presence bytes
  for (size_t c = 0; c < chunk.column_count(); ++c) {
    const Vector& v = chunk.column(c);
    const size_t w = v.type().FixedWidth();
    for (size_t r = 0; r < n; ++r) {
      if (!v.IsValid(r)) continue;
      if (w > 0) {
        bytes += w;
      } else {
        const size_t len = v.Strings()[r].size();
        bytes += VarintLength(len) + len;
      }
    }
  }
  return bytes;
}

void EncodeRows(const DataChunk& chunk, size_t encoded_size, std::string* dst) {
  const size_t ncols = chunk.column_count();
  std::vector<size_t> widths(ncols);
  for (size_t c = 0; c < ncols; ++c) widths[c] = chunk.column(c).type().FixedWidth();
  const size_t at = dst->size();
  dst->resize(at + encoded_size);
  char* p = dst->data() + at;
  for (size_t r = 0; r < chunk.size(); ++r) {
    for (size_t c = 0; c < ncols; ++c) {
      const Vector& v = chunk.column(c);
      if (!v.IsValid(r)) {
        *p++ = 0;
        continue;
      }
      *p++ = 1;
      if (const size_t w = widths[c]; w > 0) {
        std::memcpy(p, v.Data<char>() + r * w, w);
        p += w;
      } else {
        const std::string& s = v.Strings()[r];
        p = EncodeVarint64(p, s.size());
        std::memcpy(p, s.data(), s.size());
        p += s.size();
      }
    }
  }
  assert(p == dst->data() + dst->size());
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
