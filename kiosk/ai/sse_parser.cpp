#include "kiosk/ai/sse_parser.hpp"

namespace kiosk::ai {

namespace {
// One line, and one event (its data lines joined), may hold 1 MB: far more than any provider
// sends in one event (a few hundred bytes), small enough that a broken stream cannot take the
// kiosk's memory. Beyond it the stream is not an event stream: the answer ends as "garbage".
constexpr std::size_t k_max_line = 1024 * 1024;
constexpr std::size_t k_max_event = 1024 * 1024;
}

void SseParser::feed(std::string_view bytes) {
    if (m_overflow) return;  // the answer is over; nothing more is read
    for (const char c : bytes) {
        if (m_after_cr) {
            m_after_cr = false;
            if (c == '\n') continue;  // CRLF: the CR ended the line already
        }
        if (c == '\r' || c == '\n') {
            m_after_cr = c == '\r';
            line(m_pending);
            m_pending.clear();
            if (m_overflow) return;
            continue;
        }
        if (m_pending.size() >= k_max_line) {
            m_overflow = true;
            return;
        }
        m_pending += c;
    }
}

void SseParser::line(std::string_view text) {
    if (text.empty()) {
        if (m_has_data) m_on_event(m_event.empty() ? "message" : m_event, m_data);
        m_event.clear();
        m_data.clear();
        m_has_data = false;
        return;
    }
    if (text.front() == ':') return;  // a comment (keep-alive)
    const auto colon = text.find(':');
    const auto field = text.substr(0, colon);
    auto value = colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (field == "event") {
        m_event = std::string{value};
        m_saw_fields = true;
    } else if (field == "data") {
        if (m_data.size() + value.size() + 1 > k_max_event) {
            m_overflow = true;
            return;
        }
        if (m_has_data) m_data += '\n';
        m_data += value;
        m_has_data = true;
        m_saw_fields = true;
    }
    // "id", "retry" and unknown fields are ignored, as the standard says.
}

}  // namespace kiosk::ai
