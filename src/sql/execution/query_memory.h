// QueryMemory: a statement's budget for the rows its operators hold (sorts, hash tables,
// materialized inputs). Exceeding it fails the statement with 53200 rather than letting one
// query exhaust the server's memory.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "common/status.h"
#include "types/vector.h"

namespace omendb::sql {

class QueryMemory {
 public:
  explicit QueryMemory(int64_t limit_bytes) : limit_(limit_bytes) {}

  // Counts `bytes` more held by the statement. Error 53200 once the total exceeds the limit.
  Status Charge(int64_t bytes) {
    int64_t used = used_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    if (used <= limit_) return Status::OK();
    return Status(sqlstate::kOutOfMemory, "out of memory",
                  "The query needs more than omendb.query_memory_limit (" +
                      std::to_string(limit_ >> 10) + " kB) for the rows it holds.",
                  "Raise omendb.query_memory_limit or make the query hold fewer rows.");
  }
  int64_t used() const { return used_.load(std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> used_{0};
  int64_t limit_;
};

// An estimate of the memory `chunk` occupies: fixed-width values, strings and validity.
inline int64_t ApproximateBytes(const DataChunk& chunk) {
  int64_t bytes = 0;
  for (size_t c = 0; c < chunk.column_count(); ++c) {
    const Vector& v = chunk.column(c);
    size_t w = v.type().FixedWidth();
    if (w > 0) {
      bytes += static_cast<int64_t>((w + 1) * chunk.size());
    } else {
      for (size_t r = 0; r < chunk.size(); ++r) {
        bytes += static_cast<int64_t>(sizeof(std::string) + 1 + v.Strings()[r].size());
      }
    }
  }
  return bytes;
}

}  // namespace omendb::sql
