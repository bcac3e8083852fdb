// Fixture driver for journal schema 1 (commit e3cab6a). Built inside a worktree of that commit
// by make_fixture.sh; uses that version's own Engine, EngineLoop, Journal, config loader and
// session_files (the live kiosk's wrap-up exports), wired as its live_kiosk.cpp wires them.
//
//   <driver> session CONFIG_DIR DATA_DIR   script session 1 (finished) and session 2 (left open)
//   <driver> export  CONFIG_DIR DATA_DIR OUT_DIR   copy the wrap-up exports, check the open session
//
// fixture-sources: kiosk/app/session_files.cpp kiosk/app/local_time.cpp
// fixture-libs: kiosk_config kiosk_store kiosk_core nlohmann_json::nlohmann_json
// Run with TZ=Europe/Amsterdam: the fake clock starts on Monday 2026-11-23 09:00 local time.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <string>
#include <vector>

#include "kiosk/app/session_files.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/core/random_key.hpp"
#include "kiosk/store/journal.hpp"

using namespace kiosk;
namespace fs = std::filesystem;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

[[noreturn]] void fail(const std::string& why) {
    std::cerr << "driver: " << why << '\n';
    std::exit(1);
}

constexpr long long k_monday_0900_amsterdam = 1795420800LL * 1000;  // 2026-11-23T08:00:00Z

const std::vector<std::string> k_names{"Anouk", "Bram", "Carmen", "Daan", "Esra", "Femke",
                                       "Gijs", "Hanna", "Ilias", "Joyce", "Koen", "Lotte"};

const std::vector<std::string> k_answers{
    "Een klant bedankte me voor het snelle terugbellen.",
    "De overdracht van vrijdag liep chaotisch.",
    "Ik heb deze week een nieuwe collega ingewerkt.",
    "Veel gezocht naar het juiste formulier.",
    "Trots op hoe we de drukte van maandag opvingen.",
    "Ik wil beter leren overdragen aan de avonddienst.",
    "Te veel losse mailtjes over hetzelfde dossier.",
    "Mijn collega nam spontaan mijn dienst over.",
    "De nieuwe planning werkt beter dan gedacht.",
    "Ik merkte dat de avonddienst vaak niet weet wat er speelt.",
    "Een bijna-fout met een medicatielijst die niet was doorgegeven.",
    "Energie van het teamoverleg op dinsdag."};

const std::vector<std::string> k_facts{
    "De overdracht tussen dag- en avonddienst duurt gemiddeld 25 minuten.",
    "Op dinsdag begon de avonddienst pas om 17:40 met de eerste cliënt.",
    "Het overdrachtsbriefje van maandag was handgeschreven en deels onleesbaar.",
    "Drie terugbelverzoeken van de dagdienst zijn niet doorgegeven.",
    "De avonddienst wist niet dat mevrouw De Vries een nieuwe medicatielijst had.",
    "Er is geen vaste plek waar de overdracht staat.",
    "De dagdienst vertrekt om 17:00, de avonddienst begint om 16:45.",
    "In het kwartier overlap staan vier mensen tegelijk bij de balie.",
    "Twee collega's gebruiken het digitale dossier, de rest het schrift.",
    "Een cliënt kreeg op woensdag twee keer dezelfde vraag gesteld.",
    "Op donderdag waren twee collega's van de dagdienst ziek.",
    "De invalkracht kende de afspraken over de overdracht niet.",
    "Bij de overdracht wordt vooral over incidenten gepraat, niet over afspraken.",
    "Er is geen checklist voor de overdracht.",
    "Het telefoonnummer van de dienstdoende arts stond niet in de overdracht.",
    "De avonddienst belde twee keer naar een collega van de dagdienst die al thuis was.",
    "Vorige maand zijn er vier meldingen gedaan over gemiste informatie bij de overdracht.",
    "Een familielid wachtte 20 minuten omdat niemand wist van de afspraak.",
    "Het overdrachtsmoment valt samen met het avondeten van de cliënten.",
    "In het digitale dossier staan notities op drie verschillende plaatsen.",
    "Nieuwe collega's krijgen geen uitleg over hoe de overdracht gaat.",
    "De teamleider is bij de overdracht meestal niet aanwezig.",
    "Bij de overdracht van vrijdag ontbrak de weekendplanning.",
    "De dagdienst schrijft de overdracht vaak pas na 16:30, in haast."};

const std::vector<std::string> k_statements{
    "Hoe kunnen we terugbelverzoeken zichtbaar maken, zodat niemand ze vergeet?",
    "Hoe kunnen we de overdracht korter maken, zodat de avonddienst direct kan beginnen?",
    "Hoe kunnen we één vaste plek voor de overdracht hebben, zodat iedereen weet waar te kijken?",
    "Hoe kunnen we nieuwe collega's de overdracht leren, zodat zij niets missen?",
    "Hoe kunnen we de overdracht volledig maken, zodat de avonddienst alle afspraken kent?",
    "Hoe kunnen we het overlapkwartier beter gebruiken, zodat er rust is bij de balie?",
    "Hoe kunnen we medicatiewijzigingen altijd doorgeven, zodat er geen fouten ontstaan?",
    "Hoe kunnen we de overdracht eerder schrijven, zodat er geen haast is?",
    "Hoe kunnen we de teamleider bij de overdracht betrekken, zodat knelpunten opvallen?",
    "Hoe kunnen we met één dossier werken, zodat informatie niet verspreid staat?",
    "Hoe kunnen we familie goed informeren, zodat niemand onnodig wacht?",
    "Hoe kunnen we de overdracht los van het avondeten plannen, zodat niemand gehaast is?"};

// Dots per statement (note order): the 2nd and the 5th tie at the top with 6 each.
const std::vector<int> k_statement_dots{3, 6, 5, 2, 6, 1, 4, 4, 0, 3, 0, 2};

const std::vector<std::string> k_ideas{
    "Een overdrachtschecklist met vijf vaste punten.",
    "Overdracht staand bij het whiteboard, maximaal tien minuten.",
    "Terugbelverzoeken op een gedeeld digitaal bord.",
    "Medicatiewijzigingen altijd met rode markering in het dossier.",
    "De dagdienst schrijft de overdracht vóór 16:00.",
    "Eén vaste map in het digitale dossier voor de overdracht.",
    "Een maatje voor nieuwe collega's tijdens de eerste tien overdrachten.",
    "De teamleider schuift één keer per week aan bij de overdracht.",
    "Het schrift afschaffen en alles digitaal doen.",
    "Overdracht in een rustige ruimte, niet bij de balie.",
    "Het avondeten een kwartier later laten beginnen.",
    "Een korte video over hoe de overdracht werkt.",
    "Familieafspraken in een gedeelde agenda zetten.",
    "Een vaste volgorde: cliënten, medicatie, afspraken, open vragen.",
    "Elke vrijdag de weekendplanning in de overdracht opnemen.",
    "Een overdrachtsformulier op tablet.",
    "De overdracht laten voorlezen door de avonddienst ter controle.",
    "Iedere dienst wijst een overdrachtsverantwoordelijke aan.",
    "Telefoonnummers van dienstdoende artsen bovenaan het formulier.",
    "Een maandelijkse evaluatie van gemiste informatie.",
    "Overlap verlengen naar dertig minuten op drukke dagen.",
    "Een pictogram voor urgente punten.",
    "De overdracht eerst zelf lezen, dan pas bespreken.",
    "Een AI-samenvatting van het dossier als concept, door een collega gecontroleerd.",
    "Kleurcodes per cliëntgroep op het bord.",
    "Een vaste tijd: overdracht om 16:45 precies.",
    "Een korte afsluitronde: heeft iemand nog iets?",
    "De invalpool krijgt een kaartje met de afspraken.",
    "Terugbelverzoeken krijgen een eigenaar en een tijd.",
    "Een overdrachtsmoment halverwege de dienst op drukke dagen.",
    "Foto van het whiteboard in het dossier zetten.",
    "Een stille overdracht: alles schriftelijk, alleen vragen mondeling.",
    "Het rooster zo maken dat er altijd één vaste kracht overlapt.",
    "Een feedbackformulier voor de avonddienst.",
    "Meldingen over gemiste informatie wekelijks bespreken.",
    "Een proef van twee weken met de checklist."};

// Dots per idea (note order in the brainstorm): places 1 and 2 clear, a tie at place 3.
std::vector<int> idea_dots() {
    std::vector<int> dots(36, 0);
    dots[0] = 7;   // checklist
    dots[13] = 6;  // vaste volgorde
    dots[1] = 5;   // staand bij het whiteboard
    dots[28] = 5;  // terugbelverzoeken een eigenaar   (tie at place 3)
    dots[2] = 4;
    dots[35] = 3;
    dots[4] = 2;
    dots[17] = 2;
    dots[23] = 1;
    dots[32] = 1;
    return dots;  // 36 dots: 12 phones x 3
}

// One ballot of `per_voter` note ids per voter, dealt from the wanted counts per note.
std::vector<std::vector<int>> deal(const std::vector<int>& note_ids, const std::vector<int>& counts, int voters,
                                   int per_voter) {
    std::vector<int> pool;
    for (std::size_t i = 0; i < counts.size(); ++i)
        for (int k = 0; k < counts[i]; ++k) pool.push_back(note_ids.at(i));
    if (static_cast<int>(pool.size()) != voters * per_voter) fail("dots do not add up");
    std::vector<std::vector<int>> ballots(static_cast<std::size_t>(voters));
    for (std::size_t i = 0; i < pool.size(); ++i) ballots[i / static_cast<std::size_t>(per_voter)].push_back(pool[i]);
    return ballots;
}

struct Session {
    FakeClock& clock;
    EngineLoop& loop;
    std::vector<std::string> phones;  // keys, phone i = participant i+1

    Outcome send(Event event) {
        std::promise<Outcome> done;
        auto answer = done.get_future();
        loop.submit(std::move(event), [&done](const Outcome& outcome) { done.set_value(outcome); });
        return answer.get();
    }
    void room(EventKind kind) {
        if (send(Event{kind}).status != Status::Ok) fail("room key " + std::string{to_string(kind)} + " ignored");
    }
    void wait(seconds by) {
        clock.advance(by);
        loop.wake();
    }
    // Until a wall-clock moment (ms since the epoch), e.g. the next day's slot.
    void wait_until(long long wall_ms) {
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(clock.wall().time_since_epoch()).count();
        if (wall_ms <= now) fail("wait_until: already past");
        clock.advance(std::chrono::milliseconds{wall_ms - now});
        loop.wake();
    }
    std::shared_ptr<const View> view() const { return loop.view(); }
    std::string stage() const {
        const auto v = view();
        if (!v->in_step()) fail("not in a step");
        return v->step_spec().id;
    }
    Outcome phone(std::size_t who, EventKind kind, std::string text = {}, std::vector<int> dots = {}) {
        Event event{kind};
        event.participant = phones.at(who);
        if (kind != EventKind::Join) event.stage = stage();
        event.text = std::move(text);
        event.dots = std::move(dots);
        const auto outcome = send(std::move(event));
        if (outcome.status != Status::Ok)
            fail("phone " + std::to_string(who + 1) + " " + std::string{to_string(kind)} + ": " +
                 std::string{to_string(outcome.status)});
        return outcome;
    }
    void join(std::size_t count) {
        for (std::size_t i = phones.size(); i < count; ++i) {
            phones.push_back(random_key());
            phone(i, EventKind::Join, k_names.at(i));
            wait(seconds{9});
        }
    }
    // Writes texts round-robin over the phones; returns the note ids.
    std::vector<int> write(const std::vector<std::string>& texts, std::size_t phones_used, seconds gap) {
        std::vector<int> ids;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            ids.push_back(phone(i % phones_used, EventKind::Contribute, texts[i]).id);
            wait(gap);
        }
        return ids;
    }
    void expect_part(Part part) {
        if (view()->part() != part) fail("unexpected part in " + stage());
    }
    void vote(const std::vector<int>& ids, const std::vector<int>& counts, int dots) {
        room(EventKind::Next);  // write -> vote
        expect_part(Part::Vote);
        const auto ballots = deal(ids, counts, static_cast<int>(phones.size()), dots);
        for (std::size_t i = 0; i < ballots.size(); ++i) {
            phone(i, EventKind::Vote, {}, ballots[i]);
            wait(seconds{8});
        }
        if (view()->part() == Part::Vote) room(EventKind::Next);  // vote -> results
        expect_part(Part::Results);
        wait(seconds{75});  // the room looks at the result
    }
};

Config load(const fs::path& config_dir) {
    try {
        return load_config(config_dir);
    } catch (const std::exception& error) {
        fail(std::string{"config: "} + error.what());
    }
}

int run_sessions(const fs::path& config_dir, const fs::path& data_dir) {
    const Config config = load(config_dir);
    fs::create_directories(data_dir);
    FakeClock clock{WallTime{std::chrono::milliseconds{k_monday_0900_amsterdam}}};
    Engine engine{config.content, config.settings.timers, config.settings.session};
    store::Journal journal{data_dir};
    if (!journal.open_session().empty()) fail("the data folder already has an open session");
    int written = 0;
    std::string written_token;
    {
        // As live_kiosk.cpp: write-ahead to the journal, session marks, wrap-up exports on view.
        EngineLoop loop{engine, clock,
                        {[&](const std::shared_ptr<const View>& view) {
                             if (view->phase != Phase::WrapUp || view->join_token == written_token) return;
                             written_token = view->join_token;
                             std::cerr << "driver: outcome in "
                                       << app::write_session_exports(data_dir, config, clock, *view).string() << '\n';
                             ++written;
                         },
                         nullptr, nullptr,
                         [&](const std::vector<Event>& batch) {
                             try {
                                 journal.append(batch, clock);
                                 return true;
                             } catch (const store::StoreError& error) {
                                 std::cerr << "driver: " << error.what() << '\n';
                                 return false;
                             }
                         },
                         [&](std::size_t index, bool opened) { journal.mark_session(index, opened); }}};
        Session s{clock, loop, {}};

        // ---- Session 1: Monday 09:00, finished --------------------------------------------
        s.room(EventKind::Start);  // lobby
        s.wait(seconds{30});
        s.join(12);
        s.wait(seconds{40});
        s.room(EventKind::Start);  // check-in
        s.write(k_answers, 12, seconds{12});
        s.wait(seconds{20});
        s.room(EventKind::Next);  // analysis
        s.write(k_facts, 12, seconds{25});
        s.wait(seconds{60});
        s.room(EventKind::Next);  // problem statement
        const auto statements = s.write(k_statements, 12, seconds{15});
        s.vote(statements, k_statement_dots, s.view()->step_spec().dots);
        s.room(EventKind::Next);  // brainstorm
        const auto ideas = s.write(k_ideas, 12, seconds{15});
        s.wait(seconds{60});
        s.vote(ideas, idea_dots(), s.view()->step_spec().dots);
        s.room(EventKind::Next);  // AI proposal: no phone part in this version
        s.wait(minutes{8});
        s.room(EventKind::Next);  // validation: no phone part in this version
        s.wait(minutes{10});
        s.room(EventKind::Next);  // wrap-up (the exports are written now)
        if (s.view()->phase != Phase::WrapUp) fail("no wrap-up");
        s.wait(minutes{6});
        s.room(EventKind::Start);  // the room closes the session
        if (s.view()->phase != Phase::Idle) fail("session 1 not closed");

        // ---- Session 2: Tuesday 09:00, left open ------------------------------------------
        s.wait_until(k_monday_0900_amsterdam + 24 * 3'600'000LL);  // Tuesday 09:00
        s.room(EventKind::Start);
        s.phones.clear();
        s.wait(seconds{20});
        s.join(4);
        s.room(EventKind::Start);  // check-in
        s.wait(minutes{2});
        s.room(EventKind::Next);  // analysis
        s.write({"De overdracht van maandagavond duurde 35 minuten.",
                 "Het briefje van de dagdienst lag niet op de vaste plek.",
                 "Twee cliënten kregen hun avondmedicatie later dan gepland.",
                 "De checklist is nog niet gebruikt, hij lag in de la.",
                 "De avonddienst kreeg één terugbelverzoek niet door."},
                4, seconds{30});
        // Then the kiosk is gone without closing anything (like kill -9 after the last commit).
    }
    if (written != 1) fail("expected one set of wrap-up exports");
    std::cerr << "driver: sessions scripted\n";
    return 0;
}

int run_export(const fs::path& config_dir, const fs::path& data_dir, const fs::path& out_dir) {
    const Config config = load(config_dir);
    fs::create_directories(out_dir);
    // The wrap-up exports as this version wrote them, and as session-1.* for the test.
    for (const auto& entry : fs::directory_iterator{data_dir / "exports"}) {
        fs::copy_file(entry.path(), out_dir / entry.path().filename(), fs::copy_options::overwrite_existing);
        const auto ext = entry.path().extension().string();
        if (entry.path().stem().string().ends_with("-sessie-1") && (ext == ".md" || ext == ".json"))
            fs::copy_file(entry.path(), out_dir / ("session-1" + ext), fs::copy_options::overwrite_existing);
    }
    // The open session as this version restores it at start-up.
    Engine engine{config.content, config.settings.timers, config.settings.session};
    store::Journal journal{data_dir};
    const auto entries = journal.open_session();
    if (entries.empty()) fail("no open session in the journal");
    FakeClock clock{WallTime{std::chrono::milliseconds{entries.back().wall_ms + 60'000}}};  // a minute later
    store::replay(engine, entries, clock);
    const auto& view = engine.view();
    int facts = 0;
    for (const auto& note : view.notes) facts += note.step == 1 ? 1 : 0;
    std::cout << "open session: " << entries.size() << " events, phase " << static_cast<int>(view.phase) << ", step "
              << view.step << ", " << view.participants.size() << " participants, " << facts << " facts\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 3 && args[0] == "session") return run_sessions(args[1], args[2]);
    if (args.size() == 4 && args[0] == "export") return run_export(args[1], args[2], args[3]);
    std::cerr << "usage: driver session CONFIG_DIR DATA_DIR | driver export CONFIG_DIR DATA_DIR OUT_DIR\n";
    return 2;
}
