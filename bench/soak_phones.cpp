#include "bench/soak_phones.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>

namespace kiosk::bench {

namespace {

bool bind_to(int fd, const std::string& source) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    local.sin_port = 0;
    return ::inet_pton(AF_INET, source.c_str(), &local.sin_addr) == 1 &&
           ::bind(fd, reinterpret_cast<const sockaddr*>(&local), sizeof local) == 0;
}

bool send_all(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

bool receive_more(int fd, std::string& buffer) {
    char chunk[16 * 1024];
    const auto n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
}

std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// One reply from `buffer` and the socket: the status line, the headers, then Content-Length
// bytes (the kiosk's replies always carry it). `keep_alive` turns false when the server closes.
HttpReply read_reply(int fd, std::string& buffer, bool& keep_alive) {
    std::size_t end = 0;
    while ((end = buffer.find("\r\n\r\n")) == std::string::npos)
        if (!receive_more(fd, buffer)) return {};
    const std::string head = buffer.substr(0, end);
    buffer.erase(0, end + 4);
    const auto space = head.find(' ');
    if (head.rfind("HTTP/1.", 0) != 0 || space == std::string::npos) return {};
    HttpReply reply;
    reply.status = std::atoi(head.c_str() + space + 1);
    std::size_t length = 0;
    keep_alive = true;
    for (auto at = head.find("\r\n"); at != std::string::npos;) {
        const auto next = head.find("\r\n", at + 2);
        const auto line = lower(head.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2));
        if (line.rfind("content-length:", 0) == 0) length = std::strtoul(line.c_str() + 15, nullptr, 10);
        if (line.rfind("connection:", 0) == 0 && line.find("close") != std::string::npos) keep_alive = false;
        at = next;
    }
    while (buffer.size() < length)
        if (!receive_more(fd, buffer)) return {};
    reply.body = buffer.substr(0, length);
    buffer.erase(0, length);
    return reply;
}

}  // namespace

int connect_loopback(int port, const std::string& source) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    const timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<std::uint16_t>(port));
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if ((!source.empty() && !bind_to(fd, source)) ||
        ::connect(fd, reinterpret_cast<const sockaddr*>(&server), sizeof server) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool can_bind(const std::string& source) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    const bool bound = bind_to(fd, source);
    ::close(fd);
    return bound;
}

HttpReply PhoneConnection::get(const std::string& path) {
    return exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_port) + "\r\n\r\n");
}

HttpReply PhoneConnection::post(const std::string& path, const std::string& json) {
    return exchange("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_port) +
                    "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(json.size()) + "\r\n\r\n" +
                    json);
}

HttpReply PhoneConnection::exchange(const std::string& request) {
    // A kept-alive connection the server has closed meanwhile (its idle limit) fails at once:
    // then once more on a fresh one. A fresh connection that fails is an answer of its own.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_fd < 0) {
            m_fd = connect_loopback(m_port, m_source);
            m_served = 0;
            m_buffer.clear();
            if (m_fd < 0) return {};
        }
        bool keep_alive = true;
        HttpReply reply;
        if (send_all(m_fd, request)) reply = read_reply(m_fd, m_buffer, keep_alive);
        const bool reused = m_served > 0;
        if (reply.status != 0) {
            ++m_served;
            if (!keep_alive) close();
            return reply;
        }
        close();
        if (!reused) break;
    }
    return {};
}

void PhoneConnection::close() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
}

bool PhoneStream::open(int port, const std::string& source, const std::string& key) {
    close();
    m_fd = connect_loopback(port, source);
    if (m_fd < 0) return false;
    const std::string request = "GET /api/events?key=" + key + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nAccept: text/event-stream\r\n\r\n";
    if (!send_all(m_fd, request)) close();
    return is_open();
}

std::size_t PhoneStream::drain() {
    std::size_t received = 0;
    char chunk[16 * 1024];
    while (m_fd >= 0) {
        const auto n = ::recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n > 0) {
            received += static_cast<std::size_t>(n);
            continue;
        }
        if (n == 0) close();  // the kiosk ended the stream
        break;                // n < 0: nothing more now (EAGAIN), or an error the next read shows
    }
    return received;
}

void PhoneStream::close() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
}

}  // namespace kiosk::bench
