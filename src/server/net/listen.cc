#include "server/net/listen.h"

#include <boost/asio/socket_base.hpp>

namespace omendb::net {

Status Listen(boost::asio::ip::tcp::acceptor* a, const std::string& host, uint16_t port) {
  using boost::asio::ip::tcp;
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(host, ec);
  if (ec) return Status(sqlstate::kInvalidParameterValue, "invalid listen address \"" + host + "\"");
  tcp::endpoint ep(address, port);
  a->open(ep.protocol(), ec);
  if (!ec) a->set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) a->bind(ep, ec);
  if (!ec) a->listen(boost::asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return IoError("could not listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
  }
  return Status::OK();
}

}  // namespace omendb::net
