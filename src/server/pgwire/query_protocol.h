// QueryProtocol: the meaning of one connection's query messages after startup: the simple
// query protocol (Query) and the extended one (Parse, Bind, Describe, Execute, Close, Sync,
// Flush), run on the connection's Session. Framing and I/O stay with PgServer.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "server/pgwire/wire_format.h"
#include "session/session.h"

namespace omendb::pgwire {

class QueryProtocol {
 public:
  explicit QueryProtocol(Session* session) : session_(session) {}

  // Handles a message of `type` with payload `body`, appending the backend messages it
  // answers with to *out. After an error in an extended-protocol message, messages up to the
  // next Sync are skipped (PostgreSQL's error recovery). Returns false when the connection
  // must end (a malformed Query message; a FATAL ErrorResponse is then in *out).
  bool Handle(char type, std::string_view body, std::string* out);

  // Whether `type` is a message Handle understands.
  static bool Handles(char type);

  // How large results are sent while a statement runs (without one they are only appended
  // to *out).
  void set_flush(FlushFn flush) { flush_ = std::move(flush); }

 private:
  Status Parse(std::string_view body);
  Status Bind(std::string_view body);
  Status Describe(std::string_view body, std::string* out);
  Status Execute(std::string_view body, std::string* out);
  Status Close(std::string_view body);

  Session* session_;
  FlushFn flush_;
  bool skipping_to_sync_ = false;
  std::string parse_query_;  // the text of the Parse being handled, for error positions
  // Parameter type OIDs as each statement's Parse declared them (int2 travels as integer).
  std::map<std::string, std::vector<uint32_t>> declared_oids_;
};

}  // namespace omendb::pgwire
