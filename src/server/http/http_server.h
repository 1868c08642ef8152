// HttpServer: the HTTP endpoint (Boost.Beast). Today it serves the health checks
// (GET /health: the process is up; GET /ready: the database is open and accepting queries) as
// JSON; every other path answers 404 with a JSON error. The query API, metrics and the console
// come with the HTTP issue and plug in here.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "session/session.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace omendb::http {

class HttpServer {
 public:
  // `io` and `db` must outlive the server.
  HttpServer(boost::asio::io_context& io, Database* db);
  ~HttpServer();

  // Binds host:port (0 picks a free port). Errors 58030.
  Status Listen(const std::string& host, uint16_t port);
  uint16_t port() const;
  void Start();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace omendb::http
