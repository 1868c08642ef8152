#include "storage/wal/log_writer.h"

#include "common/coding.h"
#include "common/crc32c.h"

#include <cstring>

namespace omendb::wal {

Result<uint64_t> LogWriter::AddRecord(RecordType type, std::string_view payload) {
  if (payload.size() > kMaxPayload) {
    return Status(sqlstate::kProgramLimitExceeded, "transaction too large for one WAL record");
  }
  std::string rec;
  rec.reserve(kHeaderSize + payload.size());
  PutFixed32(&rec, 0);  // CRC, filled below
  PutFixed32(&rec, static_cast<uint32_t>(payload.size()));
  PutFixed64(&rec, next_lsn_);
  rec.push_back(static_cast<char>(type));
  rec.append(payload);
  uint32_t crc = crc32c::Mask(crc32c::Value(rec.data() + 8, rec.size() - 8));
  std::memcpy(rec.data(), &crc, 4);
  OMEN_RETURN_IF_ERROR(file_->Append(rec));
  return next_lsn_++;
}

}  // namespace omendb::wal
