#pragma once
// The phones' side of the kiosk: the pages (join by QR or by code, the phone page, "this
// session has ended"), the JSON API that turns taps into engine events, and the live state
// each phone's stream receives. Every request is bounded and checked before it reaches the
// engine; every refusal names what was wrong in the phone's language, with a fitting status.
// handle() and render() run on the HTTP server's threads.
#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/engine_loop.hpp"
#include "kiosk/core/strings.hpp"
#include "kiosk/net/http_server.hpp"
#include "kiosk/net/join_counter.hpp"
#include "kiosk/net/phone_state.hpp"
#include "kiosk/net/rate_limiter.hpp"

namespace kiosk::net {

struct PhoneApiSetup {
    EngineLoop& loop;
    const Clock& clock;
    Strings strings;        // config/phone.<lang>.json
    std::string language;   // "nl" or "en"
    int max_text = SessionRules{}.max_text;
    bool show_names = false;
    int requests_per_minute = 60;
    int extend_minutes = 2;
    int joins_per_address = 3;  // participants one address may add to a session
    // This week's reflection question; asked when a phone needs it (it changes on Mondays).
    std::function<std::string(const View&)> week_question;  // the week's reflection question in the view's format
    // The open session's outcome in a format ("md", "json", "csv", "html"); empty when the
    // format is unknown. Served under /x/<token>/ to whoever holds the session's token.
    std::function<std::string(const View&, const std::string& format)> export_session;
    DateWords dates{};  // review dates as the room reads them (without: ISO)
    // Wrong join codes a session takes in all before typing a code closes (the QR still works).
    int wrong_code_budget = 200;
    // The Host headers this kiosk answers to ("192.168.1.20:8080", "127.0.0.1:8080", …; compared
    // without case). Anything else is 421: a page on another name (DNS rebinding) gets nothing.
    std::vector<std::string> hosts;
    // The coffee corner's question this week (the group's, else the rotation's) for its page.
    std::function<std::string(const View&)> coffee_question;
    std::string coffee_moderation = "open";  // kiosk.json coffee.moderation, for the page's wording
    // The caption of the clip the screen plays now ("" without); phones show it under "a clip plays".
    std::function<std::string()> media_caption{};
};

class PhoneApi {
public:
    explicit PhoneApi(PhoneApiSetup setup);

    void handle(HttpRequest request, Responder responder);
    // The stream message for one phone: its state, or {"phase":"ended"} as the stream's last
    // message when it is not (or no longer) part of the open session.
    std::optional<StreamMessage> render(const std::string& key);

private:
    HttpResponse page(const HttpRequest& request);
    HttpResponse code_page(const View& view, const HttpRequest& request);
    HttpResponse strings_json(const View& view) const;
    void post(const HttpRequest& request, const Responder& responder);
    // The key a join speaks for: a fresh one, or the one a reload holds (then answered at once
    // from the View, and nullopt is returned).
    std::optional<std::string> join_key(const nlohmann::json& body, const View& view, const HttpRequest& request,
                                        const Responder& responder);
    // The participant's key of any other session action, checked before anything is counted.
    std::string participant_key(const nlohmann::json& body, const View& view, const HttpRequest& request);
    HttpResponse error(int status, const std::string& code, const FieldProblem& problem = {}) const;
    HttpResponse message_page(int status, const std::string& title, const std::string& body, bool code_form,
                              const std::string& problem = "") const;
    HttpResponse reply_for(const Outcome& outcome, EventKind kind) const;
    HttpResponse exports(const View& view, const std::string& rest) const;
    HttpResponse join_by_code(const View& view, const HttpRequest& request, const std::string& typed);
    bool host_allowed(const std::string& host) const;
    PhoneContext context(const View& view) const;
    // phone_api_coffee.cpp: the coffee corner's page, state and actions (visitors, moderators)
    HttpResponse coffee_page(const View& view, const HttpRequest& request);
    HttpResponse coffee_state(const View& view, const HttpRequest& request);
    void coffee_post(const ActionSpec& spec, const nlohmann::json& body, const HttpRequest& request,
                     const Responder& responder);
    std::optional<HttpResponse> coffee_code(const View& view, const std::string& digits) const;

    PhoneApiSetup m_setup;
    RateLimiter m_per_phone;
    RateLimiter m_per_address;  // every POST and the join pages, before and after joining
    JoinCounter m_joins;
    JoinCounter m_visitors;  // new coffee-corner phones per address in a week (phones.joins_per_address)
    RateLimiter m_wrong_codes;  // per address
    std::mutex m_codes_mutex;
    std::string m_counted_code;  // the join code the count below is for
    int m_wrong_count = 0;       // wrong codes tried against it
};

}  // namespace kiosk::net
