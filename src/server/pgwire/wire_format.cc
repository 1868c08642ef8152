#include "server/pgwire/wire_format.h"

#include <cstring>

#include "server/pgwire/message.h"
#include "types/numeric.h"
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
  if (oid == 0 || oid == 705) return LogicalType(TypeId::kInvalid);
  static const TypeId kTypes[] = {
      TypeId::kBoolean, TypeId::kSmallInt, TypeId::kInteger,   TypeId::kBigInt,
      TypeId::kReal,    TypeId::kDouble,   TypeId::kNumeric,   TypeId::kText,
      TypeId::kVarchar, TypeId::kChar,     TypeId::kBytea,     TypeId::kDate,
      TypeId::kTime,    TypeId::kTimestamp, TypeId::kTimestampTz, TypeId::kInterval,
      TypeId::kUuid};
  for (TypeId t : kTypes) {
    if (LogicalType(t).pg_oid() == oid) return LogicalType(t);
  }
  return NotSupported("parameters of type OID " + std::to_string(oid));
}

Result<Value> DecodeBinary(LogicalType type, std::string_view bytes) {
  const size_t width = type.FixedWidth();
  if (width > 0) OMEN_RETURN_IF_ERROR(CheckSize(bytes, width, type));
  switch (type.physical()) {
    case PhysicalType::kBool: return Value::Boolean(bytes[0] != 0);
    case PhysicalType::kInt16:
      return Value::Int(type, static_cast<int16_t>(static_cast<uint16_t>(ReadBigEndian(bytes))));
    case PhysicalType::kInt32:
      return Value::Int(type, static_cast<int32_t>(static_cast<uint32_t>(ReadBigEndian(bytes))));
    case PhysicalType::kInt64: return Value::Int(type, static_cast<int64_t>(ReadBigEndian(bytes)));
    case PhysicalType::kFloat: {
      uint32_t bits = static_cast<uint32_t>(ReadBigEndian(bytes));
      float f;
      std::memcpy(&f, &bits, 4);
      return Value::Real(f);
    }
    case PhysicalType::kDouble: {
      uint64_t bits = ReadBigEndian(bytes);
      double d;
      std::memcpy(&d, &bits, 8);
      return Value::Double(d);
    }
    case PhysicalType::kInterval: {
      IntervalValue iv;
      iv.micros = static_cast<int64_t>(ReadBigEndian(bytes.substr(0, 8)));
      iv.days = static_cast<int32_t>(static_cast<uint32_t>(ReadBigEndian(bytes.substr(8, 4))));
      iv.months = static_cast<int32_t>(static_cast<uint32_t>(ReadBigEndian(bytes.substr(12, 4))));
      return Value::Interval(iv);
    }
    case PhysicalType::kUuid: {
      UuidValue u;
      std::memcpy(u.bytes, bytes.data(), 16);
      return Value::Uuid(u);
    }
    case PhysicalType::kString:
      if (type.id() == TypeId::kNumeric) {
        Numeric n;
        OMEN_ASSIGN_OR_RETURN(n, Numeric::FromBinary(bytes));
        return Value::String(type, n.ToString());
      }
      return Value::String(type, std::string(bytes));
  }
  return BadBinary(type);
}

void EncodeBinary(const Value& v, std::string* out) {
  LogicalType type = v.type();
  switch (type.physical()) {
    case PhysicalType::kBool: out->push_back(v.GetBool() ? 1 : 0); return;
    case PhysicalType::kInt16: AppendBigEndian(static_cast<uint16_t>(v.GetInt()), 2, out); return;
    case PhysicalType::kInt32: AppendBigEndian(static_cast<uint32_t>(v.GetInt()), 4, out); return;
    case PhysicalType::kInt64: AppendBigEndian(static_cast<uint64_t>(v.GetInt()), 8, out); return;
    case PhysicalType::kFloat: {
      uint32_t bits;
      float f = static_cast<float>(v.GetDouble());
      std::memcpy(&bits, &f, 4);
      AppendBigEndian(bits, 4, out);
      return;
    }
    case PhysicalType::kDouble: {
      uint64_t bits;
      double d = v.GetDouble();
      std::memcpy(&bits, &d, 8);
      AppendBigEndian(bits, 8, out);
      return;
    }
    case PhysicalType::kInterval: {
      IntervalValue iv = v.GetInterval();
      AppendBigEndian(static_cast<uint64_t>(iv.micros), 8, out);
      AppendBigEndian(static_cast<uint32_t>(iv.days), 4, out);
      AppendBigEndian(static_cast<uint32_t>(iv.months), 4, out);
      return;
    }
    case PhysicalType::kUuid: {
      UuidValue u = v.GetUuid();
      out->append(reinterpret_cast<const char*>(u.bytes), 16);
      return;
    }
    case PhysicalType::kString:
      if (type.id() == TypeId::kNumeric) {
        Result<Numeric> n = Numeric::Parse(v.GetString());
        if (n.ok()) out->append(n->ToBinary());
        return;
      }
      out->append(type.id() == TypeId::kUnknown || type.IsCharacter() || type.id() == TypeId::kBytea
                      ? v.GetString()
                      : v.ToString());
      return;
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
    w.Int32(c.type.modifier());
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
  if (flush_ != nullptr && *flush_ && out_->size() >= kStreamFlushBytes) return (*flush_)(out_);
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

void WireSink::OnNotice(std::string_view sqlstate, const std::string& message,
                        const std::string& detail) {
  WriteErrorOrNotice(out_, 'N', "NOTICE", Status(sqlstate, message, detail));
}

void WriteParameterStatus(std::string* out, std::string_view name, std::string_view value) {
  MessageWriter w(out);
  w.Begin('S');
  w.CString(name);
  w.CString(value);
  w.End();
}

void WireSink::OnParameterStatus(const std::string& name, const std::string& value) {
  WriteParameterStatus(out_, name, value);
}

void WireSink::OnWarning(std::string_view sqlstate, const std::string& message) {
  WriteErrorOrNotice(out_, 'N', "WARNING", Status(sqlstate, message));
}

}  // namespace omendb::pgwire
