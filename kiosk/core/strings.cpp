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
        "weekday_6", "day_0", "day_1", "day_2", "day_3", "day_4", "day_5", "day_6", "month_1", "month_2", "month_3",
        "month_4", "month_5", "month_6", "month_7", "month_8", "month_9", "month_10", "month_11", "month_12", "date_spoken",
        "today", "tomorrow", "week_label", "questions_label", "key_host", "host_title",
        "host_body", "host_title_coffee", "host_body_coffee", "join_code", "join_url", "people_line", "lobby_joined", "dots_count", "dots_one", "more_notes", "vote_open",
        "voters", "results_label", "chosen_mark", "runoff_title", "room_pick_title", "room_pick_hint", "first_on_tie", "runoff_band", "room_pick_band", "chosen_by_runoff", "chosen_by_room", "chosen_by_first_on_tie", "notes_empty", "store_failing", "store_repaired", "take_home", "take_home_hint", "last_time",
        // the exports (kiosk/store/report*.cpp)
        "report_heading", "report_intro", "report_participants_one", "report_participants", "report_situation",
        "report_framing", "report_no_notes", "report_vote_result", "report_vote_unseen", "report_dots_one",
        "report_dots", "report_chosen", "report_tie_runoff", "report_tie_room", "report_tie_first",
        "report_decision_heading", "report_criterion", "report_criterion_spread", "report_objection",
        "report_decision", "report_owner", "report_first_step", "report_review", "report_edit", "report_reflection",
        "report_ai", "report_ai_version", "report_ai_model", "report_ai_pasted", "report_ai_incomplete",
        "report_marks", "report_prompt", "report_source_group", "report_col_stage_id", "report_col_stage",
        "report_col_note", "report_col_name", "report_col_source", "report_col_text", "report_col_dots",
        "report_col_place", "report_col_chosen", "report_week_heading", "report_week_summary", "report_sessions_one",
        "report_sessions", "report_minutes_one", "report_minutes", "report_contributions_one", "report_contributions",
        "report_decisions_one", "report_decisions", "report_week_stages", "report_week_stage", "report_week_sessions", "report_coffee_heading", "report_coffee_answers_one", "report_coffee_answers", "report_coffee_question", "wrapup_coffee_question", "wrapup_coffee_ideas",
        "report_week_session", "report_no_statement", "report_col_session", "report_col_date", "report_col_minutes",
        "report_col_participants", "report_col_statement", "report_col_contributions", "report_col_decision",
        "report_col_owner", "report_col_review", "report_col_stages",
        "key_prompt", "key_again", "key_new_code", "key_pick", "key_hide_answer", "night_notice", "night_notice_no_end", "join_code_closed", "join_code_closed_why", "ai_label", "ai_model", "ai_pasted", "ai_version", "ai_collecting",
        "ai_constraints_label", "ai_no_constraints", "ai_waiting", "ai_failed", "ai_incomplete", "ai_manual",
        "ai_removed", "ai_removed_none", "ai_prompt_title", "ai_prompt_hint", "ai_prompt_close", "ai_marks_legend",
        "ai_why_timeout", "ai_why_stalled", "ai_why_refused", "ai_why_dns", "ai_why_garbage", "ai_why_empty",
        "ai_why_too_long", "ai_why_disconnected", "ai_why_error", "ai_why_skipped", "ai_why_interrupted", "ai_why_http",
        "lobby_situation_label", "lobby_situation_empty", "lobby_framing_label", "lobby_votes", "lobby_reviews_label", "review_line", "review_status_done", "review_status_running", "review_status_dropped", "review_status_open", "owner_unknown", "decision_doen", "decision_aanpassen", "decision_parkeren", "framing_line", "situation_line", "validation_scores_label", "validation_scored", "validation_discuss", "validation_objections", "validation_proposed", "validation_voted", "validation_decided", "validation_owner", "validation_first_step", "validation_review", "validation_no_owner", "validation_parked", "validation_edits", "wrapup_situation", "wrapup_statement", "wrapup_decision", "wrapup_owner", "wrapup_reflections", "week_line", "week_line_iso", "validation_band_decide", "validation_band_owner",
        // the coffee corner between sessions (scenes/coffee_*.cpp)
        "coffee_question_label", "coffee_scan", "coffee_code_hint", "coffee_answers_label", "coffee_answers_empty",
        "coffee_decisions_label", "coffee_decisions_empty", "coffee_owner", "coffee_first_step", "coffee_review",
        "coffee_overdue", "coffee_status_open", "coffee_status_running", "coffee_next_label", "coffee_next_when",
        "coffee_next_soon", "coffee_in_minutes", "coffee_in_hours", "coffee_in_hours_minutes", "coffee_slot_running",
        "coffee_week_sessions"};
    return keys;
}



const std::vector<std::string>& Strings::phone_keys() {
    static const std::vector<std::string> keys{
        "title", "joined_count", "join_intro", "name_label", "join_button", "lobby", "checkin", "stage_of",
        "ended_title", "ended_body", "code_title", "code_label", "code_button", "code_wrong", "code_closed", "code_slow", "export_not_yet", "err_wrong_host",
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
        "err_paste_too_long",
        // refusals named by the field they are about (actions.hpp)
        "err_out_of_range", "err_out_of_range_scores", "err_out_of_range_picks", "err_out_of_range_note",
        "err_out_of_range_paragraph", "err_out_of_range_participant", "err_too_many", "err_too_many_picks",
        "err_wrong_count", "err_bad_choice", "err_bad_choice_decision", "err_bad_choice_picks", "err_bad_choice_status",
        "err_missing_field", "err_bad_field", "err_unknown_decision", "err_not_allowed", "err_not_allowed_participant", "err_budget_spent", "err_removed",
        "err_too_many_joins",
        // the host's list of participants
        "host_participants", "host_participant", "host_you", "host_remove", "host_remove_confirm", "host_remove_yes",
        "host_removed", "validation_owner_someone", "lobby_framing_votes_one",
        // a tie at a deciding place
        "runoff_title", "runoff_intro", "runoff_room_title", "runoff_room", "chosen",
        "err_bad_date", "lobby_situation", "lobby_situation_hint", "lobby_situation_save", "lobby_framing", "lobby_framing_votes", "lobby_reviews", "review_done", "review_running", "review_dropped", "owner_label", "review_by", "validation_score_intro", "validation_objection", "validation_objection_send", "validation_proposed", "validation_vote_intro", "decision_doen", "decision_aanpassen", "decision_parkeren", "validation_decided", "validation_volunteer", "validation_owner_name", "validation_owner_is", "validation_first_step", "validation_review_date", "validation_commit", "validation_edit", "validation_edit_send", "validation_parked", "wrapup_summary", "wrapup_reflection", "wrapup_reflection_private", "wrapup_reflection_share", "wrapup_shared", "framing_label",
        // the ended page: the private reflection, shown once as it leaves the phone
        "ended_reflection", "ended_reflection_copy", "ended_reflection_copied", "ended_reflection_copy_failed",
        "ended_reflection_forgotten", "ended_reflection_forgotten_shared",
        // the coffee corner's answer page (coffee.js) and its messages from the kiosk
        "coffee_title", "coffee_heading", "coffee_week", "coffee_no_question", "coffee_anonymous",
        "coffee_moderation_approve", "coffee_answer_label", "coffee_change_label", "coffee_send", "coffee_save",
        "coffee_yours", "coffee_on_screen", "coffee_waiting", "coffee_hidden", "coffee_edit", "coffee_withdraw",
        "coffee_withdraw_confirm", "coffee_withdraw_yes", "coffee_withdrawn", "coffee_sent", "coffee_sent_waiting",
        "coffee_changed", "coffee_shown_none", "coffee_shown_one", "coffee_shown", "coffee_host_title",
        "coffee_host_intro", "coffee_host_none", "coffee_host_welcome", "coffee_approve", "coffee_hide",
        "coffee_approved", "coffee_hidden_done", "coffee_state_shown", "coffee_state_waiting", "coffee_state_hidden", "coffee_week_over_title", "coffee_week_over", "coffee_code_intro",
        "err_week_over", "err_coffee_full", "err_coffee_budget", "err_coffee_too_many", "err_coffee_host_in_session",
        // the wrap-up's question for the coffee corner
        "wrapup_question_title", "wrapup_question_intro", "wrapup_question_label", "wrapup_question_label_mine",
        "wrapup_question_hint", "wrapup_question_send", "wrapup_question_change", "wrapup_question_saved",
        "wrapup_question_dot_intro", "wrapup_question_yours", "wrapup_question_chosen", "wrapup_question_none"};
    return keys;
}

}  // namespace kiosk
