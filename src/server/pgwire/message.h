// PostgreSQL wire protocol v3 message encoding (backend messages) and decoding helpers.
// Layout of every message after startup: 1 byte type, int32 length (including itself, big
// endian), payload. See https://www.postgresql.org/docs/15/protocol-message-formats.html.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace omendb::pgwire {

// Appends backend messages to a byte buffer.
class MessageWriter {
 public:
  explicit MessageWriter(std::string* out) : out_(out) {}

  // Starts a message of `type`; every Begin must be matched by End.
  void Begin(char type);
  void Int8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void Int16(int16_t v);
  void Int32(int32_t v);
  void CString(std::string_view s);  // bytes then NUL
  void Bytes(std::string_view s) { out_->append(s); }
  void End();

 private:
  std::string* out_;
  size_t start_ = 0;
};

// ErrorResponse ('E') or NoticeResponse ('N') for `status`; `severity` is "ERROR", "FATAL" or
// "NOTICE". `query` (if given) converts the byte position into PostgreSQL's 1-based character
// position.
void WriteErrorOrNotice(std::string* out, char type, const char* severity, const Status& status,
                        std::string_view query = {});

// ReadyForQuery ('Z'); `status`: 'I' idle, 'T' in a transaction block, 'E' in a failed one.
void WriteReadyForQuery(std::string* out, char status);

// Reads big-endian integers and C strings from a message payload; each Get returns false when
// the payload is malformed or exhausted.
class MessageReader {
 public:
  explicit MessageReader(std::string_view in) : in_(in) {}
  bool Int16(int16_t* v);
  bool Int32(int32_t* v);
  bool CString(std::string_view* s);
  bool Bytes(size_t n, std::string_view* s);
  bool empty() const { return in_.empty(); }

 private:
  std::string_view in_;
};

}  // namespace omendb::pgwire
