#include "server/http/http_server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/net/listen.h"

namespace omendb::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

bhttp::response<bhttp::string_body> Respond(const bhttp::request<bhttp::string_body>& req) {
  auto reply = [&](bhttp::status status, std::string body) {
    bhttp::response<bhttp::string_body> res{status, req.version()};
    res.set(bhttp::field::server, "OmenDB");
    res.set(bhttp::field::content_type, "application/json");
    res.keep_alive(req.keep_alive());
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
  };
  std::string_view target(req.target().data(), req.target().size());
  target = target.substr(0, target.find('?'));
  if (target == "/health" || target == "/ready") {
    if (req.method() != bhttp::verb::get && req.method() != bhttp::verb::head) {
      auto res = reply(bhttp::status::method_not_allowed, R"({"error":"method not allowed"})");
      res.set(bhttp::field::allow, "GET, HEAD");
      return res;
    }
    return reply(bhttp::status::ok, target == "/health" ? R"({"status":"ok"})"
                                                        : R"({"status":"ready"})");
  }
  return reply(bhttp::status::not_found, R"({"error":"not found"})");
}

}  // namespace

struct HttpServer::Impl {
  asio::io_context& io;
  Database* db;
  tcp::acceptor acceptor;

  Impl(asio::io_context& i, Database* d) : io(i), db(d), acceptor(i) {}

  awaitable<void> AcceptLoop() {
    for (;;) {
      boost::system::error_code ec;
      tcp::socket sock = co_await acceptor.async_accept(asio::redirect_error(use_awaitable, ec));
      if (ec) {
        if (!acceptor.is_open()) co_return;
        continue;
      }
      asio::co_spawn(io, Serve(std::move(sock)), asio::detached);
    }
  }

  awaitable<void> Serve(tcp::socket sock) {
    try {
      beast::flat_buffer buffer;
      for (;;) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.body_limit(1 << 20);
        co_await bhttp::async_read(sock, buffer, parser, use_awaitable);
        auto res = Respond(parser.get());
        bool keep = res.keep_alive();
        co_await bhttp::async_write(sock, res, use_awaitable);
        if (!keep) break;
      }
      boost::system::error_code ec;
      sock.shutdown(tcp::socket::shutdown_send, ec);
    } catch (const std::exception&) {
      // Malformed request or closed connection: drop this connection only.
    }
  }
};

HttpServer::HttpServer(asio::io_context& io, Database* db)
    : impl_(std::make_unique<Impl>(io, db)) {}
HttpServer::~HttpServer() = default;

Status HttpServer::Listen(const std::string& host, uint16_t port) {
  return net::Listen(&impl_->acceptor, host, port);
}

uint16_t HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }
void HttpServer::Start() { asio::co_spawn(impl_->io, impl_->AcceptLoop(), asio::detached); }
void HttpServer::Stop() {
  boost::system::error_code ec;
  impl_->acceptor.close(ec);
}

}  // namespace omendb::http
