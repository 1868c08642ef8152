#include "storage/wal/log_reader.h"

#include <algorithm>

#include "common/coding.h"
#include "common/crc32c.h"

namespace omendb::wal {

Status LogReader::Corruption(const std::string& what) const {
  return Status(sqlstate::kDataCorrupted, "WAL file \"" + file_name_ + "\" is corrupt at offset " +
                                              std::to_string(offset_) + ": " + what)
      .WithHint("The server refuses to start rather than skip committed data; restore the file "
                "from a backup or investigate the storage device.");
}

bool LogReader::LaterRecordExists() const {
  for (uint64_t pos = offset_ + 1; pos + kHeaderSize <= data_.size(); ++pos) {
    const char* p = data_.data() + pos;
    uint64_t lsn = DecodeFixed64(p + 8);
    uint32_t length = DecodeFixed32(p + 4);
    // Cheap filters first: a later record has a larger LSN, not absurdly far ahead.
    if (lsn <= expected_lsn_ || (expected_lsn_ != 0 && lsn - expected_lsn_ > (1u << 24))) continue;
    if (length > data_.size() - pos - kHeaderSize) continue;
    if (crc32c::Unmask(DecodeFixed32(p)) == crc32c::Value(p + 8, kHeaderSize - 8 + length)) {
      return true;
    }
  }
  return false;
}

Result<bool> LogReader::ReadRecord(Record* out) {
  std::string_view rest = data_.substr(offset_);
  if (rest.empty()) return false;
  // Only zero bytes left: a preallocated or zero-filled tail after a crash, not a record.
  bool all_zero = std::all_of(rest.begin(), rest.end(), [](char c) { return c == 0; });
  if (rest.size() < kHeaderSize) {
    torn_ = true;
    return false;
  }
  uint32_t masked_crc = DecodeFixed32(rest.data());
  uint32_t length = DecodeFixed32(rest.data() + 4);
  uint64_t lsn = DecodeFixed64(rest.data() + 8);
  if (length > kMaxPayload || rest.size() < kHeaderSize + length) {
    // The record claims more bytes than the file holds: a write cut short by a crash, unless a
    // valid record follows (then this length field itself is damaged).
    if (all_zero || !LaterRecordExists()) {
      torn_ = true;
      return false;
    }
    return Corruption("record length " + std::to_string(length) + " runs past a valid record");
  }
  uint32_t crc = crc32c::Value(rest.data() + 8, kHeaderSize - 8 + length);
  bool is_last = rest.size() == kHeaderSize + length;
  if (crc32c::Unmask(masked_crc) != crc) {
    if (is_last || all_zero || !LaterRecordExists()) {
      torn_ = true;
      return false;
    }
    return Corruption("checksum mismatch");
  }
  if (expected_lsn_ != 0 && lsn != expected_lsn_) {
    return Corruption("LSN " + std::to_string(lsn) + " where " + std::to_string(expected_lsn_) +
                      " was expected");
  }
  auto type = static_cast<uint8_t>(rest[16]);
  if (type != static_cast<uint8_t>(RecordType::kCommit)) {
    return Corruption("unknown record type " + std::to_string(type));
  }
  out->lsn = lsn;
  out->type = static_cast<RecordType>(type);
  out->payload = rest.substr(kHeaderSize, length);
  offset_ += kHeaderSize + length;
  expected_lsn_ = lsn + 1;
  return true;
}

}  // namespace omendb::wal
