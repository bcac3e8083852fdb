#pragma once
// Every action the engine knows, declared once (KIOSK_ACTIONS in payloads.hpp): its journal name,
// its HTTP route when phones may send it, its payload (the fields with their types and limits),
// who may send it, where it belongs and its module's handler. The engine dispatches by the table
// made from it, the journal names and decodes by it, the phone API decodes requests by it, and
// the phone page is served its limits. An action added later is added there, or nowhere.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/event.hpp"

namespace kiosk {

class Session;
class CoffeeCorner;
struct View;

// Who may send an action: a set of these.
enum Senders : unsigned {
    k_room = 1u << 0,         // the room's keyboard and remote, the screen loop
    k_system = 1u << 1,       // the engine's clock and the AI worker
    k_joiner = 1u << 2,       // someone holding the session's join token (joining)
    k_participant = 1u << 3,  // any joined participant
    k_host = 1u << 4,         // the participant holding the host code
    k_visitor = 1u << 5,      // a phone on the coffee corner's page (any holder of the week's link)
    k_moderator = 1u << 6,    // a visitor who claimed this week's moderator code (key H outside sessions)
};

// Where an action belongs. Participants' actions outside it are refused (NotOpen), and inside a
// running step the stage a phone names must be the one running (WrongStage).
enum class Scope {
    Anywhere,  // the handler decides (the room's keys)
    Session,   // any phase of an open session
    Lobby,
    Step,      // a running step; the payload's stage is the one running
    WrapUp,
};

// Which module of the engine an action belongs to, named by its handler: the session's
// (Session: lobby, stages, wrap-up; forgotten with its session) or the coffee corner's
// (CoffeeCorner: kept across sessions, its recent weeks replayed at every start).
enum class Module { Session, Coffee };

struct ActionSpec {
    using SessionHandler = Status (Session::*)(Event& event, Outcome& outcome);
    using CoffeeHandler = Status (CoffeeCorner::*)(View& draft, Event& event, Outcome& outcome);
    using Handler = std::variant<SessionHandler, CoffeeHandler>;

    EventKind kind;
    std::string_view name;   // in the journal and the logs
    std::string_view route;  // POST route for phones; empty when phones cannot send it
    unsigned senders = 0;
    Scope scope = Scope::Anywhere;
    Payload empty;           // a default payload of the action's type
    Handler handle;

    std::span<const FieldSpec> fields() const;
    Module module() const { return std::holds_alternative<CoffeeHandler>(handle) ? Module::Coffee : Module::Session; }
};

// The table, in EventKind order.
const std::vector<ActionSpec>& action_specs();
const ActionSpec& action_spec(EventKind kind);
std::optional<EventKind> event_kind_from(std::string_view name);  // by journal name
const ActionSpec* action_for_route(std::string_view route);       // by POST route

// What the room configured, for the limits that depend on it (Bound).
struct FieldBounds {
    int max_text = SessionRules{}.max_text;
    int framing_questions = 0;
    int criteria = 0;
};
struct View;
FieldBounds field_bounds(const View& view);

// A field's limits with the room's configuration filled in.
FieldSpec resolve(const FieldSpec& field, const FieldBounds& bounds);

// Checks every field of a payload by its spec and tidies its texts in place (text_rules).
// Returns Ok, or the refusal with the field it is about. The engine runs it on every event it
// applies (also on replay); the API runs it first to answer without a round trip.
Status check_payload(Payload& payload, const FieldBounds& bounds, FieldProblem& problem);

// Bytes an event makes the journal hold (its payload, its sender and a row's overhead).
std::size_t journal_bytes(const Event& event);

}  // namespace kiosk
