#include "scenes/scene_harness.hpp"

#include "scenes/scene_catalog.hpp"

namespace kiosk::scenes {

SceneHarness::SceneHarness(std::shared_ptr<const Library> library, TimerRules rules, Strings strings, Room room,
                           WallTime start)
    // Room for any number of sample phones: the harness shows walls of up to hundreds of notes.
    // Predictable keys: the same scene gives the same picture (and QR code) every time.
    : m_clock{start}, m_engine{std::move(library), rules, SessionRules{500, 1000, 20, false, false},
                               [n = 0]() mutable { return "sample" + std::to_string(1'000'000 + ++n); }},
      m_strings{std::move(strings)}, m_room{std::move(room)} {}

bool SceneHarness::go_to(const std::string& scene) { return drive_to_scene(m_engine, scene, m_clock.monotonic()); }

void SceneHarness::press(EventKind kind) { m_engine.apply({kind, m_clock.monotonic()}); }

void SceneHarness::join_phones(int people) {
    const auto held = m_engine.shared_view();  // see add_notes()
    for (int n = static_cast<int>(held->participants.size()) + 1; n <= people; ++n) {
        Event join{EventKind::Join, Sender::participant("sample-phone-" + std::to_string(1000 + n)), JoinPayload{}};
        join.at = m_clock.monotonic();
        m_engine.apply(join);
    }
}

int SceneHarness::add_notes(int count, const std::vector<std::string>& texts, int people) {
    // Held, not referenced: every apply() publishes a new View and lets the old one go.
    const auto held = m_engine.shared_view();
    const auto& view = *held;
    if (!view.in_step() || texts.empty() || people < 1) return 0;
    const auto key = [](int n) { return "sample-phone-" + std::to_string(1000 + n); };
    join_phones(people);
    int added = 0;
    for (int i = 0; i < count * 4 && added < count; ++i) {
        Event note{EventKind::Contribute, Sender::participant(key(i % people + 1)),
                   NewNotePayload{view.step_spec().id, texts[static_cast<std::size_t>(i) % texts.size()]}};
        note.at = m_clock.monotonic();
        added += m_engine.apply(note).ok() ? 1 : 0;
    }
    return added;
}

int SceneHarness::add_votes() {
    const auto held = m_engine.shared_view();  // see add_notes()
    const auto& view = *held;
    if (!view.in_step() || view.part() != Part::Vote) return 0;
    const auto notes = view.notes_of(view.step);
    if (notes.empty()) return 0;
    int voted = 0;
    for (const auto& person : view.participants) {
        Event vote{EventKind::Vote, Sender::participant(person.key), VotePayload{view.step_spec().id, {}}};
        vote.at = m_clock.monotonic();
        // A plausible spread: most dots on a few notes, some on the rest.
        for (int dot = 0; dot < view.step_spec().dots; ++dot)
            vote.as<VotePayload>().dots.push_back(notes[static_cast<std::size_t>((person.number * (dot + 1) * 7) % static_cast<int>(std::min<std::size_t>(notes.size(), 5 + static_cast<std::size_t>(dot) * 3)))]->id);
        voted += m_engine.apply(vote).ok() ? 1 : 0;
    }
    return voted;
}

int SceneHarness::settle_tie() {
    const auto held = m_engine.shared_view();  // see add_notes()
    const auto* tie = held->open_choice();
    if (!tie || !tie->in_runoff()) return 0;
    int given = 0;
    for (const auto& person : held->participants) {
        if (person.removed) continue;
        Event dot{EventKind::RunOffVote, Sender::participant(person.key), RunOffPayload{held->step_spec().id, tie->tied.front()}};
        dot.at = m_clock.monotonic();
        given += m_engine.apply(dot).ok() ? 1 : 0;
    }
    // More than one place to fill may still tie: the room picks the first shown until settled.
    for (int picks = 0; picks < 10 && m_engine.view().open_choice(); ++picks) apply({EventKind::RoomPick, Sender::room(), RoomPickPayload{1}});
    return given;
}

Outcome SceneHarness::apply(Event event) {
    event.at = m_clock.monotonic();
    return m_engine.apply(event);
}

void SceneHarness::wait(Millis time) {
    m_clock.advance(time);
    m_engine.tick(m_clock.monotonic());
}

Frame SceneHarness::frame(const LocalMoment& local, bool help_visible, const std::vector<HelpRow>* help_rows) const {
    return Frame{m_engine.view(), m_strings, m_room, m_clock.monotonic(), m_clock.wall(), local, help_visible, help_rows};
}

}  // namespace kiosk::scenes
