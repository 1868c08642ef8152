#include "server/pgwire/query_protocol.h"

#include "server/pgwire/message.h"
#include "server/pgwire/wire_format.h"
#include "types/cast.h"

namespace omendb::pgwire {
namespace {

Status Malformed(const char* message) {
  return Status(sqlstate::kProtocolViolation, std::string("invalid ") + message + " message format");
}

void WriteEmptyMessage(std::string* out, char type) {
  MessageWriter w(out);
  w.Begin(type);
  w.End();
}


// Reads `count` int16 format codes.
bool ReadFormats(MessageReader* r, std::vector<int16_t>* formats) {
  int16_t n;
  if (!r->Int16(&n) || n < 0) return false;
  formats->resize(static_cast<size_t>(n));
  for (int16_t& f : *formats) {
    if (!r->Int16(&f)) return false;
  }
  return true;
}

}  // namespace

bool QueryProtocol::Handles(char type) {
  switch (type) {
    case 'Q': case 'P': case 'B': case 'D': case 'E': case 'C': case 'S': case 'H':
      return true;
    default:
      return false;
  }
}

bool QueryProtocol::Handle(char type, std::string_view body, std::string* out) {
  if (type == 'Q') {
    std::string_view query;
    MessageReader r(body);
    if (!r.CString(&query)) {
      WriteErrorOrNotice(out, 'E', "FATAL", Status(sqlstate::kProtocolViolation, "invalid query message"));
      return false;
    }
    WireSink sink(out, {}, /*describe=*/true, &flush_);
    Status s = session_->Execute(query, &sink);
    if (!s.ok()) WriteErrorOrNotice(out, 'E', "ERROR", s, query);
    WriteReadyForQuery(out, session_->TransactionStatus());
    return true;
  }
  if (type == 'S') {
    skipping_to_sync_ = false;
    Status s = session_->Sync();
    if (!s.ok()) WriteErrorOrNotice(out, 'E', "ERROR", s);
    WriteReadyForQuery(out, session_->TransactionStatus());
    return true;
  }
  if (type == 'H' || skipping_to_sync_) return true;
  Status s;
  parse_query_.clear();
  switch (type) {
    case 'P':
      s = Parse(body);
      if (s.ok()) WriteEmptyMessage(out, '1');  // ParseComplete
      break;
    case 'B':
      s = Bind(body);
      if (s.ok()) WriteEmptyMessage(out, '2');  // BindComplete
      break;
    case 'D': s = Describe(body, out); break;
    case 'E': s = Execute(body, out); break;
    case 'C':
      s = Close(body);
      if (s.ok()) WriteEmptyMessage(out, '3');  // CloseComplete
      break;
    default: break;
  }
  if (!s.ok()) {
    session_->FailTransaction();  // done already if the session's own step failed
    WriteErrorOrNotice(out, 'E', "ERROR", s, parse_query_);
    skipping_to_sync_ = true;
  }
  return true;
}

Status QueryProtocol::Parse(std::string_view body) {
  MessageReader r(body);
  std::string_view name, query;
  int16_t n;
  if (!r.CString(&name) || !r.CString(&query) || !r.Int16(&n) || n < 0) return Malformed("Parse");
  std::vector<LogicalType> types;
  std::vector<uint32_t> oids;
  for (int16_t i = 0; i < n; ++i) {
    int32_t oid;
    if (!r.Int32(&oid)) return Malformed("Parse");
    LogicalType t;
    OMEN_ASSIGN_OR_RETURN(t, ParameterType(static_cast<uint32_t>(oid)));
    types.push_back(t);
    oids.push_back(static_cast<uint32_t>(oid));
  }
  parse_query_ = std::string(query);
  OMEN_RETURN_IF_ERROR(session_->Prepare(std::string(name), query, std::move(types)));
  declared_oids_[std::string(name)] = std::move(oids);
  return Status::OK();
}

Status QueryProtocol::Bind(std::string_view body) {
  ScopedSessionTime session_time = session_->TimeScope();  // text parameters of date/time types
  MessageReader r(body);
  std::string_view portal, statement;
  std::vector<int16_t> param_formats, result_formats;
  int16_t n;
  if (!r.CString(&portal) || !r.CString(&statement) || !ReadFormats(&r, &param_formats) ||
      !r.Int16(&n) || n < 0) {
    return Malformed("Bind");
  }
  const PreparedStatement* ps;
  OMEN_ASSIGN_OR_RETURN(ps, session_->GetStatement(std::string(statement)));
  OMEN_RETURN_IF_ERROR(CheckFormats(param_formats, static_cast<size_t>(n), "parameter"));
  const std::vector<uint32_t>& oids = declared_oids_[std::string(statement)];
  std::vector<Value> params;
  for (int16_t i = 0; i < n; ++i) {
    size_t index = static_cast<size_t>(i);
    uint32_t oid = index < oids.size() ? oids[index] : 0;
    int32_t len;
    if (!r.Int32(&len) || len < -1) return Malformed("Bind");
    if (len == -1) {
      params.emplace_back();  // NULL
      continue;
    }
    std::string_view bytes;
    if (!r.Bytes(static_cast<size_t>(len), &bytes)) return Malformed("Bind");
    if (index >= ps->param_types.size()) {
      params.emplace_back();  // the count is checked (08P01) by the session
      continue;
    }
    LogicalType type = ps->param_types[index];
    Value v;
    if (FormatOf(param_formats, index) == 0) {
      v = Value::Unknown(std::string(bytes));
      if (oid != 0) {  // a declared type: converted here
        OMEN_ASSIGN_OR_RETURN(v, CastValue(v, type));
      }
    } else {
      Result<Value> decoded = DecodeBinary(type, bytes);
      if (!decoded.ok()) {
        if (decoded.status().sqlstate() != "22P03") return decoded.status();
        return Status("22P03", "incorrect binary data format in bind parameter " +
                                   std::to_string(i + 1));
      }
      v = std::move(decoded).value();
    }
    params.push_back(std::move(v));
  }
  if (!ReadFormats(&r, &result_formats)) return Malformed("Bind");
  size_t columns = ps->columns ? ps->columns->size() : 0;
  OMEN_RETURN_IF_ERROR(CheckFormats(result_formats, columns, "result"));
  return session_->Bind(std::string(portal), std::string(statement), std::move(params),
                        std::move(result_formats));
}

Status QueryProtocol::Describe(std::string_view body, std::string* out) {
  if (body.empty()) return Malformed("Describe");
  char what = body[0];
  std::string_view name;
  MessageReader r(body.substr(1));
  if (!r.CString(&name)) return Malformed("Describe");
  const PreparedStatement* ps;
  const std::vector<int16_t>* formats = nullptr;
  static const std::vector<int16_t> kText;
  if (what == 'S') {
    OMEN_ASSIGN_OR_RETURN(ps, session_->GetStatement(std::string(name)));
    MessageWriter w(out);
    w.Begin('t');  // ParameterDescription
    w.Int16(static_cast<int16_t>(ps->param_types.size()));
    for (LogicalType t : ps->param_types) w.Int32(static_cast<int32_t>(t.pg_oid()));
    w.End();
    formats = &kText;  // formats are not known before Bind
  } else if (what == 'P') {
    auto described = session_->DescribePortal(std::string(name));
    if (!described.ok()) return described.status();
    ps = described->first;
    formats = described->second;
  } else {
    return Status(sqlstate::kProtocolViolation,
                  std::string("invalid DESCRIBE message subtype ") + std::to_string(what));
  }
  if (ps->columns) {
    WriteRowDescription(out, *ps->columns, *formats);
  } else {
    WriteEmptyMessage(out, 'n');  // NoData
  }
  return Status::OK();
}

Status QueryProtocol::Execute(std::string_view body, std::string* out) {
  MessageReader r(body);
  std::string_view portal;
  int32_t max_rows;
  if (!r.CString(&portal) || !r.Int32(&max_rows)) return Malformed("Execute");
  auto described = session_->DescribePortal(std::string(portal));
  if (!described.ok()) return described.status();
  WireSink sink(out, *described->second, /*describe=*/false, &flush_);
  bool suspended;
  OMEN_ASSIGN_OR_RETURN(suspended,
                        session_->ExecutePortal(std::string(portal),
                                                max_rows > 0 ? static_cast<uint64_t>(max_rows) : 0,
                                                &sink));
  if (suspended) WriteEmptyMessage(out, 's');  // PortalSuspended
  return Status::OK();
}

Status QueryProtocol::Close(std::string_view body) {
  if (body.empty()) return Malformed("Close");
  std::string_view name;
  MessageReader r(body.substr(1));
  if (!r.CString(&name)) return Malformed("Close");
  if (body[0] == 'S') {
    session_->CloseStatement(std::string(name));
    declared_oids_.erase(std::string(name));
  } else if (body[0] == 'P') {
    session_->ClosePortal(std::string(name));
  } else {
    return Status(sqlstate::kProtocolViolation,
                  std::string("invalid CLOSE message subtype ") + std::to_string(body[0]));
  }
  return Status::OK();
}

}  // namespace omendb::pgwire
