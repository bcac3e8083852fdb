#pragma once
// Every log line on stderr starts with "vitale-kiosk: ". Under systemd, where stderr is the
// journal ($JOURNAL_STREAM names it), the line starts with its priority as well ("<4>"), which
// the journal keeps as the line's level (sd-daemon(3)): `journalctl -u vitale-kiosk -p warning`
// then shows only what needs someone's attention. Elsewhere the lines are unchanged.
#include <sstream>

namespace kiosk {

enum class Priority { Error = 3, Warning = 4, Notice = 5, Info = 6 };

// "<N>" when stderr is the journal, else "".
const char* journal_level(Priority priority);
// journal_level(priority) + "vitale-kiosk: ".
const char* log_prefix(Priority priority);

// One log line, LogLine{Priority::Info} << "text " << n;, written to stderr in one piece (one
// write(2)) when the statement ends, newline added: lines from the screen, the engine and the
// phones' threads never run into each other.
class LogLine {
public:
    explicit LogLine(Priority priority) { m_text << log_prefix(priority); }
    ~LogLine();
    LogLine(const LogLine&) = delete;
    LogLine& operator=(const LogLine&) = delete;
    template <typename T>
    LogLine& operator<<(const T& value) {
        m_text << value;
        return *this;
    }

private:
    std::ostringstream m_text;
};

}  // namespace kiosk
