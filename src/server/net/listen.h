// Opening a listening TCP socket with a clear Status instead of Asio exceptions.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <cstdint>
#include <string>

#include "common/status.h"

namespace omendb::net {

// Opens, binds (port 0 = any free port) and listens. Errors 22023 for a bad address, 58030 when
// the address cannot be bound (e.g. the port is in use).
Status Listen(boost::asio::ip::tcp::acceptor* acceptor, const std::string& host, uint16_t port);

}  // namespace omendb::net
