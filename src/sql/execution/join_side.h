// Pieces shared by the join operators: the materialized right input with per-row "matched"
// flags, and the NULL-padded rows of outer joins.
#pragma once

#include <vector>

#include "types/vector.h"

namespace omendb::sql {

// The right input of a join, held in memory.
class JoinBuildSide {
 public:
  void Add(DataChunk chunk) {
    matched_.emplace_back(chunk.size(), false);
    chunks_.push_back(std::move(chunk));
  }
  const std::vector<DataChunk>& chunks() const { return chunks_; }
  void MarkMatched(size_t chunk, size_t row) { matched_[chunk][row] = true; }

  // Appends right rows that never matched, with NULL left columns, until *out holds
  // kVectorSize rows; later calls continue where the previous one stopped.
  void EmitUnmatched(size_t left_width, DataChunk* out);

 private:
  std::vector<DataChunk> chunks_;
  std::vector<std::vector<bool>> matched_;
  size_t next_chunk_ = 0, next_row_ = 0;
};

// Appends row `row` of `left` followed by NULLs for the right columns.
void AppendLeftPadded(const DataChunk& left, size_t row, DataChunk* out);

}  // namespace omendb::sql
