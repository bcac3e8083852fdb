#pragma once
// Everything the kiosk reads from a View, run on a View the fuzzer made: the View's derived
// figures (rankings, choices, the decision), each phone's state as the phone page gets it, and
// at the wrap-up the four export formats. An exception or JSON that is not JSON is a finding.
#include <nlohmann/json.hpp>

#include "kiosk/core/view.hpp"
#include "kiosk/net/phone_state.hpp"
#include "kiosk/store/session_export.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/fuzz/fuzz_room.hpp"

namespace kiosk::fuzz {

// The exports' header as the live kiosk makes it (kiosk/app/session_files.cpp), at a fixed date.
inline store::ExportHeader export_header() {
    const auto& config = shipped_config();
    return {.room = config.settings.room_name,
            .date = "2026-11-23 09:00",
            .show_names = config.settings.session.show_names,
            .language = {config.settings.language, &config.strings}};
}

inline void read_view(const View& view, Millis now) {
    for (int step = 0; step < static_cast<int>(view.content->steps.size()); ++step) {
        (void)view.ranking(step);
        (void)view.voters(step);
        (void)view.chosen(step);
        (void)view.choice(step);
        (void)view.notes_of(step);
    }
    (void)view.open_choice();
    (void)view.chosen_statement();
    (void)view.framing_choice();
    (void)view.criterion_results();
    (void)view.proposed_decision();
    (void)view.decision();
    (void)view.outcome();
    (void)view.remaining(now);
    (void)view.in_warning(now);
    (void)view.active_participants();

    const auto& config = shipped_config();
    const net::PhoneContext context{now, config.content->reflection_questions.front(), 2, date_words(config.strings), {}};
    for (const auto& person : view.participants) {
        const auto state = net::phone_state_json(view, person.key, context);
        require(state.empty() || nlohmann::json::accept(state), "a phone's state is JSON");
    }
    if (view.phase != Phase::WrapUp) return;  // the exports are made from the wrap-up on
    const auto header = export_header();
    for (const auto format : {store::ExportFormat::Markdown, store::ExportFormat::Json, store::ExportFormat::Csv,
                              store::ExportFormat::Html}) {
        const auto text = store::export_session(view, header, format);
        if (format == store::ExportFormat::Json) require(nlohmann::json::accept(text), "the JSON export is JSON");
    }
}

}  // namespace kiosk::fuzz
