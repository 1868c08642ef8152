// LogWriter appends framed records to the WAL file. Not thread-safe: the storage engine
// serialises writers.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "common/env.h"
#include "common/status.h"
#include "storage/wal/log_format.h"

namespace omendb::wal {

class LogWriter {
 public:
  // `next_lsn` is the LSN the next record gets.
  LogWriter(std::unique_ptr<WritableFile> file, uint64_t next_lsn)
      : file_(std::move(file)), next_lsn_(next_lsn) {}

  // Appends one record (not yet durable) and returns its LSN. 54000 (nothing written) when
  // the payload exceeds kMaxPayload.
  Result<uint64_t> AddRecord(RecordType type, std::string_view payload) {
    return AddRecord(type, std::span<const std::string_view>(&payload, 1));
  }
  // The same, with the payload given as the concatenation of `pieces`.
  Result<uint64_t> AddRecord(RecordType type, std::span<const std::string_view> pieces);
  // Makes every appended record durable.
  Status Sync() { return file_->Sync(); }
  uint64_t next_lsn() const { return next_lsn_; }

 private:
  std::unique_ptr<WritableFile> file_;
  uint64_t next_lsn_;
};

}  // namespace omendb::wal
