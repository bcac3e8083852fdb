#pragma once
// Inputs to the engine. Keyboard, remotes, phones and the clock all become Events; the engine
// applies them in order. Applied events are handed out again so they can be journaled and
// replayed: replaying the same events gives the same session.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/payloads.hpp"
#include "kiosk/core/text_rules.hpp"

namespace kiosk {

// Every action the engine knows, in the order of KIOSK_ACTIONS (payloads.hpp), where each is
// declared once with its payload, who may send it and its handler.
#define KIOSK_EVENT_KIND(kind, name, route, senders, scope, payload, module, handler) kind,
enum class EventKind { KIOSK_ACTIONS(KIOSK_EVENT_KIND) };
#undef KIOSK_EVENT_KIND

// Set by the engine on an applied event that opened or closed a session: the journal's
// session boundaries.
enum class SessionMark { None, Opened, Closed };

// Who sent an event. Set by where it came from (the keyboard loop, the AI worker, the HTTP
// layer), never from a request's content: the HTTP layer can only make `participant(key)`.
// Whether a participant is the host is the engine's knowledge, not the sender's claim.
// A visitor is a phone on the coffee corner's page: `visitor(key)` is all the HTTP layer makes
// for it (after checking the week's link), and it can do nothing in a session.
enum class SenderKind { Room, System, Participant, Visitor };

struct Sender {
    SenderKind kind = SenderKind::Room;
    std::string key;  // the participant's secret key; empty for the room and the system

    static Sender room() { return {}; }
    static Sender system() { return {SenderKind::System, {}}; }
    static Sender participant(std::string phone_key) { return {SenderKind::Participant, std::move(phone_key)}; }
    static Sender visitor(std::string phone_key) { return {SenderKind::Visitor, std::move(phone_key)}; }
    bool is_participant() const { return kind == SenderKind::Participant; }
    bool is_visitor() const { return kind == SenderKind::Visitor; }
    bool is_phone() const { return is_participant() || is_visitor(); }
    bool operator==(const Sender&) const = default;
};

std::string_view to_string(SenderKind kind);  // "room", "system", "participant", "visitor"
std::optional<SenderKind> sender_kind_from(std::string_view name);

struct Event {
    Event() = default;
    // An event of `what` from the room, with the payload its action declares.
    Event(EventKind what, Millis when = Millis{0});  // NOLINT: reads as {kind, at}
    Event(EventKind what, Sender sender, Payload data) : kind{what}, from{std::move(sender)}, payload{std::move(data)} {}

    EventKind kind = EventKind::Start;
    Millis at{0};  // monotonic time the event happened
    Sender from;
    Payload payload;
    SessionMark mark = SessionMark::None;  // filled in by the engine

    // The payload as the struct its action declares (throws std::bad_variant_access otherwise).
    template <typename P> P& as() { return std::get<P>(payload); }
    template <typename P> const P& as() const { return std::get<P>(payload); }
};

std::string_view to_string(EventKind kind);
// The kind named by to_string(); nullopt for a name this version does not know.
std::optional<EventKind> event_kind_from(std::string_view name);

// What became of one event. Phones get this as their reply; the room's keys ignore it.
enum class Status {
    Ok,
    Ignored,          // meant nothing now (pause in the lobby): nothing changed
    NoSession,        // no session is open
    UnknownPerson,    // the key is not (or no longer) part of this session
    RoomFull,         // the session has max_participants
    WrongStage,       // the phone looked at another stage than the one running
    NotOpen,          // this stage (or its current part) does not take this now
    Limit,            // the participant's contributions for this stage are used up
    BadText,          // a text field: empty, too long, invalid UTF-8 or control characters
    TooManyDots,      // more dots than the stage allows
    OutOfRange,       // a number field outside its range (a score not 1-5, a question that is not there)
    TooMany,          // a list field with more entries than allowed (a fourth framing question)
    WrongCount,       // a list that needs exactly one entry per item (a score per criterion)
    BadChoice,        // not one of the names the field allows (doen/aanpassen/parkeren, ...)
    BadDate,          // not a real date
    MissingField,     // a required field is absent or empty (FieldProblem names it)
    WrongPayload,     // the event carries another action's payload (a programming error, never a phone's)
    UnknownDecision,  // no earlier decision with that id
    NotAllowed,       // this kind of sender may not send this action (a phone pressing the room's key)
    BudgetSpent,      // the session's journal space for phones is used up
    ShareSpent,       // this participant used its share (1/8) of that space
    UnknownNote,      // no such note in this stage
    UnknownIdea,      // no such suggestion for the coffee corner's next question (wrap-up)
    UnknownVideoframe,  // the lobby does not offer that format (or the choice is made)
    NotYours,         // a note somebody else wrote
    NotHost,          // only the host may do this
    BadCode,          // a host code that is wrong, used or expired
    NotSaved,         // the journal could not write it: refused, so nothing unsaved is confirmed
    // The coffee corner's own (coffee_corner.hpp)
    NoWeek,               // the kiosk has not set a coffee week yet
    CoffeeFull,           // the week holds its most answers (coffee.max_answers)
    CoffeeBudget,         // all phones' answers and changes this week reached the week's bound
    CoffeePhoneBudget,    // this phone's answers and changes this week reached its bound
    CoffeeHostInSession,  // a moderator claim while a session runs
    UnknownAnswer,        // no such answer this week
};

std::string_view to_string(Status status);

// Which field of the action a refusal is about, and why (for a message that names it).
struct FieldProblem {
    std::string_view field;  // a FieldSpec's name; empty when the refusal is not about a field
    TextProblem text = TextProblem::None;
    int limit = 0;  // the field's limit that was passed (code points, entries, largest value)
};

// What an applied event made or changed, for the id an Outcome carries.
enum class Made {
    Nothing,
    Note,         // a note's id (Contribute, Edit)
    Participant,  // the participant's number (Join)
    Answer,       // a coffee answer's id (CoffeeAnswer, CoffeeModerate)
    Idea,         // a suggestion's number for the coffee corner's next question (QuestionIdea)
};

struct Outcome {
    Status status = Status::Ok;
    Made what = Made::Nothing;  // what `id` is
    int id = 0;
    std::uint64_t version = 0;  // the View version that shows the change
    FieldProblem problem;       // with BadText, OutOfRange, TooMany, WrongCount, BadChoice, BadDate, MissingField
    bool ok() const { return status == Status::Ok; }
    void made(Made kind, int value) {
        what = kind;
        id = value;
    }
};

// Side effects the engine asks for; the app carries them out.
enum class Effect {
    Chime,     // a timed step ran out
    AskAi,     // build the prompt for the proposal's current request and send it
    CancelAi,  // the group moved on: stop the request in flight
};

}  // namespace kiosk
