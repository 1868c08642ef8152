#include "server/pgwire/message.h"

#include <arpa/inet.h>

#include <cstring>

namespace omendb::pgwire {

void MessageWriter::Begin(char type) {
  out_->push_back(type);
  start_ = out_->size();
  out_->append(4, '\0');
}

void MessageWriter::Int16(int16_t v) {
  uint16_t n = htons(static_cast<uint16_t>(v));
  out_->append(reinterpret_cast<const char*>(&n), 2);
}

void MessageWriter::Int32(int32_t v) {
  uint32_t n = htonl(static_cast<uint32_t>(v));
  out_->append(reinterpret_cast<const char*>(&n), 4);
}

void MessageWriter::CString(std::string_view s) {
  // A NUL inside would end the field early; PostgreSQL text never contains one.
  out_->append(s.substr(0, s.find('\0')));
  out_->push_back('\0');
}

void MessageWriter::End() {
  uint32_t len = htonl(static_cast<uint32_t>(out_->size() - start_));
  std::memcpy(out_->data() + start_, &len, 4);
}

void WriteErrorOrNotice(std::string* out, char type, const char* severity, const Status& status,
                        std::string_view query) {
  MessageWriter w(out);
  w.Begin(type);
  w.Int8('S');
  w.CString(severity);
  w.Int8('V');
  w.CString(severity);
  w.Int8('C');
  w.CString(status.sqlstate());
  w.Int8('M');
  w.CString(status.message());
  if (!status.detail().empty()) {
    w.Int8('D');
    w.CString(status.detail());
  }
  if (!status.hint().empty()) {
    w.Int8('H');
    w.CString(status.hint());
  }
  if (auto pos = status.position(); pos && *pos >= 0 && !query.empty()) {
    // Character (not byte) position, 1-based: count UTF-8 lead bytes before the offset.
    size_t end = std::min(static_cast<size_t>(*pos), query.size());
    int chars = 1;
    for (size_t i = 0; i < end; ++i) {
      if ((static_cast<unsigned char>(query[i]) & 0xC0) != 0x80) ++chars;
    }
    w.Int8('P');
    w.CString(std::to_string(chars));
  }
  w.Int8(0);
  w.End();
}

void WriteReadyForQuery(std::string* out, char status) {
  MessageWriter w(out);
  w.Begin('Z');
  w.Int8(static_cast<uint8_t>(status));
  w.End();
}

bool MessageReader::Int16(int16_t* v) {
  if (in_.size() < 2) return false;
  uint16_t n;
  std::memcpy(&n, in_.data(), 2);
  *v = static_cast<int16_t>(ntohs(n));
  in_.remove_prefix(2);
  return true;
}

bool MessageReader::Int32(int32_t* v) {
  if (in_.size() < 4) return false;
  uint32_t n;
  std::memcpy(&n, in_.data(), 4);
  *v = static_cast<int32_t>(ntohl(n));
  in_.remove_prefix(4);
  return true;
}

bool MessageReader::Bytes(size_t n, std::string_view* s) {
  if (in_.size() < n) return false;
  *s = in_.substr(0, n);
  in_.remove_prefix(n);
  return true;
}

bool MessageReader::CString(std::string_view* s) {
  size_t nul = in_.find('\0');
  if (nul == std::string_view::npos) return false;
  *s = in_.substr(0, nul);
  in_.remove_prefix(nul + 1);
  return true;
}

}  // namespace omendb::pgwire
