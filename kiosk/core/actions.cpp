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
#define KIOSK_ACTION_ROW(kind, name, route, senders, scope, payload, module, handler) \
    {E::kind, name, route, senders, S::scope, payload{}, &module::handler},
    static const std::vector<ActionSpec> table{KIOSK_ACTIONS(KIOSK_ACTION_ROW)};
#undef KIOSK_ACTION_ROW
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
