#include "kiosk/store/retention.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <charconv>
#include <chrono>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <utility>

namespace kiosk::store {

namespace fs = std::filesystem;

namespace {

// A file's last change as wall-clock milliseconds (0 when it cannot be read: old enough).
std::int64_t changed_ms(const fs::path& path) {
    std::error_code error;
    const auto written = fs::last_write_time(path, error);
    if (error) return 0;
    const auto system = std::chrono::file_clock::to_sys(written);
    return std::chrono::duration_cast<std::chrono::milliseconds>(system.time_since_epoch()).count();
}

std::optional<std::int64_t> number(const std::string& digits) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

// Deletes a file, or a folder with what is in it (links are removed, never followed);
// returns how many files went.
int delete_all(const fs::path& path) {
    std::error_code error;
    const auto removed = fs::remove_all(path, error);
    return error || removed == static_cast<std::uintmax_t>(-1) ? 0 : static_cast<int>(removed);
}

// The entries of `folder` when it is a real folder (not a link to one elsewhere).
std::vector<fs::directory_entry> entries_of(const fs::path& folder) {
    std::vector<fs::directory_entry> found;
    std::error_code error;
    if (!fs::is_directory(fs::symlink_status(folder, error))) return found;
    for (fs::directory_iterator it{folder, error}, end; !error && it != end; it.increment(error)) found.push_back(*it);
    return found;
}

// "vitale.sqlite3.damaged-<ms>[-wal|-shm]": a damaged journal set aside, named by when.
std::regex damaged_copy_name(const Journal& journal) {
    return std::regex{std::regex_replace(journal.file().filename().string(), std::regex{R"([.])"}, R"(\.)") +
                      R"(\.damaged-(\d{1,18})(-wal|-shm)?)"};
}

// The export files older versions wrote flat into exports/ at the wrap-up:
// "<yyyy-mm-dd>_<hhmm>-sessie-<n>.<format>", in the room's local time.
const std::regex& flat_export_name() {
    static const std::regex flat{R"((\d{4})-(\d{2})-(\d{2})_(\d{2})\.?(\d{2})-sessie-\d+\.(md|json|csv|html))"};
    return flat;
}

// When a flat export was written, from its name (local time), as wall-clock milliseconds.
std::optional<std::int64_t> flat_export_stamp(const std::string& name) {
    std::smatch found;
    if (!std::regex_match(name, found, flat_export_name())) return std::nullopt;
    std::tm local{};
    local.tm_year = static_cast<int>(number(found[1].str()).value_or(1970)) - 1900;
    local.tm_mon = static_cast<int>(number(found[2].str()).value_or(1)) - 1;
    local.tm_mday = static_cast<int>(number(found[3].str()).value_or(1));
    local.tm_hour = static_cast<int>(number(found[4].str()).value_or(0));
    local.tm_min = static_cast<int>(number(found[5].str()).value_or(0));
    local.tm_isdst = -1;
    const std::time_t seconds = std::mktime(&local);
    if (seconds == static_cast<std::time_t>(-1)) return std::nullopt;
    return static_cast<std::int64_t>(seconds) * 1000;
}

enum class Holds { No, Yes, Unreadable };

// Whether a damaged journal copy holds events written between `from` and `to` (wall ms),
// read without changing it.
Holds copy_holds_events(const fs::path& copy, std::int64_t from, std::int64_t to) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(copy.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return Holds::Unreadable;
    }
    sqlite3_stmt* query = nullptr;
    Holds holds = Holds::Unreadable;
    if (sqlite3_prepare_v2(db, "SELECT EXISTS (SELECT 1 FROM events WHERE wall_ms BETWEEN ?1 AND ?2)", -1, &query, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(query, 1, from);
        sqlite3_bind_int64(query, 2, to);
        if (sqlite3_step(query) == SQLITE_ROW) holds = sqlite3_column_int(query, 0) != 0 ? Holds::Yes : Holds::No;
    }
    sqlite3_finalize(query);
    sqlite3_close(db);
    return holds;
}

}  // namespace

fs::path session_exports_folder(const fs::path& data_dir, const SessionRecord& session) {
    return data_dir / "exports" / ("session-" + std::to_string(session.id) + "-" + std::to_string(session.opened_wall_ms));
}

std::vector<fs::path> forget_session(Journal& journal, const fs::path& data_dir, const SessionRecord& session,
                                     std::int64_t now_wall_ms) {
    journal.forget(session.id);
    std::vector<fs::path> removed;
    const auto remove = [&](const fs::path& path) {
        if (delete_all(path) > 0) removed.push_back(path);
    };
    remove(session_exports_folder(data_dir, session));
    // What the session spans on the wall clock (to the minute: the flat names have minutes).
    const std::int64_t from = session.opened_wall_ms / 60'000 * 60'000;
    const std::int64_t to = session.closed_wall_ms.value_or(now_wall_ms);
    for (const auto& entry : entries_of(data_dir / "exports")) {
        const auto name = entry.path().filename().string();
        if (!std::regex_match(name, flat_export_name())) continue;
        const auto stamp = flat_export_stamp(name);
        const auto written = changed_ms(entry.path());
        if ((stamp && *stamp >= from && *stamp <= to) || (written >= from && written <= to)) remove(entry.path());
    }
    for (const auto& entry : entries_of(data_dir)) {
        std::smatch found;
        const auto name = entry.path().filename().string();
        if (!std::regex_match(name, found, damaged_copy_name(journal)) || found[2].matched) continue;  // -wal/-shm go with it
        const auto made = number(found[1].str()).value_or(0);
        if (made < session.opened_wall_ms) continue;  // set aside before the session began
        if (copy_holds_events(entry.path(), session.opened_wall_ms, to) == Holds::No) continue;
        for (const char* suffix : {"", "-wal", "-shm"}) remove(fs::path{entry.path().string() + suffix});
    }
    return removed;
}

RetentionResult apply_retention(Journal& journal, const fs::path& data_dir, std::int64_t cutoff_wall_ms,
                                std::int64_t keep_loose_from_wall_ms) {
    RetentionResult result;
    for (const auto& session : journal.forget_before(cutoff_wall_ms)) {
        ++result.sessions;
        result.files += delete_all(session_exports_folder(data_dir, session));
    }
    // The coffee corner's answers between sessions (and idle key presses) belong to no session.
    result.loose_events = static_cast<int>(journal.forget_loose_before(std::min(cutoff_wall_ms, keep_loose_from_wall_ms)));
    // Copies of a damaged journal keep what the room said in it: they go with the retention.
    // Their name says when they were made ("vitale.sqlite3.damaged-<ms>[-wal|-shm]").
    const auto damaged = damaged_copy_name(journal);
    for (const auto& entry : entries_of(data_dir)) {
        std::smatch found;
        const auto name = entry.path().filename().string();
        if (!std::regex_match(name, found, damaged)) continue;
        if (number(found[1].str()).value_or(0) < cutoff_wall_ms) result.files += delete_all(entry.path());
    }
    // Export files nobody can reach through the journal any more: only the kiosk's own names.
    std::set<std::pair<std::int64_t, std::int64_t>> held;
    for (const auto& session : journal.sessions()) held.emplace(session.id, session.opened_wall_ms);
    const std::regex folder{R"(session-(\d{1,18})-(\d{1,18}))"};
    for (const auto& entry : entries_of(data_dir / "exports")) {
        std::smatch found;
        const auto name = entry.path().filename().string();
        if (std::regex_match(name, found, folder)) {
            const std::pair key{number(found[1].str()).value_or(0), number(found[2].str()).value_or(0)};
            if (!held.count(key) && changed_ms(entry.path()) < cutoff_wall_ms) result.files += delete_all(entry.path());
        } else if (std::regex_match(name, flat_export_name()) && changed_ms(entry.path()) < cutoff_wall_ms) {
            result.files += delete_all(entry.path());
        }
    }
    return result;
}

}  // namespace kiosk::store
