#include "kiosk/net/action_json.hpp"

#include <algorithm>
#include <type_traits>

#include "kiosk/core/decision.hpp"

namespace kiosk::net {

using Json = nlohmann::json;

namespace {

// No list a phone sends needs more; longer ones are refused before any is looked at.
constexpr std::size_t k_max_list = 1000;

int whole_number(const Json& value, std::string_view field) {
    if (!value.is_number_integer()) throw DecodeError{400, "bad_field", field};
    // Out-of-range values stay out of range (check_payload names them) without overflowing.
    return static_cast<int>(std::clamp<long long>(value.get<long long>(), -1, 100'000'000));
}

std::string_view kind_name(FieldKind kind) {
    switch (kind) {
    case FieldKind::Id: return "id";
    case FieldKind::Line: return "line";
    case FieldKind::Lines: return "lines";
    case FieldKind::Raw: return "raw";
    case FieldKind::Int: return "int";
    case FieldKind::Ints: return "ints";
    case FieldKind::Bool: return "bool";
    case FieldKind::Choice: return "choice";
    case FieldKind::Date: return "date";
    }
    return "line";
}

}  // namespace

Payload decode_payload(const ActionSpec& spec, const Json& body) {
    Payload payload = spec.empty;
    for_each_field(payload, [&](const FieldSpec& field, auto& value) {
        if (field.chosen) return;  // the engine's to fill in, never a phone's
        const auto found = body.find(std::string{field.name});
        if (found == body.end() || found->is_null()) {
            if (field.optional) return;
            throw DecodeError{422, "missing_field", field.name};
        }
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
            if (!found->is_string()) throw DecodeError{400, "bad_field", field.name};
            value = found->template get<std::string>();
        } else if constexpr (std::is_same_v<T, bool>) {
            if (!found->is_boolean()) throw DecodeError{400, "bad_field", field.name};
            value = found->template get<bool>();
        } else if constexpr (std::is_same_v<T, std::vector<int>>) {
            if (!found->is_array()) throw DecodeError{400, "bad_field", field.name};
            if (found->size() > k_max_list) throw DecodeError{422, "too_many", field.name};
            for (const auto& item : *found) value.push_back(whole_number(item, field.name));
        } else if (field.kind == FieldKind::Date) {
            // "YYYY-MM-DD"; anything else becomes 0, which check_payload refuses as no date.
            if (!found->is_string()) throw DecodeError{400, "bad_field", field.name};
            value = parse_date(found->template get<std::string>());
        } else {
            value = whole_number(*found, field.name);
        }
    });
    return payload;
}

Json limits_json(const FieldBounds& bounds, int warning_seconds) {
    Json fields = Json::object();
    for (const auto& spec : action_specs()) {
        if (spec.route.empty()) continue;
        Json route = Json::object();
        for (const auto& raw : spec.fields()) {
            if (raw.chosen) continue;
            const auto field = resolve(raw, bounds);
            Json limit{{"kind", kind_name(field.kind)}};
            switch (field.kind) {
            case FieldKind::Id:
            case FieldKind::Line:
            case FieldKind::Lines:
            case FieldKind::Raw: limit["max"] = field.max; break;
            case FieldKind::Ints: limit["max_items"] = field.max_items; [[fallthrough]];
            case FieldKind::Int:
                limit["min"] = field.min;
                limit["max"] = field.max;
                break;
            case FieldKind::Choice: {
                auto& choices = limit["choices"] = Json::array();
                for (const auto choice : field.choices)
                    if (!choice.empty()) choices.push_back(choice);
                break;
            }
            case FieldKind::Bool:
            case FieldKind::Date: break;
            }
            if (field.optional) limit["optional"] = true;
            route[std::string{field.name}] = std::move(limit);
        }
        fields[std::string{spec.route}] = std::move(route);
    }
    return {{"warning_seconds", warning_seconds}, {"fields", std::move(fields)}};
}

}  // namespace kiosk::net
