#include "storage/delta_key_index.h"

namespace omendb {

bool IsIntegerKey(const std::vector<LogicalType>& key_types) {
  if (key_types.size() != 1) return false;
  PhysicalType p = key_types[0].physical();
  return p == PhysicalType::kInt16 || p == PhysicalType::kInt32 || p == PhysicalType::kInt64;
}

DeltaKeyIndex::DeltaKeyIndex(std::vector<LogicalType> key_types)
    : int_(IsIntegerKey(key_types)), type_(int_ ? key_types[0] : LogicalType()) {}

std::vector<Value> DeltaKeyIndex::Iterator::key() const {
  if (int_) return {Value::Int(type_, i_->first)};
  return v_->first;
}

DeltaKeyIndex::Iterator& DeltaKeyIndex::Iterator::operator++() {
  if (int_) {
    ++i_;
  } else {
    ++v_;
  }
  return *this;
}

DeltaKeyIndex::Iterator& DeltaKeyIndex::Iterator::operator--() {
  if (int_) {
    --i_;
  } else {
    --v_;
  }
  return *this;
}

uint64_t DeltaKeyIndex::Find(const std::vector<Value>& key) const {
  if (int_) return FindInt(key[0].GetInt());
  auto it = values_.find(key);
  return it == values_.end() ? kNone : it->second;
}

uint64_t DeltaKeyIndex::Upsert(const std::vector<Value>& key, uint64_t pos) {
  if (int_) return UpsertInt(key[0].GetInt(), pos);
  auto [it, inserted] = values_.try_emplace(key, pos);
  if (inserted) return kNone;
  uint64_t older = it->second;
  it->second = pos;
  return older;
}

uint64_t DeltaKeyIndex::UpsertInt(int64_t key, uint64_t pos) {
  // Keys mostly arrive ascending (sequences, hidden row ids, bulk loads): try the end first.
  if (ints_.empty() || max_int_ < key) {
    ints_.emplace_hint(ints_.end(), key, pos);
    max_int_ = key;
    return kNone;
  }
  IntTree::iterator it;
  bool inserted;
  std::tie(it, inserted) = ints_.try_emplace(key, pos);
  if (inserted) return kNone;
  uint64_t older = it->second;
  it->second = pos;
  return older;
}

DeltaKeyIndex::Iterator DeltaKeyIndex::begin() const {
  Iterator it = Make();
  it.i_ = ints_.begin();
  it.v_ = values_.begin();
  return it;
}

DeltaKeyIndex::Iterator DeltaKeyIndex::end() const {
  Iterator it = Make();
  it.i_ = ints_.end();
  it.v_ = values_.end();
  return it;
}

DeltaKeyIndex::Iterator DeltaKeyIndex::Seek(const std::vector<Value>& prefix, bool upper) const {
  if (prefix.empty()) return upper ? end() : begin();
  Iterator it = Make();
  if (int_) {
    int64_t k = prefix[0].GetInt();
    it.i_ = upper ? ints_.upper_bound(k) : ints_.lower_bound(k);
  } else {
    it.v_ = upper ? values_.upper_bound(prefix) : values_.lower_bound(prefix);
  }
  return it;
}

}  // namespace omendb
