// PgServer: accepts PostgreSQL protocol v3 connections and runs their queries on a Session.
//
// Supported: SSLRequest/GSSENCRequest (declined: plaintext), StartupMessage with trust
// authentication for loopback clients (others are refused until password auth exists), the
// simple and extended query protocols with text and binary formats (see QueryProtocol),
// CancelRequest (with the BackendKeyData secret), Terminate. Network I/O runs on the io_context's thread; each connection's queries run on a
// thread of its own so a slow query never blocks other connections.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "session/session.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace omendb::pgwire {

class PgServer {
 public:
  // `io` (which accepts connections) and `db` must outlive the server. Each connection runs on
  // a thread of its own.
  PgServer(boost::asio::io_context& io, Database* db);
  ~PgServer();

  // Binds and listens on host:port (port 0 picks a free port). Errors 58030 (e.g. in use).
  Status Listen(const std::string& host, uint16_t port);
  // The bound port. REQUIRES: Listen succeeded.
  uint16_t port() const;
  // Starts accepting connections on the io_context.
  void Start();
  // Stops accepting and ends the open connections (a query under way finishes first; open
  // transactions roll back). Also done by the destructor.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace omendb::pgwire
