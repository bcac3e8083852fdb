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

namespace kiosk {

enum class EventKind {
    // The room (keyboard, remote) or the host's phone
    Start,        // the room's main key: idle -> lobby -> check-in; closes a finished session
    Next,         // to the next part or step (or wrap-up, or back to idle after wrap-up)
    Previous,     // to the step before; a step returned to keeps the time it had left
    TogglePause,  // pause or resume the running step's timer
    Extend,       // add TimerRules::extend_step to the running step
    OfferHost,    // the room shows a one-time host code (key H)
    // Phones
    Join,         // text = optional first name
    Contribute,   // stage, text
    Edit,         // stage, note, text
    Withdraw,     // stage, note
    Vote,         // stage, dots (note ids; one id twice = two dots on it)
    Ready,        // stage, flag (ready or not)
    VoteExtend,   // stage: this participant wants more time
    ClaimHost,    // text = the host code from the host QR
    HideNote,     // host only: note
    // The AI proposal (stage with "contribute": "constraints")
    TogglePrompt,   // the room: show or hide the whole prompt on the screen
    AskAgain,       // a phone (stage) or the room: one more version of the proposal
    MarkParagraph,  // stage, note = paragraph index, text = mark name ("agree", ...; "" clears)
    PasteAnswer,    // stage, text = the answer pasted from the group's own assistant
    // From the AI worker; note = the request they answer (older requests are ignored)
    AiPrompt,     // text = the prompt as sent, stage = the model ("" manual), dots = {details removed}
    AiText,       // text = the next piece of the answer
    AiEnd,        // text = why it ended early ("" when complete)
    // The lobby, the validation stage and the wrap-up
    SetSituation,    // lobby: text = the work situation (any phone may write or change it)
    FramingVote,     // lobby: dots = the framing questions this phone picks (at most 3)
    ReviewDecision,  // lobby: stage = the earlier decision's id, text = "done" / "running" / "dropped"
    Score,           // validation: dots = a score 1-5 per criterion (0 = not scored)
    Object,          // validation: text = a serious objection in one sentence
    DecisionVote,    // validation, deciding: text = "doen" / "aanpassen" / "parkeren"
    Volunteer,       // validation, owner part: text = the name or role to show as owner
    Commit,          // the owner: text = the first step, note = the review date as yyyymmdd
    AdjustProposal,  // validation after "aanpassen": text = the group's change to the proposal
    ShareReflection, // wrap-up: text = a reflection the phone chose to share (anonymous)
    // Made by the engine itself when time passes; replaying them is done by tick()
    TimedOut,     // a step's deadline passed
    PartEnded,    // a dot-vote step's write or vote part ended
    WindowEnded,  // the AI stage's constraints window closed: the prompt is asked for
};

// Set by the engine on an applied event that opened or closed a session: the journal's
// session boundaries.
enum class SessionMark { None, Opened, Closed };

struct Event {
    Event() = default;
    Event(EventKind what, Millis when = Millis{0}) : kind{what}, at{when} {}  // NOLINT: reads as {kind, at}

    EventKind kind = EventKind::Start;
    Millis at{0};             // monotonic time the event happened
    std::string participant;  // the phone's secret key; empty for the room itself
    std::string stage;        // the step id the phone was looking at
    std::string text;         // contribution, name, or code
    int note = 0;             // the note an edit, withdrawal or hide is about
    std::vector<int> dots;    // a participant's whole dot vote
    bool flag = false;        // ready or not
    SessionMark mark = SessionMark::None;  // filled in by the engine
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
    RoomFull,         // max_participants reached
    WrongStage,       // the phone looked at another stage than the one running
    NotOpen,          // this stage (or its current part) does not take this now
    Limit,            // the participant's contributions for this stage are used up
    BadText,          // empty, too long, invalid UTF-8 or control characters
    TooManyDots,      // more dots than the stage allows
    UnknownNote,      // no such note in this stage
    NotYours,         // a note somebody else wrote
    NotHost,          // only the host may do this
    BadCode,          // a host code that is wrong, used or expired
    NotSaved,         // the journal could not write it: refused, so nothing unsaved is confirmed
};

std::string_view to_string(Status status);

struct Outcome {
    Status status = Status::Ok;
    int id = 0;                 // the new note's id, or the participant's number after Join
    std::uint64_t version = 0;  // the View version that shows the change
    bool ok() const { return status == Status::Ok; }
};

// Side effects the engine asks for; the app carries them out.
enum class Effect {
    Chime,     // a timed step ran out
    AskAi,     // build the prompt for the proposal's current request and send it
    CancelAi,  // the group moved on: stop the request in flight
};

}  // namespace kiosk
