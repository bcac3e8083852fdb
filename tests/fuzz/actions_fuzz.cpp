// libFuzzer target: every action of the action table with an arbitrary JSON body, the way the
// phone API takes it (decode_payload, check_payload) and the engine then applies it (admit,
// prepare, apply, as EngineLoop does), on a copy of an engine at one of the walk's places
// (fuzz_room.hpp), then the engine's timers run on and everything is read from the View.
//
// Input: byte 0 the action (its index in action_specs(); larger bytes wrap around), byte 1 the
// place (its index in the walk: 0 idle, 1 lobby, 2 checkin, ...), byte 2 who sends it (0: whom
// the action is for, phone 1 (the host) for phones' actions; 1: phone 2; 2: the room; 3: the
// system; 4: a phone that never joined; 5: a key that is no key), the rest the JSON body.
//
// Expected, not findings: a body that is not a JSON object and net::DecodeError (the API
// refuses both with 400/422 before anything reaches the engine). Findings: any other exception,
// the engine applying what the API's check refused from a phone, a tidied payload that fails
// its own check, and what fuzz_view.hpp checks.
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>

#include "kiosk/core/actions.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/net/action_json.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/fuzz/fuzz_room.hpp"
#include "tests/fuzz/fuzz_view.hpp"

using namespace kiosk;

namespace {

Sender sender_for(const ActionSpec& spec, std::uint8_t byte) {
    switch (byte % 6) {
    case 0:
        if (spec.senders & k_joiner) return Sender::participant(fuzz::phone_key(9));  // about to join
        if (spec.senders & (k_participant | k_host)) return Sender::participant(fuzz::phone_key(1));
        return (spec.senders & k_room) ? Sender::room() : Sender::system();
    case 1: return Sender::participant(fuzz::phone_key(2));
    case 2: return Sender::room();
    case 3: return Sender::system();
    case 4: return Sender::participant(fuzz::phone_key(8));
    default: return Sender::participant("not a key");
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::shipped_places();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const auto& table = action_specs();
    const auto& spec = table[static_cast<std::size_t>(data[0]) % table.size()];
    const auto& place = fuzz::shipped_places().pick(data[1]);
    const std::string text{fuzz::as_text(data + 3, size - 3)};
    const auto body = nlohmann::json::parse(text, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return 0;
    Payload payload;
    try {
        payload = net::decode_payload(spec, body);
    } catch (const net::DecodeError&) {
        return 0;
    }

    Engine engine = place.engine;
    // The API's check first; it tidies the texts it passes, which is what the engine then gets.
    auto checked = payload;
    FieldProblem problem;
    const auto api_status = check_payload(checked, field_bounds(engine.view()), problem);
    if (api_status == Status::Ok) {
        auto again = checked;
        FieldProblem ignored;
        fuzz::require(check_payload(again, field_bounds(engine.view()), ignored) == Status::Ok,
                      "a payload tidied by its check passes the check again");
    }
    Event event{spec.kind, sender_for(spec, data[2]), api_status == Status::Ok ? checked : payload};
    event.at = place.now;
    Engine::Reserved reserved;
    Outcome outcome;
    outcome.status = engine.admit(event, reserved);
    if (outcome.status == Status::Ok) {
        engine.prepare(event);
        outcome = engine.apply(event);
    }
    if (api_status != Status::Ok && event.from.is_participant())
        fuzz::require(!outcome.ok(), "the engine refuses from a phone what the API's check refuses");
    // Later: whatever the event started runs out (a vote part, a run-off, the constraints window).
    engine.tick(place.now + std::chrono::minutes{4});
    engine.take_applied();
    engine.take_effects();
    fuzz::read_view(engine.view(), place.now + std::chrono::minutes{4});
    return 0;
}
