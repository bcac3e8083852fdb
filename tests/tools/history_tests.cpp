// History reads the record: a finished session's outcome is recorded as it closes and read
// back as it was; facts are journaled as they are settled; forgetting takes both. Then the
// journals that earlier releases wrote (tests/journals/): today's kiosk opens a copy of each,
// and every finished session says what it said back then, the open one resumes, and the
// decision comes back for review in the next lobby and on the coffee corner.
#include <catch2/catch.hpp>

#include <algorithm>



#include "kiosk/tools/record_commands.hpp"
#include "kiosk/tools/record_history.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/outcome_record.hpp"
#include "kiosk/store/session_export.hpp"
#include "scenes/widgets.hpp"
#include "tests/engine_room.hpp"
#include "tests/journal_recorder.hpp"
#include "tests/temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const Config& repo_config() {
    static const Config config = load_config(KIOSK_SOURCE_DIR "/config");
    return config;
}

store::ExportHeader header() {
    store::ExportHeader h;
    h.room = "Leerruimte";
    h.date = "2026-11-23 09:00";
    h.language = {"nl", &repo_config().strings};
    return h;
}

// A room on the shipped config, journaled as the live kiosk journals (journal_recorder.hpp).
struct LiveRoom {
    FakeClock clock{WallTime{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + 8h}};
    Engine engine{repo_config().content, repo_config().settings.timers, repo_config().settings.session, testing::counting_keys()};
    testing::Recorder recorder;

    explicit LiveRoom(store::Journal& journal) : recorder{clock, engine, journal} {}
    Outcome send(Event event) { return recorder.send(std::move(event)); }
    Outcome phone(int n, EventKind kind, const std::string& text = "", const std::vector<int>& list = {}) {
        return recorder.phone(kind, testing::Room::key(n), text, list);
    }
    void key(EventKind kind) { send(Event{kind}); }
    int step_of(const char* id) const {
        const auto& steps = engine.view().content->steps;
        for (std::size_t i = 0; i < steps.size(); ++i)
            if (steps[i].id == id) return static_cast<int>(i);
        return -1;
    }
    // Walks to the step with `id`.
    void to_step(const char* id) {
        while (!(engine.view().in_step() && engine.view().step == step_of(id))) key(EventKind::Next);
    }
    // A session with three phones, walked to the problem statements' vote, each having written one.
    void open_at_statement_vote() {
        key(EventKind::Start);
        for (int n = 1; n <= 3; ++n) REQUIRE(phone(n, EventKind::Join).ok());
        key(EventKind::Start);
        to_step("probleemstelling");
        for (int n = 1; n <= 3; ++n) REQUIRE(phone(n, EventKind::Contribute, "Hoe kunnen we " + std::to_string(n) + "?").ok());
        key(EventKind::Next);  // the vote
    }
};

// A journal in a temporary folder, a clock at Monday 2026-11-23 08:00 (2026-W48), and engines on
// the shipped library: the live kiosk's and each restart's.
struct LibraryJournal {
    testing::TempDir temp;
    store::Journal journal{temp.path()};
    FakeClock clock{WallTime{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + 8h}};
    const Config& config = repo_config();
    Engine engine() const { return Engine{config.library, config.settings.timers, config.settings.session, testing::counting_keys()}; }
};

}  // namespace

TEST_CASE("A closed session's outcome is recorded as it closes, and its export reads the same") {
    testing::TempDir temp;
    store::Journal journal{temp.path()};
    LiveRoom room{journal};
    room.open_at_statement_vote();
    for (int n = 1; n <= 3; ++n) REQUIRE(room.phone(n, EventKind::Vote, "", {n, n, n}).ok());
    room.key(EventKind::Next);  // a three-way tie: the run-off
    REQUIRE(room.engine.view().open_choice());
    room.key(EventKind::Next);  // nobody gave a run-off dot: the room picks
    REQUIRE(room.send({EventKind::RoomPick, Sender::room(), RoomPickPayload{2}}).ok());
    while (room.engine.view().phase != Phase::WrapUp) room.key(EventKind::Next);
    const auto at_wrapup = store::export_session(room.engine.view(), header(), store::ExportFormat::Json);
    room.key(EventKind::Start);  // closes

    const auto sessions = journal.sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].recorded);
    CHECK(sessions[0].rules == k_rules_version);
    const auto recorded = store::view_from_record(*journal.outcome(1));
    CHECK(store::export_session(recorded, header(), store::ExportFormat::Json) == at_wrapup);
    CHECK(recorded.chosen_statement() == "Hoe kunnen we 2?");

    // The statements' vote: the run-off's end, then what the room chose.
    const int statements = room.step_of("probleemstelling");
    std::vector<Fact> about_statements;
    for (const auto& fact : journal.facts(1))
        if (kiosk::step_of(fact) == statements) about_statements.push_back(fact);
    REQUIRE(about_statements.size() == 2);
    CHECK(fact_name(about_statements[0]) == "runoff");
    const auto* chosen = std::get_if<ChosenFact>(&about_statements[1]);
    REQUIRE(chosen);
    CHECK(chosen->by == ChosenBy::Room);
    CHECK(chosen->notes == std::vector<int>{2});
    journal.forget(1);
    CHECK(journal.sessions().empty());
    CHECK(journal.facts(1).empty());
    CHECK_FALSE(journal.outcome(1));
}

TEST_CASE("A record this version cannot read says so instead of showing something else") {
    CHECK_THROWS_WITH(store::view_from_record("{\"record\": 99}"), Catch::Contains("newer Vitale Kiosk"));
    CHECK_THROWS_WITH(store::view_from_record("not json"), Catch::Contains("cannot read"));
    CHECK_FALSE(store::fact_from("a-kind-from-the-future", "{}"));
}

TEST_CASE("A kiosk stopped during a run-off comes back to the same run-off, and the facts are not written twice") {
    // Begun under today's rules, or under rules 2, which vote alike (only the cards are new in 3):
    // both replay deciding again, so the run-off and its extra minute come back as they ran.
    // as<int>: with a named constant first, Catch2 2.x would keep a reference to a temporary.
    const int began_under = GENERATE(as<int>{}, k_rules_version, 2);
    testing::TempDir temp;
    store::Journal journal{temp.path()};
    LiveRoom room{journal};
    room.open_at_statement_vote();  // a clear winner: one fact
    for (int n = 1; n <= 3; ++n) REQUIRE(room.phone(n, EventKind::Vote, "", {2}).ok());
    room.key(EventKind::Next);
    room.to_step("brainstorm");  // A 3, B 2, C 1, D 1 dots: C and D tie for the third place
    std::vector<int> ideas;
    for (int n : {1, 1, 2, 3}) ideas.push_back(room.phone(n, EventKind::Contribute, "Idee " + std::to_string(ideas.size() + 1)).id);
    room.key(EventKind::Next);
    REQUIRE(room.phone(1, EventKind::Vote, "", {ideas[0], ideas[0], ideas[1]}).ok());
    REQUIRE(room.phone(2, EventKind::Vote, "", {ideas[0], ideas[1], ideas[2]}).ok());
    REQUIRE(room.phone(3, EventKind::Vote, "", {ideas[3]}).ok());
    room.key(EventKind::Next);  // the run-off
    REQUIRE(room.engine.view().open_choice());
    const auto run_off = [&](int n, int note) {
        auto dot = testing::phone_event(EventKind::RunOffVote, testing::Room::key(n), room.engine.view());
        dot.as<RunOffPayload>().note = note;
        return room.send(dot);
    };
    REQUIRE(run_off(2, ideas[3]).ok());
    room.clock.advance(std::chrono::seconds{20});
    SECTION("stopped while the run-off runs") {}
    SECTION("stopped after the run-off settled it, the step going on") {
        REQUIRE(run_off(1, ideas[2]).ok());
        REQUIRE(run_off(3, ideas[3]).ok());  // everyone gave a dot: D wins, the step goes on with its extra minute
        REQUIRE_FALSE(room.engine.view().open_choice());
        auto ready = testing::phone_event(EventKind::Ready, testing::Room::key(1), room.engine.view());
        ready.as<ReadyPayload>().ready = true;
        REQUIRE(room.send(ready).ok());
        room.clock.advance(std::chrono::seconds{10});
    }
    const auto facts_before = journal.facts(1).size();
    const auto live = room.engine.view();
    INFO("the session began under rules " << began_under);
    journal.complete(1, began_under, {}, 0, std::nullopt);

    // The kiosk stops here; a new one restores the record a moment later.
    Engine restored{repo_config().content, repo_config().settings.timers, repo_config().settings.session, testing::counting_keys()};
    const auto result = tools::restore_history(restored, journal, room.clock);
    CHECK(result.problems.empty());
    const auto& view = restored.view();
    CHECK(view.step == live.step);
    CHECK(view.part() == live.part());
    CHECK(view.timer.deadline == live.timer.deadline);
    CHECK(view.timer.duration == live.timer.duration);
    CHECK(view.activity.ready == live.activity.ready);
    const auto& brainstorm = *view.choice(room.step_of("brainstorm"));
    const auto& was = *live.choice(room.step_of("brainstorm"));
    CHECK(brainstorm.settled == was.settled);
    CHECK(brainstorm.chosen == was.chosen);
    CHECK(brainstorm.runoff == was.runoff);
    CHECK(brainstorm.tied == was.tied);
    CHECK(brainstorm.runoff_ends == was.runoff_ends);
    CHECK(journal.facts(1).size() == facts_before);  // nothing new was settled, nothing written again
}

TEST_CASE_METHOD(LibraryJournal, "A restart keeps the lobby's offer, the chosen format and its card, even when the library changed meanwhile") {
    Engine live = engine();
    testing::Recorder recorder{clock, live, journal};
    recorder.session_in_format("innovatie", 2);  // with its card in its first stage
    REQUIRE(live.view().videoframes.offered == std::vector<std::string>{"werksituatie", "innovatie", "terugblik"});
    REQUIRE(live.view().content->id == "innovatie");
    recorder.send(Event{EventKind::Next});
    clock.advance(std::chrono::minutes{5});
    live.tick(clock.monotonic());
    journal.append_facts(live.take_facts(), clock);
    const auto* card = live.view().surprise_card();
    REQUIRE(card);

    // The offer went into the journal with the Start that opened the lobby.
    CHECK(journal.open_session().at(0).event.as<ChosenPayload>().videoframes == "werksituatie,innovatie,terugblik");
    SECTION("with the same library") {
        Engine restored = engine();
        tools::restore_history(restored, journal, clock);
        CHECK(restored.view().content->id == "innovatie");
        REQUIRE(restored.view().surprise_card());
        CHECK(restored.view().surprise_card()->text == card->text);
    }
    SECTION("with a library where the format went back to draft and its pool changed") {
        auto changed = std::make_shared<Library>(*config.library);
        changed->default_id = "terugblik";
        auto innovation = std::make_shared<Content>(*changed->find("innovatie"));
        innovation->status = FormatStatus::Draft;  // no longer offered: the replayed dots alone would not choose it
        auto& cards = innovation->surprises.at(0).cards;
        cards.push_back({CardKind::Question, "Een nieuwe kaart", "", {}});
        std::rotate(cards.begin(), cards.begin() + 1, cards.end());  // the journaled index now holds another card
        for (auto& format : changed->formats)
            if (format->id == "innovatie") format = innovation;
        int journaled = -1;
        for (const auto& fact : journal.facts(1))
            if (const auto* drawn = std::get_if<SurpriseFact>(&fact)) journaled = drawn->card;
        REQUIRE(journaled >= 0);
        Engine restored{std::shared_ptr<const Library>{changed}, config.settings.timers, config.settings.session, testing::counting_keys()};
        tools::restore_history(restored, journal, clock);
        CHECK(restored.view().content->id == "innovatie");  // the recalled fact, not the new default
        REQUIRE(restored.view().surprise_card());
        CHECK(restored.view().surprise_card()->text == cards[static_cast<std::size_t>(journaled)].text);  // the recalled draw
        CHECK(restored.view().cards_shown.size() == 1);
    }
}

TEST_CASE_METHOD(LibraryJournal, "The coffee corner's week after a session asks its format's question, after a restart and in the week export") {
    const auto week = [&](testing::Recorder& recorder, int yyyyww) {
        REQUIRE(recorder.send({EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{yyyyww, {}, {}}}).ok());
    };
    {
        Engine live = engine();
        testing::Recorder recorder{clock, live, journal};
        week(recorder, 202648);
        recorder.session_in_format("terugblik");
        REQUIRE(live.view().content->id == "terugblik");
        while (live.view().phase != Phase::WrapUp) recorder.send(Event{EventKind::Next});
        recorder.send(Event{EventKind::Start});
        REQUIRE(live.view().phase == Phase::Idle);
        CHECK(live.view().coffee_format()->id == "werksituatie");  // W48's answers keep W48's question
    }
    clock.advance(std::chrono::days{7});
    Engine restored = engine();
    CHECK(tools::restore_history(restored, journal, clock).problems.empty());
    testing::Recorder recorder{clock, restored, journal};
    week(recorder, 202649);
    CHECK(restored.view().coffee_format()->id == "terugblik");

    const auto asked = [&](const char* format, int yyyyww) {
        return scenes::question_of_the_week(*config.library->find(format), LocalMoment{iso_week_monday(yyyyww), 0});
    };
    REQUIRE(asked("terugblik", 202649) != asked("werksituatie", 202649));
    CHECK(tools::week_coffee(journal, config, 202649).question == asked("terugblik", 202649));
    CHECK(tools::week_coffee(journal, config, 202648).question == asked("werksituatie", 202648));
}

TEST_CASE_METHOD(LibraryJournal, "A session that began under rules without cards gets none for the minutes before the restart, and cards after it") {
    {
        Engine older = engine();
        older.follow_rules(2);  // as the release before cards ran it
        testing::Recorder recorder{clock, older, journal};
        recorder.session_in_format("innovatie");
        REQUIRE(older.view().content->id == "innovatie");
        recorder.send(Event{EventKind::Next});  // "kans": its card's minute is 4
        clock.advance(std::chrono::minutes{5});
        older.tick(clock.monotonic());
        REQUIRE_FALSE(older.view().surprise_card());
        journal.append_facts(older.take_facts(), clock);
        journal.complete(1, 2, {}, 0, std::nullopt);  // its row says rules 2, as that release wrote it
    }
    // The upgraded kiosk starts a minute later.
    clock.advance(std::chrono::minutes{1});
    Engine restored = engine();
    CHECK(tools::restore_history(restored, journal, clock).problems.empty());
    CHECK(restored.view().content->id == "innovatie");
    CHECK_FALSE(restored.view().surprise_card());
    restored.tick(clock.monotonic());
    CHECK_FALSE(restored.view().surprise_card());  // its minute passed before the upgrade
    for (const auto& fact : journal.facts(1)) CHECK(fact_name(fact) != "surprise");
    // From where it stands it runs under today's rules: the brainstorm's card comes at its minute.
    testing::Recorder recorder{clock, restored, journal};
    while (restored.view().step_spec().id != "brainstorm") recorder.send(Event{EventKind::Next});
    clock.advance(std::chrono::minutes{6} + std::chrono::seconds{1});
    restored.tick(clock.monotonic());
    const auto* card = restored.view().surprise_card();
    REQUIRE(card);
    const auto drawn = card->text;
    journal.append_facts(restored.take_facts(), clock);
    // A second restart replays the session under rules 2 again: the card drawn after the upgrade
    // comes back from the journal, in the record too.
    clock.advance(std::chrono::seconds{30});
    Engine again = engine();
    CHECK(tools::restore_history(again, journal, clock).problems.empty());
    REQUIRE(again.view().surprise_card());
    CHECK(again.view().surprise_card()->text == drawn);
    CHECK(again.view().cards_shown.size() == 1);
    CHECK(tools::session_view(journal, journal.sessions().at(0), config).cards_shown.size() == 1);  // the export's replay
}
