// The coffee corner's phone side over real HTTP on 127.0.0.1: the week's page and state,
// answering, editing and withdrawing from any phone, the code at /c, moderators, the bounds a
// stranger meets, and the wrap-up's question that becomes next week's.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <thread>

#include "kiosk/net/join_counter.hpp"
#include "tests/phone_kiosk.hpp"

using namespace kiosk;
using kiosk::testing::Json;
using kiosk::testing::PhoneKiosk;

namespace {

Json body_of(const httplib::Result& reply) { return Json::parse(reply->body, nullptr, false); }

void start_week(PhoneKiosk& kiosk, int week) {
    kiosk.submit({EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{week, {}, {}}});
}

Json coffee_state(const PhoneKiosk& kiosk, const std::string& key = "") {
    const auto token = kiosk.view()->coffee.token;
    const auto reply = kiosk.client().Get(("/api/coffee?token=" + token + "&key=" + key).c_str());
    REQUIRE(reply);
    REQUIRE(reply->status == 200);
    return body_of(reply);
}

SessionRules moderated(Moderation moderation) {
    auto rules = testing::default_rules();
    rules.coffee.moderation = moderation;
    return rules;
}

}  // namespace

TEST_CASE("Anyone with the week's link answers, edits and withdraws over HTTP") {
    PhoneKiosk kiosk;
    start_week(kiosk, 202649);
    const auto token = kiosk.view()->coffee.token;
    REQUIRE(token.size() == 32);

    const auto page = kiosk.client().Get(("/k/" + token).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("coffee.js") != std::string::npos);
    const auto stale = kiosk.client().Get("/k/0123456789abcdef0123456789abcdef");
    CHECK(stale->status == 410);

    const auto first = kiosk.post("/api/coffee/answer", {{"token", token}, {"text", "Een klant bedankte me"}});
    REQUIRE(first);
    CHECK(first->status == 201);
    const auto key = body_of(first)["key"].get<std::string>();
    CHECK(key.size() == 32);
    CHECK(body_of(first)["waiting"] == false);
    auto state = coffee_state(kiosk, key);
    CHECK(state["answer"]["text"] == "Een klant bedankte me");
    CHECK(state["shown"] == 1);
    CHECK(state["host"] == false);
    CHECK_FALSE(state.contains("waiting"));  // only a moderator sees what waits
    CHECK(state["week"] == "2026-W49");
    CHECK(coffee_state(kiosk)["answer"].is_null());  // another phone sees no answer of its own

    const auto edit = kiosk.post("/api/coffee/answer", {{"token", token}, {"key", key}, {"text", "Een klant bedankte me hartelijk"}});
    CHECK(edit->status == 200);
    CHECK(body_of(edit)["id"] == body_of(first)["id"]);
    CHECK(kiosk.view()->coffee.answers.size() == 1);

    // Last week's link, a missing token or a key that was never given: refused, nothing kept.
    CHECK(kiosk.post("/api/coffee/answer", {{"token", "0123456789abcdef0123456789abcdef"}, {"text", "x"}})->status == 410);
    CHECK(kiosk.post("/api/coffee/answer", {{"text", "x"}})->status == 410);
    const auto withdraw_stranger = kiosk.post("/api/coffee/withdraw", {{"token", token}});
    CHECK(withdraw_stranger->status == 401);
    const auto too_long = kiosk.post("/api/coffee/answer", {{"token", token}, {"key", key}, {"text", std::string(400, 'a')}});
    CHECK(too_long->status == 422);
    CHECK(body_of(too_long)["field"] == "text");
    CHECK(kiosk.view()->coffee.answers.front().text == "Een klant bedankte me hartelijk");

    CHECK(kiosk.post("/api/coffee/withdraw", {{"token", token}, {"key", key}})->status == 200);
    CHECK(kiosk.view()->coffee.answers.empty());
}

TEST_CASE("The coffee code at /c leads to the week's page, in and outside a session") {
    PhoneKiosk kiosk;
    start_week(kiosk, 202649);
    const auto& coffee = kiosk.view()->coffee;
    const auto form = kiosk.client().Get("/");
    CHECK(form->status == 200);
    CHECK(form->body.find("name=\"code\"") != std::string::npos);
    const auto found = kiosk.client().Get(("/c?code=" + coffee.code.substr(0, 3) + "%20" + coffee.code.substr(3)).c_str());
    REQUIRE(found);
    CHECK(found->status == 303);
    CHECK(found->get_header_value("Location") == "/k/" + coffee.token);
    kiosk.open_session();
    CHECK(kiosk.client().Get(("/c?code=" + kiosk.view()->coffee.code).c_str())->status == 303);
}

TEST_CASE("New coffee phones per address and week are bounded like joins") {
    PhoneKiosk kiosk{testing::default_rules(), "nl", 2};
    start_week(kiosk, 202649);
    const auto token = kiosk.view()->coffee.token;
    CHECK(kiosk.post("/api/coffee/answer", {{"token", token}, {"text", "een"}})->status == 201);
    CHECK(kiosk.post("/api/coffee/answer", {{"token", token}, {"text", "twee"}})->status == 201);
    const auto third = kiosk.post("/api/coffee/answer", {{"token", token}, {"text", "drie"}});
    CHECK(third->status == 429);
    CHECK(body_of(third)["error"] == "coffee_too_many");
    CHECK(kiosk.view()->coffee.answers.size() == 2);
    // A key the phone made up itself is a new phone all the same.
    const auto invented = kiosk.post("/api/coffee/answer", {{"token", token}, {"key", "0123456789abcdef0123456789abcdef"}, {"text", "vals"}});
    CHECK(invented->status == 429);
    CHECK(kiosk.view()->coffee.answers.size() == 2);
    // Next week every address starts afresh.
    start_week(kiosk, 202650);
    CHECK(kiosk.post("/api/coffee/answer", {{"token", kiosk.view()->coffee.token}, {"text", "vier"}})->status == 201);
}

TEST_CASE("A failing request with the same made-up key cannot hand back the slot of an answer that succeeds") {
    // Finding 3 of issue 22: an answer and a moderator claim with a wrong code, same new key,
    // sent at the same moment. Forty such pairs from one address, in parallel.
    PhoneKiosk kiosk{testing::default_rules(), "nl", 3};
    start_week(kiosk, 202649);
    const auto token = kiosk.view()->coffee.token;
    std::vector<std::thread> phones;
    std::atomic<int> answered{0};
    for (int pair = 0; pair < 40; ++pair) {
        char key[33];
        std::snprintf(key, sizeof key, "%032x", pair + 1);
        phones.emplace_back([&, key = std::string{key}] {
            // Eighty connections from one address: one the server turned away has no response.
            if (const auto reply = kiosk.post("/api/coffee/answer", {{"token", token}, {"key", key}, {"text", "pair " + key}});
                reply && reply->status == 201)
                ++answered;
        });
        phones.emplace_back([&, key = std::string{key}] {
            kiosk.post("/api/coffee/host", {{"token", token}, {"key", key}, {"code", "000000"}});
        });
    }
    for (auto& phone : phones) phone.join();
    CHECK(answered.load() == 3);
    CHECK(kiosk.view()->coffee.answers.size() == 3);
    // A key the week has not seen cannot withdraw or moderate: 401 before it is counted.
    const auto stranger = std::string(32, 'e');
    CHECK(kiosk.post("/api/coffee/withdraw", {{"token", token}, {"key", stranger}})->status == 401);
    CHECK(kiosk.post("/api/coffee/moderate", {{"token", token}, {"key", stranger}, {"answer", 1}, {"action", "hide"}})->status == 401);
}

TEST_CASE("Per-address counts: held by every request on its way, kept per week, not reset by a late one") {
    net::JoinCounter counter{2};
    // Two requests with the same new key: the failing one's finish frees nothing while the other is on its way.
    REQUIRE(counter.take("week-1", "10.0.0.5", "k1"));
    REQUIRE(counter.take("week-1", "10.0.0.5", "k1"));
    counter.finish("week-1", "10.0.0.5", "k1", false);
    CHECK(counter.counted("week-1", "10.0.0.5") == 1);
    counter.finish("week-1", "10.0.0.5", "k1", true);  // the answer went through
    CHECK(counter.counted("week-1", "10.0.0.5") == 1);
    REQUIRE(counter.take("week-1", "10.0.0.5", "k2"));
    counter.finish("week-1", "10.0.0.5", "k2", false);  // refused, nothing else on its way: free again
    CHECK(counter.counted("week-1", "10.0.0.5") == 1);
    REQUIRE(counter.take("week-1", "10.0.0.5", "k3"));
    counter.finish("week-1", "10.0.0.5", "k3", true);
    CHECK_FALSE(counter.take("week-1", "10.0.0.5", "k4"));  // its share
    // A new week starts afresh; a request still carrying last week's token does not reset it.
    REQUIRE(counter.take("week-2", "10.0.0.5", "n1"));
    counter.finish("week-2", "10.0.0.5", "n1", true);
    CHECK_FALSE(counter.take("week-1", "10.0.0.5", "late"));  // last week's share, still spent
    CHECK(counter.counted("week-2", "10.0.0.5") == 1);
}

TEST_CASE("Under approve an answer waits until a moderator phone approves it") {
    PhoneKiosk kiosk{moderated(Moderation::Approve)};
    start_week(kiosk, 202649);
    const auto token = kiosk.view()->coffee.token;
    const auto sent = kiosk.post("/api/coffee/answer", {{"token", token}, {"text", "Wachten op een collega"}});
    REQUIRE(sent->status == 201);
    CHECK(body_of(sent)["waiting"] == true);
    CHECK(coffee_state(kiosk)["shown"] == 0);

    CHECK(kiosk.post("/api/coffee/host", {{"token", token}, {"code", "guessed"}})->status == 403);
    kiosk.press(EventKind::OfferHost);  // the room's H outside a session
    REQUIRE(kiosk.view()->host_offer);
    const auto claimed = kiosk.post("/api/coffee/host", {{"token", token}, {"code", kiosk.view()->host_offer->code}});
    REQUIRE(claimed->status == 201);
    const auto moderator = body_of(claimed)["key"].get<std::string>();
    const auto state = coffee_state(kiosk, moderator);
    CHECK(state["host"] == true);
    REQUIRE(state["answers"].size() == 1);
    CHECK(state["answers"][0]["text"] == "Wachten op een collega");
    CHECK(state["answers"][0]["state"] == "waiting");
    const int id = state["answers"][0]["id"];
    // The answering phone is no moderator.
    const auto visitor = body_of(sent)["key"].get<std::string>();
    CHECK(kiosk.post("/api/coffee/moderate", {{"token", token}, {"key", visitor}, {"answer", id}, {"action", "approve"}})->status == 403);
    CHECK(kiosk.post("/api/coffee/moderate", {{"token", token}, {"key", moderator}, {"answer", id}, {"action", "approve"}})->status == 200);
    CHECK(coffee_state(kiosk)["shown"] == 1);
}

TEST_CASE("A moderator sees every answer of the week and takes down one that is already on the screen") {
    PhoneKiosk kiosk;  // moderation "open": nothing waits
    start_week(kiosk, 202649);
    const auto token = kiosk.view()->coffee.token;
    const auto first = kiosk.post("/api/coffee/answer", {{"token", token}, {"text", "Een klant bedankte me"}});
    const auto second = kiosk.post("/api/coffee/answer", {{"token", token}, {"text", "Iets wat niet op het scherm hoort"}});
    REQUIRE(first->status == 201);
    REQUIRE(second->status == 201);
    CHECK(coffee_state(kiosk)["shown"] == 2);
    kiosk.press(EventKind::OfferHost);
    const auto claimed = kiosk.post("/api/coffee/host", {{"token", token}, {"code", kiosk.view()->host_offer->code}});
    REQUIRE(claimed->status == 201);
    const auto moderator = body_of(claimed)["key"].get<std::string>();
    auto state = coffee_state(kiosk, moderator);
    REQUIRE(state["answers"].size() == 2);  // shown answers too, newest first
    CHECK(state["answers"][0]["text"] == "Iets wat niet op het scherm hoort");
    CHECK(state["answers"][0]["state"] == "shown");
    CHECK(state["answers"][1]["state"] == "shown");
    CHECK_FALSE(state["answers"][0].contains("key"));  // anonymous to the moderator too
    const int id = state["answers"][0]["id"];
    CHECK(kiosk.post("/api/coffee/moderate", {{"token", token}, {"key", moderator}, {"answer", id}, {"action", "hide"}})->status == 200);
    CHECK(coffee_state(kiosk)["shown"] == 1);
    const auto shown = kiosk.view()->coffee.shown();
    REQUIRE(shown.size() == 1);
    CHECK(shown.front()->text == "Een klant bedankte me");
    state = coffee_state(kiosk, moderator);
    CHECK(state["answers"][0]["state"] == "hidden");
    // Allowed again by the moderator, it is back on the screen.
    CHECK(kiosk.post("/api/coffee/moderate", {{"token", token}, {"key", moderator}, {"answer", id}, {"action", "approve"}})->status == 200);
    CHECK(coffee_state(kiosk)["shown"] == 2);
    // The room's own key does the same with the newest shown answer (the screen loop sends this).
    kiosk.submit({EventKind::CoffeeModerate, Sender::room(), CoffeeModeratePayload{id, "hide"}});
    CHECK(coffee_state(kiosk)["shown"] == 1);
}

TEST_CASE("Three phones suggest and dot at the wrap-up, next week's coffee corner asks the chosen question") {
    PhoneKiosk kiosk;
    start_week(kiosk, 202649);
    kiosk.open_session();
    std::vector<std::string> keys;
    for (int i = 0; i < 3; ++i) keys.push_back(kiosk.join());
    while (kiosk.view()->phase != Phase::WrapUp) kiosk.press(EventKind::Next);
    const char* ideas[] = {"Hoe ga jij om met een boze klant als je goed nieuws hebt?", "Wat gaf je energie?", "Wie hielp je?"};
    for (int i = 0; i < 3; ++i)
        CHECK(kiosk.post("/api/wrapup/question", {{"key", keys[static_cast<std::size_t>(i)]}, {"text", ideas[i]}})->status == 200);
    for (const int who : {0, 1, 2})
        CHECK(kiosk.post("/api/wrapup/question-dot", {{"key", keys[static_cast<std::size_t>(who)]}, {"idea", who == 1 ? 2 : 1}})->status ==
              200);
    const auto state = body_of(kiosk.client().Get(("/api/state?key=" + keys[0]).c_str()));
    REQUIRE(state["questions"].size() == 3);
    CHECK(state["questions"][0]["mine"] == true);
    CHECK(state["questions"][1]["mine"] == false);
    CHECK(state["question_dot"] == 1);
    CHECK(state["question_chosen"] == ideas[0]);
    CHECK(state.dump().find(keys[1]) == std::string::npos);  // nobody's key in another phone's state
    // The session's outcome carries the group's question for next week.
    const auto exported = kiosk.client().Get(("/x/" + kiosk.view()->join_token + "/vitale-sessie.json").c_str());
    REQUIRE(exported);
    CHECK(body_of(exported)["coffee_question"] == ideas[0]);
    const auto markdown = kiosk.client().Get(("/x/" + kiosk.view()->join_token + "/vitale-sessie.md").c_str());
    CHECK(markdown->body.find(std::string{"Vraag voor de koffiehoek (volgende week): "} + ideas[0]) != std::string::npos);

    kiosk.press(EventKind::Start);  // the room closes the session
    REQUIRE(kiosk.view()->phase == Phase::Idle);
    CHECK(coffee_state(kiosk)["question"] != ideas[0]);  // this week keeps its question
    start_week(kiosk, 202650);
    CHECK(coffee_state(kiosk)["question"] == ideas[0]);
}
