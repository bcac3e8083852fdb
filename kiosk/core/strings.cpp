#include "kiosk/core/strings.hpp"

namespace kiosk {

const std::string& Strings::text(const std::string& key) const {
    const auto found = m_texts.find(key);
    return found == m_texts.end() ? key : found->second;
}

std::string Strings::format(const std::string& key,
                            const std::vector<std::pair<std::string, std::string>>& values) const {
    std::string result = text(key);
    for (const auto& [name, value] : values) {
        const std::string mark = "{" + name + "}";
        for (auto at = result.find(mark); at != std::string::npos;
             at = result.find(mark, at + value.size()))
            result.replace(at, mark.size(), value);
    }
    return result;
}

const std::vector<std::string>& Strings::required_keys() {
    static const std::vector<std::string> keys{
        "stage_of", "checkin_label", "paused", "time_up", "scan_to_join", "phone_task_label",
        "lobby_title", "lobby_body", "lobby_start", "idle_next_slot", "idle_slot_now",
        "idle_no_slot", "idle_question_label", "idle_start_hint", "wrapup_title",
        "wrapup_body", "wrapup_next", "help_title", "help_close", "key_next", "key_previous",
        "key_pause", "key_space_name", "key_extend", "key_start", "key_help", "key_quit", "footer_help",
        "weekday_0", "weekday_1", "weekday_2", "weekday_3", "weekday_4", "weekday_5",
        "weekday_6", "today", "tomorrow", "week_label", "questions_label"};
    return keys;
}

}  // namespace kiosk
