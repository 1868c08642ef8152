#include "storage/wal/log_writer.h"

#include "common/coding.h"
#include "common/crc32c.h"

#include <cstring>

namespace omendb::wal {

Result<uint64_t> LogWriter::AddRecord(RecordType type, std::span<const std::string_view> pieces) {
  size_t length = 0;
  for (std::string_view p : pieces) length += p.size();
  if (length > kMaxPayload) {
    return Status(sqlstate::kProgramLimitExceeded, "transaction too large for one WAL record");
  }
  // A small record goes out in one write; a large one as its header, then its pieces in place.
  constexpr size_t kCopyBelow = 64 << 10;
  const bool copy = length < kCopyBelow;
  std::string rec;
  rec.reserve(kHeaderSize + (copy ? length : 0));
  PutFixed32(&rec, 0);  // CRC, filled below
  PutFixed32(&rec, static_cast<uint32_t>(length));
  PutFixed64(&rec, next_lsn_);
  rec.push_back(static_cast<char>(type));
  uint32_t crc = crc32c::Value(rec.data() + 8, rec.size() - 8);
  for (std::string_view p : pieces) {
    crc = crc32c::Extend(crc, p.data(), p.size());
    if (copy) rec.append(p);
  }
  crc = crc32c::Mask(crc);
  std::memcpy(rec.data(), &crc, 4);
  OMEN_RETURN_IF_ERROR(file_->Append(rec));
  if (!copy) {
    for (std::string_view p : pieces) OMEN_RETURN_IF_ERROR(file_->Append(p));
  }
  return next_lsn_++;
}

}  // namespace omendb::wal
