// Journals that earlier releases wrote (tests/journals/<label>/: the file as that version left
// it, the exports it wrote then, and expected.json, what those exports say). Today's kiosk opens
// a copy of each as an upgraded room would: every finished session says what it said back then,
// the open one resumes where it stood, and the decision comes back in the next lobby and on the
// coffee corner. Every schema or rules change adds its fixture (tests/journals/README.md).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/tools/record_history.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/upgrade.hpp"
#include "scenes/coffee_texts.hpp"
#include "tests/temp_dir.hpp"

using namespace kiosk;
using Json = nlohmann::json;

namespace {

const std::filesystem::path k_fixtures = KIOSK_SOURCE_DIR "/tests/journals";

const Config& config() {
    static const Config loaded = load_config(KIOSK_SOURCE_DIR "/config");
    return loaded;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in{file, std::ios::binary};
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Markdown as text: the backslash escapes taken out ("dag\\- en" reads "dag- en").
std::string unescaped(const std::string& markdown) {
    std::string out;
    for (std::size_t i = 0; i < markdown.size(); ++i) {
        if (markdown[i] == '\\' && i + 1 < markdown.size() && std::ispunct(static_cast<unsigned char>(markdown[i + 1]))) ++i;
        out += markdown[i];
    }
    return out;
}

std::vector<std::filesystem::path> fixtures() {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator{k_fixtures})
        if (std::filesystem::exists(entry.path() / "expected.json")) found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

int step_with(const View& view, Contribution contribution) {
    for (std::size_t i = 0; i < view.content->steps.size(); ++i)
        if (view.content->steps[i].contribution == contribution) return static_cast<int>(i);
    return -1;
}

std::vector<std::string> texts(const std::vector<const Note*>& notes) {
    std::vector<std::string> out;
    for (const auto* note : notes) out.push_back(note->text);
    return out;
}

std::unique_ptr<Engine> fresh_engine() {
    return std::make_unique<Engine>(config().content, config().settings.timers, config().settings.session);
}

// A clock a minute after the open session's last event: the room comes back while it still runs.
FakeClock just_after(const store::Journal& journal) {
    const auto events = journal.open_session();
    const auto last = events.empty() ? 0 : events.back().wall_ms;
    return FakeClock{WallTime{Millis{last + 60'000}}};
}

void check_finished_session(const View& view, const Json& expected, const std::string& old_markdown) {
    CHECK(static_cast<int>(view.participants.size()) == expected.at("participants").get<int>());
    if (expected.contains("situation")) CHECK(view.situation == expected.at("situation").get<std::string>());
    const int statements = step_with(view, Contribution::Statements);
    REQUIRE(view.choice(statements));
    // The problem statement that led (the headline, the decision's statement), and every
    // statement the export marked chosen (schema 1 and 2 marked all that shared a deciding place).
    if (expected.contains("chosen_statement")) CHECK(view.chosen_statement() == expected.at("chosen_statement").get<std::string>());
    for (const char* marked : {"chosen_statements", "statements_marked_chosen"})
        if (expected.contains(marked)) CHECK(texts(view.chosen(statements)) == expected.at(marked).get<std::vector<std::string>>());
    if (expected.contains("statement_chosen_by"))
        CHECK(std::string{to_string(view.choice(statements)->by)} == expected.at("statement_chosen_by").get<std::string>());
    const int ideas = step_with(view, Contribution::Ideas);
    auto chosen_ideas = texts(view.chosen(ideas));
    auto expected_ideas = expected.at("chosen_ideas").get<std::vector<std::string>>();
    std::sort(chosen_ideas.begin(), chosen_ideas.end());  // the exports list them in different orders
    std::sort(expected_ideas.begin(), expected_ideas.end());
    CHECK(chosen_ideas == expected_ideas);
    if (expected.contains("ideas_chosen_by"))
        CHECK(std::string{to_string(view.choice(ideas)->by)} == expected.at("ideas_chosen_by").get<std::string>());
    CHECK(static_cast<int>(view.notes_of(ideas).size()) == expected.at("ideas").get<int>());
    CHECK(static_cast<int>(view.notes_of(step_with(view, Contribution::Facts)).size()) == expected.at("facts").get<int>());
    if (expected.contains("decision")) {
        const auto decided = view.outcome();
        REQUIRE(decided);
        CHECK(std::string{to_string(decided->kind)} == expected.at("decision").get<std::string>());
        CHECK(decided->owner == expected.at("owner").get<std::string>());
        CHECK(decided->first_step == expected.at("first_step").get<std::string>());
        CHECK(format_date(decided->review_date) == expected.at("review_date").get<std::string>());
    }
    if (expected.contains("group_question")) CHECK(view.chosen_question() == expected.at("group_question").get<std::string>());
    // Every note the group wrote is in the export that version wrote then.
    for (const auto& note : view.notes)
        if (note.visible()) CHECK(old_markdown.find(note.text) != std::string::npos);
}

}  // namespace

TEST_CASE("Journals written by earlier releases keep their history in today's kiosk") {
    const auto found = fixtures();
    REQUIRE(found.size() >= 3);  // the last schema-1 main, schema 2 (03d0f4e), schema 3, and this version's
    for (const auto& fixture : found) {
        SECTION(fixture.filename().string()) {
            const auto expected = Json::parse(read_file(fixture / "expected.json"));
            testing::TempDir temp;
            std::filesystem::copy_file(fixture / "vitale.sqlite3", temp.path() / "vitale.sqlite3");
            store::Journal journal{temp.path()};
            CHECK(journal.found_schema() == expected.at("schema").get<int>());
            auto clock = just_after(journal);

            // The upgrade records every finished session under the rules it ran under, once.
            const auto report = store::complete_older_sessions(journal, fresh_engine, clock);
            const bool older = expected.at("schema").get<int>() < store::Journal::k_schema_version;
            CHECK(report.completed == (older ? 1 : 0));
            CHECK(report.open_session.has_value() == older);
            CHECK(store::complete_older_sessions(journal, fresh_engine, clock).completed == 0);

            const auto sessions = journal.sessions();
            const auto finished = sessions.at(static_cast<std::size_t>(expected.at("finished_session").get<int>() - 1));
            const auto open = sessions.at(static_cast<std::size_t>(expected.at("open_session").get<int>() - 1));
            CHECK(finished.recorded);
            CHECK_FALSE(open.closed_seq);
            const auto old_markdown = unescaped(read_file(fixture / "exports" / "session-1.md"));
            check_finished_session(tools::session_view(journal, finished, config()), expected, old_markdown);

            // Start-up: the open session resumes where it stood, with what it held.
            auto engine = fresh_engine();
            const auto restored = tools::restore_history(*engine, journal, clock);
            CHECK(restored.open_events > 0);
            CHECK(restored.problems.empty());
            const auto& view = engine->view();
            CHECK(view.session_open());
            CHECK(view.active_participants() == expected.at("open_session_participants").get<int>());
            // "Vorige keer" and the coffee corner's question for next week, from the record.
            const auto headline = expected.contains("chosen_statement") ? expected.at("chosen_statement").get<std::string>()
                                                                        : expected.at("chosen_statements").at(0).get<std::string>();
            CHECK(view.last_outcome == headline);
            if (expected.contains("group_question")) {
                REQUIRE(restored.last_question);
                CHECK(restored.last_question->text == expected.at("group_question").get<std::string>());
                CHECK(restored.last_question->week == expected.at("group_question_week").get<int>());
            } else {
                CHECK_FALSE(restored.last_question);
            }
            const int facts = step_with(view, Contribution::Facts);
            CHECK(static_cast<int>(view.notes_of(facts).size()) == expected.at("open_session_facts").get<int>());
            CHECK(view.step == facts);
            // The earlier decision waits for review while the open session runs, and after it.
            const bool decided = expected.contains("decision");
            const auto has_decision = [&](const View& v) {
                return std::any_of(v.reviews.begin(), v.reviews.end(), [&](const Decision& d) {
                    return d.owner == expected.value("owner", std::string{}) && to_string(d.kind) == expected.value("decision", std::string{});
                });
            };
            if (decided) CHECK(has_decision(view));

            // The room finishes the open session, closes it, and opens the next lobby.
            while (engine->view().phase != Phase::WrapUp) {
                Event next{EventKind::Next, clock.monotonic()};
                engine->apply(next);
            }
            engine->apply(Event{EventKind::Start, clock.monotonic()});  // closes
            REQUIRE(engine->view().phase == Phase::Idle);
            if (decided) {
                CHECK(has_decision(engine->view()));
                // The coffee corner's decisions panel shows it.
                const scenes::Room room{};
                const scenes::Frame frame{engine->view(), config().strings, room, clock.monotonic(), clock.wall(),
                                          LocalMoment{std::chrono::year{2026} / 12 / 1, 9 * 60}};
                const auto cards = scenes::decision_cards(frame);
                CHECK(std::any_of(cards.begin(), cards.end(), [&](const scenes::DecisionCard& card) {
                    return card.people.find(expected.at("owner").get<std::string>()) != std::string::npos &&
                           card.people.find(expected.at("first_step").get<std::string>()) != std::string::npos;
                }));
            }
            engine->apply(Event{EventKind::Start, clock.monotonic()});  // the next lobby
            REQUIRE(engine->view().phase == Phase::Lobby);
            if (decided) CHECK(has_decision(engine->view()));
            CHECK(engine->view().last_outcome == headline);  // session 2 chose no statement
        }
    }
}

TEST_CASE("A stop between the migration and the completion of an older journal changes nothing") {
    testing::TempDir temp;
    std::filesystem::copy_file(k_fixtures / "schema1-e3cab6a" / "vitale.sqlite3", temp.path() / "vitale.sqlite3");
    { store::Journal migrated{temp.path()}; }  // migrated to today's schema, then the kiosk stopped
    store::Journal journal{temp.path()};
    CHECK(journal.found_schema() == 1);  // kept in the file until its sessions are completed
    FakeClock clock{WallTime{std::chrono::sys_days{std::chrono::year{2026} / 11 / 24} + std::chrono::hours{9}}};
    const auto report = store::complete_older_sessions(journal, fresh_engine, clock);
    CHECK(report.completed == 1);
    REQUIRE(journal.sessions().size() == 2);
    CHECK(journal.sessions()[0].rules == 1);
    CHECK(journal.sessions()[1].rules == 1);  // the open one began under rules 1: a later start recalls its facts
    CHECK(journal.found_schema() == store::Journal::k_schema_version);
}
