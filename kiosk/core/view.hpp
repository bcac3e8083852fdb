#pragma once
// The session as readers see it: an immutable snapshot the engine publishes after every
// change. The screen, the phones and the AI worker read it from any thread; nobody writes it.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/choice.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/coffee.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/decision.hpp"
#include "kiosk/core/library.hpp"
#include "kiosk/core/proposal.hpp"

namespace kiosk {

enum class Phase { Idle, Lobby, Step, WrapUp };

// A step with a dot vote goes write -> vote -> results; every other step stays in Write.
enum class Part { Write, Vote, Results };

// A step's timer as a deadline, so any reader can compute what is left at its own "now".
struct TimerView {
    Millis duration{0};   // the step's planned length plus extensions
    Millis deadline{0};   // monotonic time the step ends, while running
    Millis remaining_paused{0};  // what is left, while paused
    Millis paused_at{0};         // when the pause began (what else waits with the timer moves by the pause)
    bool paused = false;
};

struct Participant {
    std::string key;   // the phone's secret (random, from the server); never shown
    int number = 0;    // 1, 2, 3 ... in order of joining
    std::string name;  // optional first name
    bool host = false;
    bool removed = false;  // taken out by the host: the key no longer works, the number stays
};

struct Note {
    int id = 0;        // 1, 2, 3 ... within the session
    int step = 0;      // index into content->steps
    int author = 0;    // participant number
    std::string text;
    Millis at{0};      // monotonic time it was added or last edited (the screen fades it in)
    bool hidden = false;     // hidden by the host: off the screen and out of the vote
    bool withdrawn = false;  // taken back by its author
    bool visible() const { return !hidden && !withdrawn; }
};

struct Ranked {
    int note = 0;
    int dots = 0;
    int place = 0;  // 1-based; equal dots share a place
};

// What is going on in the current step besides its timer. Reset when a step is entered.
struct StepActivity {
    std::set<int> ready;         // participant numbers
    std::set<int> want_more;     // participants who voted to extend
    bool extended_by_vote = false;
};

struct HostOffer {
    std::string code;  // what the host QR carries
    Millis expires{0};
};

// The lobby's choice of format. The schedule's slot may name one (fixed); otherwise the lobby
// offers the formats this trajectory used least, each phone gives one dot, and the most dots win
// when the room starts; a tie waits for the room's number key. The room may step through the
// whole library instead (key F): its pick wins over the dots.
struct VideoframeChoice {
    std::vector<std::string> offered;  // ids, least used first; empty when fixed or nothing to choose
    std::string fixed;                 // the slot's format ("" = the lobby chooses)
    std::map<int, std::string> dots;   // participant -> offered id
    std::string room_pick;             // stepped to with F ("" = none)
    std::vector<std::string> tied;     // the room started on a tie: these wait for its 1..n
    std::string settled;               // the format the session runs, once the lobby was left
};

// A step's surprise card (the format's pool for the step, content.hpp): drawn at its minute,
// shown for its time in step time (a pause holds it), skipped or drawn again once by the room.
struct SurpriseView {
    int card = -1;      // index into the step's pool; -1 before the draw
    Millis ends{0};     // step time (time into the step) when it goes
    int draws = 0;      // 1 after the draw, 2 after the room's second draw
    bool gone = false;  // skipped by the room, its time was up, or the vote began
};

// A card the session showed, for the record and the exports.
struct ShownCard {
    int step = 0;
    CardKind kind = CardKind::Question;
    std::string text, by;
};

// A stage's media entry (content.hpp MediaItem) as the session plays it. Its clock is step time,
// so the stage's pause (Space) holds a clip as it holds the timer. The screen plays what this
// says; the player tells the engine when a clip ended or could not play (MediaEnd), and after a
// restart where it really was (MediaResume).
struct MediaState {
    bool started = false;
    bool ended = false;   // played to its end, could not play, another clip began, or the stage was left
    Millis origin{0};     // the step time at which the clip was at 0:00
    int plays = 0;        // 1 after the first start, one more for each R
    std::string problem;  // why it could not play ("" when it played)
};

// A media entry the session showed, for the record and the exports.
struct ShownMedia {
    int step = 0;
    MediaKind kind = MediaKind::Video;
    std::string file, alt;
    std::string problem;  // why it could not play ("" when it played)
};

struct View {
    std::uint64_t version = 0;  // grows by one with every change
    int session_number = 0;     // counts sessions opened since start-up
    Phase phase = Phase::Idle;
    int step = -1;  // index into content->steps while phase == Step, else -1
    TimerView timer;
    Millis warning{0};
    std::shared_ptr<const Content> content;  // the session's format (the lobby: the slot's or the default)
    std::shared_ptr<const Library> library;  // every format, for the lobby's choice
    std::shared_ptr<const SessionRules> rules;

    // The open session (lobby, steps, wrap-up)
    std::string join_token;  // in the QR: /j/<token>
    std::string join_code;   // six digits, for people who type
    bool codes_closed = false;  // too many wrong codes: only the QR lets people in (until key C)
    std::vector<Participant> participants;
    std::vector<Note> notes;                         // every step's, in order of adding
    std::vector<Part> parts;                         // per step
    std::vector<std::map<int, std::vector<int>>> dots;  // per step: participant -> note ids
    std::vector<StageChoice> choices;                   // per step: what its dot vote chose
    StepActivity activity;
    std::optional<HostOffer> host_offer;
    ProposalView proposal;  // the AI stage's prompt, answers and marks
    std::vector<int> framing;  // chosen framing questions (indexes into content->framing_questions)

    // The lobby: what the group chose before starting (issue 6)
    std::string situation;                       // the work situation, named on a phone
    std::map<int, std::set<int>> framing_votes;  // participant -> framing questions picked
    std::vector<Decision> reviews;               // earlier decisions due for review
    VideoframeChoice videoframes;                // which format the session runs
    ValidationView validation;                   // the validation stage
    std::vector<Sentence> reflections;          // wrap-up answers shared with the group (anonymous)
    // The wrap-up's suggestions for the coffee corner's next question (id = index + 1), and
    // each participant's one dot on them.
    std::vector<Sentence> question_ideas;
    std::map<int, int> question_dots;  // participant -> idea id
    std::string settled_question;      // the chosen question as the session closed ("" before)
    std::vector<Millis> spent;                   // per step: time spent in it this session
    std::vector<SurpriseView> surprises;         // per step
    std::vector<ShownCard> cards_shown;          // this session's surprise cards, in the order drawn
    std::vector<std::vector<MediaState>> media;  // per step, per entry of its "media"
    std::vector<ShownMedia> media_shown;         // this session's media, in the order started

    // The coffee corner: this week's answer link and answers; outlives sessions.
    CoffeeView coffee;

    // History: what the last finished session chose ("vorige keer: …"); empty if nothing.
    std::string last_outcome;
    // The format of each session of this trajectory so far, oldest first (outlives sessions).
    std::vector<std::string> format_history;
    // yyyyww -> the format of the last session closed in that ISO week: the coffee corner's
    // question comes from the format of the week before (outlives sessions).
    std::map<int, std::string> week_formats;
    // The surprise cards this trajectory drew ("format/stage/card"): drawn last (outlives sessions).
    std::set<std::string> cards_used;

    bool in_step() const { return phase == Phase::Step; }
    bool session_open() const { return phase != Phase::Idle; }
    const StepSpec& step_spec() const { return content->steps.at(static_cast<std::size_t>(step)); }
    // 1-based stage number ("2/5"); 0 for the check-in and outside steps.
    int stage_number() const { return in_step() ? step : 0; }
    int stage_count() const { return content->stage_count(); }
    Part part() const { return in_step() ? parts.at(static_cast<std::size_t>(step)) : Part::Write; }
    // The AI proposal stage: the step whose phones add constraints; -1 when there is none.
    int proposal_step() const;
    bool in_proposal_step() const { return in_step() && step == proposal_step(); }

    Millis remaining(Millis now) const;
    // True in the last stretch of a running or paused step (TimerRules::warning).
    bool in_warning(Millis now) const;

    // A participant still in the session, by key (never a removed one).
    const Participant* participant(const std::string& key) const;
    // By number, also a removed one (their notes keep their author).
    const Participant* participant(int number) const;
    int active_participants() const;  // joined and not removed
    // The visible notes of one step, oldest first.
    std::vector<const Note*> notes_of(int step_index) const;
    const Note* note(int id) const;
    // A step's dot vote counted: most dots first, notes without dots left out.
    std::vector<Ranked> ranking(int step_index) const;
    // Participants who placed at least one dot in this step.
    int voters(int step_index) const;
    // The step's chosen notes (settled or not yet), best first.
    std::vector<const Note*> chosen(int step_index) const;
    const StageChoice* choice(int step_index) const;
    // The running step's choice while it still waits for a run-off or the room's pick.
    const StageChoice* open_choice() const;
    // The session's chosen problem statement, else the first vote's first chosen note; "" if none.
    std::string chosen_statement() const;
    // The framing questions the lobby's votes pick now: up to three with the most votes.
    std::vector<int> framing_choice() const;
    // The validation step (scores); -1 when there is none.
    int validation_step() const;
    std::vector<CriterionResult> criterion_results() const;
    DecisionKind proposed_decision() const;
    // The session's decision as it stands: fixed once the owner part began, else the proposal;
    // nullopt before the validation stage.
    std::optional<DecisionKind> decision() const;
    // This session's decision as it goes into the record and the next lobbies.
    std::optional<Decision> outcome() const;
    // The wrap-up's chosen coffee-corner question: the idea with the most dots (the earlier one on
    // a tie); "" while no idea has a dot.
    std::string chosen_question() const;
    // The format the lobby's choice stands at now: the room's pick, else the most dots (the first
    // offered on a tie), else the session's content; and the offered ids that tie for the most dots.
    std::string leading_videoframe() const;
    std::vector<std::string> tied_videoframes() const;
    // Dots per format id in the lobby's choice.
    std::map<std::string, int> videoframe_dots() const;
    // Whose reflection questions the coffee corner asks this week (coffee.week): the format of the
    // last session before the week (library.hpp coffee_format), the same all week whatever
    // sessions run. The check-in asks the session's.
    std::shared_ptr<const Content> coffee_format() const;
    // Time into the running step at `now` (pauses and extensions taken into account).
    Millis step_time(Millis now) const { return timer.duration - remaining(now); }
    // The running step's surprise card while it is on the screen, else nullptr.
    const SurpriseCard* surprise_card() const;
    // The running step's media entry `item` as it plays; nullptr outside a step or for no such entry.
    const MediaState* media_state(int item) const;
    // Where a started clip of the running step is at `now` (its stage's pauses held it).
    Millis media_position(int item, Millis now) const { return step_time(now) - media_state(item)->origin; }
    // The running step's entries on the screen now, in the format's order: pictures once they came,
    // clips and sounds while they play (or are paused with the stage), and one that ended with a problem.
    std::vector<int> media_on_screen() const;
};

}  // namespace kiosk
