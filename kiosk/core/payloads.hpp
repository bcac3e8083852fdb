#pragma once
// What each action carries, as one typed struct per action. Every struct declares its fields
// once (`fields`, in the order of `refs()`): the name a request and a refusal use, its kind,
// its limits, and the journal column it is kept in. The API decodes requests by these, the
// engine checks them (the last gate, also on replay), the journal stores them, and the phone
// page is served their limits: nothing of it is typed a second time elsewhere.
#include <array>
#include <string>
#include <string_view>
#include <tuple>
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
struct ChosenPayload {
    std::string token;
    static constexpr std::array fields{FieldSpec{.name = "token", .kind = FieldKind::Id, .column = Column::Text, .max = 64, .optional = true, .chosen = true}};
    auto refs() { return std::tie(token); }
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

using Payload = std::variant<NoPayload, ChosenPayload, JoinPayload, NewNotePayload, EditNotePayload, NoteRefPayload,
                             HideNotePayload, VotePayload, ReadyPayload, StagePayload, ClaimHostPayload, RemovePayload,
                             MarkPayload, PastePayload, AiPromptPayload, AiTextPayload, AiEndPayload, SituationPayload,
                             FramingPayload, ReviewPayload, ScoresPayload, ObjectionPayload, AdjustPayload, DecisionVotePayload,
                             VolunteerPayload, CommitPayload, ReflectionPayload, QuestionIdeaPayload, RunOffPayload,
                             RoomPickPayload, CoffeeWeekPayload, CoffeeAnswerPayload, CoffeeHostPayload,
                             CoffeeModeratePayload, CoffeeQuestionPayload, QuestionDotPayload>;

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
