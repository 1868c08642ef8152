#include "server/pgwire/pg_server.h"

#include <atomic>
#include <boost/asio.hpp>
#include <list>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>

#include <unistd.h>

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

  // Each connection runs on a thread of its own with its own io_context, reading, running
  // queries and writing there (as PostgreSQL runs a backend process per connection): a query
  // waiting for another transaction's row lock holds up no one else, and a query costs no
  // thread hand-offs.
  struct ConnectionThread {
    std::thread thread;
    asio::io_context* context = nullptr;  // while running; guarded by mu
    bool done = false;                    // guarded by mu
  };
  std::mutex mu;
  std::list<ConnectionThread> connections;  // guarded by mu
  // Sessions by backend id, with their secret, for CancelRequest.
  std::unordered_map<int32_t, std::pair<int32_t, Session*>> cancel_keys;  // guarded by mu

  // Registers a session for CancelRequest while it lives.
  class CancelKey {
   public:
    CancelKey(Impl* impl, int32_t id, int32_t secret, Session* session) : impl_(impl), id_(id) {
      std::lock_guard<std::mutex> lock(impl_->mu);
      impl_->cancel_keys[id] = {secret, session};
    }
    ~CancelKey() {
      std::lock_guard<std::mutex> lock(impl_->mu);
      impl_->cancel_keys.erase(id_);
    }
    CancelKey(const CancelKey&) = delete;
    CancelKey& operator=(const CancelKey&) = delete;

   private:
    Impl* impl_;
    int32_t id_;
  };

  // Cancels the statement running in the session with this key, if the secret matches.
  void Cancel(int32_t id, int32_t secret) {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cancel_keys.find(id);
    if (it != cancel_keys.end() && it->second.first == secret) it->second.second->RequestCancel();
  }
  bool stopping = false;                    // guarded by mu

  Impl(asio::io_context& i, Database* d) : io(i), db(d), acceptor(i) {}
  ~Impl() { StopConnections(); }

  awaitable<void> AcceptLoop() {
    for (;;) {
      boost::system::error_code ec;
      tcp::socket sock = co_await acceptor.async_accept(asio::redirect_error(use_awaitable, ec));
      if (ec) {
        if (!acceptor.is_open()) co_return;
        continue;  // e.g. EMFILE: keep serving existing connections
      }
      StartConnection(std::move(sock));
    }
  }

  void StartConnection(tcp::socket sock) {
    boost::system::error_code ec;
    tcp::endpoint local = sock.local_endpoint(ec);
    if (ec) return;
    int fd = sock.release(ec);
    if (ec) return;
    std::list<ConnectionThread> finished;  // joined below, outside the lock
    struct JoinAll {
      std::list<ConnectionThread>* threads;
      ~JoinAll() {
        for (ConnectionThread& t : *threads) t.thread.join();
      }
    } join_finished{&finished};
    std::lock_guard<std::mutex> lock(mu);
    for (auto it = connections.begin(); it != connections.end();) {
      auto next = std::next(it);
      if (it->done) finished.splice(finished.end(), connections, it);
      it = next;
    }
    if (stopping) {
      ::close(fd);
      return;
    }
    ConnectionThread& c = connections.emplace_back();
    c.thread = std::thread([this, &c, protocol = local.protocol(), fd] {
      asio::io_context context;
      {
        std::lock_guard<std::mutex> l(mu);
        c.context = &context;
      }
      tcp::socket s(context);
      boost::system::error_code e;
      s.assign(protocol, fd, e);
      if (e) {
        ::close(fd);
      } else {
        asio::co_spawn(context, HandleConnection(std::move(s)), asio::detached);
        context.run();
      }
      std::lock_guard<std::mutex> l(mu);
      c.context = nullptr;
      c.done = true;
      // `context` goes now: an unfinished connection's coroutine (the server stopping) is
      // destroyed with it, and its Session rolls back.
    });
  }

  // Ends every connection (a query under way finishes first) and joins their threads.
  void StopConnections() {
    {
      std::lock_guard<std::mutex> lock(mu);
      stopping = true;
      for (ConnectionThread& c : connections) {
        if (c.context != nullptr) c.context->stop();
      }
    }
    for (ConnectionThread& c : connections) {
      if (c.thread.joinable()) c.thread.join();
    }
    connections.clear();
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
      if (code == kCancelRequest) {
        // CancelRequest: backend id and secret; no answer either way, as in PostgreSQL.
        if (body.size() == 12) Cancel(ReadInt32(body.data() + 4), ReadInt32(body.data() + 8));
        co_return false;
      }
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
      Session session(db);
      // BackendKeyData: what a CancelRequest for this session must quote.
      int32_t backend_id = next_backend_id++;
      int32_t secret = static_cast<int32_t>(std::random_device{}());
      CancelKey registered(this, backend_id, secret, &session);
      w.Begin('K');
      w.Int32(backend_id);
      w.Int32(secret);
      w.End();
      WriteReadyForQuery(&out, 'I');
      co_await Send(sock, out);

      QueryProtocol protocol(&session);
      // Rows stream out while a statement runs: this connection's thread writes them at once
      // (nothing else uses the socket meanwhile), so a large result is never held in full.
      protocol.set_flush([&sock](std::string* pending) -> Status {
        boost::system::error_code ec;
        asio::write(sock, asio::buffer(*pending), ec);
        if (ec) return Status(sqlstate::kConnectionException, "could not send data to client: " + ec.message());
        pending->clear();
        return Status::OK();
      });
      // Messages are handled in batches: a batch ends with a message that expects an answer
      // now (Query, Sync, Flush) or when large. Answers go out at the end of such a batch, as
      // PostgreSQL sends them.
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
        bool keep = true;
        for (const auto& [t, b] : batch) {
          if (!protocol.Handle(t, b, &out)) {
            keep = false;
            break;
          }
        }
        batch.clear();
        batch_bytes = 0;
        if (answer_now || !keep || out.size() >= kBatchLimit) {
          co_await Send(sock, out);
          out.clear();
        }
        if (!keep) co_return;
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
  impl_->StopConnections();
}

}  // namespace omendb::pgwire
