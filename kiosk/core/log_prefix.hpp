#pragma once
// Every log line on stderr starts with "vitale-kiosk: ". Under systemd, where stderr is the
// journal ($JOURNAL_STREAM names it), the line starts with its priority as well ("<4>"), which
// the journal keeps as the line's level (sd-daemon(3)): `journalctl -u vitale-kiosk -p warning`
// then shows only what needs someone's attention. Elsewhere the lines are unchanged.
namespace kiosk {

enum class Priority { Error = 3, Warning = 4, Notice = 5, Info = 6 };

// "<N>" when stderr is the journal, else "".
const char* journal_level(Priority priority);
// journal_level(priority) + "vitale-kiosk: ".
const char* log_prefix(Priority priority);

}  // namespace kiosk
