// LogReader decodes the records of one WAL file held in memory, distinguishing a torn tail
// (the clean end of the log) from corruption (an error naming the file and offset).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "storage/wal/log_format.h"

namespace omendb::wal {

struct Record {
  uint64_t lsn = 0;
  RecordType type = RecordType::kCommit;
  std::string_view payload;  // points into the reader's input
};

class LogReader {
 public:
  // `data` must outlive the reader and the records it returns.
  LogReader(std::string_view data, std::string file_name)
      : data_(data), file_name_(std::move(file_name)) {}

  // Reads the next record into *out. Returns true on success, false at the end of the log
  // (clean end or torn tail), or XX001 when the log is corrupt before its end.
  Result<bool> ReadRecord(Record* out);

  // Byte offset where the valid log ends (after the last good record); meaningful once
  // ReadRecord returned false.
  uint64_t valid_end() const { return offset_; }
  bool torn_tail() const { return torn_; }

 private:
  Status Corruption(const std::string& what) const;
  // Whether a valid record starts anywhere after the current offset (then damage at the
  // current offset is corruption, not a torn tail).
  bool LaterRecordExists() const;

  std::string_view data_;
  std::string file_name_;
  uint64_t offset_ = 0;
  uint64_t expected_lsn_ = 0;  // 0 until the first record is read
  bool torn_ = false;
};

}  // namespace omendb::wal
