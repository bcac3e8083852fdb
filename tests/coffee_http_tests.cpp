// The coffee corner's phone side over real HTTP on 127.0.0.1: the week's page and state,
// answering, editing and withdrawing from any phone, the code at /c, moderators, the bounds a
// stranger meets, and the wrap-up's question that becomes next week's.
#include <catch2/catch.hpp>

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
    REQUIRE(state["waiting"].size() == 1);
    CHECK(state["waiting"][0]["text"] == "Wachten op een collega");
    const int id = state["waiting"][0]["id"];
    // The answering phone is no moderator.
    const auto visitor = body_of(sent)["key"].get<std::string>();
    CHECK(kiosk.post("/api/coffee/moderate", {{"token", token}, {"key", visitor}, {"answer", id}, {"action", "approve"}})->status == 403);
    CHECK(kiosk.post("/api/coffee/moderate", {{"token", token}, {"key", moderator}, {"answer", id}, {"action", "approve"}})->status == 200);
    CHECK(coffee_state(kiosk)["shown"] == 1);
}

TEST_CASE("Three phones suggest and dot at the wrap-up; next week's coffee corner asks the chosen question") {
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
