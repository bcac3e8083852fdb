// libFuzzer target: journal replay at start-up, on arbitrary event rows. Rows become events
// (store::from_row), are replayed into a fresh engine (store::replay) the way the kiosk
// restores the open session after a restart, the last finished session first for its
// headline and decisions, and the resulting View is read as the screen, the phones and the
// exports read it (fuzz_view.hpp).
//
// Input: rows as text, one a line, fields split by tabs as the journal's columns
// (kiosk/store/event_row.hpp):
//   kind  sender  participant  stage  text  note  dots  flag  seconds
// `seconds`: wall-clock time after the first session opened (a missing one: as the row before).
// In fields, \n \t \r \0 and \\ stand for those characters; a missing field is empty (or 0).
// A line "---" ends the last finished session and begins the open one; a line
// "now<TAB>S" sets the restart's moment (else a minute after the last row); lines that begin
// with # are comments.
//
// Expected, not a finding: store::StoreError from from_row (a row this version cannot read: the
// kiosk refuses to start with its message). Findings: any other exception, and an event whose
// row does not read back as the same row (the journal would write what it cannot replay).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/engine.hpp"
#include "kiosk/store/event_row.hpp"
#include "kiosk/store/journal.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/fuzz/fuzz_room.hpp"
#include "tests/fuzz/fuzz_view.hpp"

using namespace kiosk;

namespace {

constexpr long long k_first_wall_ms = 20'000LL * 86'400'000LL;  // 2024-10-04, as the screen tests
constexpr long long k_max_seconds = 100'000'000;                // about three years either way

struct TimedRow {
    store::EventRow row;
    long long seconds = 0;
};

struct Rows {
    std::vector<TimedRow> finished, open;
    std::optional<long long> now;  // seconds
};

std::string unescape(std::string_view field) {
    std::string out;
    for (std::size_t at = 0; at < field.size(); ++at) {
        if (field[at] != '\\' || at + 1 == field.size()) {
            out += field[at];
            continue;
        }
        switch (field[++at]) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case '\\': out += '\\'; break;
        default:
            out += '\\';
            out += field[at];
        }
    }
    return out;
}

// A whole number, or `otherwise` (SQLite reads a text in an integer column as 0 too).
long long number(std::string_view field, long long otherwise) {
    long long value = 0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    return error == std::errc{} && end == field.data() + field.size() ? value : otherwise;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (std::size_t at = 0;;) {
        const auto end = text.find(separator, at);
        parts.push_back(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
        if (end == std::string_view::npos) return parts;
        at = end + 1;
    }
}

Rows read_rows(std::string_view text) {
    Rows journal;
    auto* rows = &journal.finished;
    bool split_seen = false;
    long long seconds = 0;
    for (auto line : split(text, '\n')) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        if (line == "---" && !split_seen) {
            split_seen = true;
            rows = &journal.open;
            continue;
        }
        const auto fields = split(line, '\t');
        const auto field = [&fields](std::size_t index) { return index < fields.size() ? fields[index] : std::string_view{}; };
        if (field(0) == "now" && fields.size() == 2) {
            journal.now = std::clamp(number(field(1), 0), -k_max_seconds, k_max_seconds);
            continue;
        }
        TimedRow timed;
        timed.row.kind = unescape(field(0));
        timed.row.sender = unescape(field(1));
        timed.row.participant = unescape(field(2));
        timed.row.stage = unescape(field(3));
        timed.row.text = unescape(field(4));
        timed.row.note = number(field(5), 0);
        timed.row.dots = unescape(field(6));
        timed.row.flag = number(field(7), 0) != 0;
        seconds = std::clamp(number(field(8), seconds), -k_max_seconds, k_max_seconds);
        timed.seconds = seconds;
        rows->push_back(std::move(timed));
    }
    // Without a "---" every row is the open session's.
    if (!split_seen) std::swap(journal.finished, journal.open);
    if (!journal.now) journal.now = seconds + 60;
    return journal;
}

bool same_row(const store::EventRow& a, const store::EventRow& b) {
    return a.kind == b.kind && a.sender == b.sender && a.participant == b.participant && a.stage == b.stage &&
           a.text == b.text && a.note == b.note && a.dots == b.dots && a.flag == b.flag;
}

// Throws StoreError for a row this version cannot read.
std::vector<store::JournalEntry> entries_of(const std::vector<TimedRow>& rows, std::int64_t& seq) {
    std::vector<store::JournalEntry> entries;
    for (const auto& timed : rows) {
        store::JournalEntry entry;
        entry.seq = ++seq;
        entry.wall_ms = k_first_wall_ms + timed.seconds * 1000;
        entry.event = store::from_row(timed.row);
        entries.push_back(std::move(entry));
    }
    return entries;
}

// What the journal writes for an event reads back as the same row (outside the StoreError
// catch: a row the kiosk wrote and cannot read is a finding).
void check_round_trip(const Event& event) {
    const auto row = store::to_row(event);
    fuzz::require(same_row(store::to_row(store::from_row(row)), row), "an event's journal row reads back as the same row");
}

Engine fresh_engine() {
    const auto& config = fuzz::shipped_config();
    return Engine{config.content, config.settings.timers, config.settings.session, fuzz::counting_keys()};
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::shipped_config();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto journal = read_rows(fuzz::as_text(data, size));
    std::int64_t seq = 0;
    std::vector<store::JournalEntry> finished, open;
    try {
        finished = entries_of(journal.finished, seq);
        open = entries_of(journal.open, seq);
    } catch (const store::StoreError&) {
        return 0;
    }
    for (const auto& entry : finished) check_round_trip(entry.event);
    for (const auto& entry : open) check_round_trip(entry.event);

    const FakeClock clock{WallTime{std::chrono::milliseconds{k_first_wall_ms + *journal.now * 1000}}};
    auto engine = fresh_engine();
    if (!finished.empty()) {
        auto past = fresh_engine();
        store::replay(past, finished, clock);
        engine.remember_last_outcome(past.view().last_outcome);
        engine.remember_decisions(past.view().reviews);
        fuzz::read_view(past.view(), clock.monotonic());
    }
    store::replay(engine, open, clock);
    fuzz::read_view(engine.view(), clock.monotonic());
    return 0;
}
