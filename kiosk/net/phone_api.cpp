#include "kiosk/net/phone_api.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "kiosk/core/random_key.hpp"
#include "kiosk/core/text_rules.hpp"
#include "kiosk/net/web_assets.hpp"

namespace kiosk::net {

using Json = nlohmann::json;

namespace {

// Before a phone has a key (joining, typing the code) it is known by its address. Generous:
// phones on a guest Wi-Fi may share one.
constexpr int k_address_burst = 300, k_address_per_minute = 1200;
constexpr int k_phone_burst = 20;
// A pasted AI answer (the engine's own limit); the server lets its path carry a larger body.
constexpr std::size_t k_max_pasted_chars = 20'000;

// A request refused before it reaches the engine: the HTTP status and the error's name.
struct BadRequest {
    int status;
    std::string code;
};

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [name, value] : values) {
        const std::string mark = "{{" + name + "}}";
        for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
            text.replace(at, mark.size(), value);
    }
    return text;
}

const std::string* string_field(const Json& body, const char* name, bool required) {
    const auto found = body.find(name);
    if (found == body.end() || found->is_null()) {
        if (required) throw BadRequest{400, "bad_request"};
        return nullptr;
    }
    if (!found->is_string()) throw BadRequest{400, "bad_request"};
    return found->get_ptr<const std::string*>();
}

int int_field(const Json& body, const char* name) {
    const auto found = body.find(name);
    if (found == body.end() || !found->is_number_integer()) throw BadRequest{400, "bad_request"};
    const auto value = found->get<long long>();
    if (value < 0 || value > 1'000'000) throw BadRequest{400, "bad_request"};
    return static_cast<int>(value);
}

struct Route {
    EventKind kind;
    bool needs_stage;
};

// The API's actions: POST /api/<name>.
const std::map<std::string, Route>& routes() {
    static const std::map<std::string, Route> table{
        {"/api/join", {EventKind::Join, false}},
        {"/api/notes", {EventKind::Contribute, true}},
        {"/api/notes/edit", {EventKind::Edit, true}},
        {"/api/notes/withdraw", {EventKind::Withdraw, true}},
        {"/api/vote", {EventKind::Vote, true}},
        {"/api/ready", {EventKind::Ready, true}},
        {"/api/more-time", {EventKind::VoteExtend, true}},
        {"/api/host/claim", {EventKind::ClaimHost, false}},
        {"/api/host/pause", {EventKind::TogglePause, false}},
        {"/api/host/extend", {EventKind::Extend, false}},
        {"/api/host/next", {EventKind::Next, false}},
        {"/api/host/hide", {EventKind::HideNote, false}},
        {"/api/proposal/mark", {EventKind::MarkParagraph, true}},
        {"/api/proposal/answer", {EventKind::PasteAnswer, true}},
        {"/api/proposal/again", {EventKind::AskAgain, true}},
        {"/api/lobby/situation", {EventKind::SetSituation, false}},
        {"/api/lobby/framing", {EventKind::FramingVote, false}},
        {"/api/lobby/review", {EventKind::ReviewDecision, false}},
        {"/api/validation/scores", {EventKind::Score, true}},
        {"/api/validation/objection", {EventKind::Object, true}},
        {"/api/validation/decision", {EventKind::DecisionVote, true}},
        {"/api/validation/volunteer", {EventKind::Volunteer, true}},
        {"/api/validation/commit", {EventKind::Commit, true}},
        {"/api/validation/edit", {EventKind::AdjustProposal, true}},
        {"/api/wrapup/share", {EventKind::ShareReflection, false}},
    };
    return table;
}

int status_code(Status status) {
    switch (status) {
    case Status::Ok:
    case Status::Ignored: return 200;
    case Status::NoSession: return 410;
    case Status::UnknownPerson: return 401;
    case Status::RoomFull:
    case Status::NotYours:
    case Status::NotHost:
    case Status::BadCode: return 403;
    case Status::WrongStage:
    case Status::NotOpen:
    case Status::Limit: return 409;
    case Status::BadText:
    case Status::TooManyDots: return 422;
    case Status::UnknownNote: return 404;
    case Status::NotSaved: return 503;
    }
    return 500;
}

}  // namespace

PhoneApi::PhoneApi(PhoneApiSetup setup)
    : m_setup{std::move(setup)}, m_per_phone{m_setup.requests_per_minute, k_phone_burst},
      m_per_address{k_address_per_minute, k_address_burst} {}

PhoneContext PhoneApi::context() const {
    return {m_setup.clock.monotonic(), m_setup.week_question ? m_setup.week_question() : "", m_setup.extend_minutes};
}

std::optional<std::string> PhoneApi::render(const std::string& key) {
    const auto view = m_setup.loop.view();
    auto state = phone_state_json(*view, key, context());
    if (state.empty()) return std::string{R"({"phase":"ended"})"};
    return state;
}

HttpResponse PhoneApi::error(int status, const std::string& code) const {
    auto message = m_setup.strings.format("err_" + code, {{"max", std::to_string(m_setup.max_text)}});
    HttpResponse response{status, "application/json", Json{{"error", code}, {"message", message}}.dump(), {}};
    if (status == 429) response.headers.emplace_back("Retry-After", "5");
    return response;
}

HttpResponse PhoneApi::message_page(int status, const std::string& title, const std::string& body, bool code_form,
                                    const std::string& problem) const {
    const auto& s = m_setup.strings;
    std::string form;
    if (code_form)
        form = fill(std::string{find_web_asset("code_form.html")->body},
                    {{"label", escape_html(s.text("code_label"))}, {"button", escape_html(s.text("code_button"))}});
    const std::string html = fill(std::string{find_web_asset("message.html")->body},
                                  {{"lang", m_setup.language},
                                   {"title", escape_html(title)},
                                   {"body", escape_html(body)},
                                   {"problem", escape_html(problem)},
                                   {"form", form}});
    return {status, "text/html; charset=utf-8", html, {}};
}

void PhoneApi::handle(HttpRequest request, Responder responder) {
    try {
        if (request.method == "POST") return post(request, responder);
        if (request.method != "GET" && request.method != "HEAD") return responder.reply(error(405, "bad_request"));
        if (request.path == "/api/events") {
            const auto& key = request.query["key"];
            if (!m_setup.loop.view()->participant(key)) return responder.reply(error(401, "unknown_person"));
            return responder.stream(key);
        }
        responder.reply(page(request));
    } catch (const BadRequest& bad) {
        responder.reply(error(bad.status, bad.code));
    }
}

HttpResponse PhoneApi::page(const HttpRequest& request) {
    const auto view = m_setup.loop.view();
    const auto& s = m_setup.strings;
    const auto& path = request.path;
    if (path == "/" || path == "/c") {
        if (!m_per_address.allow(request.remote)) return error(429, "slow_down");
        const auto code = request.query.find("code");
        if (!view->session_open()) return message_page(200, s.text("title"), s.text("no_session"), false);
        if (code != request.query.end()) {
            std::string digits;
            for (const char c : code->second)
                if (c >= '0' && c <= '9') digits += c;  // "482 915" and "482-915" are fine
            if (digits == view->join_code)
                return {303, "text/html; charset=utf-8", "", {{"Location", "/j/" + view->join_token}}};
            return message_page(404, s.text("code_title"), s.text("join_intro"), true, s.text("code_wrong"));
        }
        return message_page(200, s.text("code_title"), s.text("join_intro"), true);
    }
    if (path.rfind("/j/", 0) == 0) {
        const auto token = path.substr(3);
        if (!view->session_open() || token != view->join_token)
            return message_page(410, s.text("ended_title"), s.text("ended_body"), false);
        const std::string html = fill(std::string{find_web_asset("phone.html")->body},
                                      {{"lang", m_setup.language}, {"title", escape_html(s.text("title"))}});
        return {200, "text/html; charset=utf-8", html, {}};
    }
    if (path.rfind("/x/", 0) == 0) return exports(*view, path.substr(3));
    if (path == "/api/strings") {
        Json texts = s.all();
        return {200, "application/json", Json{{"strings", texts}, {"max_text", m_setup.max_text}, {"show_names", m_setup.show_names}}.dump(), {}};
    }
    if (path == "/api/prompt") {
        // The whole prompt as sent, for the phone's "see the prompt" and "copy" (not in every
        // stream message: it is long and changes once per request).
        const auto found = request.query.find("key");
        if (found == request.query.end() || !view->participant(found->second))
            return error(view->session_open() ? 401 : 410, view->session_open() ? "unknown_person" : "no_session");
        return {200, "application/json",
                Json{{"prompt", view->proposal.prompt}, {"removed", view->proposal.removed}, {"request", view->proposal.request}}
                    .dump(-1, ' ', false, Json::error_handler_t::replace),
                {}};
    }
    if (path == "/api/state") {
        const auto found = request.query.find("key");
        const auto state = found == request.query.end() ? std::string{} : phone_state_json(*view, found->second, context());
        if (state.empty()) return error(view->session_open() ? 401 : 410, view->session_open() ? "unknown_person" : "no_session");
        return {200, "application/json", state, {}};
    }
    if (const auto* asset = find_web_asset(path.substr(path.empty() ? 0 : 1)); asset && asset->is_public)
        return {200, std::string{asset->content_type}, std::string{asset->body}, {{"Cache-Control", "no-cache"}}};
    if (path == "/favicon.ico") return {204, "text/plain", "", {}};
    return message_page(404, s.text("err_not_found"), s.text("ended_body"), false);
}

// /x/<token>: a page with the four formats; /x/<token>/vitale-sessie.<format>: the file.
HttpResponse PhoneApi::exports(const View& view, const std::string& rest) const {
    const auto& s = m_setup.strings;
    const auto slash = rest.find('/');
    const auto token = rest.substr(0, slash);
    if (!view.session_open() || token != view.join_token || !m_setup.export_session)
        return message_page(410, s.text("ended_title"), s.text("ended_body"), false);
    if (slash == std::string::npos) {
        std::string links = "<ul class=\"exports\">";
        for (const char* format : {"html", "md", "csv", "json"})
            links += "<li><a class=\"card\" href=\"/x/" + token + "/vitale-sessie." + format + "\">" +
                     escape_html(s.text(std::string{"export_"} + format)) + "</a></li>";
        auto page = message_page(200, s.text("export_title"), s.text("export_body"), false);
        page.body.replace(page.body.find("</main>"), 7, links + "</ul></main>");
        return page;
    }
    const auto file = rest.substr(slash + 1);
    const auto dot = file.rfind('.');
    const auto format = dot == std::string::npos ? std::string{} : file.substr(dot + 1);
    if (file.substr(0, dot) != "vitale-sessie") return message_page(404, s.text("err_not_found"), s.text("ended_body"), false);
    auto body = m_setup.export_session(view, format);
    if (body.empty()) return message_page(404, s.text("err_not_found"), s.text("ended_body"), false);
    static const std::map<std::string, std::string> types{{"md", "text/markdown; charset=utf-8"},
                                                          {"json", "application/json"},
                                                          {"csv", "text/csv; charset=utf-8"},
                                                          {"html", "text/html; charset=utf-8"}};
    HttpResponse response{200, types.at(format), std::move(body), {}};
    // The printable page opens in the browser; the other files download.
    if (format != "html")
        response.headers.emplace_back("Content-Disposition", "attachment; filename=\"vitale-sessie." + format + "\"");
    return response;
}

void PhoneApi::post(const HttpRequest& request, const Responder& responder) {
    const auto route = routes().find(request.path);
    if (route == routes().end()) throw BadRequest{404, "not_found"};
    if (request.content_type.rfind("application/json", 0) != 0) throw BadRequest{415, "content_type"};
    const Json body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) throw BadRequest{400, "bad_json"};
    const auto view = m_setup.loop.view();
    const auto kind = route->second.kind;

    Event event{kind};
    if (kind == EventKind::Join) {
        if (!m_per_address.allow(request.remote)) throw BadRequest{429, "slow_down"};
        const auto* token = string_field(body, "token", true);
        if (!view->session_open()) throw BadRequest{410, "no_session"};
        if (*token != view->join_token) throw BadRequest{410, "unknown_person"};
        // A reload keeps its key: the page sends the one it holds.
        const auto* key = string_field(body, "key", false);
        event.participant = key && view->participant(*key) ? *key : random_key();
        if (const auto* name = string_field(body, "name", false)) event.text = *name;
    } else {
        event.participant = *string_field(body, "key", true);
        if (!m_per_phone.allow(event.participant)) throw BadRequest{429, "slow_down"};
    }
    if (route->second.needs_stage) {
        event.stage = *string_field(body, "stage", true);
        const auto& steps = view->content->steps;
        if (std::none_of(steps.begin(), steps.end(), [&](const StepSpec& s) { return s.id == event.stage; }))
            throw BadRequest{404, "unknown_stage"};
    }
    const auto int_list = [&](const char* name, std::size_t max) {
        const auto found = body.find(name);
        if (found == body.end() || !found->is_array() || found->size() > max) throw BadRequest{400, "bad_request"};
        std::vector<int> values;
        for (const auto& value : *found) {
            if (!value.is_number_integer()) throw BadRequest{400, "bad_request"};
            values.push_back(static_cast<int>(std::clamp<long long>(value.get<long long>(), -1, 1'000'000)));
        }
        return values;
    };
    if (kind == EventKind::FramingVote) event.dots = int_list("picks", 20);
    if (kind == EventKind::Score) event.dots = int_list("scores", 50);
    if (kind == EventKind::ReviewDecision) {
        event.stage = *string_field(body, "decision", true);
        event.text = *string_field(body, "status", true);
    }
    if (kind == EventKind::DecisionVote) event.text = *string_field(body, "decision", true);
    if (kind == EventKind::Commit) {
        event.note = parse_date(*string_field(body, "review_date", true));
        if (event.note == 0) throw BadRequest{422, "bad_date"};
    }
    if (kind == EventKind::SetSituation || kind == EventKind::Object || kind == EventKind::AdjustProposal ||
        kind == EventKind::ShareReflection || kind == EventKind::Commit ||
        (kind == EventKind::Volunteer && body.contains("name") && !body["name"].is_null())) {
        const char* field = kind == EventKind::Commit ? "first_step" : kind == EventKind::Volunteer ? "name" : "text";
        const auto raw = *string_field(body, field, true);
        if (!(kind == EventKind::Volunteer && raw.empty())) {
            const auto clean = clean_text(raw, static_cast<std::size_t>(m_setup.max_text));
            if (clean.problem != TextProblem::None) throw BadRequest{422, std::string{to_string(clean.problem)}};
            event.text = clean.text;
        }
    }
    if (kind == EventKind::Contribute || kind == EventKind::Edit) {
        const auto clean = clean_text(*string_field(body, "text", true), static_cast<std::size_t>(m_setup.max_text));
        if (clean.problem != TextProblem::None) throw BadRequest{422, std::string{to_string(clean.problem)}};
        event.text = clean.text;
    }
    if (kind == EventKind::Edit || kind == EventKind::Withdraw || kind == EventKind::HideNote)
        event.note = int_field(body, "note");
    if (kind == EventKind::MarkParagraph) {
        event.note = int_field(body, "paragraph");
        event.text = *string_field(body, "mark", true);
        if (!event.text.empty() && mark_from(event.text) == Mark::None) throw BadRequest{400, "bad_request"};
    }
    if (kind == EventKind::PasteAnswer) {
        const auto clean = clean_text(*string_field(body, "text", true), k_max_pasted_chars, true);
        if (clean.problem == TextProblem::TooLong) throw BadRequest{422, "paste_too_long"};
        if (clean.problem != TextProblem::None) throw BadRequest{422, std::string{to_string(clean.problem)}};
        event.text = clean.text;
    }
    if (kind == EventKind::ClaimHost) event.text = *string_field(body, "code", true);
    if (kind == EventKind::Ready) {
        const auto found = body.find("ready");
        if (found == body.end() || !found->is_boolean()) throw BadRequest{400, "bad_request"};
        event.flag = found->get<bool>();
    }
    if (kind == EventKind::Vote) {
        const auto found = body.find("dots");
        if (found == body.end() || !found->is_array() || found->size() > 50) throw BadRequest{400, "bad_request"};
        for (const auto& dot : *found) {
            if (!dot.is_number_integer()) throw BadRequest{400, "bad_request"};
            event.dots.push_back(static_cast<int>(std::clamp<long long>(dot.get<long long>(), -1, 1'000'000)));
        }
    }
    const std::string key = event.participant;
    m_setup.loop.submit(std::move(event), [this, responder, kind, key](const Outcome& outcome) {
        auto reply = reply_for(outcome, kind);
        if (kind == EventKind::Join && (outcome.ok() || outcome.status == Status::Ignored)) {
            reply.body = Json{{"key", key}, {"number", outcome.id}, {"v", outcome.version}}.dump();
        }
        responder.reply(std::move(reply));
    });
}

HttpResponse PhoneApi::reply_for(const Outcome& outcome, EventKind kind) const {
    const int status = status_code(outcome.status);
    if (status != 200) {
        auto code = std::string{to_string(outcome.status)};
        if (outcome.status == Status::BadText) code = "too_long";  // what is left after the checks above
        return error(status, code);
    }
    const bool created = kind == EventKind::Contribute && outcome.status == Status::Ok;
    return {created ? 201 : 200, "application/json",
            Json{{"ok", true}, {"id", outcome.id}, {"v", outcome.version}}.dump(), {}};
}

}  // namespace kiosk::net
