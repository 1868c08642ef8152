#include "server/pgwire/pg_server.h"

#include <atomic>
#include <boost/asio.hpp>
#include <random>

#include "catalog/catalog.h"
#include "server/net/listen.h"
#include "server/pgwire/message.h"
#include "server/pgwire/query_protocol.h"

namespace omendb::pgwire {
namespace {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

constexpr int32_t kProtocolV3 = 196608;
constexpr int32_t kSslRequest = 80877103;
constexpr int32_t kGssEncRequest = 80877104;
constexpr int32_t kCancelRequest = 80877102;
constexpr int32_t kMaxStartupPacket = 10000;
constexpr int32_t kMaxMessage = 1 << 30;

// Runs `work` on `pool` and resumes the awaiting coroutine on its own executor with the
// result. `work` must stay alive until then (it lives in the awaiting coroutine's frame). Only
// pointers cross into the completion machinery: g++ 12 miscompiles coroutine parameters and
// captures of class type moved through it (double destruction).
template <typename F>
auto RunOnPool(asio::thread_pool& pool, F* work) {
  using R = std::invoke_result_t<F&>;
  return asio::async_initiate<decltype(use_awaitable), void(R)>(
      [&pool, work](auto handler) {
        asio::post(pool, [handler = std::move(handler), work]() mutable {
          R result = (*work)();
          auto ex = asio::get_associated_executor(handler);
          asio::post(ex, [handler = std::move(handler), result = std::move(result)]() mutable {
            std::move(handler)(std::move(result));
          });
        });
      },
      use_awaitable);
}


void WriteParameterStatus(std::string* out, std::string_view name, std::string_view value) {
  MessageWriter w(out);
  w.Begin('S');
  w.CString(name);
  w.CString(value);
  w.End();
}

int32_t ReadInt32(const char* p) {
  int32_t v;
  MessageReader(std::string_view(p, 4)).Int32(&v);
  return v;
}

}  // namespace

struct PgServer::Impl {
  asio::io_context& io;
  Database* db;
  tcp::acceptor acceptor;
  std::atomic<int32_t> next_backend_id{1};

  Impl(asio::io_context& i, Database* d) : io(i), db(d), acceptor(i) {}

  awaitable<void> AcceptLoop() {
    for (;;) {
      boost::system::error_code ec;
      tcp::socket sock = co_await acceptor.async_accept(asio::redirect_error(use_awaitable, ec));
      if (ec) {
        if (!acceptor.is_open()) co_return;
        continue;  // e.g. EMFILE: keep serving existing connections
      }
      asio::co_spawn(io, HandleConnection(std::move(sock)), asio::detached);
    }
  }

  awaitable<void> Send(tcp::socket& sock, const std::string& bytes) {
    co_await asio::async_write(sock, asio::buffer(bytes), use_awaitable);
  }

  awaitable<void> SendFatal(tcp::socket& sock, const Status& s) {
    std::string out;
    WriteErrorOrNotice(&out, 'E', "FATAL", s);
    co_await Send(sock, out);
  }

  // Reads the startup packet(s). Returns false when the connection should close.
  awaitable<bool> Startup(tcp::socket& sock, std::string* application_name) {
    for (;;) {
      char hdr[8];
      co_await asio::async_read(sock, asio::buffer(hdr, 4), use_awaitable);
      int32_t len = ReadInt32(hdr);
      if (len < 8 || len > kMaxStartupPacket) {
        co_await SendFatal(sock, Status(sqlstate::kProtocolViolation, "invalid length of startup packet"));
        co_return false;
      }
      std::string body(static_cast<size_t>(len - 4), '\0');
      co_await asio::async_read(sock, asio::buffer(body), use_awaitable);
      int32_t code = ReadInt32(body.data());
      if (code == kSslRequest || code == kGssEncRequest) {
        co_await Send(sock, "N");  // no TLS yet: the client continues in plaintext or gives up
        continue;
      }
      if (code == kCancelRequest) co_return false;  // cancellation is not implemented yet
      if (code != kProtocolV3) {
        co_await SendFatal(sock, Status(sqlstate::kFeatureNotSupported,
                                        "unsupported frontend protocol " +
                                            std::to_string(code >> 16) + "." +
                                            std::to_string(code & 0xffff) +
                                            ": server supports 3.0 to 3.0"));
        co_return false;
      }
      MessageReader params(std::string_view(body).substr(4));
      std::string user, database;
      for (;;) {
        std::string_view key, value;
        if (!params.CString(&key)) {
          co_await SendFatal(sock, Status(sqlstate::kProtocolViolation, "invalid startup packet layout"));
          co_return false;
        }
        if (key.empty()) break;
        if (!params.CString(&value)) {
          co_await SendFatal(sock, Status(sqlstate::kProtocolViolation, "invalid startup packet layout"));
          co_return false;
        }
        if (key == "user") user = value;
        if (key == "database") database = value;
        if (key == "application_name") *application_name = value;
      }
      if (user.empty()) {
        co_await SendFatal(sock, Status(sqlstate::kInvalidAuthorizationSpecification,
                                        "no PostgreSQL user name specified in startup packet"));
        co_return false;
      }
      if (database.empty()) database = user;
      boost::system::error_code ec;
      auto remote = sock.remote_endpoint(ec);
      if (ec || !remote.address().is_loopback()) {
        co_await SendFatal(sock, Status(sqlstate::kInvalidAuthorizationSpecification,
                                        "no authentication method is configured for host \"" +
                                            (ec ? std::string("unknown") : remote.address().to_string()) +
                                            "\", user \"" + user + "\""));
        co_return false;
      }
      if (user != kDefaultSuperuser) {
        co_await SendFatal(sock, Status(sqlstate::kInvalidAuthorizationSpecification,
                                        "role \"" + user + "\" does not exist"));
        co_return false;
      }
      if (database != kDefaultDatabase) {
        co_await SendFatal(sock, Status(sqlstate::kInvalidCatalogName,
                                        "database \"" + database + "\" does not exist"));
        co_return false;
      }
      co_return true;
    }
  }

  awaitable<void> HandleConnection(tcp::socket sock) {
    try {
      sock.set_option(tcp::no_delay(true));
      std::string application_name;
      if (!co_await Startup(sock, &application_name)) co_return;
      std::string out;
      MessageWriter w(&out);
      w.Begin('R');
      w.Int32(0);  // AuthenticationOk (trust)
      w.End();
      for (auto [k, v] : std::initializer_list<std::pair<const char*, std::string>>{
               {"server_version", "15.0"},
               {"server_encoding", "UTF8"},
               {"client_encoding", "UTF8"},
               {"DateStyle", "ISO, MDY"},
               {"IntervalStyle", "postgres"},
               {"TimeZone", "UTC"},
               {"integer_datetimes", "on"},
               {"standard_conforming_strings", "on"},
               {"is_superuser", "on"},
               {"session_authorization", kDefaultSuperuser},
               {"application_name", application_name}}) {
        WriteParameterStatus(&out, k, v);
      }
      w.Begin('K');
      w.Int32(next_backend_id++);
      w.Int32(static_cast<int32_t>(std::random_device{}()));
      w.End();
      WriteReadyForQuery(&out, 'I');
      co_await Send(sock, out);

      Session session(db);
      QueryProtocol protocol(&session);
      // Each session runs its queries on a thread of its own (as PostgreSQL runs a backend
      // process per connection): a query waiting for another transaction's row lock must not
      // hold up the queries that would release it.
      asio::thread_pool session_thread(1);
      // Messages are handled in batches, one hop to the session's thread per batch: a batch
      // ends with a message that expects an answer now (Query, Sync, Flush) or when large.
      // Answers go out at the end of such a batch, as PostgreSQL sends them.
      std::vector<std::pair<char, std::string>> batch;
      size_t batch_bytes = 0;
      constexpr size_t kBatchLimit = 1 << 20;
      out.clear();
      for (;;) {
        char hdr[5];
        co_await asio::async_read(sock, asio::buffer(hdr, 5), use_awaitable);
        char type = hdr[0];
        int32_t len = ReadInt32(hdr + 1);
        if (len < 4 || len > kMaxMessage) {
          co_await SendFatal(sock, Status(sqlstate::kProtocolViolation, "invalid message length"));
          co_return;
        }
        std::string body(static_cast<size_t>(len - 4), '\0');
        co_await asio::async_read(sock, asio::buffer(body), use_awaitable);
        if (type == 'X') co_return;
        if (type == 'd' || type == 'c' || type == 'f') continue;  // ignored outside COPY
        if (!QueryProtocol::Handles(type)) {
          co_await SendFatal(sock, Status(sqlstate::kProtocolViolation,
                                          "invalid frontend message type " +
                                              std::to_string(static_cast<unsigned char>(type))));
          co_return;
        }
        batch_bytes += body.size();
        batch.emplace_back(type, std::move(body));
        bool answer_now = type == 'Q' || type == 'S' || type == 'H';
        if (!answer_now && batch_bytes < kBatchLimit) continue;
        auto run = [&protocol, &batch]() {
          std::pair<std::string, bool> result{std::string(), true};
          for (const auto& [t, b] : batch) {
            if (!protocol.Handle(t, b, &result.first)) {
              result.second = false;
              break;
            }
          }
          return result;
        };
        std::pair<std::string, bool> done = co_await RunOnPool(session_thread, &run);
        batch.clear();
        batch_bytes = 0;
        out += done.first;
        if (answer_now || !done.second || out.size() >= kBatchLimit) {
          co_await Send(sock, out);
          out.clear();
        }
        if (!done.second) co_return;
      }
    } catch (const std::exception&) {
      // The client went away or the socket failed: this connection ends, the server goes on.
    }
  }
};

PgServer::PgServer(asio::io_context& io, Database* db)
    : impl_(std::make_unique<Impl>(io, db)) {}

PgServer::~PgServer() = default;

Status PgServer::Listen(const std::string& host, uint16_t port) {
  return net::Listen(&impl_->acceptor, host, port);
}

uint16_t PgServer::port() const { return impl_->acceptor.local_endpoint().port(); }

void PgServer::Start() { asio::co_spawn(impl_->io, impl_->AcceptLoop(), asio::detached); }

void PgServer::Stop() {
  boost::system::error_code ec;
  impl_->acceptor.close(ec);
}

}  // namespace omendb::pgwire
