// A stage's surprise card: drawn at its minute, shown for its time in step time, skipped or
// drawn again once by the room, the same card after a restart, and cards the trajectory drew last.
#include <catch2/catch.hpp>

#include "tests/engine_room.hpp"

using namespace kiosk;
using namespace kiosk::testing;

namespace {

constexpr int k_brainstorm = 3;  // 15 minutes, a dot vote in its last four

// The test videoframe with a pool of four cards in the brainstorm: at 5 minutes, for 2.
std::shared_ptr<const Content> content_with_cards() {
    auto content = std::make_shared<Content>(*phone_content());
    SurprisePool pool;
    pool.step = k_brainstorm;
    pool.after = std::chrono::minutes{5};
    pool.show = std::chrono::minutes{2};
    pool.cards = {{CardKind::Constraint, "Wat als het nul euro mag kosten?", "", {}}, {CardKind::Role, "Jij bent nu de klant.", "", {}},
                  {CardKind::Question, "Wat maakt het erger?", "", {}}, {CardKind::Quote, "Elk nadeel heb z'n voordeel.", "Johan Cruijff", {}}};
    content->surprises = {pool};
    return content;
}

struct CardRoom : Room {
    CardRoom() : Room{SessionRules{}, content_with_cards()} {}
    void at_brainstorm() { open_at(k_brainstorm, 2); }
    const SurpriseCard* card() const { return view().surprise_card(); }
    std::vector<SurpriseFact> draws() {
        std::vector<SurpriseFact> found;
        for (const auto& fact : engine.take_facts())
            if (const auto* drawn = std::get_if<SurpriseFact>(&fact)) found.push_back(*drawn);
        return found;
    }
};

}  // namespace

TEST_CASE("At its minute a card is drawn and shown for its time, and the draw is a fact") {
    CardRoom room;
    room.at_brainstorm();
    room.draws();
    room.wait(std::chrono::minutes{4});
    CHECK(room.card() == nullptr);
    room.wait(std::chrono::minutes{1});
    REQUIRE(room.card() != nullptr);
    const auto draws = room.draws();
    REQUIRE(draws.size() == 1);
    CHECK(draws[0].step == k_brainstorm);
    CHECK(draws[0].draw == 0);
    CHECK(draws[0].key == "werksituatie/brainstorm/" + std::to_string(draws[0].card));
    CHECK(room.view().cards_shown.size() == 1);
    CHECK(room.view().cards_shown[0].text == room.card()->text);
    room.wait(std::chrono::seconds{119});
    CHECK(room.card() != nullptr);
    room.wait(std::chrono::seconds{1});
    CHECK(room.card() == nullptr);
    CHECK(room.view().cards_shown.size() == 1);  // the record keeps it
}

TEST_CASE("A pause holds the card and its time, and the vote takes it away") {
    CardRoom room;
    room.at_brainstorm();
    room.wait(std::chrono::minutes{5});
    REQUIRE(room.card() != nullptr);
    room.press(EventKind::TogglePause);
    room.wait(std::chrono::minutes{10});
    CHECK(room.card() != nullptr);
    room.press(EventKind::TogglePause);
    room.wait(std::chrono::minutes{1});
    CHECK(room.card() != nullptr);
    room.press(EventKind::Next);  // the vote begins
    CHECK(room.view().part() == Part::Vote);
    CHECK(room.card() == nullptr);
    // A stage whose writing the room cut short before the minute draws nothing.
    CardRoom early;
    early.at_brainstorm();
    early.press(EventKind::Next);
    early.wait(std::chrono::minutes{6});
    CHECK(early.card() == nullptr);
    CHECK(early.draws().empty());
}

TEST_CASE("The room skips a card, or draws another once") {
    CardRoom room;
    room.at_brainstorm();
    room.wait(std::chrono::minutes{5});
    room.draws();
    const std::string first = room.card()->text;
    CHECK(room.send(Event{EventKind::RedrawSurprise}).ok());
    REQUIRE(room.card() != nullptr);
    CHECK(room.card()->text != first);
    const auto again = room.draws();
    REQUIRE(again.size() == 1);
    CHECK(again[0].draw == 1);
    CHECK(room.send(Event{EventKind::RedrawSurprise}).status == Status::Ignored);  // once
    CHECK(room.send(Event{EventKind::SkipSurprise}).ok());
    CHECK(room.card() == nullptr);
    CHECK(room.send(Event{EventKind::SkipSurprise}).status == Status::Ignored);
    CHECK(room.view().cards_shown.size() == 2);
}

TEST_CASE("The same session draws the same card again: a restart or a replay shows what the room saw") {
    CardRoom live, again;
    for (auto* room : {&live, &again}) {
        room->at_brainstorm();
        room->wait(std::chrono::minutes{5});
    }
    REQUIRE(live.card() != nullptr);
    CHECK(again.card()->text == live.card()->text);  // the same token: the same draw
    // A replay that recalls the journaled draw shows it, whatever today's draw would be.
    CardRoom recalled;
    const int other = (live.draws().at(0).card + 1) % 4;
    recalled.engine.recall({SurpriseFact{k_brainstorm, 0, other, "werksituatie/brainstorm/" + std::to_string(other)}});
    recalled.at_brainstorm();
    recalled.wait(std::chrono::minutes{5});
    REQUIRE(recalled.card() != nullptr);
    CHECK(recalled.card()->text == content_with_cards()->surprises[0].cards[static_cast<std::size_t>(other)].text);
    CHECK(recalled.draws().empty());  // recalled, not said again
}

TEST_CASE("Cards this trajectory already drew come last") {
    CardRoom room;
    room.engine.remember_cards({"werksituatie/brainstorm/0", "werksituatie/brainstorm/1", "werksituatie/brainstorm/3"});
    room.at_brainstorm();
    room.wait(std::chrono::minutes{5});
    REQUIRE(room.card() != nullptr);
    CHECK(room.card()->text == "Wat maakt het erger?");
    CHECK(room.view().cards_used.count("werksituatie/brainstorm/2") == 1);
    // Every card drawn before: the draw takes from all of them again.
    CardRoom worn;
    worn.engine.remember_cards({"werksituatie/brainstorm/0", "werksituatie/brainstorm/1", "werksituatie/brainstorm/2",
                                "werksituatie/brainstorm/3"});
    worn.at_brainstorm();
    worn.wait(std::chrono::minutes{5});
    CHECK(worn.card() != nullptr);
}
