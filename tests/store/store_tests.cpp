// The journal on a real SQLite file in a temporary folder: what goes in comes back, a
// replay rebuilds the session with time that kept running, and damaged, foreign or
// unwritable storage is handled without losing or touching anything.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <future>
#include <thread>
#include <iterator>

#include "kiosk/core/engine.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/retention.hpp"
#include "tests/engine_room.hpp"
#include "tests/journal_recorder.hpp"
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

using testing::Recorder;

// Runs SQL on a journal file directly: an older kiosk's file, or damage done on purpose.
void run_sql(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    const int result = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(result == SQLITE_OK);
}

// The events table as schemas 1 and 2 made it.
constexpr const char* k_old_tables =
    "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_wall_ms INTEGER NOT NULL);"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, wall_ms INTEGER NOT NULL, kind TEXT NOT NULL,"
    " participant TEXT NOT NULL, stage TEXT NOT NULL, text TEXT NOT NULL, note INTEGER NOT NULL,"
    " dots TEXT NOT NULL, flag INTEGER NOT NULL);";

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
    const Event vote{EventKind::Vote, Sender::participant("phone-key-00000001"), VotePayload{"brainstorm", {3, 3, 7}}};
    room.send(vote);
    const Event note{EventKind::Edit, Sender::participant("phone-key-00000001"),
                     EditNotePayload{"brainstorm", 4, std::string{"Één | \"quote\", komma\nnieuwe regel <script>\0na NUL", 50}}};
    room.send(note);
    const auto entries = journal.open_session();
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].event.kind == EventKind::Start);
    CHECK(entries[0].event.from == Sender::room());
    CHECK(entries[0].event.as<ChosenPayload>().token == "journal-token-1");  // the token chosen before applying
    CHECK(entries[1].event.from == Sender::participant("phone-key-00000001"));
    CHECK(entries[2].event.as<VotePayload>().dots == std::vector<int>{3, 3, 7});
    CHECK(entries[3].event.as<EditNotePayload>().note == 4);
    // Stored whole, with its length: the NUL is not where the text ends.
    CHECK(entries[3].event.as<EditNotePayload>().text == note.as<EditNotePayload>().text);
    CHECK(entries[3].wall_ms == std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count());
    CHECK(journal.commits() == 4);
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

TEST_CASE("A closed session is not replayed, the next one replays from its own start") {
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
    CHECK(entries[0].event.as<ChosenPayload>().token == "journal-token-2");
}

TEST_CASE("A journal written by a newer kiosk is refused and left untouched") {
    testing::TempDir temp;
    { store::Journal journal{temp.path()}; }
    const auto file = temp.path() / store::Journal::k_file_name;
    run_sql(file, "INSERT INTO schema_version VALUES (7, 0)");
    const auto before = read_file(file);
    try {
        store::Journal journal{temp.path()};
        FAIL("a newer schema was accepted");
    } catch (const store::NewerSchemaError& error) {
        CHECK_THAT(error.what(), Catch::Contains("written by a newer Vitale Kiosk (schema 7, this one knows up to 4)"));
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
                    {nullptr, nullptr, nullptr, [&](const std::vector<Event>&) { return disk_ok.load(); }, nullptr, nullptr}};
    const auto wait_for = [&](auto done) {
        for (int i = 0; i < 400 && !done(); ++i) std::this_thread::sleep_for(5ms);
        return done();
    };
    loop.post(EventKind::Start);
    REQUIRE(wait_for([&] { return loop.view()->session_open(); }));
    disk_ok = false;
    std::promise<Outcome> reply;
    loop.submit({EventKind::Join, Sender::participant("phone-key-00000001"), JoinPayload{}}, [&](const Outcome& outcome) { reply.set_value(outcome); });
    CHECK(reply.get_future().get().status == Status::NotSaved);
    CHECK(loop.view()->participants.empty());
    // A coffee-corner answer is not confirmed either (the week itself is the system's: applied).
    disk_ok = true;
    loop.submit({EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{202649, {}, {}}}, nullptr);
    REQUIRE(wait_for([&] { return loop.view()->coffee.week == 202649; }));
    disk_ok = false;
    std::promise<Outcome> answered;
    loop.submit({EventKind::CoffeeAnswer, Sender::visitor("visitor-key-0000000000000000001"), CoffeeAnswerPayload{"Hallo", false}},
                [&](const Outcome& outcome) { answered.set_value(outcome); });
    CHECK(answered.get_future().get().status == Status::NotSaved);
    CHECK(loop.view()->coffee.answers.empty());
    loop.post(EventKind::Start);  // the room goes on to the check-in regardless
    CHECK(wait_for([&] { return loop.view()->in_step(); }));
}

TEST_CASE("A journal of schema 1 is migrated, and its open session still replays") {
    testing::TempDir temp;
    const auto file = temp.path() / store::Journal::k_file_name;
    // Schema 1 exactly as the first release wrote it, with a session open at event 2.
    run_sql(file, std::string{k_old_tables} +
            "INSERT INTO schema_version VALUES (1, 0);"
            "INSERT INTO events VALUES (1, 1000, 'start', '', '', 'old-token', 0, '', 0);"
            "INSERT INTO events VALUES (2, 2000, 'previous', '', '', '', 0, '', 0);"
            "INSERT INTO events VALUES (3, 3000, 'start', '', '', 'v1-token', 0, '', 0);"
            "INSERT INTO events VALUES (4, 4000, 'join', 'phone-key-00000001', '', '', 0, '', 0);"
            "INSERT INTO meta VALUES ('open_session_from', '3');");
    store::Journal journal{temp.path()};
    const auto sessions = journal.sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].opened_seq == 3);
    CHECK(sessions[0].opened_wall_ms == 3000);
    FakeClock clock{WallTime{std::chrono::milliseconds{5000}}};
    auto engine = make_engine();
    store::replay(engine, journal.open_session(), clock);
    CHECK(engine.view().join_token == "v1-token");
    CHECK(engine.view().participants.size() == 1);
}

TEST_CASE("Sessions are kept as history, and one can be forgotten completely") {
    testing::TempDir temp;
    FakeClock clock;
    auto engine = make_engine();
    store::Journal journal{temp.path()};
    Recorder room{clock, engine, journal};
    for (int session = 0; session < 2; ++session) {
        room.session_to_wrapup("Geheim antwoord " + std::to_string(session));
        room.send(Event{EventKind::Start});  // closed
        clock.advance(std::chrono::hours{24});
    }
    auto sessions = journal.sessions();
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].closed_seq);

    // Replaying a closed session leaves it at its wrap-up, with its notes.
    auto replayed = make_engine();
    store::replay(replayed, journal.session_events(sessions[0]), clock);
    CHECK(replayed.view().phase == Phase::WrapUp);
    CHECK(replayed.view().notes.at(0).text == "Geheim antwoord 0");

    journal.forget(sessions[0].id);
    CHECK(journal.sessions().size() == 1);
    for (const char* suffix : {"", "-wal"})
        CHECK(read_file(temp.path() / (std::string{store::Journal::k_file_name} + suffix)).find("Geheim antwoord 0") ==
              std::string::npos);
    CHECK(read_file(temp.path() / store::Journal::k_file_name).find("Geheim antwoord 1") != std::string::npos);
    CHECK_THROWS_WITH(journal.forget(99), Catch::Contains("there is no session 99"));

    // Retention: everything closed before now goes.
    CHECK(journal.forget_before(std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count()).size() == 1);
    CHECK(journal.sessions().empty());
}

TEST_CASE("Forgetting and retention leave no file of the session behind") {
    namespace fs = std::filesystem;
    testing::TempDir temp;
    FakeClock clock{WallTime{std::chrono::hours{24 * 20'000}}};
    auto engine = make_engine();
    store::Journal journal{temp.path()};
    Recorder room{clock, engine, journal};
    const auto write = [](const fs::path& file, const std::string& text) {
        fs::create_directories(file.parent_path());
        std::ofstream{file} << text;
    };
    // Three sessions a day apart, each with its export files as the kiosk writes them.
    std::vector<store::SessionRecord> ids;
    for (int session = 0; session < 3; ++session) {
        room.session_to_wrapup("Zeldzaam woord " + std::to_string(session));
        ids.push_back(*journal.open_session_record());
        write(store::session_exports_folder(temp.path(), ids.back()) / "uitkomst.md", "Zeldzaam woord " + std::to_string(session));
        room.send(Event{EventKind::Start});  // closed
        CHECK_FALSE(journal.open_session_record());
        clock.advance(std::chrono::hours{24});
    }
    const auto now_ms = [&] { return std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count(); };
    // A damaged copy set aside long ago; an export left behind by an older version.
    write(temp.path() / (std::string{store::Journal::k_file_name} + ".damaged-1000"), "Zeldzaam woord oud");
    write(temp.path() / (std::string{store::Journal::k_file_name} + ".damaged-1000-wal"), "Zeldzaam woord oud");
    write(temp.path() / "exports" / "2020-01-01_0900-sessie-1.md", "Zeldzaam woord plat");
    // Someone's own file in exports/: not the kiosk's name, so never the kiosk's to delete.
    write(temp.path() / "exports" / "notities.txt", "van iemand anders");
    const auto long_ago = fs::file_time_type::clock::from_sys(std::chrono::system_clock::time_point{std::chrono::hours{24 * 1000}});
    for (const char* name : {"2020-01-01_0900-sessie-1.md", "notities.txt"}) fs::last_write_time(temp.path() / "exports" / name, long_ago);

    // What older versions and a damaged journal left of the second session: a flat export named
    // by the local minute of its wrap-up; a copy set aside after it began that holds its events
    // (a real SQLite file), with its -wal; a copy that cannot be read, also set aside after.
    // The session as --forget finds it: closed (ids[] were taken while each was open).
    const auto recorded = journal.sessions();
    const auto second = *std::find_if(recorded.begin(), recorded.end(), [&](const store::SessionRecord& r) { return r.id == ids[1].id; });
    REQUIRE(second.closed_wall_ms);
    const auto stamp = [](std::int64_t wall_ms) {
        const std::time_t seconds = wall_ms / 1000;
        std::tm local{};
        localtime_r(&seconds, &local);
        char text[32];
        std::strftime(text, sizeof text, "%Y-%m-%d_%H%M", &local);
        return std::string{text};
    };
    const auto flat_second = temp.path() / "exports" / (stamp(second.opened_wall_ms) + "-sessie-2.md");
    write(flat_second, "Zeldzaam woord 1 plat");
    const auto flat_third = temp.path() / "exports" / (stamp(ids[2].opened_wall_ms) + "-sessie-3.md");
    write(flat_third, "Zeldzaam woord 2 plat");
    const auto copy_name = [&](std::int64_t ms) { return temp.path() / (std::string{store::Journal::k_file_name} + ".damaged-" + std::to_string(ms)); };
    const auto holding = copy_name(second.opened_wall_ms + 1);
    run_sql(holding, std::string{k_old_tables} + "INSERT INTO events (wall_ms, kind, participant, stage, text, note, dots, flag) VALUES (" +
                         std::to_string(second.opened_wall_ms) + ", 'contribute', 'k', 'analyse', 'Zeldzaam woord 1 kopie', 0, '', 0);");
    write(fs::path{holding.string() + "-wal"}, "");
    const auto other_session = copy_name(second.opened_wall_ms + 2);  // readable, holds only a later day
    run_sql(other_session, std::string{k_old_tables} + "INSERT INTO events (wall_ms, kind, participant, stage, text, note, dots, flag) VALUES (" +
                               std::to_string(ids[2].opened_wall_ms + 5000) + ", 'contribute', 'k', 'analyse', 'later', 0, '', 0);");
    const auto unreadable = copy_name(second.opened_wall_ms + 3);
    write(unreadable, "Zeldzaam woord 1 kapot");

    // --forget of the second session: its rows, its folder, and every file above that holds it.
    const auto removed = store::forget_session(journal, temp.path(), second, now_ms());
    CHECK_FALSE(fs::exists(store::session_exports_folder(temp.path(), ids[1])));
    CHECK(fs::exists(store::session_exports_folder(temp.path(), ids[2])));
    for (const auto& gone : {flat_second, holding, fs::path{holding.string() + "-wal"}, unreadable}) {
        INFO(gone);
        CHECK_FALSE(fs::exists(gone));
        CHECK(std::find(removed.begin(), removed.end(), gone) != removed.end());
    }
    CHECK(removed.size() == 5);  // and the export folder
    CHECK(fs::exists(flat_third));
    CHECK(fs::exists(other_session));
    CHECK(fs::exists(temp.path() / (std::string{store::Journal::k_file_name} + ".damaged-1000")));  // made before: retention's
    for (const auto& path : {flat_third, other_session}) fs::remove(path);
    const auto recent = std::string{store::Journal::k_file_name} + ".damaged-" + std::to_string(now_ms());
    write(temp.path() / recent, "recent");

    // Retention with its cutoff between the first and the third session.
    const auto result = store::apply_retention(journal, temp.path(), now_ms() - 36 * 3600 * 1000LL);
    CHECK(result.sessions == 1);
    CHECK_FALSE(fs::exists(store::session_exports_folder(temp.path(), ids[0])));
    CHECK(fs::exists(store::session_exports_folder(temp.path(), ids[2])));
    CHECK(fs::exists(temp.path() / recent));
    // No file in the data folder holds a forgotten session's words any more.
    for (const auto& entry : fs::recursive_directory_iterator{temp.path()}) {
        if (!entry.is_regular_file()) continue;
        INFO(entry.path());
        const auto text = read_file(entry.path());
        for (const char* gone : {"Zeldzaam woord 0", "Zeldzaam woord 1", "Zeldzaam woord oud", "Zeldzaam woord plat"})
            CHECK(text.find(gone) == std::string::npos);
    }
    CHECK(read_file(store::session_exports_folder(temp.path(), ids[2]) / "uitkomst.md") == "Zeldzaam woord 2");
    CHECK(read_file(temp.path() / "exports" / "notities.txt") == "van iemand anders");
}

TEST_CASE("What a hostile phone tried replays to exactly the live outcome") {
    testing::TempDir temp;
    FakeClock clock{WallTime{std::chrono::hours{24 * 20'000}}};
    auto live = make_engine();
    std::vector<Status> outcomes;
    {
        store::Journal journal{temp.path()};
        Recorder room{clock, live, journal};
        const auto nul = [](std::string before, std::string after) { return before + std::string(1, '\0') + after; };
        room.send(Event{EventKind::Start});
        outcomes.push_back(room.phone(EventKind::Join, "phone-key-00000001").status);
        // A join whose key holds a NUL: cut at the NUL it would be a valid key of 16+ characters.
        outcomes.push_back(room.send({EventKind::Join, Sender::participant(nul("phone-key-0000000", "2")), JoinPayload{}}).status);
        outcomes.push_back(room.send({EventKind::Join, Sender::participant("phone-key-00000003"), JoinPayload{nul("Anna", "x")}}).status);
        outcomes.push_back(room.send({EventKind::Join, Sender::participant("phone-key-00000004"), JoinPayload{std::string(31, 'n')}}).status);
        room.send(Event{EventKind::Start});
        // A "next" from a phone with a NUL key, as if it were the room.
        outcomes.push_back(room.send({EventKind::Next, Sender::participant(std::string(1, '\0')), ChosenPayload{}}).status);
        outcomes.push_back(room.phone(EventKind::Contribute, "phone-key-00000001", nul("Goed", " verstopt")).status);
        outcomes.push_back(room.phone(EventKind::Contribute, "phone-key-00000001", "Gewoon een feit").status);
        outcomes.push_back(room.send({EventKind::Contribute, Sender::participant("phone-key-00000001"),
                                      NewNotePayload{nul("checkin", ""), "via een valse fase"}}).status);
        outcomes.push_back(room.send({EventKind::Edit, Sender::participant("phone-key-00000001"),
                                      EditNotePayload{"checkin", 1, "abc\u202Ecba"}}).status);
    }
    CHECK(outcomes == std::vector<Status>{Status::Ok, Status::UnknownPerson, Status::BadText, Status::BadText,
                                          Status::UnknownPerson, Status::BadText, Status::Ok, Status::BadText,
                                          Status::BadText});
    store::Journal journal{temp.path()};
    auto replayed = make_engine();
    store::replay(replayed, journal.open_session(), clock);
    const auto& a = live.view();
    const auto& b = replayed.view();
    CHECK(b.participants.size() == a.participants.size());
    CHECK(b.participants.size() == 1);
    REQUIRE(b.notes.size() == 1);
    CHECK(b.notes[0].text == "Gewoon een feit");
    CHECK(b.step == a.step);
    CHECK(b.step_spec().id == "checkin");
}

TEST_CASE("A journal written by the previous schema (2) replays exactly") {
    testing::TempDir temp;
    const auto file = temp.path() / store::Journal::k_file_name;
    // Schema 2 as the kiosk before the action table wrote it: who sent an event was only an
    // empty or a filled participant column, and each kind used the columns its own way.
    run_sql(file, std::string{k_old_tables} +
            "CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, opened_seq INTEGER NOT NULL, closed_seq INTEGER,"
            " opened_wall_ms INTEGER NOT NULL, closed_wall_ms INTEGER);"
            "INSERT INTO schema_version VALUES (1, 0);"
            "INSERT INTO schema_version VALUES (2, 0);"
            "INSERT INTO events VALUES (1, 1000, 'start', '', '', 'v2-token', 0, '', 0);"
            "INSERT INTO events VALUES (2, 1100, 'join', 'phone-key-00000001', '', 'Anna', 0, '', 0);"
            "INSERT INTO events VALUES (3, 1200, 'join', 'phone-key-00000002', '', '', 0, '', 0);"
            "INSERT INTO events VALUES (4, 1300, 'situation', 'phone-key-00000001', '', 'De overdracht', 0, '', 0);"
            "INSERT INTO events VALUES (5, 1400, 'vote-extend', 'phone-key-00000002', 'nergens', '', 0, '', 0);"
            "INSERT INTO events VALUES (6, 1500, 'start', '', '', '', 0, '', 0);"
            "INSERT INTO events VALUES (7, 1600, 'contribute', 'phone-key-00000001', 'checkin', 'Mijn antwoord', 0, '', 0);"
            "INSERT INTO events VALUES (8, 1700, 'ready', 'phone-key-00000002', 'checkin', '', 0, '', 1);"
            "INSERT INTO events VALUES (9, 1800, 'offer-host', '', '', 'host-code-1', 0, '', 0);"
            "INSERT INTO events VALUES (10, 1900, 'claim-host', 'phone-key-00000002', '', 'host-code-1', 0, '', 0);"
            "INSERT INTO events VALUES (11, 2000, 'pause', '', '', '', 0, '', 0);"
            "INSERT INTO sessions VALUES (1, 1, NULL, 1000, NULL);");
    store::Journal journal{temp.path()};
    const auto entries = journal.open_session();
    REQUIRE(entries.size() == 11);
    CHECK(entries[0].event.from == Sender::room());
    CHECK(entries[1].event.from == Sender::participant("phone-key-00000001"));
    CHECK(entries[1].event.as<JoinPayload>().name == "Anna");
    CHECK(entries[4].event.as<StagePayload>().stage == "nergens");  // refused live (lobby), refused again
    FakeClock clock{WallTime{std::chrono::milliseconds{2100}}};
    auto engine = make_engine();
    store::replay(engine, entries, clock);
    const auto& view = engine.view();
    CHECK(view.join_token == "v2-token");
    CHECK(view.participants.size() == 2);
    CHECK(view.situation == "De overdracht");
    REQUIRE(view.in_step());
    CHECK(view.step_spec().id == "checkin");
    REQUIRE(view.notes.size() == 1);
    CHECK(view.notes[0].text == "Mijn antwoord");
    CHECK(view.activity.ready.count(2) == 1);
    CHECK(view.participant("phone-key-00000002")->host);
    CHECK(view.timer.paused);
}

TEST_CASE("An event of a kind this version does not know stops the replay with a clear word") {
    testing::TempDir temp;
    {
        store::Journal journal{temp.path()};
        FakeClock clock;
        journal.append({Event{EventKind::Start}}, clock);
        journal.mark_session(0, true);
    }
    run_sql(temp.path() / store::Journal::k_file_name, "UPDATE events SET kind = 'teleport'");
    store::Journal journal{temp.path()};
    CHECK_THROWS_WITH(journal.open_session(), Catch::Contains("event 1: an event of kind 'teleport'"));
}

TEST_CASE("The coffee corner's answers come back after a restart and go with the retention") {
    testing::TempDir temp;
    FakeClock clock;
    store::Journal journal{temp.path()};
    auto engine = make_engine();
    Recorder record{clock, engine, journal};
    const auto visitor = [](int n) { return "visitor-key-00000000000000000" + std::to_string(10 + n); };
    const auto answer = [&](int n, const std::string& text) {
        return record.send({EventKind::CoffeeAnswer, Sender::visitor(visitor(n)), CoffeeAnswerPayload{text, false}});
    };
    REQUIRE(record.send({EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{202649, {}, {}}}).ok());
    REQUIRE(answer(1, "Tussen de sessies").ok());
    record.session_to_wrapup("Een feit");
    REQUIRE(answer(2, "Tijdens de sessie").ok());
    record.phone(EventKind::QuestionIdea, "phone-key-00000001", "Wat gaf je energie?");
    record.send({EventKind::QuestionDot, Sender::participant("phone-key-00000001"), QuestionDotPayload{1}});

    // While the session is open its own events replay with it, not twice.
    CHECK(journal.coffee_events(0).size() == 2);  // the week and the first answer
    record.send(Event{EventKind::Start});          // closes the session
    REQUIRE_FALSE(engine.view().session_open());
    // The live kiosk journals the group's question outside the session (CoffeeQuestions).
    REQUIRE(engine.view().coffee.group_question(202650));
    record.send({EventKind::CoffeeQuestion, Sender::system(), CoffeeQuestionPayload{202650, "Wat gaf je energie?"}});
    REQUIRE(answer(3, "Na de sessie").ok());

    auto restarted = make_engine();
    store::replay(restarted, journal.coffee_events(0), clock);
    const auto& coffee = restarted.view().coffee;
    CHECK(coffee.token == engine.view().coffee.token);
    CHECK(coffee.answers.size() == 3);
    REQUIRE(coffee.group_question(202650));
    CHECK(coffee.group_question(202650)->text == "Wat gaf je energie?");

    // Retention: the answers between sessions are events of no session; the one during the
    // session goes with the session.
    clock.advance(std::chrono::hours{24});
    const auto cutoff = std::chrono::duration_cast<Millis>(clock.wall().time_since_epoch()).count();
    const auto result = store::apply_retention(journal, temp.path(), cutoff);
    CHECK(result.sessions == 1);
    CHECK(result.loose_events >= 4);  // the week, two answers, the question (and idle keys)
    CHECK(journal.coffee_events(0).empty());
    // Nothing of what they said is left in the file.
    std::ifstream file{journal.file(), std::ios::binary};
    const std::string bytes{std::istreambuf_iterator<char>{file}, {}};
    for (const char* text : {"Tussen de sessies", "Tijdens de sessie", "Na de sessie", "Wat gaf je energie"})
        CHECK(bytes.find(text) == std::string::npos);
}
