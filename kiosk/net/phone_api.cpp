#include "kiosk/net/phone_api.hpp"
#include "kiosk/core/log_prefix.hpp"
#include "kiosk/net/phone_api_parts.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>

#include "kiosk/core/random_key.hpp"
#include "kiosk/core/text_rules.hpp"
#include "kiosk/net/action_json.hpp"
#include "kiosk/net/web_assets.hpp"

namespace kiosk::net {

using Json = nlohmann::json;

namespace {

// Before a phone has a key (joining, typing the code) it is known by its address. Generous:
// phones on a guest Wi-Fi may share one.
constexpr int k_address_burst = 300, k_address_per_minute = 1200;
constexpr int k_phone_burst = 20;
// Typing the code: a person mistypes once or twice; a guesser tries thousands. Per address.
constexpr int k_wrong_codes_per_minute = 10, k_wrong_code_burst = 10;

}  // namespace

PhoneApi::PhoneApi(PhoneApiSetup setup)
    : m_setup{std::move(setup)}, m_per_phone{m_setup.requests_per_minute, k_phone_burst},
      m_per_address{k_address_per_minute, k_address_burst}, m_joins{m_setup.joins_per_address},
      m_visitors{m_setup.joins_per_address},
      m_wrong_codes{k_wrong_codes_per_minute, k_wrong_code_burst} {
    for (auto& host : m_setup.hosts) host = ascii_lower(host);
}

bool PhoneApi::host_allowed(const std::string& host) const {
    if (m_setup.hosts.empty()) return true;  // a test server that does not know its name
    return std::find(m_setup.hosts.begin(), m_setup.hosts.end(), ascii_lower(host)) != m_setup.hosts.end();
}

PhoneContext PhoneApi::context(const View& view) const {
    return {m_setup.clock.monotonic(), m_setup.week_question ? m_setup.week_question(view) : "", m_setup.extend_minutes,
            m_setup.dates, m_setup.media_caption ? m_setup.media_caption() : ""};
}

std::optional<StreamMessage> PhoneApi::render(const std::string& key) {
    const auto view = m_setup.loop.view();
    auto state = phone_state_json(*view, key, context(*view));
    // A removed phone, or one of a session that ended: told so once, then the server closes
    // the stream (a new one for that key is refused with 401).
    if (state.empty()) return StreamMessage{R"({"phase":"ended"})", true};
    return StreamMessage{std::move(state)};
}

HttpResponse PhoneApi::error(int status, const std::string& code, const FieldProblem& problem) const {
    // The most specific message there is: for this error on this field ("err_out_of_range_scores"),
    // else for the error; {max} is the limit of the field that was passed.
    const auto& texts = m_setup.strings.all();
    const auto specific = "err_" + code + "_" + std::string{problem.field};
    const auto& message_key = !problem.field.empty() && texts.count(specific) ? specific
                              : texts.count("err_" + code)                    ? "err_" + code
                                                                              : std::string{"err_bad_request"};
    const auto max = problem.limit > 0 ? problem.limit : m_setup.max_text;
    auto message = m_setup.strings.format(message_key, {{"max", std::to_string(max)}});
    Json reply{{"error", code}, {"message", message}};
    if (!problem.field.empty()) reply["field"] = problem.field;
    HttpResponse response{status, "application/json", reply.dump(), {}};
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
        // Before anything else: a request for another name is not for this kiosk, whatever
        // it asks (a DNS-rebinding page in an office browser would otherwise be same-origin).
        if (!host_allowed(request.host)) return responder.reply(error(421, "wrong_host"));
        if (request.method == "POST") return post(request, responder);
        if (request.method != "GET" && request.method != "HEAD") return responder.reply(error(405, "bad_request"));
        if (request.path == "/api/events") {
            const auto& key = request.query["key"];
            if (!is_issued_key(key) || !m_setup.loop.view()->participant(key))
                return responder.reply(error(401, "unknown_person"));
            return responder.stream(key);
        }
        responder.reply(page(request));
    } catch (const BadRequest& bad) {
        responder.reply(error(bad.status, bad.code, bad.problem));
    }
}

// "/" and "/c": the form for typing the code on the screen (the session's, or between sessions
// the coffee corner's), or what a typed code leads to.
HttpResponse PhoneApi::code_page(const View& view, const HttpRequest& request) {
    const auto& s = m_setup.strings;
    if (!m_per_address.allow(request.remote)) return error(429, "slow_down");
    const auto code = request.query.find("code");
    if (code != request.query.end()) return join_by_code(view, request, code->second);
    if (!view.session_open() && !view.coffee.code.empty())
        return message_page(200, s.text("coffee_title"), s.text("coffee_code_intro"), true);
    if (!view.session_open()) return message_page(200, s.text("title"), s.text("no_session"), false);
    if (view.codes_closed) return message_page(200, s.text("code_title"), s.text("code_closed"), false);
    return message_page(200, s.text("code_title"), s.text("join_intro"), true);
}

// The page's words and the limits of every field it sends.
HttpResponse PhoneApi::strings_json(const View& view) const {
    const auto warning = std::chrono::duration_cast<std::chrono::seconds>(view.warning).count();
    return {200, "application/json",
            Json{{"strings", m_setup.strings.all()},
                 {"max_text", m_setup.max_text},
                 {"show_names", m_setup.show_names},
                 {"limits", limits_json(field_bounds(view), static_cast<int>(warning))}}
                .dump(),
            {}};
}

HttpResponse PhoneApi::page(const HttpRequest& request) {
    const auto view = m_setup.loop.view();
    const auto& s = m_setup.strings;
    const auto& path = request.path;
    if (path == "/" || path == "/c") return code_page(*view, request);
    if (path.rfind("/j/", 0) == 0) {
        const auto token = path.substr(3);
        if (!view->session_open() || token != view->join_token)
            return message_page(410, s.text("ended_title"), s.text("ended_body"), false);
        const std::string html = fill(std::string{find_web_asset("phone.html")->body},
                                      {{"lang", m_setup.language}, {"title", escape_html(s.text("title"))}});
        return {200, "text/html; charset=utf-8", html, {}};
    }
    if (path.rfind("/k/", 0) == 0) return coffee_page(*view, request);
    if (path == "/api/coffee") return coffee_state(*view, request);
    if (path.rfind("/x/", 0) == 0) {
        // Each file is made afresh: as bounded per address as every other request.
        if (!m_per_address.allow(request.remote)) return error(429, "slow_down");
        return exports(*view, path.substr(3));
    }
    if (path == "/api/strings") return strings_json(*view);
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
        const auto state = found == request.query.end() ? std::string{} : phone_state_json(*view, found->second, context(*view));
        if (state.empty()) return error(view->session_open() ? 401 : 410, view->session_open() ? "unknown_person" : "no_session");
        return {200, "application/json", state, {}};
    }
    if (const auto* asset = find_web_asset(path.substr(path.empty() ? 0 : 1)); asset && asset->is_public)
        return {200, std::string{asset->content_type}, std::string{asset->body}, {{"Cache-Control", "no-cache"}}};
    if (path == "/favicon.ico") return {204, "text/plain", "", {}};
    return message_page(404, s.text("err_not_found"), s.text("ended_body"), false);
}

// A typed code. Wrong codes are limited per address and counted per code: when the session's
// budget is spent, typing closes (the screen stops showing the code) until the room shows a
// fresh one, and after that even the right code needs the QR. At most the budget is compared.
HttpResponse PhoneApi::join_by_code(const View& view, const HttpRequest& request, const std::string& typed) {
    const auto& s = m_setup.strings;
    const auto closed = [&] { return message_page(403, s.text("code_title"), s.text("code_closed"), false); };
    if (!m_wrong_codes.available(request.remote))
        return message_page(429, s.text("code_title"), s.text("code_slow"), false);
    std::string digits;
    for (const char c : typed)
        if (c >= '0' && c <= '9') digits += c;  // "482 915" and "482-915" are fine
    // The coffee corner's code works in and outside sessions; it is shown on the coffee screen.
    if (auto coffee = coffee_code(view, digits)) return std::move(*coffee);
    // From here on the code is not the coffee corner's: every attempt counts against the
    // address, also when typing is closed (else a closed session code would leave the coffee
    // code open to guessing).
    if (!view.session_open()) {
        m_wrong_codes.allow(request.remote);
        return message_page(404, s.text("coffee_title"), s.text("coffee_code_intro"), true, s.text("code_wrong"));
    }
    if (view.codes_closed) {
        m_wrong_codes.allow(request.remote);
        return closed();
    }
    bool spent_now = false;
    int tried = 0;
    {
        std::lock_guard lock{m_codes_mutex};
        if (m_counted_code != view.join_code) {  // a new session or a fresh code: a new budget
            m_counted_code = view.join_code;
            m_wrong_count = 0;
        }
        if (m_wrong_count >= m_setup.wrong_code_budget) {
            m_wrong_codes.allow(request.remote);
            return closed();
        }
        if (digits == view.join_code)
            return {303, "text/html; charset=utf-8", "", {{"Location", "/j/" + view.join_token}}};
        tried = ++m_wrong_count;
        spent_now = tried == m_setup.wrong_code_budget;
    }
    m_wrong_codes.allow(request.remote);
    if (spent_now) {
        LogLine{Priority::Warning} << "code entry closed after " << tried
                  << " wrong codes; the screen asks for the QR (key C shows a fresh code)";
        m_setup.loop.submit({EventKind::CloseCodes, Sender::system(), NoPayload{}}, nullptr);
    }
    return message_page(404, s.text("code_title"), s.text("join_intro"), true, s.text("code_wrong"));
}

// /x/<token>: a page with the four formats; /x/<token>/vitale-sessie.<format>: the file.
HttpResponse PhoneApi::exports(const View& view, const std::string& rest) const {
    const auto& s = m_setup.strings;
    const auto slash = rest.find('/');
    const auto token = rest.substr(0, slash);
    if (!view.session_open() || token != view.join_token || !m_setup.export_session)
        return message_page(410, s.text("ended_title"), s.text("ended_body"), false);
    // Only from the wrap-up on: before it, a file would show what the room has not seen yet
    // (the dots of a vote still running).
    if (view.phase != Phase::WrapUp) return message_page(409, s.text("export_title"), s.text("export_not_yet"), false);
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

std::optional<std::string> PhoneApi::join_key(const Json& body, const View& view, const HttpRequest& request,
                                              const Responder& responder) {
    if (!m_per_address.allow(request.remote)) throw BadRequest{429, "slow_down"};
    const auto token = body.find("token");
    if (token == body.end() || !token->is_string()) throw BadRequest{400, "bad_request"};
    if (!view.session_open()) throw BadRequest{410, "no_session"};
    if (*token != view.join_token) throw BadRequest{410, "unknown_person"};
    // A reload keeps its key: the page sends the one it holds. That changes nothing in the
    // session, so it is answered from the View; a key the host removed stays out.
    const auto held = body.find("key");
    const auto held_key = held != body.end() && held->is_string() ? held->get<std::string>() : std::string{};
    if (const auto* known = view.participant(held_key)) {
        responder.reply({200, "application/json", Json{{"key", held_key}, {"number", known->number}, {"v", view.version}}.dump(), {}});
        return std::nullopt;
    }
    if (is_issued_key(held_key) && std::any_of(view.participants.begin(), view.participants.end(),
                                               [&](const Participant& p) { return p.key == held_key; }))
        throw BadRequest{403, "removed"};
    return random_key();
}

std::string PhoneApi::participant_key(const Json& body, const View& view, const HttpRequest& request) {
    // Before any limit and before the body is read further: a made-up key, or one of a
    // finished session, costs nothing to refuse (and leaves no rate-limit bucket behind).
    auto key = sender_key(body);
    if (!view.session_open()) throw BadRequest{410, "no_session"};
    if (!view.participant(key)) throw BadRequest{401, "unknown_person"};
    if (!m_per_address.allow(request.remote)) throw BadRequest{429, "slow_down"};
    if (!m_per_phone.allow(key)) throw BadRequest{429, "slow_down"};
    return key;
}

void PhoneApi::post(const HttpRequest& request, const Responder& responder) {
    const auto* spec = action_for_route(request.path);
    if (!spec) throw BadRequest{404, "not_found"};
    if (request.content_type.rfind("application/json", 0) != 0) throw BadRequest{415, "content_type"};
    const Json body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) throw BadRequest{400, "bad_json"};
    const auto view = m_setup.loop.view();
    if (spec->senders & (k_visitor | k_moderator)) return coffee_post(*spec, body, request, responder);

    std::string key;
    if (spec->kind == EventKind::Join) {
        const auto fresh = join_key(body, *view, request, responder);
        if (!fresh) return;
        key = *fresh;
    } else {
        key = participant_key(body, *view, request);
    }
    Event event{spec->kind, Sender::participant(key), {}};
    try {
        event.payload = decode_payload(*spec, body);
    } catch (const DecodeError& bad) {
        throw BadRequest{bad.status, bad.code, {bad.field}};
    }
    // The engine checks again (also on replay); here it answers at once, naming the field.
    FieldProblem problem;
    if (const auto status = check_payload(event.payload, field_bounds(*view), problem); status != Status::Ok)
        throw BadRequest{status_code(status), error_code(status, problem), problem};
    if (spec->kind == EventKind::Join && !m_joins.take(view->join_token, request.remote, key))
        throw BadRequest{429, "too_many_joins"};
    const auto kind = spec->kind;
    const auto remote = request.remote;
    const auto session = view->join_token;
    m_setup.loop.submit(std::move(event), [this, responder, kind, key, remote, session](const Outcome& outcome) {
        if (kind == EventKind::Join) m_joins.finish(session, remote, key, outcome.ok() || outcome.status == Status::Ignored);
        auto reply = reply_for(outcome, kind);
        if (kind == EventKind::Join && (outcome.ok() || outcome.status == Status::Ignored)) {
            reply.body = Json{{"key", key}, {"number", outcome.id}, {"v", outcome.version}}.dump();
        }
        responder.reply(std::move(reply));
    });
}

HttpResponse PhoneApi::reply_for(const Outcome& outcome, EventKind kind) const {
    const int status = status_code(outcome.status);
    if (status != 200) return error(status, error_code(outcome.status, outcome.problem), outcome.problem);
    const bool created = kind == EventKind::Contribute && outcome.status == Status::Ok;
    return {created ? 201 : 200, "application/json",
            Json{{"ok", true}, {"id", outcome.id}, {"v", outcome.version}}.dump(), {}};
}

}  // namespace kiosk::net
