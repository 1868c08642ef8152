#include "storage/row_codec.h"

#include <cstring>

namespace omendb {

void EncodeRow(const DataChunk& chunk, size_t row, std::string* dst) {
  for (size_t c = 0; c < chunk.column_count(); ++c) {
    const Vector& v = chunk.column(c);
    if (!v.IsValid(row)) {
      dst->push_back(0);
      continue;
    }
    dst->push_back(1);
    switch (v.type().id()) {
      case TypeId::kBoolean: dst->push_back(static_cast<char>(v.Data<uint8_t>()[row])); break;
      case TypeId::kInteger: PutFixed32(dst, static_cast<uint32_t>(v.Data<int32_t>()[row])); break;
      case TypeId::kBigInt: PutFixed64(dst, static_cast<uint64_t>(v.Data<int64_t>()[row])); break;
      case TypeId::kDouble: {
        uint64_t bits;
        std::memcpy(&bits, &v.Data<double>()[row], 8);
        PutFixed64(dst, bits);
        break;
      }
      default: PutLengthPrefixed(dst, v.Strings()[row]); break;
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
    switch (v.type().id()) {
      case TypeId::kBoolean: {
        uint8_t b;
        if (!in->GetByte(&b) || b > 1) return false;
        v.Data<uint8_t>()[row] = b;
        break;
      }
      case TypeId::kInteger: {
        uint32_t x;
        if (!in->GetFixed32(&x)) return false;
        v.Data<int32_t>()[row] = static_cast<int32_t>(x);
        break;
      }
      case TypeId::kBigInt: {
        uint64_t x;
        if (!in->GetFixed64(&x)) return false;
        v.Data<int64_t>()[row] = static_cast<int64_t>(x);
        break;
      }
      case TypeId::kDouble: {
        uint64_t x;
        if (!in->GetFixed64(&x)) return false;
        std::memcpy(&v.Data<double>()[row], &x, 8);
        break;
      }
      default: {
        std::string_view s;
        if (!in->GetLengthPrefixed(&s)) return false;
        v.Strings()[row] = std::string(s);
        break;
      }
    }
  }
  return true;
}

}  // namespace omendb
