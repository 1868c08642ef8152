// WAL record framing. Every record is self-checking; see docs/formats/wal.md.
//
//   offset size  field
//   0      4     masked CRC32C of bytes [8, 17 + length): lsn, type and payload
//   4      4     length: payload bytes (little endian)
//   8      8     lsn: log sequence number, strictly increasing by 1 per record
//   16     1     type (RecordType)
//   17     len   payload
//
// A record cut short at the end of the file, or a final record whose CRC does not match, is a
// torn write: the log ends before it. Anything invalid followed by more data is corruption.
#pragma once

#include <cstddef>
#include <cstdint>

namespace omendb::wal {

inline constexpr size_t kHeaderSize = 17;
// Upper bound on one record's payload; larger lengths are treated as corruption.
inline constexpr uint32_t kMaxPayload = 1u << 30;

enum class RecordType : uint8_t {
  // One committed transaction: a sequence of operations (see storage/wal_ops.h).
  kCommit = 1,
};

}  // namespace omendb::wal
