#include "storage/wal/record_buffer.h"

namespace omendb::wal {

void RecordBuffer::Truncate(size_t n) {
  while (n < sealed_size_) {
    // The cut falls inside a sealed piece: it becomes the tail again.
    sealed_size_ -= sealed_.back().size();
    tail_ = std::move(sealed_.back());
    sealed_.pop_back();
  }
  tail_.resize(n - sealed_size_);
}

std::vector<std::string_view> RecordBuffer::Pieces() const {
  std::vector<std::string_view> pieces(sealed_.begin(), sealed_.end());
  if (!tail_.empty()) pieces.emplace_back(tail_);
  return pieces;
}

}  // namespace omendb::wal
