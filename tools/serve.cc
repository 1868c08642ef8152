#include "serve.h"

#include <boost/asio.hpp>
#include <iostream>
#include <thread>

#include "server/http/http_server.h"
#include "server/pgwire/pg_server.h"
#include "session/session.h"

namespace omendb::tools {

int RunServer(const ServeOptions& options) {
  auto db = Database::Open(options.data_dir, options.storage);
  if (!db.ok()) {
    std::cerr << "omendb: could not open data directory \"" << options.data_dir
              << "\": " << db.status().message() << "\n";
    return 1;
  }
  boost::asio::io_context io;
  pgwire::PgServer pg(io, db->get());
  http::HttpServer web(io, db->get());
  for (Status s : {pg.Listen(options.host, options.port), web.Listen(options.host, options.http_port)}) {
    if (!s.ok()) {
      std::cerr << "omendb: " << s.message() << "\n";
      return 1;
    }
  }
  pg.Start();
  web.Start();
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int) {
    pg.Stop();
    web.Stop();
    io.stop();
  });
  std::cout << "omendb: data directory " << options.data_dir << "\n"
            << "omendb: PostgreSQL protocol on " << options.host << ":" << pg.port() << "\n"
            << "omendb: HTTP on " << options.host << ":" << web.port() << "\n"
            << "omendb: connect with: psql -h " << options.host << " -p " << pg.port()
            << " -U postgres\n"
            << "omendb: ready" << std::endl;
  io.run();
  std::cout << "omendb: shut down" << std::endl;
  return 0;
}

}  // namespace omendb::tools
