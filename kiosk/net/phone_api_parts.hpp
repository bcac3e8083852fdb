#pragma once
// What the phone API's files share: a refusal before the engine, page templates, and how an
// engine Status becomes an HTTP status and an error name. Internal to kiosk/net.
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/event.hpp"
#include "kiosk/core/random_key.hpp"

namespace kiosk::net {

// A request refused before it reaches the engine: the HTTP status, the error's name, and the
// field it is about (with its limit) when there is one.
struct BadRequest {
    int status;
    std::string code;
    FieldProblem problem{};
};

inline std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [name, value] : values) {
        const std::string mark = "{{" + name + "}}";
        for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
            text.replace(at, mark.size(), value);
    }
    return text;
}

// The error's name for a refusal: a text's problem ("too_long") or the status ("out_of_range").
inline std::string error_code(Status status, const FieldProblem& problem) {
    if (status == Status::BadText && problem.text != TextProblem::None) return std::string{to_string(problem.text)};
    return std::string{to_string(status)};
}

// Which participant a request speaks for: its "key", exactly as the kiosk issues them. Nothing
// else a request holds, and no absence of anything, makes it anyone else.
inline std::string sender_key(const nlohmann::json& body) {
    const auto found = body.find("key");
    if (found == body.end() || !found->is_string() || !is_issued_key(found->get_ref<const std::string&>()))
        throw BadRequest{401, "unknown_person"};
    return found->get<std::string>();
}

inline int status_code(Status status) {
    switch (status) {
    case Status::Ok:
    case Status::Ignored: return 200;
    case Status::NoSession: return 410;
    case Status::UnknownPerson: return 401;
    case Status::RoomFull:
    case Status::CoffeeFull:
    case Status::NotYours:
    case Status::NotHost:
    case Status::BadCode: return 403;
    case Status::WrongStage:
    case Status::NotOpen:
    case Status::NoWeek:
    case Status::CoffeeHostInSession:
    case Status::Limit: return 409;
    case Status::BadText:
    case Status::TooManyDots:
    case Status::OutOfRange:
    case Status::TooMany:
    case Status::WrongCount:
    case Status::BadChoice:
    case Status::BadDate:
    case Status::MissingField: return 422;
    case Status::UnknownNote:
    case Status::UnknownIdea:
    case Status::UnknownVideoframe:
    case Status::UnknownAnswer:
    case Status::UnknownDecision: return 404;
    case Status::NotAllowed: return 403;
    case Status::NotSaved: return 503;
    case Status::WrongPayload: return 500;  // the kiosk's own mistake, never a phone's
    case Status::BudgetSpent:
    case Status::ShareSpent:
    case Status::CoffeeBudget:
    case Status::CoffeePhoneBudget: return 507;
    }
    return 500;
}

}  // namespace kiosk::net
