// Boost.Beast behind HttpServer. One strand per connection; the streams' registry and the
// publish timer are the only shared state.
#include "kiosk/net/http_server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

const std::vector<std::pair<std::string, std::string>>& security_headers() {
    static const std::vector<std::pair<std::string, std::string>> headers{
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"Cache-Control", "no-store"},
    };
    return headers;
}

class HttpServer::Impl {
public:
    Impl(int fd, Handler handler, Render render, ServerLimits limits)
        : m_handler{std::move(handler)}, m_render{std::move(render)}, m_limits{limits},
          m_acceptor{m_io}, m_publish_timer{m_io}, m_heartbeat{m_io} {
        m_acceptor.assign(tcp::v4(), fd);
        accept();
        beat();
        for (int i = 0; i < m_limits.io_threads; ++i) m_threads.emplace_back([this] { m_io.run(); });
    }

    ~Impl() {
        m_io.stop();
        for (auto& thread : m_threads) thread.join();
    }

    void publish();
    void add_stream(const std::shared_ptr<Connection>& connection);
    void connection_closed() { --m_connections; }
    ServerStats stats();

    const Handler m_handler;
    const Render m_render;
    const ServerLimits m_limits;

private:
    void accept();
    void beat();
    void broadcast(bool heartbeat);

    // Declared before the io_context: connections still queued in it are destroyed with it
    // and report their closing here.
    std::atomic<int> m_connections{0};
    std::mutex m_streams_mutex;
    std::vector<std::weak_ptr<Connection>> m_streams;
    std::atomic<bool> m_publish_armed{false};
    asio::io_context m_io;
    tcp::acceptor m_acceptor;
    asio::steady_timer m_publish_timer;
    asio::steady_timer m_heartbeat;
    std::chrono::steady_clock::time_point m_last_publish{};
    std::vector<std::thread> m_threads;
};

// One phone's TCP connection: requests one after another (keep-alive), or a live stream.
class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket socket, HttpServer::Impl& server) : m_stream{std::move(socket)}, m_server{server} {
        beast::error_code ignored;
        m_remote = m_stream.socket().remote_endpoint(ignored).address().to_string(ignored);
    }
    ~Connection() { m_server.connection_closed(); }

    void start() { read(); }
    const std::string& stream_key() const { return m_key; }

    void reply(HttpResponse response) {
        asio::post(m_stream.get_executor(),
                   [self = shared_from_this(), response = std::move(response)]() mutable {
                       self->write_response(std::move(response));
                   });
    }

    void stream(const std::string& key) {
        asio::post(m_stream.get_executor(), [self = shared_from_this(), key] { self->open_stream(key); });
    }

    // Queues one stream message; a state not yet sent is replaced by the newer one.
    void send(std::shared_ptr<const std::string> message, bool heartbeat) {
        asio::post(m_stream.get_executor(), [self = shared_from_this(), message = std::move(message), heartbeat] {
            if (self->m_closed) return;
            if (self->m_writing) {
                if (!heartbeat) self->m_pending = message;
                return;
            }
            self->write_stream(message);
        });
    }

private:
    void read() {
        m_parser.emplace();
        // Beast checks Content-Length against the limit as soon as the header is read, so the
        // header is read with the larger limit and each path then gets its own (below).
        m_parser->body_limit(std::max(m_server.m_limits.max_body, m_server.m_limits.max_large_body));
        m_parser->header_limit(static_cast<std::uint32_t>(m_server.m_limits.max_header));
        // A phone that opens a connection and sends nothing (or dribbles) is dropped.
        m_stream.expires_after(30s);
        // The header first: its path decides how large a body may follow.
        http::async_read_header(m_stream, m_buffer, *m_parser, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->on_read(ec);
            const auto target = self->m_parser->get().target();
            const auto& limits = self->m_server.m_limits;
            if (target.substr(0, target.find('?')) != limits.large_body_path) {
                const auto length = self->m_parser->content_length();
                if (length && *length > limits.max_body) return self->refuse(413, "body_too_large");
                self->m_parser->body_limit(limits.max_body);  // also bounds a chunked body
            }
            http::async_read(self->m_stream, self->m_buffer, *self->m_parser,
                             [self](beast::error_code read_ec, std::size_t) { self->on_read(read_ec); });
        });
    }

    void on_read(beast::error_code ec) {
        if (ec == http::error::body_limit) return refuse(413, "body_too_large");
        if (ec == http::error::header_limit) return refuse(431, "bad_request");
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::eof ||
            ec == asio::error::connection_reset || ec == asio::error::operation_aborted)
            return close();
        if (ec) return refuse(400, "bad_request");
        auto& message = m_parser->get();
        m_keep_alive = message.keep_alive();
        HttpRequest request;
        request.method = std::string{message.method_string()};
        const std::string target{message.target()};
        const auto question = target.find('?');
        request.path = target.substr(0, question);
        if (question != std::string::npos) request.query = parse_query(target.substr(question + 1));
        request.content_type = std::string{message[http::field::content_type]};
        request.body = std::move(message.body());
        request.remote = m_remote;
        m_stream.expires_never();  // the handler may wait for the engine
        try {
            m_server.m_handler(std::move(request), Responder{shared_from_this()});
        } catch (const std::exception& error) {
            std::cerr << "vitale-kiosk: a phone request failed: " << error.what() << '\n';
            write_response({500, "application/json", R"({"error":"server"})", {}});
        }
    }

    void refuse(int status, const std::string& code) {
        m_keep_alive = false;
        write_response({status, "application/json", R"({"error":")" + code + R"("})", {}});
    }

    void write_response(HttpResponse response) {
        auto reply = std::make_shared<http::response<http::string_body>>();
        reply->version(11);
        reply->result(static_cast<unsigned>(response.status));
        reply->set(http::field::server, "vitale-kiosk");
        reply->set(http::field::content_type, response.content_type);
        for (const auto& [name, value] : security_headers()) reply->set(name, value);
        for (const auto& [name, value] : response.headers) reply->set(name, value);
        reply->body() = std::move(response.body);
        reply->keep_alive(m_keep_alive);
        reply->prepare_payload();
        m_stream.expires_after(10s);
        http::async_write(m_stream, *reply, [self = shared_from_this(), reply](beast::error_code ec, std::size_t) {
            if (ec || !reply->keep_alive()) return self->close();
            self->read();
        });
    }

    void open_stream(const std::string& key) {
        m_key = key;
        auto head = std::make_shared<std::string>(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\n"
            "X-Content-Type-Options: nosniff\r\nX-Accel-Buffering: no\r\nConnection: keep-alive\r\n\r\n"
            // The browser reconnects after 2 s when the connection drops.
            "retry: 2000\n\n");
        m_writing = true;
        m_stream.expires_after(10s);
        asio::async_write(m_stream, asio::buffer(*head), [self = shared_from_this(), head](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            self->m_writing = false;
            self->m_server.add_stream(self);
            self->watch_for_close();
            if (auto pending = std::exchange(self->m_pending, nullptr)) self->write_stream(pending);
        });
    }

    // A stream's phone sends nothing more; a finished read means it went away.
    void watch_for_close() {
        m_stream.expires_never();
        m_stream.socket().async_read_some(asio::buffer(m_discard), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            self->watch_for_close();
        });
    }

    void write_stream(std::shared_ptr<const std::string> message) {
        m_writing = true;
        m_stream.expires_after(15s);  // a phone that stops reading is dropped; it reconnects
        asio::async_write(m_stream.socket(), asio::buffer(*message),
                          [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
                              self->m_writing = false;
                              if (ec) return self->close();
                              if (auto pending = std::exchange(self->m_pending, nullptr)) self->write_stream(pending);
                          });
    }

    void close() {
        if (m_closed) return;
        m_closed = true;
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        m_stream.socket().close(ignored);
    }

    beast::tcp_stream m_stream;
    HttpServer::Impl& m_server;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::string m_remote;
    std::string m_key;
    bool m_keep_alive = true;
    bool m_writing = false;
    bool m_closed = false;
    std::shared_ptr<const std::string> m_pending;
    std::array<char, 256> m_discard{};
};

void HttpServer::Impl::accept() {
    m_acceptor.async_accept(asio::make_strand(m_io), [this](beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted) return;
        if (!ec) {
            if (m_connections.load() >= m_limits.max_connections) {
                beast::error_code ignored;
                socket.close(ignored);
            } else {
                ++m_connections;
                std::make_shared<Connection>(std::move(socket), *this)->start();
            }
        }
        accept();
    });
}

void HttpServer::Impl::publish() {
    // Coalesce: one broadcast per interval however many Views arrive in it.
    if (m_publish_armed.exchange(true)) return;
    asio::post(m_publish_timer.get_executor(), [this] {
        const auto due = m_last_publish + std::chrono::milliseconds{m_limits.stream_interval_ms};
        m_publish_timer.expires_at(std::max(due, std::chrono::steady_clock::now()));
        m_publish_timer.async_wait([this](beast::error_code ec) {
            if (ec) return;
            m_publish_armed = false;
            m_last_publish = std::chrono::steady_clock::now();
            broadcast(false);
        });
    });
}

void HttpServer::Impl::beat() {
    m_heartbeat.expires_after(std::chrono::seconds{m_limits.heartbeat_seconds});
    m_heartbeat.async_wait([this](beast::error_code ec) {
        if (ec) return;
        broadcast(true);
        beat();
    });
}

void HttpServer::Impl::broadcast(bool heartbeat) {
    std::vector<std::shared_ptr<Connection>> live;
    {
        std::lock_guard lock{m_streams_mutex};
        std::erase_if(m_streams, [&](const auto& weak) {
            auto connection = weak.lock();
            if (!connection) return true;
            live.push_back(std::move(connection));
            return false;
        });
    }
    static const auto ping = std::make_shared<const std::string>(": ping\n\n");
    for (const auto& connection : live) {
        if (heartbeat) {
            connection->send(ping, true);
            continue;
        }
        auto data = m_render(connection->stream_key());
        if (!data) continue;
        connection->send(std::make_shared<const std::string>("data: " + *data + "\n\n"), false);
    }
}

void HttpServer::Impl::add_stream(const std::shared_ptr<Connection>& connection) {
    {
        std::lock_guard lock{m_streams_mutex};
        m_streams.push_back(connection);
    }
    // The new stream's first state goes out at once, not at the next change.
    if (auto data = m_render(connection->stream_key()))
        connection->send(std::make_shared<const std::string>("data: " + *data + "\n\n"), false);
}

ServerStats HttpServer::Impl::stats() {
    std::lock_guard lock{m_streams_mutex};
    const auto streams = std::count_if(m_streams.begin(), m_streams.end(), [](const auto& w) { return !w.expired(); });
    return {m_connections.load(), static_cast<int>(streams)};
}

void Responder::reply(HttpResponse response) const { m_connection->reply(std::move(response)); }
void Responder::stream(const std::string& key) const { m_connection->stream(key); }

HttpServer::HttpServer(int fd, Handler handler, Render render, ServerLimits limits)
    : m_impl{std::make_unique<Impl>(fd, std::move(handler), std::move(render), limits)} {}
HttpServer::~HttpServer() = default;
void HttpServer::publish() { m_impl->publish(); }
ServerStats HttpServer::stats() const { return m_impl->stats(); }

}  // namespace kiosk::net
