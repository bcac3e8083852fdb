// The action table and the checks every payload goes through.
#include "kiosk/core/actions.hpp"

#include <stdexcept>
#include <type_traits>

#include "kiosk/core/coffee_corner.hpp"
#include "kiosk/core/decision.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/core/text_rules.hpp"

namespace kiosk {

const std::vector<ActionSpec>& action_specs() {
    using E = EventKind;
    using S = Scope;
    using G = Engine;
    using C = CoffeeCorner;
    constexpr unsigned room_or_host = k_room | k_host;
    // clang-format off
    static const std::vector<ActionSpec> table{
        {E::Start,          "start",            "",                          k_room,         S::Anywhere, ChosenPayload{},      &G::room_key},
        {E::Next,           "next",             "/api/host/next",            room_or_host,   S::Anywhere, ChosenPayload{},      &G::room_key},
        {E::Previous,       "previous",         "",                          k_room,         S::Anywhere, NoPayload{},          &G::room_key},
        {E::TogglePause,    "pause",            "/api/host/pause",           room_or_host,   S::Anywhere, NoPayload{},          &G::room_key},
        {E::Extend,         "extend",           "/api/host/extend",          room_or_host,   S::Anywhere, NoPayload{},          &G::room_key},
        {E::OfferHost,      "offer-host",       "",                          k_room,         S::Anywhere, ChosenPayload{},      &G::offer_host},
        {E::Join,           "join",             "/api/join",                 k_joiner,       S::Session,  JoinPayload{},        &G::join},
        {E::Contribute,     "contribute",       "/api/notes",                k_participant,  S::Step,     NewNotePayload{},     &G::contribute},
        {E::Edit,           "edit",             "/api/notes/edit",           k_participant,  S::Step,     EditNotePayload{},    &G::edit},
        {E::Withdraw,       "withdraw",         "/api/notes/withdraw",       k_participant,  S::Step,     NoteRefPayload{},     &G::withdraw},
        {E::Vote,           "vote",             "/api/vote",                 k_participant,  S::Step,     VotePayload{},        &G::vote},
        {E::Ready,          "ready",            "/api/ready",                k_participant,  S::Step,     ReadyPayload{},       &G::ready},
        {E::VoteExtend,     "vote-extend",      "/api/more-time",            k_participant,  S::Step,     StagePayload{},       &G::vote_extend},
        {E::ClaimHost,      "claim-host",       "/api/host/claim",           k_participant,  S::Session,  ClaimHostPayload{},   &G::claim_host},
        {E::HideNote,       "hide-note",        "/api/host/hide",            k_host,         S::Session,  HideNotePayload{},    &G::hide_note},
        {E::TogglePrompt,   "toggle-prompt",    "",                          k_room,         S::Anywhere, NoPayload{},          &G::toggle_prompt},
        {E::AskAgain,       "ask-again",        "/api/proposal/again",       k_room | k_participant, S::Step, StagePayload{},   &G::ask_again},
        {E::MarkParagraph,  "mark",             "/api/proposal/mark",        k_participant,  S::Step,     MarkPayload{},        &G::mark_paragraph},
        {E::PasteAnswer,    "paste-answer",     "/api/proposal/answer",      k_participant,  S::Step,     PastePayload{},       &G::paste_answer},
        {E::AiPrompt,       "ai-prompt",        "",                          k_system,       S::Anywhere, AiPromptPayload{},    &G::ai_prompt},
        {E::AiText,         "ai-text",          "",                          k_system,       S::Anywhere, AiTextPayload{},      &G::ai_text},
        {E::AiEnd,          "ai-end",           "",                          k_system,       S::Anywhere, AiEndPayload{},       &G::ai_end},
        {E::SetSituation,   "situation",        "/api/lobby/situation",      k_participant,  S::Lobby,    SituationPayload{},   &G::set_situation},
        {E::FramingVote,    "framing-vote",     "/api/lobby/framing",        k_participant,  S::Lobby,    FramingPayload{},     &G::framing_vote},
        {E::ReviewDecision, "review",           "/api/lobby/review",         k_participant,  S::Lobby,    ReviewPayload{},      &G::review_decision},
        {E::Score,          "score",            "/api/validation/scores",    k_participant,  S::Step,     ScoresPayload{},      &G::score},
        {E::Object,         "object",           "/api/validation/objection", k_participant,  S::Step,     ObjectionPayload{},   &G::object},
        {E::DecisionVote,   "decision-vote",    "/api/validation/decision",  k_participant,  S::Step,     DecisionVotePayload{}, &G::decision_vote},
        {E::Volunteer,      "volunteer",        "/api/validation/volunteer", k_participant,  S::Step,     VolunteerPayload{},   &G::volunteer},
        {E::Commit,         "commit",           "/api/validation/commit",    k_participant,  S::Step,     CommitPayload{},      &G::commit},
        {E::AdjustProposal, "adjust",           "/api/validation/edit",      k_participant,  S::Step,     AdjustPayload{},      &G::adjust_proposal},
        {E::ShareReflection, "share-reflection", "/api/wrapup/share",        k_participant,  S::WrapUp,   ReflectionPayload{},  &G::share_reflection},
        {E::TimedOut,       "timed-out",        "",                          k_system,       S::Anywhere, NoPayload{},          &G::made_by_tick},
        {E::PartEnded,      "part-ended",       "",                          k_system,       S::Anywhere, NoPayload{},          &G::made_by_tick},
        {E::WindowEnded,    "window-ended",     "",                          k_system,       S::Anywhere, NoPayload{},          &G::made_by_tick},
        {E::RemoveParticipant, "remove",        "/api/host/remove",          k_host,         S::Session,  RemovePayload{},      &G::remove_participant},
        {E::RunOffVote,     "runoff-vote",      "/api/runoff",               k_participant,  S::Step,     RunOffPayload{},      &G::runoff_vote},
        {E::RoomPick,       "room-pick",        "",                          k_room,         S::Anywhere, RoomPickPayload{},    &G::room_pick},
        {E::RunOffEnded,    "runoff-ended",     "",                          k_system,       S::Anywhere, NoPayload{},          &G::made_by_tick},
        {E::CloseCodes,     "codes-closed",     "",                          k_system,       S::Session,  NoPayload{},          &G::close_codes},
        {E::NewCode,        "new-code",         "",                          k_room,         S::Session,  ChosenPayload{},      &G::new_code},
        {E::CoffeeWeek,     "coffee-week",      "",                          k_system,       S::Anywhere, CoffeeWeekPayload{},  &C::week},
        {E::CoffeeAnswer,   "coffee-answer",    "/api/coffee/answer",        k_visitor,      S::Anywhere, CoffeeAnswerPayload{}, &C::answer},
        {E::CoffeeWithdraw, "coffee-withdraw",  "/api/coffee/withdraw",      k_visitor,      S::Anywhere, NoPayload{},          &C::withdraw},
        {E::CoffeeHost,     "coffee-host",      "/api/coffee/host",          k_visitor,      S::Anywhere, CoffeeHostPayload{},  &C::claim_moderator},
        {E::CoffeeModerate, "coffee-moderate",  "/api/coffee/moderate",      k_moderator | k_room,    S::Anywhere, CoffeeModeratePayload{}, &C::moderate},
        {E::CoffeeQuestion, "coffee-question",  "",                          k_system,       S::Anywhere, CoffeeQuestionPayload{}, &C::group_question},
        {E::QuestionIdea,   "question-idea",    "/api/wrapup/question",      k_participant,  S::WrapUp,   QuestionIdeaPayload{}, &G::question_idea},
        {E::QuestionDot,    "question-dot",     "/api/wrapup/question-dot",  k_participant,  S::WrapUp,   QuestionDotPayload{}, &G::question_dot},
    };
    // clang-format on
    return table;
}

const ActionSpec& action_spec(EventKind kind) {
    const auto& table = action_specs();
    const auto index = static_cast<std::size_t>(kind);
    if (index >= table.size() || table[index].kind != kind) throw std::logic_error("action_specs: out of EventKind order");
    return table[index];
}

std::span<const FieldSpec> ActionSpec::fields() const {
    return std::visit([](const auto& p) { return std::span<const FieldSpec>{std::decay_t<decltype(p)>::fields}; }, empty);
}

std::optional<EventKind> event_kind_from(std::string_view name) {
    for (const auto& spec : action_specs())
        if (spec.name == name) return spec.kind;
    return std::nullopt;
}

const ActionSpec* action_for_route(std::string_view route) {
    if (route.empty()) return nullptr;
    for (const auto& spec : action_specs())
        if (spec.route == route) return &spec;
    return nullptr;
}

std::string_view to_string(EventKind kind) { return action_spec(kind).name; }

std::string_view to_string(SenderKind kind) {
    switch (kind) {
    case SenderKind::Room: return "room";
    case SenderKind::System: return "system";
    case SenderKind::Participant: return "participant";
    case SenderKind::Visitor: return "visitor";
    }
    return "room";
}

std::optional<SenderKind> sender_kind_from(std::string_view name) {
    for (const auto kind : {SenderKind::Room, SenderKind::System, SenderKind::Participant, SenderKind::Visitor})
        if (to_string(kind) == name) return kind;
    return std::nullopt;
}

// The room's (or, for the engine's own and the AI worker's kinds, the system's) event.
Event::Event(EventKind what, Millis when)
    : kind{what}, at{when}, from{(action_spec(what).senders & k_room) ? Sender::room() : Sender::system()},
      payload{action_spec(what).empty} {}

namespace {
// The payload's stage member, for a const and a changeable payload alike.
template <typename P>
auto* stage_member(P& payload) {
    decltype(&std::get<NewNotePayload>(payload).stage) stage = nullptr;
    std::visit(
        [&](auto& p) {
            if constexpr (requires { p.stage; }) stage = &p.stage;
        },
        payload);
    return stage;
}
}  // namespace

const std::string* stage_of(const Payload& payload) { return stage_member(payload); }

std::string* stage_field(Payload& payload) { return stage_member(payload); }

FieldBounds field_bounds(const View& view) {
    return {view.rules ? view.rules->max_text : SessionRules{}.max_text, static_cast<int>(view.content->framing_questions.size()),
            static_cast<int>(view.content->criteria.size())};
}

FieldSpec resolve(const FieldSpec& field, const FieldBounds& bounds) {
    FieldSpec resolved = field;
    switch (field.bound) {
    case Bound::Fixed: break;
    case Bound::RoomText: resolved.max = bounds.max_text; break;
    case Bound::LastQuestion: resolved.max = bounds.framing_questions - 1; break;
    case Bound::Criteria: resolved.max_items = bounds.criteria; break;
    }
    return resolved;
}

namespace {

Status check_value(const FieldSpec& spec, std::string& value, FieldProblem& problem) {
    if (value.empty() && spec.optional) return Status::Ok;
    switch (spec.kind) {
    case FieldKind::Choice:
        for (const auto choice : spec.choices)
            if (!choice.empty() && choice == value) return Status::Ok;
        return Status::BadChoice;
    case FieldKind::Raw:
        problem.text = check_raw_text(value, static_cast<std::size_t>(spec.max));
        problem.limit = spec.max;
        return problem.text == TextProblem::None ? Status::Ok : Status::BadText;
    default: {
        auto clean = clean_text(value, static_cast<std::size_t>(spec.max), spec.kind == FieldKind::Lines);
        if (clean.problem == TextProblem::Empty && spec.optional) {
            value.clear();  // only spaces: as if left out
            return Status::Ok;
        }
        if (clean.problem != TextProblem::None) {
            problem.text = clean.problem;
            problem.limit = spec.max;
            return Status::BadText;
        }
        value = std::move(clean.text);
        return Status::Ok;
    }
    }
}

Status check_value(const FieldSpec& spec, int& value, FieldProblem& problem) {
    if (spec.kind == FieldKind::Date)
        return !format_date(value).empty() && parse_date(format_date(value)) == value ? Status::Ok : Status::BadDate;
    problem.limit = spec.max;
    return value >= spec.min && value <= spec.max ? Status::Ok : Status::OutOfRange;
}

Status check_value(const FieldSpec&, bool&, FieldProblem&) { return Status::Ok; }

Status check_value(const FieldSpec& spec, std::vector<int>& values, FieldProblem& problem) {
    if (spec.bound == Bound::Criteria) {
        problem.limit = spec.max_items;
        if (values.size() != static_cast<std::size_t>(spec.max_items)) return Status::WrongCount;
    } else if (values.size() > static_cast<std::size_t>(spec.max_items)) {
        problem.limit = spec.max_items;
        return Status::TooMany;
    }
    problem.limit = spec.max;
    for (const int value : values)
        if (value < spec.min || value > spec.max) return Status::OutOfRange;
    problem.limit = 0;
    return Status::Ok;
}

}  // namespace

Status check_payload(Payload& payload, const FieldBounds& bounds, FieldProblem& problem) {
    Status status = Status::Ok;
    for_each_field(payload, [&](const FieldSpec& field, auto& value) {
        if (status != Status::Ok) return;
        FieldProblem found;
        status = check_value(resolve(field, bounds), value, found);
        if (status != Status::Ok) {
            found.field = field.name;
            problem = found;
        }
    });
    return status;
}

std::size_t journal_bytes(const Event& event) {
    std::size_t bytes = 64 + event.from.key.size();  // a row's own cost: seq, times, kind, sender
    Payload payload = event.payload;  // for_each_field hands out members to change; this only reads
    for_each_field(payload, [&](const FieldSpec&, const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) bytes += value.size();
        else if constexpr (std::is_same_v<T, std::vector<int>>) bytes += value.size() * 8;
        else bytes += 8;
    });
    return bytes;
}

}  // namespace kiosk
