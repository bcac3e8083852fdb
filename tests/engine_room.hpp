#pragma once
// An engine with phones on a fake clock, driven event by event: the harness of the engine tests.
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "kiosk/core/engine.hpp"
#include "tests/test_content.hpp"

namespace kiosk::testing {

// A phone's event of `kind` with its payload filled in by field type: the running stage in a
// "stage" field, `text` in the other text fields, `list` in a list, `number` in a number.
inline Event phone_event(EventKind kind, const std::string& key, const View& view, const std::string& text = "",
                         const std::vector<int>& list = {}, int number = 0) {
    Event event{kind, Sender::participant(key), action_spec(kind).empty};
    for_each_field(event.payload, [&](const FieldSpec& field, auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) value = field.name == "stage" ? (view.in_step() ? view.step_spec().id : "") : text;
        else if constexpr (std::is_same_v<T, std::vector<int>>) value = list;
        else if constexpr (std::is_same_v<T, int>) value = number;
    });
    return event;
}

// Predictable keys: "key-0001", "key-0002", ...
inline KeySource counting_keys() {
    auto counter = std::make_shared<int>(0);
    return [counter] {
        const auto n = std::to_string(++*counter);
        return "token-" + std::string(10 - n.size(), '0') + n;
    };
}

struct Room {
    FakeClock clock;
    SessionRules rules;
    Engine engine;

    explicit Room(SessionRules session = {}, std::shared_ptr<const Content> content = phone_content())
        : rules{session}, engine{std::move(content), TimerRules{}, session, counting_keys()} {}
    Room(SessionRules session, std::shared_ptr<const Library> library)
        : rules{session}, engine{std::move(library), TimerRules{}, session, counting_keys()} {}

    Outcome send(Event event) {
        event.at = clock.monotonic();
        return engine.apply(event);
    }
    void press(EventKind kind) { send(Event{kind}); }
    void wait(Millis time) {
        clock.advance(time);
        engine.tick(clock.monotonic());
    }
    static std::string key(int n) { return "phone-key-0000000" + std::to_string(n); }
    Outcome join(int n, const std::string& name = "") {
        return send({EventKind::Join, Sender::participant(key(n)), JoinPayload{name}});
    }
    // Phone n's event of `kind`, about the running stage; the test fills in the rest with as<>().
    Event from(int n, EventKind kind) const { return phone_event(kind, key(n), view()); }
    Outcome add(int n, const std::string& text) {
        auto event = from(n, EventKind::Contribute);
        event.as<NewNotePayload>().text = text;
        return send(event);
    }
    Outcome set_ready(int n, bool ready = true) {
        auto event = from(n, EventKind::Ready);
        event.as<ReadyPayload>().ready = ready;
        return send(event);
    }
    Outcome vote(int n, std::vector<int> dots) {
        auto event = from(n, EventKind::Vote);
        event.as<VotePayload>().dots = std::move(dots);
        return send(event);
    }
    // Opens a session and walks to step `step` with `people` phones joined.
    void open_at(int step, int people) {
        press(EventKind::Start);
        for (int n = 1; n <= people; ++n) join(n);
        press(EventKind::Start);
        while (view().step < step) press(EventKind::Next);  // a dot-vote step takes three
    }
    const View& view() const { return engine.view(); }
    std::string step_id() const { return view().in_step() ? view().step_spec().id : "-"; }
};


}  // namespace kiosk::testing
