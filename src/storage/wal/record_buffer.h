// RecordBuffer: the payload of a WAL record under construction, kept in pieces of about
// 1 MiB so that growing it never copies or re-zeroes what it already holds (a bulk load's
// record runs to hundreds of megabytes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace omendb::wal {

class RecordBuffer {
 public:
  // The string to append to next (coding.h's Put* functions take it). Appending to it
  // appends to the buffer; it stays valid until the next call of a non-const method.
  std::string* tail() {
    if (tail_.size() >= kPiece) {
      sealed_size_ += tail_.size();
      sealed_.push_back(std::move(tail_));
      tail_ = std::string();
      tail_.reserve(kPiece + kPiece / 4);
    }
    return &tail_;
  }
  size_t size() const { return sealed_size_ + tail_.size(); }
  bool empty() const { return size() == 0; }
  // Drops everything after the first `n` bytes. REQUIRES: n <= size().
  void Truncate(size_t n);
  void Clear() { Truncate(0); }
  // The buffer's bytes, in order, as views valid until the next non-const call.
  std::vector<std::string_view> Pieces() const;

 private:
  static constexpr size_t kPiece = size_t{1} << 20;
  std::vector<std::string> sealed_;  // full pieces
  size_t sealed_size_ = 0;
  std::string tail_;
};

}  // namespace omendb::wal
