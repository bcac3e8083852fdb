#pragma once
// Every action, declared once: what it carries (one typed struct per action) and its row in
// KIOSK_ACTIONS at the end of this file (its journal name, its route, who may send it, where it
// belongs, and its module's handler). A new action is a payload struct and a row here, its
// handler in its module, its part of the phone page, its words and its test.
//
// Every payload struct declares its fields
// once (`fields`, in the order of `refs()`): the name a request and a refusal use, its kind,
// its limits, and the journal column it is kept in. The API decodes requests by these, the
// engine checks them (the last gate, also on replay), the journal stores them, and the phone
// page is served their limits: nothing of it is typed a second time elsewhere.
#include <array>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

namespace kiosk {

enum class FieldKind {
    Id,      // a short machine name (stage id, decision id): one line, no spaces needed
    Line,    // one line of text from a person; line breaks become spaces
    Lines,   // text with line breaks kept (a pasted AI answer in Markdown)
    Raw,     // the system's own text (an AI answer's pieces): kept exactly, only NUL and invalid UTF-8 refused
    Int,     // a whole number in [min, max]
    Ints,    // a list of whole numbers, each in [min, max], at most max_items of them
    Bool,
    Choice,  // one of `choices`
    Date,    // yyyymmdd in the payload; "YYYY-MM-DD" in a request and in JSON
};

// Where the journal keeps a field (the columns of schema 2, so older journals replay as they are).
enum class Column { Stage, Text, Note, Dots, Flag };

// Limits that depend on the room's configuration, resolved by the engine and the API.
enum class Bound {
    Fixed,         // max (and max_items) as written
    RoomText,      // max is phones.max_text
    LastQuestion,  // max is the index of the last framing question
    Criteria,      // max_items is the number of validation criteria (exactly that many)
};

struct FieldSpec {
    std::string_view name;  // in requests, refusals and the limits served to the page
    FieldKind kind = FieldKind::Line;
    Column column = Column::Text;
    int max = 0;        // Id/Line/Lines: code points; Int/Ints: largest value
    int min = 0;        // Int/Ints: smallest value
    int max_items = 0;  // Ints: most entries
    Bound bound = Bound::Fixed;
    bool optional = false;  // may be absent or empty in a request
    bool chosen = false;    // filled in by the engine (a token, a code): never read from a request
    std::array<std::string_view, 3> choices{};  // Choice: the names allowed ("" = unused)
};

// ---- the fields, declared once ----
namespace field {
inline constexpr FieldSpec stage{.name = "stage", .kind = FieldKind::Id, .column = Column::Stage, .max = 40};
inline constexpr FieldSpec note_text{.name = "text", .kind = FieldKind::Line, .column = Column::Text, .bound = Bound::RoomText};
inline constexpr FieldSpec note_id{.name = "note", .kind = FieldKind::Int, .column = Column::Note, .max = 100'000, .min = 1};
}  // namespace field

struct NoPayload {
    static constexpr std::array<FieldSpec, 0> fields{};
    auto refs() { return std::tie(); }
};

// Start, Next and OfferHost: the token or code the engine chose, kept so a replay is the same.
// A Start (or Next) that opens a session also carries its lobby's formats, comma-separated: the
// room sets the one its schedule's slot names, and the engine (prepare) keeps it when it is ready,
// else puts the formats the lobby offers, so a restart offers what the room saw.
struct ChosenPayload {
    std::string token;
    std::string videoframes;
    static constexpr std::array fields{FieldSpec{.name = "token", .kind = FieldKind::Id, .column = Column::Text, .max = 64, .optional = true, .chosen = true},
                                       FieldSpec{.name = "videoframes", .kind = FieldKind::Line, .column = Column::Stage, .max = 400, .optional = true, .chosen = true}};
    auto refs() { return std::tie(token, videoframes); }
};

struct JoinPayload {
    std::string name;  // optional first name
    static constexpr std::array fields{FieldSpec{.name = "name", .kind = FieldKind::Line, .column = Column::Text, .max = 30, .optional = true}};
    auto refs() { return std::tie(name); }
};

struct NewNotePayload {
    std::string stage, text;
    static constexpr std::array fields{field::stage, field::note_text};
    auto refs() { return std::tie(stage, text); }
};

struct EditNotePayload {
    std::string stage;
    int note = 0;
    std::string text;
    static constexpr std::array fields{field::stage, field::note_id, field::note_text};
    auto refs() { return std::tie(stage, note, text); }
};

struct NoteRefPayload {
    std::string stage;
    int note = 0;
    static constexpr std::array fields{field::stage, field::note_id};
    auto refs() { return std::tie(stage, note); }
};

// Undo: the note this phone just added goes again (within 30 seconds of adding it).
struct UndoNotePayload {
    std::string stage;
    int note = 0;  // the id the phone got back when it added the note
    static constexpr std::array fields{field::stage, field::note_id};
    auto refs() { return std::tie(stage, note); }
};

struct HideNotePayload {
    int note = 0;
    static constexpr std::array fields{field::note_id};
    auto refs() { return std::tie(note); }
};

struct VotePayload {
    std::string stage;
    std::vector<int> dots;  // note ids; one id twice = two dots on it
    static constexpr std::array fields{field::stage, FieldSpec{.name = "dots", .kind = FieldKind::Ints, .column = Column::Dots, .max = 100'000, .min = 1, .max_items = 50}};
    auto refs() { return std::tie(stage, dots); }
};

struct ReadyPayload {
    std::string stage;
    bool ready = false;
    static constexpr std::array fields{field::stage, FieldSpec{.name = "ready", .kind = FieldKind::Bool, .column = Column::Flag}};
    auto refs() { return std::tie(stage, ready); }
};

// VoteExtend and AskAgain: about the stage the phone was looking at.
struct StagePayload {
    std::string stage;
    static constexpr std::array fields{field::stage};
    auto refs() { return std::tie(stage); }
};

struct ClaimHostPayload {
    std::string code;  // what the host QR carried
    static constexpr std::array fields{FieldSpec{.name = "code", .kind = FieldKind::Id, .column = Column::Text, .max = 64}};
    auto refs() { return std::tie(code); }
};

// A visitor claiming this week's moderator code (the room's H outside a session).
struct CoffeeHostPayload {
    std::string code;
    static constexpr std::array fields{FieldSpec{.name = "code", .kind = FieldKind::Id, .column = Column::Text, .max = 64}};
    auto refs() { return std::tie(code); }
};

struct RemovePayload {
    int participant = 0;  // the participant's number
    static constexpr std::array fields{FieldSpec{.name = "participant", .kind = FieldKind::Int, .column = Column::Note, .max = 10'000, .min = 1}};
    auto refs() { return std::tie(participant); }
};

struct MarkPayload {
    std::string stage;
    int paragraph = 0;
    std::string mark;  // "" clears
    static constexpr std::array fields{
        field::stage, FieldSpec{.name = "paragraph", .kind = FieldKind::Int, .column = Column::Note, .max = 10'000},
        FieldSpec{.name = "mark", .kind = FieldKind::Choice, .column = Column::Text, .optional = true, .choices = {"agree", "question", "risk"}}};
    auto refs() { return std::tie(stage, paragraph, mark); }
};

struct PastePayload {
    std::string stage, text;
    static constexpr std::array fields{field::stage, FieldSpec{.name = "text", .kind = FieldKind::Lines, .column = Column::Text, .max = 20'000}};
    auto refs() { return std::tie(stage, text); }
};

// From the AI worker; `request` is the request they answer (older requests are ignored).
struct AiPromptPayload {
    int request = 0;
    std::string prompt;  // as sent
    std::string model;   // "" when there is no model to ask (the manual route)
    int removed = 0;     // personal details taken out of the prompt
    static constexpr std::array fields{FieldSpec{.name = "request", .kind = FieldKind::Int, .column = Column::Note, .max = 1'000'000},
                                       FieldSpec{.name = "prompt", .kind = FieldKind::Raw, .column = Column::Text, .max = 4'000'000},
                                       FieldSpec{.name = "model", .kind = FieldKind::Line, .column = Column::Stage, .max = 200, .optional = true},
                                       FieldSpec{.name = "removed", .kind = FieldKind::Int, .column = Column::Dots, .max = 1'000'000}};
    auto refs() { return std::tie(request, prompt, model, removed); }
};

struct AiTextPayload {
    int request = 0;
    std::string text;  // the next piece of the answer, exactly as it came
    static constexpr std::array fields{FieldSpec{.name = "request", .kind = FieldKind::Int, .column = Column::Note, .max = 1'000'000},
                                       FieldSpec{.name = "text", .kind = FieldKind::Raw, .column = Column::Text, .max = 200'000, .optional = true}};
    auto refs() { return std::tie(request, text); }
};

struct AiEndPayload {
    int request = 0;
    std::string reason;  // why it ended early; "" when complete
    static constexpr std::array fields{FieldSpec{.name = "request", .kind = FieldKind::Int, .column = Column::Note, .max = 1'000'000},
                                       FieldSpec{.name = "reason", .kind = FieldKind::Line, .column = Column::Text, .max = 200, .optional = true}};
    auto refs() { return std::tie(request, reason); }
};

// A stage's clip, picture or sound, as its player tells it (the system's): it ended (well, or with
// `problem`) at `position`, or after a restart it goes on from `position`, where the screen had it.
struct MediaPayload {
    std::string stage;
    int item = 0;      // index into the stage's "media"
    int position = 0;  // ms into the clip
    std::string problem;
    static constexpr std::array fields{field::stage,
                                       FieldSpec{.name = "item", .kind = FieldKind::Int, .column = Column::Note, .max = 3},
                                       FieldSpec{.name = "position", .kind = FieldKind::Int, .column = Column::Dots, .max = 24 * 3600 * 1000},
                                       FieldSpec{.name = "problem", .kind = FieldKind::Line, .column = Column::Text, .max = 300, .optional = true}};
    auto refs() { return std::tie(stage, item, position, problem); }
};

struct SituationPayload {
    std::string text;  // the work situation (any phone may write or change it)
    static constexpr std::array fields{FieldSpec{.name = "text", .kind = FieldKind::Line, .column = Column::Text, .max = 160}};
    auto refs() { return std::tie(text); }
};

struct FramingPayload {
    std::vector<int> picks;  // framing questions by index
    static constexpr std::array fields{FieldSpec{.name = "picks", .kind = FieldKind::Ints, .column = Column::Dots, .max_items = 3, .bound = Bound::LastQuestion}};
    auto refs() { return std::tie(picks); }
};

// A phone's one dot on a format the lobby offers (again: the dot moves).
struct VideoframeVotePayload {
    std::string videoframe;  // the format's id
    static constexpr std::array fields{FieldSpec{.name = "videoframe", .kind = FieldKind::Id, .column = Column::Stage, .max = 40}};
    auto refs() { return std::tie(videoframe); }
};

struct ReviewPayload {
    std::string decision;  // the earlier decision's id
    std::string status;
    static constexpr std::array fields{
        FieldSpec{.name = "decision", .kind = FieldKind::Id, .column = Column::Stage, .max = 64},
        FieldSpec{.name = "status", .kind = FieldKind::Choice, .column = Column::Text, .choices = {"done", "running", "dropped"}}};
    auto refs() { return std::tie(decision, status); }
};

struct ScoresPayload {
    std::string stage;
    std::vector<int> scores;  // one 1-5 per criterion; 0 = not scored
    static constexpr std::array fields{field::stage, FieldSpec{.name = "scores", .kind = FieldKind::Ints, .column = Column::Dots, .max = 5, .bound = Bound::Criteria}};
    auto refs() { return std::tie(stage, scores); }
};

// A participant's objection to the proposal (one each; sending again changes it).
struct ObjectionPayload {
    std::string stage, text;
    static constexpr std::array fields{field::stage, field::note_text};
    auto refs() { return std::tie(stage, text); }
};

// A change to the proposal, after the group chose "aanpassen".
struct AdjustPayload {
    std::string stage, text;
    static constexpr std::array fields{field::stage, field::note_text};
    auto refs() { return std::tie(stage, text); }
};

struct DecisionVotePayload {
    std::string stage;
    std::string decision;
    static constexpr std::array fields{
        field::stage,
        FieldSpec{.name = "decision", .kind = FieldKind::Choice, .column = Column::Text, .choices = {"doen", "aanpassen", "parkeren"}}};
    auto refs() { return std::tie(stage, decision); }
};

struct VolunteerPayload {
    std::string stage;
    std::string name;  // the name or role to show as owner; "" = the phone's own name
    static constexpr std::array fields{field::stage, FieldSpec{.name = "name", .kind = FieldKind::Line, .column = Column::Text, .max = 40, .optional = true}};
    auto refs() { return std::tie(stage, name); }
};

struct CommitPayload {
    std::string stage;
    std::string first_step;
    int review_date = 0;  // yyyymmdd
    static constexpr std::array fields{field::stage,
                                       FieldSpec{.name = "first_step", .kind = FieldKind::Line, .column = Column::Text, .bound = Bound::RoomText},
                                       FieldSpec{.name = "review_date", .kind = FieldKind::Date, .column = Column::Note}};
    auto refs() { return std::tie(stage, first_step, review_date); }
};

struct RunOffPayload {
    std::string stage;
    int note = 0;  // one of the tied notes
    static constexpr std::array fields{field::stage, field::note_id};
    auto refs() { return std::tie(stage, note); }
};

struct RoomPickPayload {
    int number = 0;  // the tied note's number on the screen
    static constexpr std::array fields{FieldSpec{.name = "number", .kind = FieldKind::Int, .column = Column::Note, .max = 9, .min = 1}};
    auto refs() { return std::tie(number); }
};

struct ReflectionPayload {
    std::string text;  // shared with the group, anonymously
    static constexpr std::array fields{field::note_text};
    auto refs() { return std::tie(text); }
};

// A participant's suggestion for the coffee corner's next question (one each; again changes it).
struct QuestionIdeaPayload {
    std::string text;
    static constexpr std::array fields{field::note_text};
    auto refs() { return std::tie(text); }
};

// The coffee corner's week: yyyyww, with the answer link's token and typed code the engine chose.
struct CoffeeWeekPayload {
    int week = 0;
    std::string token, code;
    static constexpr std::array fields{
        FieldSpec{.name = "week", .kind = FieldKind::Int, .column = Column::Note, .max = 999'953, .min = 100'001},
        FieldSpec{.name = "token", .kind = FieldKind::Id, .column = Column::Text, .max = 64, .optional = true, .chosen = true},
        FieldSpec{.name = "code", .kind = FieldKind::Id, .column = Column::Stage, .max = 16, .optional = true, .chosen = true}};
    auto refs() { return std::tie(week, token, code); }
};

// A visitor's answer to the week's question (again: an edit). Whether it waits for a moderator
// is decided when it arrives (coffee.moderation) and kept, so a replay shows the same.
struct CoffeeAnswerPayload {
    std::string text;
    bool waits = false;
    static constexpr std::array fields{field::note_text,
                                       FieldSpec{.name = "waits", .kind = FieldKind::Bool, .column = Column::Flag, .optional = true, .chosen = true}};
    auto refs() { return std::tie(text, waits); }
};

struct CoffeeModeratePayload {
    int answer = 0;
    std::string action;
    static constexpr std::array fields{
        FieldSpec{.name = "answer", .kind = FieldKind::Int, .column = Column::Note, .max = 100'000, .min = 1},
        FieldSpec{.name = "action", .kind = FieldKind::Choice, .column = Column::Text, .choices = {"approve", "hide"}}};
    auto refs() { return std::tie(answer, action); }
};

// A group's question for the coffee corner of week `week` (yyyyww).
struct CoffeeQuestionPayload {
    int week = 0;
    std::string text;
    static constexpr std::array fields{
        FieldSpec{.name = "week", .kind = FieldKind::Int, .column = Column::Note, .max = 999'953, .min = 100'001}, field::note_text};
    auto refs() { return std::tie(week, text); }
};

struct QuestionDotPayload {
    int idea = 0;  // a suggestion's id
    static constexpr std::array fields{FieldSpec{.name = "idea", .kind = FieldKind::Int, .column = Column::Note, .max = 10'000, .min = 1}};
    auto refs() { return std::tie(idea); }
};

// ---- the actions, declared once ----
// X(Kind, "journal name", "POST route for phones" or "", senders, Scope, Payload, Module, handler)
// in EventKind order: EventKind (event.hpp), the Payload variant below, the action table
// (actions.cpp) and the modules' handler declarations (session.hpp, coffee_corner.hpp) are made
// from it. Senders (k_room, k_participant, ...) and Scope are explained in actions.hpp; a
// handler is a member of its module, Session or CoffeeCorner.
#define KIOSK_ACTIONS(X) \
    /* The room (keyboard, remote) or the host's phone */ \
    X(Start,          "start",            "",                          k_room,                 Anywhere, ChosenPayload,       Session, start_key) \
    X(Next,           "next",             "/api/host/next",            k_room | k_host,        Anywhere, ChosenPayload,       Session, next_key) \
    X(Previous,       "previous",         "",                          k_room,                 Anywhere, NoPayload,           Session, previous_key) \
    X(TogglePause,    "pause",            "/api/host/pause",           k_room | k_host,        Anywhere, NoPayload,           Session, pause_key) \
    X(Extend,         "extend",           "/api/host/extend",          k_room | k_host,        Anywhere, NoPayload,           Session, extend_key) \
    X(OfferHost,      "offer-host",       "",                          k_room,                 Anywhere, ChosenPayload,       Session, offer_host) \
    /* Phones */ \
    X(Join,           "join",             "/api/join",                 k_joiner,               Session,  JoinPayload,         Session, join) \
    X(Contribute,     "contribute",       "/api/notes",                k_participant,          Step,     NewNotePayload,      Session, contribute) \
    X(Edit,           "edit",             "/api/notes/edit",           k_participant,          Step,     EditNotePayload,     Session, edit) \
    X(Withdraw,       "withdraw",         "/api/notes/withdraw",       k_participant,          Step,     NoteRefPayload,      Session, withdraw) \
    X(Vote,           "vote",             "/api/vote",                 k_participant,          Step,     VotePayload,         Session, vote) \
    X(Ready,          "ready",            "/api/ready",                k_participant,          Step,     ReadyPayload,        Session, ready) \
    X(VoteExtend,     "vote-extend",      "/api/more-time",            k_participant,          Step,     StagePayload,        Session, vote_extend) \
    X(ClaimHost,      "claim-host",       "/api/host/claim",           k_participant,          Session,  ClaimHostPayload,    Session, claim_host) \
    X(HideNote,       "hide-note",        "/api/host/hide",            k_host,                 Session,  HideNotePayload,     Session, hide_note) \
    /* The AI proposal (stage with "contribute": "constraints") */ \
    X(TogglePrompt,   "toggle-prompt",    "",                          k_room,                 Anywhere, NoPayload,           Session, toggle_prompt) \
    X(AskAgain,       "ask-again",        "/api/proposal/again",       k_room | k_participant, Step,     StagePayload,        Session, ask_again) \
    X(MarkParagraph,  "mark",             "/api/proposal/mark",        k_participant,          Step,     MarkPayload,         Session, mark_paragraph) \
    X(PasteAnswer,    "paste-answer",     "/api/proposal/answer",      k_participant,          Step,     PastePayload,        Session, paste_answer) \
    /* From the AI worker (the system) */ \
    X(AiPrompt,       "ai-prompt",        "",                          k_system,               Anywhere, AiPromptPayload,     Session, ai_prompt) \
    X(AiText,         "ai-text",          "",                          k_system,               Anywhere, AiTextPayload,       Session, ai_text) \
    X(AiEnd,          "ai-end",           "",                          k_system,               Anywhere, AiEndPayload,        Session, ai_end) \
    /* The lobby, the validation stage and the wrap-up */ \
    X(SetSituation,   "situation",        "/api/lobby/situation",      k_participant,          Lobby,    SituationPayload,    Session, set_situation) \
    X(FramingVote,    "framing-vote",     "/api/lobby/framing",        k_participant,          Lobby,    FramingPayload,      Session, framing_vote) \
    X(ReviewDecision, "review",           "/api/lobby/review",         k_participant,          Lobby,    ReviewPayload,       Session, review_decision) \
    X(Score,          "score",            "/api/validation/scores",    k_participant,          Step,     ScoresPayload,       Session, score) \
    X(Object,         "object",           "/api/validation/objection", k_participant,          Step,     ObjectionPayload,    Session, object) \
    X(DecisionVote,   "decision-vote",    "/api/validation/decision",  k_participant,          Step,     DecisionVotePayload, Session, decision_vote) \
    X(Volunteer,      "volunteer",        "/api/validation/volunteer", k_participant,          Step,     VolunteerPayload,    Session, volunteer) \
    X(Commit,         "commit",           "/api/validation/commit",    k_participant,          Step,     CommitPayload,       Session, commit) \
    X(AdjustProposal, "adjust",           "/api/validation/edit",      k_participant,          Step,     AdjustPayload,       Session, adjust_proposal) \
    X(ShareReflection, "share-reflection", "/api/wrapup/share",        k_participant,          WrapUp,   ReflectionPayload,   Session, share_reflection) \
    /* Made by the engine itself when time passes; replaying them is done by tick() */ \
    X(TimedOut,       "timed-out",        "",                          k_system,               Anywhere, NoPayload,           Session, timed_out) \
    X(PartEnded,      "part-ended",       "",                          k_system,               Anywhere, NoPayload,           Session, part_ended) \
    X(WindowEnded,    "window-ended",     "",                          k_system,               Anywhere, NoPayload,           Session, window_ended) \
    /* The host takes a participant out of the session (their notes stay) */ \
    X(RemoveParticipant, "remove",        "/api/host/remove",          k_host,                 Session,  RemovePayload,       Session, remove_participant) \
    /* A tie at a deciding place of a dot vote (choice.hpp) */ \
    X(RunOffVote,     "runoff-vote",      "/api/runoff",               k_participant,          Step,     RunOffPayload,       Session, runoff_vote) \
    X(RoomPick,       "room-pick",        "",                          k_room,                 Anywhere, RoomPickPayload,     Session, room_pick) \
    X(RunOffEnded,    "runoff-ended",     "",                          k_system,               Anywhere, NoPayload,           Session, runoff_ended) \
    /* Typing the join code: closed by the kiosk after too many wrong codes, opened again by the room (key C) */ \
    X(CloseCodes,     "codes-closed",     "",                          k_system,               Session,  NoPayload,           Session, close_codes) \
    X(NewCode,        "new-code",         "",                          k_room,                 Session,  ChosenPayload,       Session, new_code) \
    /* The coffee corner (coffee_corner.hpp), outside and during sessions */ \
    X(CoffeeWeek,     "coffee-week",      "",                          k_system,               Anywhere, CoffeeWeekPayload,    CoffeeCorner, week) \
    X(CoffeeAnswer,   "coffee-answer",    "/api/coffee/answer",        k_visitor,              Anywhere, CoffeeAnswerPayload,  CoffeeCorner, answer) \
    X(CoffeeWithdraw, "coffee-withdraw",  "/api/coffee/withdraw",      k_visitor,              Anywhere, NoPayload,            CoffeeCorner, withdraw) \
    X(CoffeeHost,     "coffee-host",      "/api/coffee/host",          k_visitor,              Anywhere, CoffeeHostPayload,    CoffeeCorner, claim_moderator) \
    X(CoffeeModerate, "coffee-moderate",  "/api/coffee/moderate",      k_moderator | k_room,   Anywhere, CoffeeModeratePayload, CoffeeCorner, moderate) \
    X(CoffeeQuestion, "coffee-question",  "",                          k_system,               Anywhere, CoffeeQuestionPayload, CoffeeCorner, group_question) \
    /* The wrap-up: a participant's suggestion for the coffee corner's next question, and their dot */ \
    X(QuestionIdea,   "question-idea",    "/api/wrapup/question",      k_participant,          WrapUp,   QuestionIdeaPayload, Session, question_idea) \
    X(QuestionDot,    "question-dot",     "/api/wrapup/question-dot",  k_participant,          WrapUp,   QuestionDotPayload,  Session, question_dot) \
    /* New actions go last: the fuzz targets' seeds pick an action by its place in the table */ \
    X(UndoNote,       "undo-note",        "/api/notes/undo",           k_participant,          Step,     UndoNotePayload,     Session, undo_note) \
    /* The lobby's choice of format (videoframe): the phones' dots, and the room stepping through the library (key F) */ \
    X(VideoframeVote, "videoframe-vote",  "/api/lobby/videoframe",     k_participant,          Lobby,    VideoframeVotePayload, Session, videoframe_vote) \
    X(NextVideoframe, "next-videoframe",  "",                          k_room,                 Lobby,    NoPayload,           Session, next_videoframe) \
    /* A stage's surprise card: the room skips it (S) or draws another, once (K) */ \
    X(SkipSurprise,   "skip-surprise",    "",                          k_room,                 Anywhere, NoPayload,           Session, skip_surprise) \
    X(RedrawSurprise, "redraw-surprise",  "",                          k_room,                 Anywhere, NoPayload,           Session, redraw_surprise) \
    /* A stage's media: the room starts an "on_key" entry or plays the clip again (R); the player says a clip ended, or where it goes on after a restart */ \
    X(MediaReplay,    "media-replay",     "",                          k_room,                 Anywhere, NoPayload,           Session, media_replay) \
    X(MediaEnd,       "media-end",        "",                          k_system,               Anywhere, MediaPayload,        Session, media_end) \
    X(MediaResume,    "media-resume",     "",                          k_system,               Anywhere, MediaPayload,        Session, media_resume)

namespace detail {
// std::variant of the payload types the actions name, each once, NoPayload first.
template <typename Variant, typename... Ts>
struct unique_variant {
    using type = Variant;
};
template <typename... Vs, typename T, typename... Ts>
struct unique_variant<std::variant<Vs...>, T, Ts...> {
    using type = typename std::conditional_t<(std::is_same_v<T, Vs> || ...), unique_variant<std::variant<Vs...>, Ts...>,
                                             unique_variant<std::variant<Vs..., T>, Ts...>>::type;
};
}  // namespace detail

#define KIOSK_PAYLOAD_OF(kind, name, route, senders, scope, payload, module, handler) , payload
using Payload = detail::unique_variant<std::variant<NoPayload> KIOSK_ACTIONS(KIOSK_PAYLOAD_OF)>::type;
#undef KIOSK_PAYLOAD_OF

// Calls f(spec, member) for every field of a payload, in declaration order.
template <typename P, typename F>
void for_each_field(P& payload, F&& f) {
    auto refs = payload.refs();
    static_assert(P::fields.size() == std::tuple_size_v<decltype(refs)>, "one FieldSpec per member");
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (f(P::fields[I], std::get<I>(refs)), ...);
    }(std::make_index_sequence<std::tuple_size_v<decltype(refs)>>{});
}

template <typename F>
void for_each_field(Payload& payload, F&& f) {
    std::visit([&](auto& p) { for_each_field(p, f); }, payload);
}

// The payload's stage field, or nullptr when the action is not about a stage.
const std::string* stage_of(const Payload& payload);
std::string* stage_field(Payload& payload);

}  // namespace kiosk
