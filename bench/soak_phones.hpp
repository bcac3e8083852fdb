#pragma once
// A simulated phone's side of HTTP for the soak: a small blocking HTTP/1.1 client over a POSIX
// socket, kept alive between requests, and a live stream (Server-Sent Events) whose messages are
// read and counted. Each phone connects from its own loopback address (127.0.0.2, 127.0.0.3, …)
// so the kiosk sees one device per phone; every connection goes to 127.0.0.1.
// An object is used by one thread at a time (a phone's).
#include <cstddef>
#include <string>
#include <utility>

namespace kiosk::bench {

struct HttpReply {
    int status = 0;  // 0: no answer (could not connect, the connection ended, 10 s passed)
    std::string body;
};

// A TCP connection from `source` ("127.0.0.x"; "" lets the system choose) to 127.0.0.1:port,
// with 10 s send and receive timeouts; -1 when it cannot be made.
int connect_loopback(int port, const std::string& source);

// True when sockets can be bound to `source` here (all of 127.0.0.0/8 is loopback on Linux).
bool can_bind(const std::string& source);

class PhoneConnection {
public:
    PhoneConnection(int port, std::string source) : m_port{port}, m_source{std::move(source)} {}
    ~PhoneConnection() { close(); }
    PhoneConnection(const PhoneConnection&) = delete;
    PhoneConnection& operator=(const PhoneConnection&) = delete;

    HttpReply get(const std::string& path);
    HttpReply post(const std::string& path, const std::string& json);
    void close();

private:
    HttpReply exchange(const std::string& request);

    int m_port;
    std::string m_source;
    int m_fd = -1;
    int m_served = 0;      // replies read on this connection
    std::string m_buffer;  // bytes read past the last reply
};

// GET /api/events?key=…, left open; drain() takes what arrived without waiting.
class PhoneStream {
public:
    PhoneStream() = default;
    ~PhoneStream() { close(); }
    PhoneStream(const PhoneStream&) = delete;
    PhoneStream& operator=(const PhoneStream&) = delete;

    bool open(int port, const std::string& source, const std::string& key);
    // Bytes received since the last call; closes the stream when the kiosk ended it.
    std::size_t drain();
    void close();
    bool is_open() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

}  // namespace kiosk::bench
