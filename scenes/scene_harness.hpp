#pragma once
// A scene on a fake clock, without windows, threads or input: an engine brought to a named
// scene, and the Frames to draw it. Used by --screenshot, the screen tests and the benchmarks.
// Single-threaded.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/engine.hpp"
#include "scenes/scene.hpp"

namespace kiosk::scenes {

class SceneHarness {
public:
    SceneHarness(std::shared_ptr<const Library> library, TimerRules rules, Strings strings, Room room, WallTime start);
    SceneHarness(std::shared_ptr<const Content> content, TimerRules rules, Strings strings, Room room, WallTime start)
        : SceneHarness(Library::of(std::move(content)), rules, std::move(strings), std::move(room), start) {}

    // Brings a fresh session to the named scene (see scene_names()); false for an unknown name.
    bool go_to(const std::string& scene);
    void press(EventKind kind);
    // Sample phones "sample-phone-1001" ... join until there are `people`.
    void join_phones(int people);
    // Sample phones: `people` join and add `count` notes to the current step, taking turns,
    // with the texts in rotation. Returns how many notes the engine took.
    int add_notes(int count, const std::vector<std::string>& texts, int people);
    // Every sample phone places its dots (during a vote). Returns how many voted.
    int add_votes();
    // A tie at a deciding place: every phone gives its run-off dot to the first tied note, and the
    // room picks the first shown while places still tie. Returns the run-off dots given (0 when there was no run-off).
    int settle_tie();
    Outcome apply(Event event);  // stamped with the harness's time
    // Lets time pass; deadlines that pass end their steps as they would in the room.
    void wait(Millis time);

    // A frame at the harness's current time. The frame refers into the harness.
    Frame frame(const LocalMoment& local, bool help_visible = false,
                const std::vector<HelpRow>* help_rows = nullptr) const;

    // Earlier decisions in the record (the coffee corner's "Wat we besloten", the lobby's reviews).
    void remember_decisions(std::vector<Decision> decisions) { m_engine.remember_decisions(std::move(decisions)); }
    // What the session settled before (a surprise card to show, for a review of the format).
    void recall(const std::vector<Fact>& facts) { m_engine.recall(facts); }
    const View& view() const { return m_engine.view(); }
    const FakeClock& clock() const { return m_clock; }

private:
    FakeClock m_clock;
    Engine m_engine;
    Strings m_strings;
    Room m_room;
};

}  // namespace kiosk::scenes
