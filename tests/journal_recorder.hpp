#pragma once
// Events applied to an engine and written to a journal the way the live kiosk does it
// (EngineLoop and live_kiosk's hooks): prepared, journaled first, applied, then the facts the
// event settled, then a session's open or close, with the closed session's outcome recorded.
#include <string>

#include "kiosk/core/engine.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/outcome_record.hpp"
#include "tests/engine_room.hpp"

namespace kiosk::testing {

struct Recorder {
    FakeClock& clock;
    Engine& engine;
    store::Journal& journal;
    Outcome send(Event event) {
        event.at = clock.monotonic();
        engine.prepare(event);
        journal.append({event}, clock);
        const bool was_open = engine.view().session_open();
        const auto outcome = engine.apply(event);
        journal.append_facts(engine.take_facts(), clock);
        if (was_open != engine.view().session_open())
            journal.mark_session(0, !was_open, was_open ? store::outcome_record(*engine.closed_session()) : std::string{});
        return outcome;
    }
    Outcome phone(EventKind kind, const std::string& key, const std::string& text = "", const std::vector<int>& list = {}) {
        return send(phone_event(kind, key, engine.view(), text, list));
    }
    // A session opened, one phone's note in its first step, walked to its wrap-up (still open).
    void session_to_wrapup(const std::string& note) {
        send(Event{EventKind::Start});
        phone(EventKind::Join, "phone-key-00000001");
        send(Event{EventKind::Start});
        phone(EventKind::Contribute, "phone-key-00000001", note);
        while (engine.view().phase != Phase::WrapUp) send(Event{EventKind::Next});
    }
    // The lobby opened, `phones` phones join and give their dot to `format`, and the room starts:
    // the session runs that format, at its check-in.
    void session_in_format(const std::string& format, int phones = 1) {
        send(Event{EventKind::Start});
        for (int n = 1; n <= phones; ++n) {
            phone(EventKind::Join, Room::key(n));
            auto dot = phone_event(EventKind::VideoframeVote, Room::key(n), engine.view());
            dot.as<VideoframeVotePayload>().videoframe = format;
            send(dot);
        }
        send(Event{EventKind::Start});
    }
};

}  // namespace kiosk::testing
