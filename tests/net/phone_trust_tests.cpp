// Who may do what over HTTP: the sender is the key the kiosk issued, never a request field;
// one address is bounded; refusals name what was wrong; the page gets its limits from the
// same declaration the engine checks.
#include <catch2/catch.hpp>

#include "tests/phone_kiosk.hpp"

using namespace kiosk;
using kiosk::testing::Json;
using kiosk::testing::PhoneKiosk;

namespace {

Json body_of(const httplib::Result& reply) { return Json::parse(reply->body, nullptr, false); }

}  // namespace

TEST_CASE("No key, an empty key or a key of the wrong form never acts as the room") {
    PhoneKiosk kiosk;
    kiosk.phones_at("analyse", 1);
    const auto before = kiosk.view()->version;
    const std::vector<Json> forged{Json(nullptr), Json(""), Json(0), Json(12345), Json::array(), Json::object(),
                                   Json::array({"x"}), Json(std::string(32, 'A')), Json(std::string(31, 'a')),
                                   Json(std::string(33, 'a')), Json(std::string("0123456789abcdef0123456789abcde\0", 32))};
    for (const char* route : {"/api/host/next", "/api/host/pause", "/api/host/extend", "/api/proposal/again", "/api/notes"}) {
        // Without a key at all.
        auto reply = kiosk.post(route, {{"stage", "analyse"}, {"text", "x"}});
        REQUIRE(reply);
        CHECK(reply->status == 401);
        for (const auto& key : forged) {
            INFO(route << " with key " << key.dump());
            reply = kiosk.post(route, {{"key", key}, {"stage", "analyse"}, {"text", "x"}});
            REQUIRE(reply);
            CHECK(reply->status == 401);
            CHECK(body_of(reply)["error"] == "unknown_person");
        }
    }
    // A key of the right form that the kiosk never issued.
    CHECK(kiosk.post("/api/host/next", {{"key", std::string(32, 'b')}})->status == 401);
    CHECK(kiosk.view()->version == before);  // nothing happened, not even a refusal in the engine
    CHECK(kiosk.stage() == "analyse");
    CHECK_FALSE(kiosk.view()->timer.paused);
}

TEST_CASE("A phone may not press the room's keys, only the host's share of them") {
    PhoneKiosk kiosk;
    const auto keys = kiosk.phones_at("analyse", 2);
    const auto refused = kiosk.post("/api/host/next", {{"key", keys[0]}});
    CHECK(refused->status == 403);
    CHECK(body_of(refused)["error"] == "not_host");
    CHECK(kiosk.post("/api/proposal/again", {{"key", keys[0]}, {"stage", "analyse"}})->status == 409);
    CHECK(kiosk.stage() == "analyse");
}

TEST_CASE("One address adds at most joins_per_address participants to a session") {
    PhoneKiosk kiosk{testing::default_rules(), "nl", 3};
    kiosk.open_session();
    for (int i = 0; i < 3; ++i) CHECK_FALSE(kiosk.join().empty());
    const auto fourth = kiosk.post("/api/join", {{"token", kiosk.view()->join_token}});
    REQUIRE(fourth);
    CHECK(fourth->status == 429);
    CHECK(body_of(fourth)["error"] == "too_many_joins");
    CHECK(body_of(fourth)["message"].get<std::string>().find("eigen telefoon") != std::string::npos);
    CHECK(kiosk.view()->participants.size() == 3);
    // A reload of a phone that joined keeps its place and costs nothing.
    const auto key = kiosk.view()->participants.front().key;
    CHECK(kiosk.post("/api/join", {{"token", kiosk.view()->join_token}, {"key", key}})->status == 200);
}

TEST_CASE("Refusals name the field and its own limit") {
    PhoneKiosk kiosk;
    kiosk.open_session();
    const auto key = kiosk.join();
    const auto situation = kiosk.post("/api/lobby/situation", {{"key", key}, {"text", std::string(200, 's')}});
    CHECK(situation->status == 422);
    CHECK(body_of(situation)["field"] == "text");
    CHECK(body_of(situation)["message"].get<std::string>().find("maximaal 160 tekens") != std::string::npos);
    const auto picks = kiosk.post("/api/lobby/framing", {{"key", key}, {"picks", Json::array({0, 1, 2, 3})}});
    CHECK(picks->status == 422);
    CHECK(body_of(picks)["error"] == "too_many");
    CHECK(body_of(picks)["message"].get<std::string>().find("hoogstens 3 vragen") != std::string::npos);
    const auto question = kiosk.post("/api/lobby/framing", {{"key", key}, {"picks", Json::array({99})}});
    CHECK(body_of(question)["message"] == "Die vraag bestaat niet.");
    const auto review = kiosk.post("/api/lobby/review", {{"key", key}, {"decision", "nergens"}, {"status", "done"}});
    CHECK(review->status == 404);
    CHECK(body_of(review)["error"] == "unknown_decision");
    const auto name = kiosk.post("/api/join", {{"token", kiosk.view()->join_token}, {"name", std::string(31, 'n')}});
    CHECK(body_of(name)["message"].get<std::string>().find("maximaal 30 tekens") != std::string::npos);

    kiosk.walk_to("validatie");
    const auto criteria = kiosk.view()->content->criteria.size();
    const auto score = kiosk.post("/api/validation/scores", {{"key", key}, {"stage", "validatie"}, {"scores", std::vector<int>(criteria, 7)}});
    CHECK(score->status == 422);
    CHECK(body_of(score)["error"] == "out_of_range");
    CHECK(body_of(score)["message"].get<std::string>().find("1 tot 5") != std::string::npos);
    const auto count = kiosk.post("/api/validation/scores", {{"key", key}, {"stage", "validatie"}, {"scores", Json::array({3})}});
    CHECK(body_of(count)["error"] == "wrong_count");
}

TEST_CASE("The page is served the limits the engine checks") {
    PhoneKiosk kiosk;
    const auto reply = kiosk.client().Get("/api/strings");
    REQUIRE(reply);
    const auto limits = body_of(reply)["limits"];
    CHECK(limits["warning_seconds"] == 60);
    const auto& fields = limits["fields"];
    CHECK(fields["/api/join"]["name"]["max"] == 30);
    CHECK(fields["/api/lobby/situation"]["text"]["max"] == 160);
    CHECK(fields["/api/notes"]["text"]["max"] == 280);
    CHECK(fields["/api/lobby/framing"]["picks"]["max_items"] == 3);
    CHECK(fields["/api/validation/scores"]["scores"]["max"] == 5);
    CHECK(fields["/api/validation/scores"]["scores"]["max_items"] == kiosk.view()->content->criteria.size());
    CHECK(fields["/api/proposal/answer"]["text"]["max"] == 20'000);
    CHECK(fields["/api/validation/volunteer"]["name"]["max"] == 40);
    CHECK(fields["/api/validation/decision"]["decision"]["choices"] == Json::array({"doen", "aanpassen", "parkeren"}));
    CHECK(fields.contains("/api/host/remove"));
    // Fields the engine fills in are never a phone's to send.
    CHECK_FALSE(fields["/api/host/next"].contains("token"));
}

TEST_CASE("The host removes a participant: their key stops working, their notes stay") {
    PhoneKiosk kiosk;
    const auto keys = kiosk.phones_at("analyse", 3);
    const auto note = kiosk.post("/api/notes", {{"key", keys[2]}, {"stage", "analyse"}, {"text", "blijft staan"}});
    REQUIRE(note->status == 201);
    kiosk.press(EventKind::OfferHost);
    REQUIRE(kiosk.post("/api/host/claim", {{"key", keys[0]}, {"code", kiosk.view()->host_offer->code}})->status == 200);
    const auto state = body_of(kiosk.client().Get(("/api/state?key=" + keys[0]).c_str()));
    CHECK(state["participants"].size() == 3);
    CHECK(kiosk.post("/api/host/remove", {{"key", keys[1]}, {"participant", 3}})->status == 403);  // not the host
    const auto self = kiosk.post("/api/host/remove", {{"key", keys[0]}, {"participant", 1}});
    CHECK(self->status == 403);
    CHECK(body_of(self)["message"] == "Jezelf uit de sessie halen kan niet.");
    CHECK(kiosk.post("/api/host/remove", {{"key", keys[0]}, {"participant", 3}})->status == 200);
    CHECK(kiosk.post("/api/notes", {{"key", keys[2]}, {"stage", "analyse"}, {"text", "nog eentje"}})->status == 401);
    CHECK(kiosk.client().Get(("/api/state?key=" + keys[2]).c_str())->status == 401);
    CHECK(kiosk.view()->active_participants() == 2);
    CHECK(kiosk.view()->notes_of(kiosk.view()->step).size() == 1);
    // The removed phone reloading: told so, and not let in again under a fresh key.
    const auto again = kiosk.post("/api/join", {{"token", kiosk.view()->join_token}, {"key", keys[2]}});
    CHECK(again->status == 403);
    CHECK(body_of(again)["message"] == "De host heeft je uit deze sessie gehaald.");
    CHECK(kiosk.view()->participants.size() == 3);
}
