// Boost.Beast behind HttpServer. One strand per connection; the streams' registry and the
// publish timer are the only shared state.
#include "kiosk/net/http_server.hpp"
#include "kiosk/core/log_prefix.hpp"

#include "kiosk/net/beast_request.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <iostream>
#include <mutex>
#include <map>
#include <thread>
#include <unordered_map>
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

class Connection;

class HttpServer::Impl {
public:
    Impl(int fd, Handler handler, Render render, ServerLimits limits)
        : m_handler{std::move(handler)}, m_render{std::move(render)}, m_limits{limits},
          m_connection_cap{connection_cap(limits)}, m_acceptor{m_io}, m_accept_retry{m_io}, m_publish_timer{m_io},
          m_heartbeat{m_io} {
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
    void connection_closed(const std::string& address);
    // A connection waits for a request (its first, or the next on keep-alive): it may be
    // closed to make room when the server is full. Returns its place in that queue.
    std::uint64_t waiting(const std::shared_ptr<Connection>& connection);
    void not_waiting(std::uint64_t place);
    ServerStats stats();

    const Handler m_handler;
    const Render m_render;
    const ServerLimits m_limits;

private:
    // The global cap, kept below the open-file limit with room for the journal, fonts, the AI
    // client and the X connection.
    static int connection_cap(const ServerLimits& limits) {
        const long files = raise_open_file_limit();
        return static_cast<int>(std::clamp<long>(files - 64, 16, limits.max_connections));
    }
    void accept();
    bool admit(tcp::socket& socket, std::string& address);
    void beat();
    void broadcast(bool heartbeat);

    const int m_connection_cap;
    // Declared before the io_context: connections still queued in it are destroyed with it
    // and report their closing here.
    std::atomic<int> m_connections{0};
    std::mutex m_addresses_mutex;
    std::unordered_map<std::string, int> m_per_address;
    // Connections waiting for a request, oldest first (see waiting()).
    std::mutex m_waiting_mutex;
    std::map<std::uint64_t, std::weak_ptr<Connection>> m_waiting;
    std::uint64_t m_next_place = 1;
    std::mutex m_streams_mutex;
    std::vector<std::weak_ptr<Connection>> m_streams;  // oldest first
    std::atomic<bool> m_publish_armed{false};
    asio::io_context m_io;
    tcp::acceptor m_acceptor;
    asio::steady_timer m_accept_retry;
    std::chrono::milliseconds m_accept_backoff{0};
    asio::steady_timer m_publish_timer;
    asio::steady_timer m_heartbeat;
    std::chrono::steady_clock::time_point m_last_publish{};
    std::vector<std::thread> m_threads;
};

// One phone's TCP connection: requests one after another (keep-alive), or a live stream.
class Connection : public ReplySink, public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket socket, std::string address, HttpServer::Impl& server)
        : m_stream{std::move(socket)}, m_server{server}, m_remote{std::move(address)} {}
    ~Connection() override {
        m_server.not_waiting(m_waiting_place);
        m_server.connection_closed(m_remote);
    }

    void start() { read(); }
    const std::string& stream_key() const { return m_key; }

    void reply(HttpResponse response) override {
        asio::post(m_stream.get_executor(),
                   [self = shared_from_this(), response = std::move(response)]() mutable {
                       self->write_response(std::move(response));
                   });
    }

    void stream(const std::string& key) override {
        asio::post(m_stream.get_executor(), [self = shared_from_this(), key] { self->open_stream(key); });
    }

    // Queues one stream message; a state not yet sent is replaced by the newer one.
    // `last`: the stream's final message; the connection closes once it is written, and
    // nothing sent after it goes out.
    void send(std::shared_ptr<const std::string> message, bool heartbeat, bool last = false) {
        asio::post(m_stream.get_executor(), [self = shared_from_this(), message = std::move(message), heartbeat, last] {
            if (self->m_closed || self->m_closing) return;
            if (last) self->m_closing = true;
            if (self->m_writing) {
                if (!heartbeat) self->m_pending = message;
                return;
            }
            self->write_stream(message);
        });
    }

    // The same phone opened more streams than it may, or the server is full and this has
    // waited longest for a request: it goes.
    void close_soon() {
        asio::post(m_stream.get_executor(), [self = shared_from_this()] { self->close(); });
    }

private:
    void read() {
        m_parser.emplace();
        detail::prepare(*m_parser, m_server.m_limits);
        m_waiting_place = m_server.waiting(shared_from_this());
        // A connection that sends nothing, half a request or dribbles is dropped: the first
        // request has a short time, later ones (the idle wait between them included) a longer.
        const auto& limits = m_server.m_limits;
        m_stream.expires_after(std::chrono::seconds{m_requests == 0 ? limits.first_request_seconds : limits.keep_alive_seconds});
        // The header first: its path decides how large a body may follow.
        http::async_read_header(m_stream, m_buffer, *m_parser, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->on_read(ec);
            if (auto refused = detail::after_header(*self->m_parser, self->m_server.m_limits))
                return self->refuse(std::move(*refused));
            http::async_read(self->m_stream, self->m_buffer, *self->m_parser,
                             [self](beast::error_code read_ec, std::size_t) { self->on_read(read_ec); });
        });
    }

    void on_read(beast::error_code ec) {
        m_server.not_waiting(std::exchange(m_waiting_place, 0));
        if (ec) {
            auto refused = detail::refusal_for(ec);
            if (!refused) return close();
            return refuse(std::move(*refused));
        }
        ++m_requests;
        auto& message = m_parser->get();
        m_keep_alive = message.keep_alive();
        auto request = detail::to_request(message, m_remote);
        m_stream.expires_never();  // the handler may wait for the engine
        try {
            m_server.m_handler(std::move(request), Responder{shared_from_this()});
        } catch (const std::exception& error) {
            LogLine{Priority::Warning} << "a phone request failed: " << error.what();
            write_response(detail::refusal(500, "server"));
        }
    }

    void refuse(HttpResponse response) {
        m_keep_alive = false;
        write_response(std::move(response));
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
        beast::error_code ignored;
        m_stream.socket().set_option(asio::socket_base::send_buffer_size{m_server.m_limits.stream_send_buffer}, ignored);
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
            self->m_stream.expires_never();
            self->m_server.add_stream(self);
            self->watch_for_close();
            if (auto pending = std::exchange(self->m_pending, nullptr)) self->write_stream(pending);
            else if (self->m_closing) self->close();
        });
    }

    // A stream's phone sends nothing more; a finished read means it went away. Read on the
    // bare socket: the stream's timer is for its writes (below).
    void watch_for_close() {
        m_stream.socket().async_read_some(asio::buffer(m_discard), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            self->watch_for_close();
        });
    }

    void write_stream(std::shared_ptr<const std::string> message) {
        m_writing = true;
        // Through the timed stream: a phone that stops reading fills its small send buffer,
        // the write stalls, and the timer closes the connection; the phone reconnects.
        m_stream.expires_after(std::chrono::seconds{m_server.m_limits.stream_write_seconds});
        asio::async_write(m_stream, asio::buffer(*message), [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
            self->m_writing = false;
            if (ec) return self->close();
            self->m_stream.expires_never();
            if (auto pending = std::exchange(self->m_pending, nullptr)) return self->write_stream(pending);
            if (self->m_closing) self->close();
        });
    }

    void close() {
        if (m_closed) return;
        m_closed = true;
        m_server.not_waiting(std::exchange(m_waiting_place, 0));
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        m_stream.socket().close(ignored);
    }

    beast::tcp_stream m_stream;
    HttpServer::Impl& m_server;
    beast::flat_buffer m_buffer;
    std::optional<detail::RequestParser> m_parser;
    const std::string m_remote;
    std::string m_key;
    int m_requests = 0;  // answered on this connection so far
    std::uint64_t m_waiting_place = 0;  // while waiting for a request (0: not waiting)
    bool m_keep_alive = true;
    bool m_writing = false;
    bool m_closed = false;
    bool m_closing = false;  // the final message is queued or being written
    std::shared_ptr<const std::string> m_pending;
    std::array<char, 256> m_discard{};
};

// A new connection counts against the global cap and its address's cap; false closes it.
bool HttpServer::Impl::admit(tcp::socket& socket, std::string& address) {
    beast::error_code error;
    address = socket.remote_endpoint(error).address().to_string(error);
    if (error) return false;
    {
        std::lock_guard lock{m_addresses_mutex};
        const auto found = m_per_address.find(address);
        if (found != m_per_address.end() && found->second >= m_limits.connections_per_address) return false;
    }
    if (m_connections.load() >= m_connection_cap) {
        // Full, e.g. many addresses of one device each at their cap: the connection that has
        // waited longest for a request goes (a phone's idle keep-alive reconnects by itself,
        // a hoarder's half request was never going to come); without one, the newcomer goes.
        std::shared_ptr<Connection> oldest;
        {
            std::lock_guard lock{m_waiting_mutex};
            while (!oldest && !m_waiting.empty()) {
                oldest = m_waiting.begin()->second.lock();
                m_waiting.erase(m_waiting.begin());
            }
        }
        if (!oldest) return false;
        oldest->close_soon();  // closes it on its own strand
    }
    std::lock_guard lock{m_addresses_mutex};
    ++m_per_address[address];
    ++m_connections;
    return true;
}

std::uint64_t HttpServer::Impl::waiting(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock{m_waiting_mutex};
    const auto place = m_next_place++;
    m_waiting.emplace(place, connection);
    return place;
}

void HttpServer::Impl::not_waiting(std::uint64_t place) {
    if (place == 0) return;
    std::lock_guard lock{m_waiting_mutex};
    m_waiting.erase(place);
}

void HttpServer::Impl::connection_closed(const std::string& address) {
    --m_connections;
    std::lock_guard lock{m_addresses_mutex};
    if (const auto found = m_per_address.find(address); found != m_per_address.end() && --found->second <= 0)
        m_per_address.erase(found);
}

void HttpServer::Impl::accept() {
    m_acceptor.async_accept(asio::make_strand(m_io), [this](beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted) return;
        if (ec) {
            // Out of files (EMFILE/ENFILE) or memory, or a network error: retrying at once would
            // spin an I/O thread. Wait, longer each time up to a second, then accept again.
            m_accept_backoff = std::min<std::chrono::milliseconds>(std::max(m_accept_backoff * 2, 10ms), 1000ms);
            if (m_accept_backoff == 1000ms) LogLine{Priority::Error} << "phones cannot connect: " << ec.message();
            m_accept_retry.expires_after(m_accept_backoff);
            m_accept_retry.async_wait([this](beast::error_code wait_ec) {
                if (!wait_ec) accept();
            });
            return;
        }
        m_accept_backoff = 0ms;
        std::string address;
        if (admit(socket, address)) {
            std::make_shared<Connection>(std::move(socket), std::move(address), *this)->start();
        } else {
            beast::error_code ignored;
            socket.close(ignored);
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
            m_last_publish = std::chrono::steady_clock::now();  // before the next publish may arm
            m_publish_armed = false;
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
        if (auto message = m_render(connection->stream_key()))
            connection->send(std::make_shared<const std::string>("data: " + message->data + "\n\n"), false, message->last);
    }
}

void HttpServer::Impl::add_stream(const std::shared_ptr<Connection>& connection) {
    std::vector<std::shared_ptr<Connection>> too_many;
    {
        std::lock_guard lock{m_streams_mutex};
        std::erase_if(m_streams, [](const auto& weak) { return weak.expired(); });
        // One phone, a few tabs at most: its streams beyond the limit close, oldest first.
        std::vector<std::shared_ptr<Connection>> same;
        for (const auto& weak : m_streams)
            if (auto other = weak.lock(); other && other->stream_key() == connection->stream_key()) same.push_back(other);
        const auto keep = static_cast<std::size_t>(std::max(0, m_limits.streams_per_key - 1));
        if (same.size() > keep) too_many.assign(same.begin(), same.end() - static_cast<std::ptrdiff_t>(keep));
        std::erase_if(m_streams, [&](const auto& weak) {
            const auto other = weak.lock();
            return std::find(too_many.begin(), too_many.end(), other) != too_many.end();
        });
        m_streams.push_back(connection);
    }
    for (const auto& old : too_many) old->close_soon();
    // The new stream's first state goes out at once, not at the next change.
    if (auto message = m_render(connection->stream_key()))
        connection->send(std::make_shared<const std::string>("data: " + message->data + "\n\n"), false, message->last);
}

ServerStats HttpServer::Impl::stats() {
    std::lock_guard lock{m_streams_mutex};
    const auto streams = std::count_if(m_streams.begin(), m_streams.end(), [](const auto& w) { return !w.expired(); });
    return {m_connections.load(), static_cast<int>(streams), m_connection_cap};
}

namespace {

class FunctionSink : public ReplySink {
public:
    FunctionSink(std::function<void(HttpResponse)> on_reply, std::function<void(const std::string&)> on_stream)
        : m_reply{std::move(on_reply)}, m_stream{std::move(on_stream)} {}
    void reply(HttpResponse response) override {
        if (m_reply) m_reply(std::move(response));
    }
    void stream(const std::string& key) override {
        if (m_stream) m_stream(key);
    }

private:
    std::function<void(HttpResponse)> m_reply;
    std::function<void(const std::string&)> m_stream;
};

}  // namespace

Responder::Responder(std::function<void(HttpResponse)> on_reply, std::function<void(const std::string& key)> on_stream)
    : m_sink{std::make_shared<FunctionSink>(std::move(on_reply), std::move(on_stream))} {}

long raise_open_file_limit() {
    static const long files = [] {
        rlimit limit{};
        if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024L;
        if (limit.rlim_cur < limit.rlim_max) {
            rlimit raised = limit;
            raised.rlim_cur = limit.rlim_max;
            if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
        }
        return limit.rlim_cur == RLIM_INFINITY ? 1L << 20 : static_cast<long>(limit.rlim_cur);
    }();
    return files;
}


HttpServer::HttpServer(int fd, Handler handler, Render render, ServerLimits limits)
    : m_impl{std::make_unique<Impl>(fd, std::move(handler), std::move(render), limits)} {}
HttpServer::~HttpServer() = default;
void HttpServer::publish() { m_impl->publish(); }
ServerStats HttpServer::stats() const { return m_impl->stats(); }

}  // namespace kiosk::net
