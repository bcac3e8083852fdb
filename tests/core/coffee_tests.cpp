// The coffee corner's record in the engine: the week's link, visitors' answers with their
// moderation, moderators, the bounds a stranger meets, and the group's question for next week;
// and the calendar it lives by (ISO weeks across year ends, opening hours, nights across DST).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <tuple>

#include "kiosk/core/local_time.hpp"
#include "kiosk/core/night_watch.hpp"
#include "tests/temp_dir.hpp"
#include "tests/engine_room.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono_literals;

namespace {

constexpr int k_week = 202649;  // 2026-W49, Monday 30 November

std::string visitor(int n) { return "visitor-key-000000000000000000" + std::to_string(10 + n); }

// What the EngineLoop does: the engine's choices filled in before the event is applied.
Outcome submit(Room& room, Event event) {
    room.engine.prepare(event);
    Engine::Reserved reserved;
    if (const auto refused = room.engine.admit(event, reserved); refused != Status::Ok) {
        Outcome outcome;
        outcome.status = refused;
        return outcome;
    }
    return room.send(std::move(event));
}

Outcome start_week(Room& room, int week = k_week) {
    return submit(room, {EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{week, {}, {}}});
}

Outcome answer(Room& room, int n, const std::string& text) {
    return submit(room, {EventKind::CoffeeAnswer, Sender::visitor(visitor(n)), CoffeeAnswerPayload{text, false}});
}

std::vector<std::string> shown_texts(const Room& room) {
    std::vector<std::string> texts;
    for (const auto* shown : room.view().coffee.shown()) texts.push_back(shown->text);
    return texts;
}

// The room's H outside a session, and phone n claiming that code as this week's moderator.
Outcome become_moderator(Room& room, int n) {
    room.press(EventKind::OfferHost);
    REQUIRE(room.view().host_offer);
    return submit(room, {EventKind::CoffeeHost, Sender::visitor(visitor(n)), CoffeeHostPayload{room.view().host_offer->code}});
}

Outcome moderate(Room& room, int n, int id, const std::string& action) {
    return submit(room, {EventKind::CoffeeModerate, Sender::visitor(visitor(n)), CoffeeModeratePayload{id, action}});
}

SessionRules with_moderation(Moderation moderation, std::vector<std::string> words = {}) {
    SessionRules rules;
    rules.coffee.moderation = moderation;
    rules.coffee.blocked_words = std::move(words);
    return rules;
}

// The room's time zone for one test (the DST tests): Europe/Amsterdam, the earlier TZ after.
class AmsterdamTime {
public:
    AmsterdamTime() {
        if (const char* before = std::getenv("TZ")) m_saved = before;
        setenv("TZ", "Europe/Amsterdam", 1);
        tzset();
    }
    ~AmsterdamTime() {
        if (m_saved) setenv("TZ", m_saved->c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
    AmsterdamTime(const AmsterdamTime&) = delete;
    AmsterdamTime& operator=(const AmsterdamTime&) = delete;

private:
    std::optional<std::string> m_saved;
};

LocalMoment at(int y, unsigned m, unsigned d, int hh, int mm) {
    return {std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}, hh * 60 + mm};
}

}  // namespace

TEST_CASE("The coffee corner opens a week with its own link and takes nothing before it") {
    Room room;
    CHECK(answer(room, 1, "Te vroeg").status == Status::NoWeek);
    REQUIRE(start_week(room).ok());
    const auto& coffee = room.view().coffee;
    CHECK(coffee.week == k_week);
    CHECK(coffee.token.size() >= 16);
    CHECK(coffee.code.size() == 6);
    CHECK(coffee.token != room.view().join_token);
    CHECK(start_week(room).status == Status::Ignored);  // the same week again changes nothing
}

TEST_CASE("A visitor answers once, edits (newest again) and withdraws") {
    Room room;
    start_week(room);
    const auto first = answer(room, 1, "Een klant bedankte me");
    REQUIRE(first.ok());
    REQUIRE(answer(room, 2, "Mijn collega hielp").ok());
    CHECK(shown_texts(room) == std::vector<std::string>{"Mijn collega hielp", "Een klant bedankte me"});
    const auto edit = answer(room, 1, "Een klant bedankte me hartelijk");
    CHECK(edit.id == first.id);
    CHECK(room.view().coffee.answers.size() == 2);
    CHECK(shown_texts(room) == std::vector<std::string>{"Een klant bedankte me hartelijk", "Mijn collega hielp"});
    REQUIRE(submit(room, {EventKind::CoffeeWithdraw, Sender::visitor(visitor(1)), NoPayload{}}).ok());
    CHECK(shown_texts(room) == std::vector<std::string>{"Mijn collega hielp"});
    CHECK(submit(room, {EventKind::CoffeeWithdraw, Sender::visitor(visitor(1)), NoPayload{}}).status == Status::Ignored);
}

TEST_CASE("Answers follow the text rules and stay anonymous in order") {
    Room room;
    start_week(room);
    CHECK(answer(room, 1, "").status == Status::BadText);
    CHECK(answer(room, 1, std::string(281, 'a')).status == Status::BadText);
    CHECK(answer(room, 1, "  twee   spaties\nen een regel  ").ok());
    CHECK(room.view().coffee.answers.front().text == "twee   spaties en een regel");  // a line break is a space
}

TEST_CASE("Under approve every answer and every edit waits for a moderator") {
    Room room{with_moderation(Moderation::Approve)};
    start_week(room);
    const auto sent = answer(room, 1, "Wat verraste me: de rust");
    REQUIRE(sent.ok());
    CHECK(room.view().coffee.answers.front().waiting);
    CHECK(shown_texts(room).empty());
    CHECK(moderate(room, 2, sent.id, "approve").status == Status::NotHost);  // not a moderator
    REQUIRE(become_moderator(room, 2).ok());
    CHECK_FALSE(room.view().host_offer);  // one phone per code
    CHECK(become_moderator(room, 3).ok());  // a fresh code for a second moderator
    REQUIRE(moderate(room, 2, sent.id, "approve").ok());
    CHECK(shown_texts(room) == std::vector<std::string>{"Wat verraste me: de rust"});
    answer(room, 1, "Wat verraste me: de stilte");
    CHECK(shown_texts(room).empty());  // an edit waits again
    REQUIRE(moderate(room, 3, sent.id, "hide").ok());
    CHECK(room.view().coffee.waiting().empty());
    CHECK(moderate(room, 3, 99, "approve").status == Status::UnknownAnswer);
}

TEST_CASE("Under word_list only an answer with a listed whole word waits") {
    Room room{with_moderation(Moderation::WordList, {"dom", "heel erg"})};
    start_week(room);
    answer(room, 1, "Wat een DOM idee");
    answer(room, 2, "Het domein van de klant");
    answer(room, 3, "Het was heel erg druk");
    CHECK(room.view().coffee.answer_of(visitor(1))->waiting);
    CHECK_FALSE(room.view().coffee.answer_of(visitor(2))->waiting);
    CHECK(room.view().coffee.answer_of(visitor(3))->waiting);
}

TEST_CASE("A hidden answer edited by its phone waits for a moderator, even under open") {
    Room room;
    start_week(room);
    const auto sent = answer(room, 1, "Iets lelijks");
    become_moderator(room, 2);
    REQUIRE(moderate(room, 2, sent.id, "hide").ok());
    answer(room, 1, "Iets anders");
    CHECK(room.view().coffee.answer_of(visitor(1))->waiting);
    CHECK(shown_texts(room).empty());
}

TEST_CASE("Visitors and participants each reach only their own actions") {
    Room room;
    start_week(room);
    room.press(EventKind::Start);
    room.join(1);
    // A joined phone's key is no visitor; a visitor cannot join or write notes through its kind.
    CHECK(submit(room, {EventKind::CoffeeAnswer, Sender::participant(Room::key(1)), CoffeeAnswerPayload{"x", false}}).status ==
          Status::NotAllowed);
    CHECK(submit(room, {EventKind::SetSituation, Sender::visitor(visitor(1)), SituationPayload{"x"}}).status == Status::NotAllowed);
    CHECK(submit(room, {EventKind::CoffeeWeek, Sender::visitor(visitor(1)), CoffeeWeekPayload{k_week + 1, "t", "1"}}).status ==
          Status::NotAllowed);
    // During a session anyone may still answer the coffee question, but not claim a moderator.
    CHECK(answer(room, 1, "Tijdens de sessie").ok());
    CHECK(submit(room, {EventKind::CoffeeHost, Sender::visitor(visitor(2)), CoffeeHostPayload{"whatever"}}).status == Status::CoffeeHostInSession);
    CHECK(submit(room, {EventKind::CoffeeAnswer, Sender::visitor("short"), CoffeeAnswerPayload{"x", false}}).status ==
          Status::UnknownPerson);
}

TEST_CASE("One phone and all phones are bounded per week: what a stranger sends costs a bounded amount") {
    SessionRules rules;
    rules.coffee.events_per_phone = 3;
    rules.coffee.max_answers = 2;
    rules.coffee.events_per_week = 5;
    Room room{rules};
    start_week(room);
    CHECK(answer(room, 1, "een").ok());
    CHECK(answer(room, 1, "twee").ok());
    CHECK(answer(room, 1, "drie").ok());
    CHECK(answer(room, 1, "vier").status == Status::CoffeePhoneBudget);
    CHECK(answer(room, 2, "ander").ok());
    CHECK(answer(room, 3, "derde").status == Status::CoffeeFull);
    CHECK(answer(room, 2, "ander 2").ok());
    CHECK(answer(room, 2, "ander 3").status == Status::CoffeeBudget);  // the week's five are spent (this phone had two)
    // A new week starts every bound afresh.
    start_week(room, k_week + 1);
    CHECK(room.view().coffee.answers.empty());
    CHECK(answer(room, 1, "nieuwe week").ok());
}

TEST_CASE("A new week clears answers and moderators") {
    Room room;
    start_week(room);
    answer(room, 1, "Oud");
    become_moderator(room, 2);
    const auto token = room.view().coffee.token;
    start_week(room, k_week + 1);
    CHECK(room.view().coffee.answers.empty());
    CHECK(room.view().coffee.hosts.empty());
    CHECK(room.view().coffee.token != token);
}

TEST_CASE("The wrap-up's suggestions and dots choose next week's coffee question") {
    Room room;
    start_week(room);
    room.press(EventKind::Start);
    for (int n = 1; n <= 3; ++n) room.join(n);
    room.press(EventKind::Start);
    for (int guard = 0; guard < 30 && room.view().phase != Phase::WrapUp; ++guard) room.press(EventKind::Next);
    REQUIRE(room.view().phase == Phase::WrapUp);
    const auto idea = [&](int n, const std::string& text) {
        return room.send({EventKind::QuestionIdea, Sender::participant(Room::key(n)), QuestionIdeaPayload{text}});
    };
    const auto dot = [&](int n, int id) {
        return room.send({EventKind::QuestionDot, Sender::participant(Room::key(n)), QuestionDotPayload{id}});
    };
    REQUIRE(idea(1, "Hoe ga jij om met een boze klant?").ok());
    REQUIRE(idea(2, "Wat gaf je energie?").ok());
    CHECK(idea(2, "Wat gaf je deze week energie?").id == 2);  // again: changes the own suggestion
    CHECK(room.view().question_ideas.size() == 2);
    CHECK(room.view().chosen_question().empty());  // no dot yet
    dot(1, 2);
    dot(2, 1);
    CHECK(room.view().chosen_question() == "Hoe ga jij om met een boze klant?");  // a tie: the earlier one
    dot(3, 2);
    CHECK(room.view().chosen_question() == "Wat gaf je deze week energie?");
    CHECK(dot(3, 7).status == Status::UnknownIdea);
    CHECK(room.send({EventKind::QuestionIdea, Sender::visitor(visitor(1)), QuestionIdeaPayload{"x"}}).status == Status::NotAllowed);
    room.press(EventKind::Start);  // closes the session
    REQUIRE(room.view().phase == Phase::Idle);
    CHECK(room.view().question_ideas.empty());
    const auto* next = room.view().coffee.group_question(202650);
    REQUIRE(next);
    CHECK(next->text == "Wat gaf je deze week energie?");
    CHECK(coffee_question(room.view().coffee, true, "rotatie") == "rotatie");  // this week keeps its own
    start_week(room, 202650);
    CHECK(coffee_question(room.view().coffee, true, "rotatie") == "Wat gaf je deze week energie?");
    CHECK(coffee_question(room.view().coffee, false, "rotatie") == "rotatie");
    start_week(room, 202651);
    CHECK(room.view().coffee.group_questions.empty());  // last week's is done
}

TEST_CASE("ISO weeks roll over year ends with 52 and 53 weeks") {
    CHECK(next_iso_week(202649) == 202650);
    CHECK(next_iso_week(202652) == 202653);  // 2026 has 53 weeks (1 January 2026 is a Thursday)
    CHECK(next_iso_week(202653) == 202701);
    CHECK(next_iso_week(202552) == 202601);  // 2025 has 52
    CHECK(iso_week_monday(202701) == std::chrono::year_month_day{std::chrono::year{2027} / 1 / 4});
    CHECK(iso_week_monday(202601) == std::chrono::year_month_day{std::chrono::year{2025} / 12 / 29});
}

TEST_CASE("Opening hours: open, closed, and the next opening across a weekend and a year end") {
    OpeningHours hours;
    for (int day = 0; day < 5; ++day) hours.days[static_cast<std::size_t>(day)].emplace_back(7 * 60 + 30, 18 * 60);
    CHECK(hours.open_at(at(2026, 12, 1, 9, 0)));
    CHECK_FALSE(hours.open_at(at(2026, 12, 1, 18, 0)));   // the end is not open
    CHECK_FALSE(hours.open_at(at(2026, 12, 5, 10, 0)));   // Saturday
    const auto after_friday = hours.next_opening(at(2026, 12, 4, 18, 30));
    REQUIRE(after_friday);
    CHECK(after_friday->date == std::chrono::year_month_day{std::chrono::year{2026} / 12 / 7});
    CHECK(after_friday->minute_of_day == 7 * 60 + 30);
    // Thursday 31 December 2026 in the evening: Friday 1 January 2027 is a weekday in the hours.
    const auto new_year = hours.next_opening(at(2026, 12, 31, 20, 0));
    REQUIRE(new_year);
    CHECK(new_year->date == std::chrono::year_month_day{std::chrono::year{2027} / 1 / 1});
    CHECK_FALSE(OpeningHours{}.next_opening(at(2026, 12, 1, 9, 0)));  // always open: no night
}

TEST_CASE("The night ends at the next opening or the next slot, a key wakes it for five minutes") {
    OpeningHours hours;
    for (int day = 0; day < 5; ++day) hours.days[static_cast<std::size_t>(day)].emplace_back(8 * 60, 18 * 60);
    NightWatch watch{hours, {Slot{0, 7 * 60 + 30, 8 * 60 + 30, ""}}};  // Monday 07:30, before the opening
    const auto friday_night = at(2026, 12, 4, 22, 0);
    CHECK(watch.night(friday_night, Millis{0}, true));
    CHECK_FALSE(watch.night(friday_night, Millis{0}, false));  // a session is never night
    const auto ends = watch.night_ends(friday_night);
    REQUIRE(ends);
    CHECK(ends->date == std::chrono::year_month_day{std::chrono::year{2026} / 12 / 7});
    CHECK(ends->minute_of_day == 7 * 60 + 30);  // the slot, earlier than the opening
    watch.woken(Millis{1000});
    CHECK_FALSE(watch.night(friday_night, Millis{1000} + 4min, true));
    CHECK(watch.night(friday_night, Millis{1000} + 5min, true));
}

TEST_CASE("A night across a DST change is measured in real hours") {
    const AmsterdamTime zone;
    using namespace std::chrono;
    // Spring: Saturday 28 March 2026 18:00 to Monday 30 March 07:30 is 37.5 h on the clock's face
    // but 36.5 h of real time (02:00 -> 03:00 on Sunday).
    CHECK(duration_cast<minutes>(wall_of(at(2026, 3, 30, 7, 30)) - wall_of(at(2026, 3, 28, 18, 0))).count() == 36 * 60 + 30);
    // Autumn: 25 October 2026 has an hour twice: 38.5 h.
    CHECK(duration_cast<minutes>(wall_of(at(2026, 10, 26, 7, 30)) - wall_of(at(2026, 10, 24, 18, 0))).count() == 38 * 60 + 30);
    // And back: the local moment of that wall time is the opening again.
    const auto local = to_local(wall_of(at(2026, 3, 30, 7, 30)));
    CHECK(local.minute_of_day == 7 * 60 + 30);
}

TEST_CASE("A hidden answer stays with the moderators, also after its phone withdraws and answers again") {
    Room room;
    start_week(room);
    const auto sent = answer(room, 1, "Iets lelijks");
    become_moderator(room, 2);
    REQUIRE(moderate(room, 2, sent.id, "hide").ok());
    REQUIRE(submit(room, {EventKind::CoffeeWithdraw, Sender::visitor(visitor(1)), NoPayload{}}).ok());
    REQUIRE(answer(room, 1, "Iets nieuws").ok());
    CHECK(room.view().coffee.answer_of(visitor(1))->waiting);
    CHECK(shown_texts(room).empty());
    REQUIRE(moderate(room, 2, room.view().coffee.answer_of(visitor(1))->id, "approve").ok());
    CHECK(shown_texts(room) == std::vector<std::string>{"Iets nieuws"});
    answer(room, 1, "Weer iets");  // approved again: this phone is trusted again
    CHECK_FALSE(room.view().coffee.answer_of(visitor(1))->waiting);
}

TEST_CASE("One batch cannot overshoot the bounds, moderators are not bounded with the answers") {
    SessionRules rules;
    rules.coffee.events_per_phone = 2;
    rules.coffee.events_per_week = 3;
    Room room{rules};
    start_week(room);
    Engine::Reserved batch;  // what EngineLoop keeps while it admits one batch
    const auto event = [&](int n) { return Event{EventKind::CoffeeAnswer, Sender::visitor(visitor(n)), CoffeeAnswerPayload{"x", false}}; };
    CHECK(room.engine.admit(event(1), batch) == Status::Ok);
    CHECK(room.engine.admit(event(1), batch) == Status::Ok);
    CHECK(room.engine.admit(event(1), batch) == Status::CoffeePhoneBudget);  // this phone's two
    CHECK(room.engine.admit(event(2), batch) == Status::Ok);
    CHECK(room.engine.admit(event(3), batch) == Status::CoffeeBudget);  // the week's three
    // The week spent: a moderator can still hide what is on the screen.
    answer(room, 1, "een");
    answer(room, 2, "twee");
    const auto last = answer(room, 3, "drie");
    REQUIRE(last.ok());
    CHECK(answer(room, 4, "vier").status == Status::CoffeeBudget);
    REQUIRE(become_moderator(room, 5).ok());
    CHECK(moderate(room, 5, last.id, "hide").ok());
    CHECK(moderate(room, 5, last.id, "approve").ok());
}

TEST_CASE("A wrong moderator code is refused before it is written") {
    Room room;
    start_week(room);
    Engine::Reserved batch;
    CHECK(room.engine.admit({EventKind::CoffeeHost, Sender::visitor(visitor(1)), CoffeeHostPayload{"guessed"}}, batch) == Status::BadCode);
    room.press(EventKind::OfferHost);
    CHECK(room.engine.admit({EventKind::CoffeeHost, Sender::visitor(visitor(1)), CoffeeHostPayload{room.view().host_offer->code}}, batch) ==
          Status::Ok);
}

TEST_CASE("After a weekend night across either DST change the slot still opens the lobby at its start") {
    const AmsterdamTime zone;
    using namespace std::chrono;
    OpeningHours hours;
    for (int day = 0; day < 5; ++day) hours.days[static_cast<std::size_t>(day)].emplace_back(8 * 60, 18 * 60);
    const std::vector<Slot> slots{Slot{0, 7 * 60 + 30, 8 * 60 + 30, ""}};  // Monday 07:30, before the opening
    NightWatch watch{hours, slots};
    // {Friday evening, the Monday after, real minutes between them}
    const std::tuple<LocalMoment, LocalMoment, long> nights[] = {
        {at(2026, 3, 27, 20, 0), at(2026, 3, 30, 7, 30), (2 * 24 + 11) * 60 + 30 - 60},   // clocks go forward
        {at(2026, 10, 23, 20, 0), at(2026, 10, 26, 7, 30), (2 * 24 + 11) * 60 + 30 + 60},  // clocks go back
        {at(2026, 12, 25, 20, 0), at(2026, 12, 28, 7, 30), (2 * 24 + 11) * 60 + 30},       // towards the year end
    };
    for (const auto& [friday, monday, minutes] : nights) {
        INFO("night from " << static_cast<unsigned>(friday.date.month()) << "/" << static_cast<unsigned>(friday.date.day()));
        REQUIRE(watch.night(friday, Millis{0}, true));
        const auto ends = watch.night_ends(friday);
        REQUIRE(ends);
        CHECK(ends->date == monday.date);
        CHECK(ends->minute_of_day == monday.minute_of_day);
        // The screen loop sleeps this long on the monotonic clock: real minutes, not clock-face ones.
        CHECK(duration_cast<std::chrono::minutes>(wall_of(*ends) - wall_of(friday)).count() == minutes);
        // It wakes at that wall time, which is the slot's start in local time: the opener is due once.
        const auto woken = to_local(wall_of(*ends));
        SlotOpener opener;
        CHECK(opener.due(slots, woken));
        CHECK_FALSE(opener.due(slots, woken));
    }
}
