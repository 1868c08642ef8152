#include "types/vector.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace omendb {

Vector::Vector(LogicalType type, size_t capacity) : type_(type) {
  validity_.reserve(capacity);
  if (type_.FixedWidth() > 0) {
    fixed_.reserve((capacity * type_.FixedWidth() + 7) / 8);
  } else {
    strings_.reserve(capacity);
  }
}

void Vector::Resize(size_t n) {
  validity_.resize(n, 1);
  if (type_.FixedWidth() > 0) {
    fixed_.resize((n * type_.FixedWidth() + 7) / 8);
  } else {
    strings_.resize(n);
  }
  size_ = n;
}

bool Vector::AllValid() const {
  return std::all_of(validity_.begin(), validity_.begin() + static_cast<long>(size_),
                     [](uint8_t v) { return v != 0; });
}

Value Vector::GetValue(size_t i) const {
  if (!IsValid(i)) return Value::Null(type_);
  switch (type_.physical()) {
    case PhysicalType::kBool: return Value::Boolean(Data<uint8_t>()[i] != 0);
    case PhysicalType::kInt16: return Value::Int(type_, Data<int16_t>()[i]);
    case PhysicalType::kInt32: return Value::Int(type_, Data<int32_t>()[i]);
    case PhysicalType::kInt64: return Value::Int(type_, Data<int64_t>()[i]);
    case PhysicalType::kFloat: return Value::Real(Data<float>()[i]).WithType(type_);
    case PhysicalType::kDouble: return Value::Double(Data<double>()[i]).WithType(type_);
    case PhysicalType::kInterval: return Value::Interval(Data<IntervalValue>()[i]);
    case PhysicalType::kUuid: return Value::Uuid(Data<UuidValue>()[i]);
    case PhysicalType::kString: return Value::String(type_, strings_[i]);
  }
  return Value::Null(type_);
}

void Vector::SetValue(size_t i, const Value& v) {
  // A Vector constructed with a capacity holds no rows until Resize: writing before it is a
  // write past the end (caught here in debug and sanitizer builds).
  assert(i < size_);
  SetValid(i, !v.is_null());
  if (v.is_null()) return;
  switch (type_.physical()) {
    case PhysicalType::kBool: Data<uint8_t>()[i] = v.GetBool() ? 1 : 0; break;
    case PhysicalType::kInt16: Data<int16_t>()[i] = static_cast<int16_t>(v.GetInt()); break;
    case PhysicalType::kInt32: Data<int32_t>()[i] = static_cast<int32_t>(v.GetInt()); break;
    case PhysicalType::kInt64: Data<int64_t>()[i] = v.GetInt(); break;
    case PhysicalType::kFloat: Data<float>()[i] = static_cast<float>(v.GetDouble()); break;
    case PhysicalType::kDouble: Data<double>()[i] = v.GetDouble(); break;
    case PhysicalType::kInterval: Data<IntervalValue>()[i] = v.GetInterval(); break;
    case PhysicalType::kUuid: Data<UuidValue>()[i] = v.GetUuid(); break;
    case PhysicalType::kString: strings_[i] = v.GetString(); break;
  }
}

void Vector::Fill(const Value& v) {
  if (size_ == 0) return;
  std::fill(validity_.begin(), validity_.begin() + static_cast<long>(size_), v.is_null() ? 0 : 1);
  if (v.is_null()) return;
  SetValue(0, v);
  const size_t w = type_.FixedWidth();
  if (w == 0) {
    std::fill(strings_.begin() + 1, strings_.begin() + static_cast<long>(size_), strings_[0]);
    return;
  }
  char* d = reinterpret_cast<char*>(fixed_.data());
  for (size_t filled = 1; filled < size_;) {  // doubling copies of the first value
    const size_t n = std::min(filled, size_ - filled);
    std::memcpy(d + filled * w, d, n * w);
    filled += n;
  }
}

void Vector::Append(const Value& v) {
  Resize(size_ + 1);
  SetValue(size_ - 1, v);
}

void Vector::AppendFrom(const Vector& other, size_t i) {
  Resize(size_ + 1);
  CopyFrom(other, i, size_ - 1);
}

void Vector::AppendRange(const Vector& other, size_t from, size_t n) {
  assert(from + n <= other.size_);
  if (n == 0) return;
  const size_t at = size_;
  Resize(size_ + n);
  std::memcpy(validity_.data() + at, other.validity_.data() + from, n);
  size_t w = type_.FixedWidth();
  if (w > 0) {
    std::memcpy(reinterpret_cast<char*>(fixed_.data()) + at * w,
                reinterpret_cast<const char*>(other.fixed_.data()) + from * w, n * w);
  } else {
    std::copy_n(other.strings_.begin() + static_cast<long>(from), n,
                strings_.begin() + static_cast<long>(at));
  }
}

void Vector::CopyFrom(const Vector& other, size_t from, size_t to) {
  assert(to < size_ && from < other.size_);
  SetValid(to, other.IsValid(from));
  size_t w = type_.FixedWidth();
  if (w > 0) {
    std::memcpy(reinterpret_cast<char*>(fixed_.data()) + to * w,
                reinterpret_cast<const char*>(other.fixed_.data()) + from * w, w);
  } else {
    strings_[to] = other.strings_[from];
  }
}

namespace {

template <typename T>
void GatherFixed(const T* src, const uint32_t* sel, size_t n, T* dst) {
  for (size_t k = 0; k < n; ++k) dst[k] = src[sel[k]];
}

}  // namespace

void Vector::Gather(const Vector& other, const uint32_t* sel, size_t n) {
  assert(type_.physical() == other.type_.physical());
  Resize(n);
  for (size_t k = 0; k < n; ++k) validity_[k] = other.validity_[sel[k]];
  switch (type_.FixedWidth()) {
    case 0:
      for (size_t k = 0; k < n; ++k) strings_[k] = other.strings_[sel[k]];
      return;
    case 1: GatherFixed(other.Data<uint8_t>(), sel, n, Data<uint8_t>()); return;
    case 2: GatherFixed(other.Data<uint16_t>(), sel, n, Data<uint16_t>()); return;
    case 4: GatherFixed(other.Data<uint32_t>(), sel, n, Data<uint32_t>()); return;
    case 8: GatherFixed(other.Data<uint64_t>(), sel, n, Data<uint64_t>()); return;
    default: {
      const size_t w = type_.FixedWidth();
      const char* src = reinterpret_cast<const char*>(other.fixed_.data());
      char* dst = reinterpret_cast<char*>(fixed_.data());
      for (size_t k = 0; k < n; ++k) std::memcpy(dst + k * w, src + size_t{sel[k]} * w, w);
      return;
    }
  }
}

DataChunk::DataChunk(const std::vector<LogicalType>& types, size_t capacity) {
  columns_.reserve(types.size());
  for (LogicalType t : types) columns_.emplace_back(t, capacity);
}

void DataChunk::SetSize(size_t n) {
  for (Vector& v : columns_) v.Resize(n);
  size_ = n;
}

std::vector<LogicalType> DataChunk::Types() const {
  std::vector<LogicalType> types;
  types.reserve(columns_.size());
  for (const Vector& v : columns_) types.push_back(v.type());
  return types;
}

void DataChunk::AppendRow(const std::vector<Value>& row) {
  for (size_t c = 0; c < columns_.size(); ++c) columns_[c].Append(row[c]);
  ++size_;
}

void DataChunk::AppendRowFrom(const DataChunk& other, size_t row) {
  for (size_t c = 0; c < columns_.size(); ++c) columns_[c].AppendFrom(other.columns_[c], row);
  ++size_;
}

void DataChunk::AppendRowPair(const DataChunk& left, size_t lrow, const DataChunk& right,
                              size_t rrow) {
  const size_t lw = left.columns_.size();
  for (size_t c = 0; c < lw; ++c) columns_[c].AppendFrom(left.columns_[c], lrow);
  for (size_t c = 0; c < right.columns_.size(); ++c) {
    columns_[lw + c].AppendFrom(right.columns_[c], rrow);
  }
  ++size_;
}

void DataChunk::Gather(const DataChunk& other, const uint32_t* sel, size_t n) {
  columns_.resize(other.columns_.size(), Vector(TypeId::kBoolean, 0));
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].type() != other.columns_[c].type()) {
      columns_[c] = Vector(other.columns_[c].type(), n);
    }
    columns_[c].Gather(other.columns_[c], sel, n);
  }
  size_ = n;
}

}  // namespace omendb
