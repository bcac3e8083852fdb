// The journal on a real SQLite file in a temporary folder: what goes in comes back, a
// replay rebuilds the session with time that kept running, and damaged, foreign or
// unwritable storage is handled without losing or touching anything.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <thread>
#include <iterator>

#include "kiosk/core/engine.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/store/journal.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_content.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

Engine make_engine() {
    auto n = std::make_shared<int>(0);
    return Engine{testing::phone_content(), TimerRules{}, SessionRules{},
                  [n] { return "journal-token-" + std::to_string(++*n); }};
}

// Applies events the way EngineLoop does: prepared, journaled first, then applied.
struct Recorder {
    FakeClock& clock;
    Engine& engine;
    store::Journal& journal;
    Outcome send(Event event) {
        event.at = clock.monotonic();
        engine.prepare(event);
        journal.append({event}, clock);
        const bool was_open = engine.view().session_open();
        const auto outcome = engine.apply(event);
        if (was_open != engine.view().session_open()) journal.mark_session(0, !was_open);
        return outcome;
    }
    Outcome phone(EventKind kind, const std::string& key, const std::string& text = "") {
        Event event{kind};
        event.participant = key;
        event.stage = engine.view().in_step() ? engine.view().step_spec().id : "";
        event.text = text;
        return send(event);
    }
};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, {}};
}

}  // namespace

TEST_CASE("Journaled events come back exactly, with their wall-clock times") {
    testing::TempDir temp;
    FakeClock clock{WallTime{std::chrono::hours{24 * 20'000}}};
    auto engine = make_engine();
    store::Journal journal{temp.path()};
    Recorder room{clock, engine, journal};
    room.send(Event{EventKind::Start});
    room.phone(EventKind::Join, "phone-key-00000001");
    Event vote{EventKind::Vote};
    vote.participant = "phone-key-00000001";
    vote.stage = "brainstorm";
    vote.dots = {3, 3, 7};
    vote.text = "Één | \"quote\", komma\nnieuwe regel <script>";
    room.send(vote);
    const auto entries = journal.open_session();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].event.kind == EventKind::Start);
    CHECK(entries[0].event.text == "journal-token-1");  // the token chosen before applying
    CHECK(entries[2].event.dots == std::vector<int>{3, 3, 7});
    CHECK(entries[2].event.text == vote.text);
    CHECK(entries[2].wall_ms == std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count());
    CHECK(journal.commits() == 3);
}

TEST_CASE("A replay rebuilds the open session and lets its timers run on in real time") {
    testing::TempDir temp;
    FakeClock clock{WallTime{std::chrono::hours{24 * 20'000}}};
    std::string token;
    {
        auto engine = make_engine();
        store::Journal journal{temp.path()};
        Recorder room{clock, engine, journal};
        room.send(Event{EventKind::Start});
        room.phone(EventKind::Join, "phone-key-00000001");
        room.phone(EventKind::Join, "phone-key-00000002");
        room.send(Event{EventKind::Start});  // check-in
        room.phone(EventKind::Contribute, "phone-key-00000001", "Mijn antwoord");
        room.send(Event{EventKind::Next});   // analyse, 12 minutes
        room.phone(EventKind::Contribute, "phone-key-00000002", "Een feit");
        token = engine.view().join_token;
        clock.advance(5min);
    }  // the kiosk "crashes" here: nothing but the file remains

    SECTION("back after a minute: the same stage, 6 minutes left, the same people and notes") {
        clock.advance(1min);
        auto engine = make_engine();
        store::Journal journal{temp.path()};
        store::replay(engine, journal.open_session(), clock);
        const auto& view = engine.view();
        CHECK(view.join_token == token);
        REQUIRE(view.in_step());
        CHECK(view.step_spec().id == "analyse");
        CHECK(view.remaining(clock.monotonic()) == 6min);
        CHECK(view.participants.size() == 2);
        CHECK(view.notes.size() == 2);
        CHECK(view.participant("phone-key-00000002") != nullptr);  // phones keep their identity
    }
    SECTION("back after the stage's time ran out: it moved on as it would have") {
        clock.advance(9min);  // 14 minutes into a 12-minute stage
        auto engine = make_engine();
        store::Journal journal{temp.path()};
        store::replay(engine, journal.open_session(), clock);
        CHECK(engine.view().step_spec().id == "probleemstelling");
        CHECK(engine.view().remaining(clock.monotonic()) == 8min - 2min);
    }
}

TEST_CASE("A closed session is not replayed; the next one replays from its own start") {
    testing::TempDir temp;
    FakeClock clock;
    auto engine = make_engine();
    store::Journal journal{temp.path()};
    Recorder room{clock, engine, journal};
    room.send(Event{EventKind::Start});
    room.send(Event{EventKind::Previous});  // lobby -> idle: closed
    CHECK(journal.open_session().empty());
    room.send(Event{EventKind::Start});
    room.phone(EventKind::Join, "phone-key-00000009");
    const auto entries = journal.open_session();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].event.kind == EventKind::Start);
    CHECK(entries[0].event.text == "journal-token-2");
}

TEST_CASE("A journal written by a newer kiosk is refused and left untouched") {
    testing::TempDir temp;
    { store::Journal journal{temp.path()}; }
    const auto file = temp.path() / store::Journal::k_file_name;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "INSERT INTO schema_version VALUES (7, 0)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    const auto before = read_file(file);
    try {
        store::Journal journal{temp.path()};
        FAIL("a newer schema was accepted");
    } catch (const store::NewerSchemaError& error) {
        CHECK_THAT(error.what(), Catch::Contains("written by a newer Vitale Kiosk (schema 7, this one knows up to 1)"));
        CHECK_THAT(error.what(), Catch::Contains("--data OTHER_DIR"));
    }
    CHECK(read_file(file) == before);
}

TEST_CASE("A damaged journal is moved aside, never deleted, and a fresh one starts") {
    testing::TempDir temp;
    const auto file = temp.path() / store::Journal::k_file_name;
    const std::string garbage = "this is not a database, it is a shopping list\n" + std::string(5000, 'x');
    std::ofstream{file} << garbage;
    store::Journal journal{temp.path()};
    REQUIRE(journal.notice());
    CHECK_THAT(*journal.notice(), Catch::Contains("was damaged; it was moved to"));
    int kept = 0;
    for (const auto& entry : std::filesystem::directory_iterator{temp.path()})
        if (entry.path().filename().string().find(".damaged-") != std::string::npos && read_file(entry.path()) == garbage) ++kept;
    CHECK(kept == 1);
    FakeClock clock;
    journal.append({Event{EventKind::Start}}, clock);  // the fresh journal works
    CHECK(journal.commits() == 1);
}

TEST_CASE("A data folder the kiosk may not write to gives a clear error") {
    if (::geteuid() == 0) {
        // root writes anywhere: use a path that is not a folder at all instead
        testing::TempDir temp;
        std::ofstream{temp.path() / "plain-file"} << "x";
        CHECK_THROWS_WITH(store::Journal{temp.path() / "plain-file"},
                          Catch::Contains("cannot open") && Catch::Contains("--data DIR"));
        return;
    }
    testing::TempDir temp;
    ::chmod(temp.path().c_str(), 0500);
    CHECK_THROWS_WITH(store::Journal{temp.path()}, Catch::Contains("cannot open") && Catch::Contains("--data DIR"));
    ::chmod(temp.path().c_str(), 0700);
}

TEST_CASE("When the journal cannot write, phones are told 'not saved' and the room's keys still work") {
    FakeClock clock;
    auto engine = make_engine();
    std::atomic<bool> disk_ok{true};
    EngineLoop loop{engine, clock,
                    {nullptr, nullptr, nullptr, [&](const std::vector<Event>&) { return disk_ok.load(); }, nullptr}};
    const auto wait_for = [&](auto done) {
        for (int i = 0; i < 400 && !done(); ++i) std::this_thread::sleep_for(5ms);
        return done();
    };
    loop.post(EventKind::Start);
    REQUIRE(wait_for([&] { return loop.view()->session_open(); }));
    disk_ok = false;
    std::promise<Outcome> reply;
    Event join{EventKind::Join};
    join.participant = "phone-key-00000001";
    loop.submit(join, [&](const Outcome& outcome) { reply.set_value(outcome); });
    CHECK(reply.get_future().get().status == Status::NotSaved);
    CHECK(loop.view()->participants.empty());
    loop.post(EventKind::Start);  // the room goes on to the check-in regardless
    CHECK(wait_for([&] { return loop.view()->in_step(); }));
}
