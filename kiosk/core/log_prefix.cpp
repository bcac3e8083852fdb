#include "kiosk/core/log_prefix.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace kiosk {

namespace {

// $JOURNAL_STREAM is "DEVICE:INODE" of the journal's socket; it is inherited by children whose
// stderr may be something else, so it counts only when it names this stderr.
bool stderr_is_journal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    struct stat status {};
    if (!stream || fstat(2, &status) != 0) return false;
    unsigned long long device = 0, inode = 0;
    if (std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) return false;
    return device == static_cast<unsigned long long>(status.st_dev) && inode == static_cast<unsigned long long>(status.st_ino);
}

int index_of(Priority priority) { return static_cast<int>(priority) - static_cast<int>(Priority::Error); }

}  // namespace

const char* journal_level(Priority priority) {
    static const bool journal = stderr_is_journal();
    static const char* const levels[] = {"<3>", "<4>", "<5>", "<6>"};
    return journal ? levels[index_of(priority)] : "";
}

const char* log_prefix(Priority priority) {
    static const bool journal = journal_level(Priority::Info)[0] != '\0';
    static const char* const prefixes[] = {"<3>vitale-kiosk: ", "<4>vitale-kiosk: ", "<5>vitale-kiosk: ", "<6>vitale-kiosk: "};
    return journal ? prefixes[index_of(priority)] : "vitale-kiosk: ";
}

LogLine::~LogLine() {
    m_text << '\n';
    const std::string text = m_text.str();
    std::size_t done = 0;
    while (done < text.size()) {
        const auto written = ::write(2, text.data() + done, text.size() - done);
        if (written <= 0) break;  // nowhere to log to: nothing to do about it
        done += static_cast<std::size_t>(written);
    }
}

}  // namespace kiosk
