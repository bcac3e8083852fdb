#include "kiosk/store/retention.hpp"

#include <charconv>
#include <chrono>
#include <optional>
#include <set>
#include <string>

namespace kiosk::store {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_session_prefix = "session-";

// A file's last change as wall-clock milliseconds (0 when it cannot be read).
std::int64_t changed_ms(const fs::path& path) {
    std::error_code error;
    const auto written = fs::last_write_time(path, error);
    if (error) return 0;
    const auto system = std::chrono::file_clock::to_sys(written);
    return std::chrono::duration_cast<std::chrono::milliseconds>(system.time_since_epoch()).count();
}

// The number after `prefix` in `name` ("session-17" -> 17); nullopt when there is none.
std::optional<std::int64_t> number_after(std::string_view name, std::string_view prefix) {
    const auto at = name.find(prefix);
    if (at == std::string_view::npos) return std::nullopt;
    const auto digits = name.substr(at + prefix.size());
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc{} || end == digits.data()) return std::nullopt;
    return value;
}

int delete_all(const fs::path& path) {
    std::error_code error;
    const auto removed = fs::remove_all(path, error);
    return error || removed == static_cast<std::uintmax_t>(-1) ? 0 : static_cast<int>(removed);
}

}  // namespace

fs::path session_exports_folder(const fs::path& data_dir, std::int64_t session_id) {
    return data_dir / "exports" / (std::string{k_session_prefix} + std::to_string(session_id));
}

void forget_session(Journal& journal, const fs::path& data_dir, std::int64_t session_id) {
    journal.forget(session_id);
    delete_all(session_exports_folder(data_dir, session_id));
}

RetentionResult apply_retention(Journal& journal, const fs::path& data_dir, std::int64_t cutoff_wall_ms) {
    RetentionResult result;
    for (const auto id : journal.forget_before(cutoff_wall_ms)) {
        ++result.sessions;
        result.files += delete_all(session_exports_folder(data_dir, id));
    }
    // Copies of a damaged journal keep what the room said in it: they go with the retention.
    // Their name says when they were made ("vitale.sqlite3.damaged-<ms>[-wal|-shm]").
    std::error_code error;
    const auto damaged = journal.file().filename().string() + ".damaged-";
    for (const auto& entry : fs::directory_iterator{data_dir, error}) {
        const auto name = entry.path().filename().string();
        if (name.rfind(damaged, 0) != 0) continue;
        const auto made = number_after(name, ".damaged-").value_or(changed_ms(entry.path()));
        if (made < cutoff_wall_ms) result.files += delete_all(entry.path());
    }
    // Export files nobody can reach through the journal any more.
    std::set<std::int64_t> held;
    for (const auto& session : journal.sessions()) held.insert(session.id);
    for (const auto& entry : fs::directory_iterator{data_dir / "exports", error}) {
        const auto name = entry.path().filename().string();
        const auto id = entry.is_directory() && name.rfind(k_session_prefix, 0) == 0 ? number_after(name, k_session_prefix)
                                                                                      : std::nullopt;
        if ((!id || !held.count(*id)) && changed_ms(entry.path()) < cutoff_wall_ms) result.files += delete_all(entry.path());
    }
    return result;
}

}  // namespace kiosk::store
