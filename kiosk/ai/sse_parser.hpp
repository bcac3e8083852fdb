#pragma once
// Server-sent events, incrementally: bytes in (in whatever pieces the network delivers),
// complete events out. Follows the WHATWG rules the providers rely on: "event:" and "data:"
// fields, several data lines joined with "\n", comments (":") ignored, LF, CRLF or CR line
// ends, an event ends at a blank line.
#include <functional>
#include <string>
#include <string_view>

namespace kiosk::ai {

class SseParser {
public:
    using OnEvent = std::function<void(const std::string& event, const std::string& data)>;
    explicit SseParser(OnEvent on_event) : m_on_event{std::move(on_event)} {}

    void feed(std::string_view bytes);
    // True when a line or an event grew beyond 1 MB: not an event stream (nothing more is read).
    bool overflowed() const { return m_overflow; }
    // Whether any event or field line has been seen.
    bool saw_fields() const { return m_saw_fields; }

private:
    void line(std::string_view text);

    OnEvent m_on_event;
    std::string m_pending;  // an unfinished line
    std::string m_event, m_data;
    bool m_has_data = false;
    bool m_after_cr = false;
    bool m_overflow = false;
    bool m_saw_fields = false;
};

}  // namespace kiosk::ai
