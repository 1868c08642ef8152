#include "server/pgwire/wire_format.h"

#include <cstring>

#include "server/pgwire/message.h"
#include "types/vector.h"

namespace omendb::pgwire {
namespace {

uint64_t ReadBigEndian(std::string_view bytes) {
  uint64_t v = 0;
  for (char c : bytes) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

void AppendBigEndian(uint64_t v, int bytes, std::string* out) {
  for (int i = bytes - 1; i >= 0; --i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

Status BadBinary(LogicalType type) {
  return Status("22P03", std::string("incorrect binary data format for type ") + type.sql_name());
}

constexpr uint32_t kInt2Oid = 21;

// The bytes of a fixed-width binary value: 08P01 if fewer, 22P03 if more.
Status CheckSize(std::string_view bytes, size_t want, LogicalType type) {
  if (bytes.size() < want) {
    return Status(sqlstate::kProtocolViolation, "insufficient data left in message");
  }
  return bytes.size() > want ? BadBinary(type) : Status::OK();
}

}  // namespace

int16_t FormatOf(const std::vector<int16_t>& formats, size_t i) {
  if (formats.empty()) return 0;
  return formats.size() == 1 ? formats[0] : formats[i];
}

Status CheckFormats(const std::vector<int16_t>& formats, size_t count, const char* what) {
  for (int16_t f : formats) {
    if (f != 0 && f != 1) {
      return Status(sqlstate::kProtocolViolation, "unsupported format code: " + std::to_string(f));
    }
  }
  if (formats.size() > 1 && formats.size() != count) {
    bool result = std::string_view(what) == "result";
    return Status(sqlstate::kProtocolViolation,
                  "bind message has " + std::to_string(formats.size()) + " " + what +
                      " formats but " + (result ? "query has " : "") + std::to_string(count) +
                      (result ? " columns" : " parameters"));
  }
  return Status::OK();
}

Result<LogicalType> ParameterType(uint32_t oid) {
  switch (oid) {
    case 0:
    case 705: return LogicalType(TypeId::kInvalid);
    case 16: return LogicalType(TypeId::kBoolean);
    case 21:  // int2: its values are integers; int2's own arithmetic is not modelled
    case 23: return LogicalType(TypeId::kInteger);
    case 20: return LogicalType(TypeId::kBigInt);
    case 701: return LogicalType(TypeId::kDouble);
    case 25:
    case 1043: return LogicalType(TypeId::kText);  // varchar without a length is text
    default:
      return NotSupported("parameters of type OID " + std::to_string(oid));
  }
}

Result<Value> DecodeBinary(LogicalType type, uint32_t oid, std::string_view bytes) {
  switch (type.id()) {
    case TypeId::kBoolean:
      OMEN_RETURN_IF_ERROR(CheckSize(bytes, 1, type));
      return Value::Boolean(bytes[0] != 0);
    case TypeId::kInteger:
      if (oid == kInt2Oid) {
        OMEN_RETURN_IF_ERROR(CheckSize(bytes, 2, type));
        return Value::Integer(static_cast<int16_t>(static_cast<uint16_t>(ReadBigEndian(bytes))));
      }
      OMEN_RETURN_IF_ERROR(CheckSize(bytes, 4, type));
      return Value::Integer(static_cast<int32_t>(static_cast<uint32_t>(ReadBigEndian(bytes))));
    case TypeId::kBigInt:
      OMEN_RETURN_IF_ERROR(CheckSize(bytes, 8, type));
      return Value::BigInt(static_cast<int64_t>(ReadBigEndian(bytes)));
    case TypeId::kDouble: {
      OMEN_RETURN_IF_ERROR(CheckSize(bytes, 8, type));
      uint64_t bits = ReadBigEndian(bytes);
      double d;
      std::memcpy(&d, &bits, 8);
      return Value::Double(d);
    }
    case TypeId::kText: return Value::Text(std::string(bytes));
    default: return BadBinary(type);
  }
}

Status CheckDeclaredRange(uint32_t oid, const Value& v) {
  if (oid == kInt2Oid && !v.is_null() && (v.GetInt() < -32768 || v.GetInt() > 32767)) {
    return Status(sqlstate::kNumericValueOutOfRange,
                  "value \"" + v.ToString() + "\" is out of range for type smallint");
  }
  return Status::OK();
}

void EncodeBinary(const Value& v, std::string* out) {
  switch (v.type().id()) {
    case TypeId::kBoolean: out->push_back(v.GetBool() ? 1 : 0); return;
    case TypeId::kInteger: AppendBigEndian(static_cast<uint32_t>(v.GetInt()), 4, out); return;
    case TypeId::kBigInt: AppendBigEndian(static_cast<uint64_t>(v.GetInt()), 8, out); return;
    case TypeId::kDouble: {
      uint64_t bits;
      double d = v.GetDouble();
      std::memcpy(&bits, &d, 8);
      AppendBigEndian(bits, 8, out);
      return;
    }
    default: out->append(v.ToString()); return;  // text and untyped: their text bytes
  }
}

void WriteRowDescription(std::string* out, const std::vector<ResultColumn>& columns,
                         const std::vector<int16_t>& formats) {
  MessageWriter w(out);
  w.Begin('T');
  w.Int16(static_cast<int16_t>(columns.size()));
  for (size_t i = 0; i < columns.size(); ++i) {
    const ResultColumn& c = columns[i];
    w.CString(c.name);
    w.Int32(0);  // table OID
    w.Int16(0);  // column number
    w.Int32(static_cast<int32_t>(c.type.pg_oid()));
    w.Int16(c.type.pg_typlen());
    w.Int32(-1);  // type modifier
    w.Int16(FormatOf(formats, i));
  }
  w.End();
}

Status WireSink::OnColumns(const std::vector<ResultColumn>& columns) {
  if (describe_) WriteRowDescription(out_, columns, formats_);
  return Status::OK();
}

Status WireSink::OnChunk(const DataChunk& chunk, size_t column_count) {
  MessageWriter w(out_);
  std::string bytes;
  for (size_t r = 0; r < chunk.size(); ++r) {
    w.Begin('D');
    w.Int16(static_cast<int16_t>(column_count));
    for (size_t c = 0; c < column_count; ++c) {
      Value v = chunk.GetValue(c, r);
      if (v.is_null()) {
        w.Int32(-1);
        continue;
      }
      bytes.clear();
      if (FormatOf(formats_, c) == 1) {
        EncodeBinary(v, &bytes);
      } else {
        bytes = v.ToString();
      }
      w.Int32(static_cast<int32_t>(bytes.size()));
      w.Bytes(bytes);
    }
    w.End();
  }
  return Status::OK();
}

Status WireSink::OnComplete(const std::string& tag) {
  MessageWriter w(out_);
  w.Begin('C');
  w.CString(tag);
  w.End();
  return Status::OK();
}

void WireSink::OnEmptyQuery() {
  MessageWriter w(out_);
  w.Begin('I');
  w.End();
}

void WireSink::OnNotice(std::string_view sqlstate, const std::string& message) {
  WriteErrorOrNotice(out_, 'N', "NOTICE", Status(sqlstate, message));
}

void WireSink::OnWarning(std::string_view sqlstate, const std::string& message) {
  WriteErrorOrNotice(out_, 'N', "WARNING", Status(sqlstate, message));
}

}  // namespace omendb::pgwire
