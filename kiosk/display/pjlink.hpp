#pragma once
// A projector on the network, through PJLink class 1 (JBMIA): a TCP connection per command to
// port 4352; the projector greets with "PJLINK 0" (no password) or "PJLINK 1 <random>" (then
// each command is sent after MD5(random + password) in hex); commands are "%1POWR 1\r",
// "%1POWR 0\r", "%1POWR ?\r", "%1LAMP ?\r"; answers are "%1POWR=OK", "%1POWR=1", "%1POWR=ERR3",
// or "PJLINK ERRA" for a wrong password. Every wait is bounded: a projector that does not answer
// costs at most the connect and reply timeouts.
#include <string>

#include "kiosk/display/display_switch.hpp"

namespace kiosk::display {

struct PjlinkTimeouts {
    int connect_ms = 3000;
    int reply_ms = 5000;
};

class PjlinkSwitch : public DisplaySwitch {
public:
    PjlinkSwitch(std::string host, int port, std::string password, PjlinkTimeouts timeouts = {});

    SwitchResult set_power(bool on) override;
    StateResult state() override;
    std::string name() const override;

    // One command ("POWR 1", "LAMP ?") over one connection: its answer after '=' ("OK", "1",
    // "1234 1"), or the problem in words.
    struct Reply {
        bool ok = false;
        std::string value;
        std::string error;
    };
    Reply command(const std::string& body) const;

private:
    std::string m_host;
    int m_port;
    std::string m_password;
    PjlinkTimeouts m_timeouts;
};

// MD5 of `text` as 32 lower-case hex digits (PJLink's password scheme).
std::string md5_hex(const std::string& text);

}  // namespace kiosk::display
