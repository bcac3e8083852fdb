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

// Where a handler's answer goes: a connection, or (fuzzing, tests) plain functions.
class ReplySink {
public:
    virtual ~ReplySink() = default;
    virtual void reply(HttpResponse response) = 0;
    virtual void stream(const std::string& key) = 0;
};

// How a handler answers one request, once: reply(), or stream() to keep the connection as a
// live-update stream for `key`. Copyable and safe to call from any thread (the engine's).
class Responder {
public:
    explicit Responder(std::shared_ptr<ReplySink> sink) : m_sink{std::move(sink)} {}
    // Without a connection: the answer is handed to these (fuzz targets, tests).
    Responder(std::function<void(HttpResponse)> on_reply, std::function<void(const std::string& key)> on_stream);
    void reply(HttpResponse response) const { m_sink->reply(std::move(response)); }
    void stream(const std::string& key) const { m_sink->stream(key); }

private:
    std::shared_ptr<ReplySink> m_sink;
};

struct ServerLimits {
    std::size_t max_body = 8 * 1024;    // bytes; more is refused with 413
    // The one request that carries a long text (an AI answer pasted from a phone) may be larger.
    std::string large_body_path = "/api/proposal/answer";
    std::size_t max_large_body = 96 * 1024;
    std::size_t max_header = 8 * 1024;  // bytes; more is refused with 431
    // Beyond these a new connection is closed at once. The global cap is also kept below the
    // process's open-file limit; the per-address cap keeps one device from taking them all.
    int max_connections = 1000;
    int connections_per_address = 16;
    int first_request_seconds = 10;  // a new connection's first request must be in by then
    int keep_alive_seconds = 20;     // and each later one (the idle wait included)
    int io_threads = 2;
    int stream_interval_ms = 250;    // streams get the newest state at most this often
    int heartbeat_seconds = 15;      // a comment line keeps proxies and phones awake
    // A stream whose phone stops reading: a write that has not finished by then drops the
    // stream (the phone reconnects). Its send buffer is kept small so that happens soon.
    int stream_write_seconds = 15;
    int stream_send_buffer = 16 * 1024;
    int streams_per_key = 2;  // a phone's further stream closes its oldest
};

struct ServerStats {
    int connections = 0;
    int streams = 0;
    int connection_cap = 0;  // the global cap in force (below the open-file limit)
};

// Raises this process's open-file limit to its hard limit (once); returns the soft limit now.
long raise_open_file_limit();

// One message of a phone's event stream (text/event-stream's data).
struct StreamMessage {
    std::string data;
    bool last = false;
};

class HttpServer {
public:
    using Handler = std::function<void(HttpRequest, Responder)>;
    // What a stream for `key` should receive now; nullopt sends nothing. A message marked
    // `last` (the phone was removed, its session or week ended) is the stream's final one:
    // the server closes the connection once it is written.
    using Render = std::function<std::optional<StreamMessage>(const std::string& key)>;

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
