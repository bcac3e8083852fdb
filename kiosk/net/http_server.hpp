#pragma once
// The kiosk's HTTP server for phones: Boost.Beast on a small, fixed number of I/O threads.
// Every connection, including a phone's open live-update stream (Server-Sent Events), is a
// few kilobytes of state, not a thread: 200 phones cost the same two threads as one.
// Any thread may call publish(); the handler runs on an I/O thread and must not block.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/net/http_message.hpp"

namespace kiosk::net {

class Connection;

// How a handler answers one request, once: reply(), or stream() to keep the connection as a
// live-update stream for `key`. Copyable and safe to call from any thread (the engine's).
class Responder {
public:
    explicit Responder(std::shared_ptr<Connection> connection) : m_connection{std::move(connection)} {}
    void reply(HttpResponse response) const;
    void stream(const std::string& key) const;

private:
    std::shared_ptr<Connection> m_connection;
};

struct ServerLimits {
    std::size_t max_body = 8 * 1024;    // bytes; more is refused with 413
    // The one request that carries a long text (an AI answer pasted from a phone) may be larger.
    std::string large_body_path = "/api/proposal/answer";
    std::size_t max_large_body = 96 * 1024;
    std::size_t max_header = 8 * 1024;  // bytes; more is refused with 431
    int max_connections = 1000;         // beyond this a new connection is closed at once
    int io_threads = 2;
    int stream_interval_ms = 250;       // streams get the newest state at most this often
    int heartbeat_seconds = 15;         // a comment line keeps proxies and phones awake
};

struct ServerStats {
    int connections = 0;
    int streams = 0;
};

class HttpServer {
public:
    using Handler = std::function<void(HttpRequest, Responder)>;
    // What a stream for `key` should receive now; nullopt closes that stream.
    using Render = std::function<std::optional<std::string>(const std::string& key)>;

    // Takes over a listening socket (see PortReservation) and starts serving at once.
    HttpServer(int listening_fd, Handler handler, Render render, ServerLimits limits = {});
    ~HttpServer();  // stops and joins the I/O threads
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Something changed: every stream gets render(key) soon (at most every stream_interval_ms;
    // a phone that is still receiving the last state skips to the newest).
    void publish();
    ServerStats stats() const;

    class Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

// The page headers every reply carries: no caching, no sniffing, and a Content-Security-Policy
// that allows only the kiosk's own files (no inline script).
const std::vector<std::pair<std::string, std::string>>& security_headers();

}  // namespace kiosk::net
