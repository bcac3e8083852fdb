// One device on the office network must not cost the others anything: connections per address,
// slow and half requests, streams that stop reading, streams per key, code guessing, the Host
// header and exports before the wrap-up. Raw sockets bound to other loopback addresses
// (127.0.0.x) act as other devices; everything goes to 127.0.0.1.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <string>

#include "tests/phone_kiosk.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using kiosk::testing::Json;
using kiosk::testing::PhoneKiosk;

namespace {

// A TCP connection from `from` (a loopback address) to the kiosk; closed when it goes.
class RawSocket {
public:
    RawSocket(int port, const std::string& from, int receive_buffer = 0) {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (receive_buffer > 0) setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        inet_pton(AF_INET, from.c_str(), &local.sin_addr);
        bind(m_fd, reinterpret_cast<sockaddr*>(&local), sizeof local);
        sockaddr_in remote{};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(static_cast<std::uint16_t>(port));
        inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) == 0;
    }
    ~RawSocket() { ::close(m_fd); }
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;

    bool connected() const { return m_connected; }
    void send(const std::string& bytes) { (void)::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL); }
    // What arrives within `wait` (until the server closes, or `wait` passes).
    std::string receive(std::chrono::milliseconds wait) {
        std::string got;
        const auto end = std::chrono::steady_clock::now() + wait;
        while (!m_closed) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
            if (left <= 0ms) break;
            pollfd ready{m_fd, POLLIN, 0};
            if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) break;
            char buffer[65536];
            const auto n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0) m_closed = true;
            else got.append(buffer, static_cast<std::size_t>(n));
        }
        return got;
    }
    // True when the server closed the connection within `wait` (everything before is read).
    bool closed_within(std::chrono::milliseconds wait) {
        receive(wait);
        return m_closed;
    }

private:
    int m_fd = -1;
    bool m_connected = false;
    bool m_closed = false;
};

std::string get_request(int port, const std::string& path, const std::string& host = "") {
    return "GET " + path + " HTTP/1.1\r\nHost: " + (host.empty() ? "127.0.0.1:" + std::to_string(port) : host) +
           "\r\nConnection: close\r\n\r\n";
}

// One GET from `from`; returns the status code (0 when there was no answer).
int status_from(int port, const std::string& from, const std::string& path, std::string* body = nullptr) {
    RawSocket socket{port, from};
    socket.send(get_request(port, path));
    const auto reply = socket.receive(3s);
    if (body) *body = reply;
    return reply.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(reply.substr(9, 3)) : 0;
}

}  // namespace

TEST_CASE("One address holds at most connections_per_address, another device still gets in at once") {
    net::ServerLimits limits;
    limits.connections_per_address = 4;
    PhoneKiosk kiosk{testing::default_rules(), "nl", 500, limits};
    kiosk.open_session();
    std::vector<std::unique_ptr<RawSocket>> flood;
    for (int i = 0; i < 12; ++i) {
        flood.push_back(std::make_unique<RawSocket>(kiosk.port, "127.0.0.5"));
        flood.back()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ");  // half a header, then nothing
    }
    int refused = 0;
    for (auto& socket : flood) refused += socket->closed_within(50ms) ? 1 : 0;
    CHECK(refused == 8);  // the first four are held open, the rest closed at once
    CHECK(kiosk.stats().connections == 4);
    // Another device joins as if nothing were going on.
    const auto started = std::chrono::steady_clock::now();
    CHECK(status_from(kiosk.port, "127.0.0.6", "/j/" + kiosk.view()->join_token) == 200);
    CHECK(std::chrono::steady_clock::now() - started < 1s);
}

TEST_CASE("A full server makes room by closing the connection that has waited longest for a request") {
    // One device with many addresses, each at its cap, fills the whole server with half requests.
    net::ServerLimits limits;
    limits.max_connections = 20;
    limits.connections_per_address = 4;
    PhoneKiosk kiosk{testing::default_rules(), "nl", 500, limits};
    kiosk.open_session();
    REQUIRE(kiosk.stats().connection_cap == 20);
    std::vector<std::unique_ptr<RawSocket>> hoard;
    for (int address = 0; address < 5; ++address)
        for (int i = 0; i < 4; ++i) {
            hoard.push_back(std::make_unique<RawSocket>(kiosk.port, "127.0.0." + std::to_string(40 + address)));
            hoard.back()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ");
            std::this_thread::sleep_for(5ms);  // oldest first
        }
    REQUIRE(kiosk.wait_until([&](const View&) { return kiosk.stats().connections == 20; }));
    // A phone still gets in at once; the hoard's oldest connection made room for it.
    const auto started = std::chrono::steady_clock::now();
    CHECK(status_from(kiosk.port, "127.0.0.50", "/j/" + kiosk.view()->join_token) == 200);
    CHECK(std::chrono::steady_clock::now() - started < 1s);
    CHECK(hoard.front()->closed_within(1s));
    CHECK_FALSE(hoard.back()->closed_within(100ms));
}

TEST_CASE("A connection whose first request does not come in time is dropped") {
    net::ServerLimits limits;
    limits.first_request_seconds = 1;
    PhoneKiosk kiosk{testing::default_rules(), "nl", 500, limits};
    RawSocket silent{kiosk.port, "127.0.0.7"};
    RawSocket half{kiosk.port, "127.0.0.7"};
    half.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    CHECK_FALSE(silent.closed_within(500ms));
    CHECK(silent.closed_within(2500ms));
    CHECK(half.closed_within(500ms));
}

TEST_CASE("A phone keeps at most two live streams, a third closes its oldest") {
    PhoneKiosk kiosk;
    const auto key = kiosk.phones_at("analyse", 1).front();
    const auto stream = [&] {
        auto socket = std::make_unique<RawSocket>(kiosk.port, "127.0.0.8");
        socket->send(get_request(kiosk.port, "/api/events?key=" + key));
        CHECK(socket->receive(500ms).find("data: ") != std::string::npos);
        return socket;
    };
    auto first = stream();
    auto second = stream();
    auto third = stream();
    CHECK(first->closed_within(2s));
    CHECK_FALSE(second->closed_within(300ms));
    CHECK_FALSE(third->closed_within(300ms));
    CHECK(kiosk.stats().streams == 2);
}

TEST_CASE("A stream whose phone stops reading is dropped once its write stalls") {
    net::ServerLimits limits;
    limits.stream_write_seconds = 1;
    limits.stream_send_buffer = 4096;
    limits.stream_interval_ms = 20;
    PhoneKiosk kiosk{testing::default_rules(), "nl", 500, limits};
    const auto key = kiosk.phones_at("brainstorm", 1).front();  // up to 20 ideas each
    // A small receive window, and no reading: the kiosk's writes stall once both buffers fill.
    RawSocket stalled{kiosk.port, "127.0.0.9", 4096};
    stalled.send(get_request(kiosk.port, "/api/events?key=" + key));
    REQUIRE(kiosk.wait_until([&](const View&) { return kiosk.stats().streams == 1; }));
    // The phone's own notes make each of its states larger (20 of them: its burst).
    const std::string text(260, 'x');
    for (int i = 0; i < 20; ++i) {
        kiosk.post("/api/notes", {{"key", key}, {"stage", "brainstorm"}, {"text", text + std::to_string(i)}});
        std::this_thread::sleep_for(30ms);
    }
    for (int i = 0; i < 100 && kiosk.stats().streams > 0; ++i) std::this_thread::sleep_for(50ms);
    REQUIRE(kiosk.view()->notes.size() == 20);
    CHECK(kiosk.stats().streams == 0);
}

TEST_CASE("Wrong codes: a few per address, a budget per session, then only the QR until key C") {
    PhoneKiosk kiosk{testing::default_rules(), "nl", 500, {}, 25};
    kiosk.open_session();
    const auto right = kiosk.view()->join_code;
    const auto wrong = right == "111111" ? std::string{"222222"} : std::string{"111111"};
    // One address: ten wrong codes are tried, the eleventh is not even compared.
    for (int i = 0; i < 10; ++i) CHECK(status_from(kiosk.port, "127.0.0.20", "/c?code=" + wrong) == 404);
    std::string page;
    CHECK(status_from(kiosk.port, "127.0.0.20", "/c?code=" + right, &page) == 429);
    CHECK(page.find("/j/") == std::string::npos);
    // Three more addresses spend the session's budget of 25 (10 + 10 + 5); after that nothing is compared.
    int tried = 10;
    for (const char* from : {"127.0.0.21", "127.0.0.22", "127.0.0.23"})
        for (int i = 0; i < 10; ++i) tried += status_from(kiosk.port, from, "/c?code=" + wrong) == 404 ? 1 : 0;
    CHECK(tried == 25);
    REQUIRE(kiosk.wait_until([](const View& v) { return v.codes_closed; }));
    // The right code from a fresh address: still refused, the page says to scan the QR.
    CHECK(status_from(kiosk.port, "127.0.0.24", "/c?code=" + right, &page) == 403);
    CHECK(page.find("Scan de QR-code") != std::string::npos);
    CHECK(page.find("/j/") == std::string::npos);
    // The QR still works.
    CHECK_FALSE(kiosk.join().empty());
    // The room shows a fresh code (key C): typing works again, with that code only.
    kiosk.press(EventKind::NewCode);
    const auto fresh = kiosk.view()->join_code;
    CHECK_FALSE(kiosk.view()->codes_closed);
    CHECK(fresh != right);
    CHECK(status_from(kiosk.port, "127.0.0.25", "/c?code=" + right) == 404);
    CHECK(status_from(kiosk.port, "127.0.0.25", "/c?code=" + fresh, &page) == 303);
    CHECK(page.find("Location: /j/" + kiosk.view()->join_token) != std::string::npos);
}

TEST_CASE("Only the kiosk's own names are answered (421 for any other Host)") {
    PhoneKiosk kiosk;
    kiosk.open_session();
    const auto port = std::to_string(kiosk.port);
    const auto status_for_host = [&](const std::string& request) {
        RawSocket socket{kiosk.port, "127.0.0.30"};
        socket.send(request);
        const auto reply = socket.receive(2s);
        return reply.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(reply.substr(9, 3)) : 0;
    };
    const auto with_host = [&](const std::string& host) { return status_for_host(get_request(kiosk.port, "/c", host)); };
    CHECK(with_host("127.0.0.1:" + port) == 200);
    CHECK(with_host("LOCALHOST:" + port) == 200);
    CHECK(with_host("evil.example:" + port) == 421);
    CHECK(with_host("127.0.0.1.evil.example:" + port) == 421);
    CHECK(with_host("127.0.0.1:1") == 421);
    CHECK(with_host("127.0.0.1") == 421);
    CHECK(status_for_host("GET /c HTTP/1.1\r\nConnection: close\r\n\r\n") == 421);
    // Also for the API and the stream.
    CHECK(status_for_host("POST /api/join HTTP/1.1\r\nHost: rebind.example:" + port +
                          "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}") == 421);
}

TEST_CASE("Exports are served from the wrap-up on, never while a vote runs") {
    PhoneKiosk kiosk;
    const auto keys = kiosk.phones_at("analyse", 1);
    REQUIRE(kiosk.post("/api/notes", {{"key", keys[0]}, {"stage", "analyse"}, {"text", "geheim-vooraf"}})->status == 201);
    const auto token = kiosk.view()->join_token;
    std::string page;
    for (const std::string file : {"", "/vitale-sessie.md", "/vitale-sessie.json", "/vitale-sessie.csv", "/vitale-sessie.html"}) {
        INFO(file);
        CHECK(status_from(kiosk.port, "127.0.0.31", "/x/" + token + file, &page) == 409);
        CHECK(page.find("geheim-vooraf") == std::string::npos);
    }
    while (kiosk.view()->phase != Phase::WrapUp) kiosk.press(EventKind::Next);
    CHECK(status_from(kiosk.port, "127.0.0.31", "/x/" + token + "/vitale-sessie.md", &page) == 200);
    CHECK(page.find("geheim-vooraf") != std::string::npos);
}
