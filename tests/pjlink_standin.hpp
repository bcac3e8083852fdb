#pragma once
// A projector on 127.0.0.1 that speaks PJLink class 1 as real ones do: the greeting ("PJLINK 0",
// or "PJLINK 1 <random>" with a password, checked as MD5(random + password)), POWR on, off and
// query, LAMP query, ERR1 for what it does not know, "PJLINK ERRA" for a wrong password. It can
// also misbehave the ways projectors do: say nothing, refuse with ERR3 while it warms up, or
// answer with something that is not PJLink. One connection at a time, like most projectors.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/display/pjlink.hpp"

namespace kiosk::testing {

class PjlinkStandIn {
public:
    enum class Behaviour { Normal, Silent, Busy, NotPjlink };

    explicit PjlinkStandIn(std::string password = "", int port = 0) : m_password{std::move(password)} {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int yes = 1;
        ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(m_listener, 8) != 0) {
            std::perror("pjlink stand-in");
            return;
        }
        socklen_t size = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &size);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread{[this] { serve(); }};
    }
    ~PjlinkStandIn() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
        ::close(m_listener);
    }
    PjlinkStandIn(const PjlinkStandIn&) = delete;
    PjlinkStandIn& operator=(const PjlinkStandIn&) = delete;

    int port() const { return m_port; }
    void behave(Behaviour behaviour) { m_behaviour = behaviour; }
    int power() const { return m_power; }         // 0 off, 1 on
    void set_power(int power) { m_power = power; }
    int commands() const { return m_commands; }   // commands it carried out
    int refused_passwords() const { return m_refused; }
    // What it logs of each command ("POWR 0", "LAMP ?"), for a tool that runs it on its own.
    void on_command(std::function<void(const std::string&)> log) {
        std::lock_guard lock{m_mutex};
        m_log = std::move(log);
    }

private:
    void serve() {
        while (!m_stop) {
            pollfd wait{m_listener, POLLIN, 0};
            if (::poll(&wait, 1, 50) != 1) continue;
            const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) continue;
            converse(fd);
            ::close(fd);
        }
    }

    void send(int fd, const std::string& text) { ::send(fd, text.data(), text.size(), MSG_NOSIGNAL); }

    bool read_line(int fd, std::string& line) {
        line.clear();
        for (;;) {
            pollfd wait{fd, POLLIN, 0};
            if (::poll(&wait, 1, 2000) != 1) return false;
            char c = 0;
            if (::recv(fd, &c, 1, 0) != 1) return false;
            if (c == '\r') return true;
            line += c;
            if (line.size() > 200) return false;
        }
    }

    void converse(int fd) {
        const auto behaviour = m_behaviour.load();
        if (behaviour == Behaviour::Silent) {  // takes the connection and says nothing, as a hung projector
            for (int i = 0; i < 40 && !m_stop; ++i) {  // until the client gives up (or 2 s)
                pollfd wait{fd, POLLIN, 0};
                char c = 0;
                if (::poll(&wait, 1, 50) == 1 && ::recv(fd, &c, 1, 0) <= 0) return;
            }
            return;
        }
        if (behaviour == Behaviour::NotPjlink) return send(fd, "SSH-2.0-OpenSSH_9.2\r\n");
        const std::string random = std::to_string(10'000'000 + (++m_greetings * 7919) % 89'999'999);
        send(fd, m_password.empty() ? "PJLINK 0\r" : "PJLINK 1 " + random + "\r");
        std::string line;
        if (!read_line(fd, line)) return;
        if (!m_password.empty()) {
            if (line.size() < 32 || line.substr(0, 32) != display::md5_hex(random + m_password)) {
                ++m_refused;
                return send(fd, "PJLINK ERRA\r");
            }
            line = line.substr(32);
        }
        if (line.rfind("%1", 0) != 0 || line.size() < 8) return send(fd, "%1" + line.substr(2, 4) + "=ERR1\r");
        const auto command = line.substr(2);
        {
            std::lock_guard lock{m_mutex};
            if (m_log) m_log(command);
        }
        if (behaviour == Behaviour::Busy && command.rfind("POWR ", 0) == 0 && command != "POWR ?")
            return send(fd, "%1POWR=ERR3\r");
        ++m_commands;
        if (command == "POWR 1") { m_power = 1; return send(fd, "%1POWR=OK\r"); }
        if (command == "POWR 0") { m_power = 0; return send(fd, "%1POWR=OK\r"); }
        if (command == "POWR ?") return send(fd, "%1POWR=" + std::to_string(m_power.load()) + "\r");
        if (command == "LAMP ?") return send(fd, "%1LAMP=1234 " + std::to_string(m_power.load()) + "\r");
        if (command.rfind("POWR ", 0) == 0) return send(fd, "%1POWR=ERR2\r");
        send(fd, "%1" + command.substr(0, 4) + "=ERR1\r");
    }

    std::string m_password;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<Behaviour> m_behaviour{Behaviour::Normal};
    std::atomic<int> m_power{1};
    std::atomic<int> m_commands{0};
    std::atomic<int> m_refused{0};
    int m_greetings = 0;
    std::mutex m_mutex;
    std::function<void(const std::string&)> m_log;
    std::thread m_thread;
};

}  // namespace kiosk::testing
