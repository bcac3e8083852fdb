#include "kiosk/store/retention.hpp"

#include <algorithm>
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

}  // namespace

fs::path session_exports_folder(const fs::path& data_dir, const SessionRecord& session) {
    return data_dir / "exports" / ("session-" + std::to_string(session.id) + "-" + std::to_string(session.opened_wall_ms));
}

void forget_session(Journal& journal, const fs::path& data_dir, const SessionRecord& session) {
    journal.forget(session.id);
    delete_all(session_exports_folder(data_dir, session));
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
    const std::regex damaged{std::regex_replace(journal.file().filename().string(), std::regex{R"([.])"}, R"(\.)") +
                             R"(\.damaged-(\d{1,18})(-wal|-shm)?)"};
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
    const std::regex flat{R"(\d{4}-\d{2}-\d{2}_[0-9.]+-sessie-\d+\.(md|json|csv|html))"};
    for (const auto& entry : entries_of(data_dir / "exports")) {
        std::smatch found;
        const auto name = entry.path().filename().string();
        if (std::regex_match(name, found, folder)) {
            const std::pair key{number(found[1].str()).value_or(0), number(found[2].str()).value_or(0)};
            if (!held.count(key) && changed_ms(entry.path()) < cutoff_wall_ms) result.files += delete_all(entry.path());
        } else if (std::regex_match(name, flat) && changed_ms(entry.path()) < cutoff_wall_ms) {
            result.files += delete_all(entry.path());
        }
    }
    return result;
}

}  // namespace kiosk::store
