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
        "weekday_6", "today", "tomorrow", "week_label", "questions_label", "key_host", "host_title",
        "host_body", "join_code", "join_url", "people_line", "lobby_joined", "dots_count", "dots_one", "more_notes", "vote_open",
        "voters", "results_label", "notes_empty", "store_failing", "store_repaired", "take_home", "take_home_hint", "last_time",
        "key_prompt", "key_again", "ai_label", "ai_model", "ai_pasted", "ai_version", "ai_collecting",
        "ai_constraints_label", "ai_no_constraints", "ai_waiting", "ai_failed", "ai_incomplete", "ai_manual",
        "ai_removed", "ai_removed_none", "ai_prompt_title", "ai_prompt_hint", "ai_prompt_close", "ai_marks_legend",
        "ai_why_timeout", "ai_why_stalled", "ai_why_refused", "ai_why_dns", "ai_why_garbage", "ai_why_empty",
        "ai_why_too_long", "ai_why_disconnected", "ai_why_error", "ai_why_skipped", "ai_why_interrupted", "ai_why_http"};
    return keys;
}



const std::vector<std::string>& Strings::phone_keys() {
    static const std::vector<std::string> keys{
        "title", "joined_count", "join_intro", "name_label", "join_button", "lobby", "checkin", "stage_of",
        "ended_title", "ended_body", "code_title", "code_label", "code_button", "code_wrong",
        "no_session", "add", "hint_answer", "hint_facts", "hint_statements", "hint_ideas",
        "yours", "edit", "save", "cancel", "withdraw", "left", "limit_reached", "vote_intro",
        "dots_left", "dots_left_one", "results", "dots", "dots_one", "ready", "not_ready", "ready_count", "more_time",
        "more_time_votes", "more_time_given", "paused", "reconnecting", "wrapup",
        "watch_screen", "host_title", "host_pause", "host_extend", "host_next", "host_hide",
        "host_welcome", "saved", "remaining", "err_no_session", "err_unknown_person",
        "err_room_full", "err_wrong_stage", "err_not_open", "err_limit", "err_too_many_dots",
        "err_unknown_note", "err_not_yours", "err_not_host", "err_bad_code", "err_empty",
        "err_too_long", "err_invalid_utf8", "err_control_character", "err_body_too_large",
        "err_bad_json", "err_content_type", "err_unknown_stage", "err_slow_down", "export_title", "export_body", "export_md", "export_html", "export_csv", "export_json",
        "err_not_found", "err_not_saved", "err_bad_request", "err_server", "err_offline",
        "hint_constraints", "ai_waiting", "ai_label", "ai_mark_intro", "ai_mark_agree", "ai_mark_question",
        "ai_mark_risk", "ai_show_prompt", "ai_hide_prompt", "ai_copy", "ai_copied", "ai_copy_failed",
        "ai_paste_label", "ai_paste_button", "ai_manual", "ai_failed", "ai_again", "ai_incomplete", "ai_removed",
        "err_paste_too_long"};
    return keys;
}

}  // namespace kiosk
