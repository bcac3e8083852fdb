// The coffee corner on phones: anyone who scans the week's link (or types its code) may give
// one answer to the week's question, change it or take it back; a phone that scanned the room's
// moderator code (key H outside sessions) approves or hides answers. The sender is a visitor
// (Sender::visitor) the transport makes from the key the kiosk issued; the week's token in the
// request is checked first, so last week's link or a guessed one costs nothing.
#include <nlohmann/json.hpp>

#include "kiosk/core/random_key.hpp"
#include "kiosk/core/text_rules.hpp"
#include "kiosk/net/action_json.hpp"
#include "kiosk/net/phone_api.hpp"
#include "kiosk/net/phone_api_parts.hpp"
#include "kiosk/net/web_assets.hpp"

namespace kiosk::net {

using Json = nlohmann::json;

namespace {

std::string week_name(int week) {
    if (week <= 0) return "";
    char text[16];
    std::snprintf(text, sizeof text, "%04d-W%02d", week / 100, week % 100);
    return text;
}

// The week knows this phone: it answered (also a hidden answer), or moderates.
bool knows_visitor(const CoffeeView& coffee, const std::string& key) {
    return coffee.answer_of(key) || coffee.is_host(key) || coffee.hidden_keys.count(key) > 0;
}

}  // namespace

// /k/<token>: the answer page, for this week's link only.
HttpResponse PhoneApi::coffee_page(const View& view, const HttpRequest& request) {
    const auto& s = m_setup.strings;
    if (!m_per_address.allow(request.remote)) return error(429, "slow_down");
    const auto token = request.path.substr(3);
    if (view.coffee.token.empty() || token != view.coffee.token)
        return message_page(410, s.text("coffee_title"), s.text("coffee_week_over"), false);
    const std::string html = fill(std::string{find_web_asset("coffee.html")->body},
                                  {{"lang", m_setup.language}, {"title", escape_html(s.text("coffee_title"))}});
    return {200, "text/html; charset=utf-8", html, {}};
}

// /api/coffee?token=…&key=…: the week's question, this phone's answer, and for a moderator every
// answer of the week.
HttpResponse PhoneApi::coffee_state(const View& view, const HttpRequest& request) {
    if (!m_per_address.allow(request.remote)) return error(429, "slow_down");
    const auto token = request.query.find("token");
    const auto& coffee = view.coffee;
    if (coffee.token.empty() || token == request.query.end() || token->second != coffee.token) return error(410, "week_over");
    const auto found = request.query.find("key");
    const std::string key = found != request.query.end() && is_issued_key(found->second) ? found->second : "";
    Json state{{"week", week_name(coffee.week)},
               {"question", m_setup.coffee_question ? m_setup.coffee_question(view) : ""},
               {"answer", nullptr},
               {"host", coffee.is_host(key)},
               {"shown", coffee.shown().size()},
               {"moderation", m_setup.coffee_moderation},
               {"max_text", m_setup.max_text}};
    if (const auto* mine = key.empty() ? nullptr : coffee.answer_of(key))
        state["answer"] = {{"id", mine->id}, {"text", mine->text}, {"waiting", mine->waiting}, {"hidden", mine->hidden}};
    if (coffee.is_host(key)) {
        // Every answer of the week, newest first, with where it stands: a moderator can take
        // down what is already on the screen, not only what waits.
        Json answers = Json::array();
        for (const auto* answer : coffee.newest_first()) {
            const char* where = answer->hidden ? "hidden" : answer->waiting ? "waiting" : "shown";
            answers.push_back({{"id", answer->id}, {"text", answer->text}, {"state", where}});
        }
        state["answers"] = std::move(answers);
    }
    return {200, "application/json", state.dump(-1, ' ', false, Json::error_handler_t::replace), {{"Cache-Control", "no-store"}}};
}

// A typed code that is this week's coffee code leads to its page; nullopt for any other.
std::optional<HttpResponse> PhoneApi::coffee_code(const View& view, const std::string& digits) const {
    if (view.coffee.code.empty() || digits != view.coffee.code) return std::nullopt;
    return HttpResponse{303, "text/html; charset=utf-8", "", {{"Location", "/k/" + view.coffee.token}}};
}

void PhoneApi::coffee_post(const ActionSpec& spec, const Json& body, const HttpRequest& request, const Responder& responder) {
    const auto view = m_setup.loop.view();
    const auto token = body.find("token");
    if (view->coffee.token.empty() || token == body.end() || !token->is_string() || *token != view->coffee.token)
        throw BadRequest{410, "week_over"};
    if (!m_per_address.allow(request.remote)) throw BadRequest{429, "slow_down"};
    // A phone keeps the key it was given; the first answer (or moderator claim) gets one. Every
    // key this week has not seen yet (one the kiosk gave out or one a phone made up) counts as a
    // new phone of its address, bounded per week like joins in a session.
    const auto held = body.find("key");
    std::string key = held != body.end() && held->is_string() && is_issued_key(held->get_ref<const std::string&>())
                          ? held->get<std::string>()
                          : std::string{};
    const bool known = !key.empty() && knows_visitor(view->coffee, key);
    // Only an answer or a moderator claim can bring a new phone; anything else from a key the
    // week has not seen is refused before it is counted.
    if (!known && spec.kind != EventKind::CoffeeAnswer && spec.kind != EventKind::CoffeeHost)
        throw BadRequest{401, "unknown_person"};
    if (key.empty()) key = random_key();
    const bool new_key = !known;
    if (!m_per_phone.allow(key)) throw BadRequest{429, "slow_down"};
    Event event{spec.kind, Sender::visitor(key), {}};
    try {
        event.payload = decode_payload(spec, body);
    } catch (const DecodeError& bad) {
        throw BadRequest{bad.status, bad.code, {bad.field}};
    }
    FieldProblem problem;
    if (const auto status = check_payload(event.payload, field_bounds(*view), problem); status != Status::Ok)
        throw BadRequest{status_code(status), error_code(status, problem), problem};
    const auto week = view->coffee.token;
    if (new_key && !m_visitors.take(week, request.remote, key)) throw BadRequest{429, "coffee_too_many"};
    const auto remote = request.remote;
    m_setup.loop.submit(std::move(event), [this, responder, key, new_key, remote, week](const Outcome& outcome) {
        if (new_key) m_visitors.finish(week, remote, key, knows_visitor(m_setup.loop.view()->coffee, key));
        const int status = status_code(outcome.status);
        if (status != 200) return responder.reply(error(status, error_code(outcome.status, outcome.problem), outcome.problem));
        Json reply{{"ok", true}, {"key", key}, {"id", outcome.id}, {"v", outcome.version}};
        if (const auto* mine = m_setup.loop.view()->coffee.answer_of(key)) reply["waiting"] = mine->waiting;
        responder.reply({new_key ? 201 : 200, "application/json", reply.dump(), {}});
    });
}

}  // namespace kiosk::net
