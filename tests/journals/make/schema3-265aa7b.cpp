// Fixture driver for journal schema 3 (commit 265aa7b). Built inside a worktree of that commit
// by make_fixture.sh; uses that version's own Engine, EngineLoop, Journal, AI worker (manual
// route), coffee corner week (coffee_week.cpp), config loader and session_files (the live
// kiosk's wrap-up exports), wired as its live_kiosk.cpp (LiveParts::hooks) wires them, and its
// record commands (record_commands.cpp, command_line.cpp, config_location.cpp) for the exports.
//
//   <driver> session CONFIG_DIR DATA_DIR   script session 1 (finished) and session 2 (left open)
//   <driver> export  CONFIG_DIR DATA_DIR OUT_DIR   wrap-up files, --sessions, --export ... as the CLI
//
// fixture-sources: kiosk/app/session_files.cpp kiosk/app/local_time.cpp kiosk/app/record_commands.cpp kiosk/app/command_line.cpp kiosk/app/config_location.cpp kiosk/app/coffee_week.cpp
// fixture-libs: kiosk_config kiosk_store kiosk_core kiosk_ai nlohmann_json::nlohmann_json SDL2::SDL2 SDL2_ttf::SDL2_ttf
// (SDL only for the headers record_commands.cpp includes through scenes/widgets.hpp; no SDL code
// of the kiosk is compiled: the one function it uses from there is copied below.)
// Run with TZ=Europe/Amsterdam: the fake clock starts on Monday 2026-11-23 09:00 local time.
// schema4-c06da5d.cpp builds this file with FIXTURE_SCHEMA 4: the same sessions, with that
// version's facts, recorded outcomes and start-up (the #if blocks below).
#ifndef FIXTURE_SCHEMA
#define FIXTURE_SCHEMA 3
#endif
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "kiosk/ai/ai_worker.hpp"
#include "kiosk/app/coffee_week.hpp"
#include "kiosk/app/command_line.hpp"
#include "kiosk/app/config_location.hpp"
#include "kiosk/app/record_commands.hpp"
#if FIXTURE_SCHEMA >= 4
#include "kiosk/app/record_history.hpp"
#endif
#include "kiosk/app/session_files.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/core/random_key.hpp"
#include "kiosk/core/schedule.hpp"
#include "kiosk/store/journal.hpp"
#if FIXTURE_SCHEMA >= 4
#include "kiosk/store/outcome_record.hpp"
#endif

// Verbatim from scenes/widgets.cpp at 265aa7b (record_commands.cpp's week export uses it; the
// rest of that file draws with SDL and is not built here).
namespace kiosk::scenes {
const std::string& question_of_the_week(const Content& content, const LocalMoment& local) {
    const auto week = static_cast<std::size_t>(iso_week(local.date));
    return content.reflection_questions.at((week - 1) % content.reflection_questions.size());
}
}  // namespace kiosk::scenes

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

const std::string k_situation = "Overdracht tussen dag- en avonddienst";

const std::vector<std::string> k_constraints{
    "Geen extra uren: het moet binnen de bestaande overlap van 15 minuten.",
    "Geen namen of cliëntgegevens in het voorstel (AVG).",
    "Het moet ook werken voor invalkrachten die het team niet kennen."};

// The group's own assistant's answer, pasted back on the manual route: a heading and four
// paragraphs (0 = the heading, 1-4 the paragraphs that can be marked).
const std::string k_pasted_answer =
    "## Voorstel: een vaste overdracht in vijf punten\n"
    "\n"
    "De dagdienst vult vóór 16:30 een korte checklist in het digitale dossier in: cliënten met "
    "bijzonderheden, medicatiewijzigingen, afspraken met familie, open terugbelverzoeken en de "
    "planning voor de volgende dag. Zo staat alles op één vaste plek.\n"
    "\n"
    "De overdracht zelf gebeurt staand bij het whiteboard in de teampost en duurt maximaal tien "
    "minuten. De avonddienst leest de checklist eerst zelf en stelt daarna alleen vragen.\n"
    "\n"
    "Elk terugbelverzoek krijgt een eigenaar en een tijdstip. Wat de dagdienst niet afrondt, "
    "wordt bij de overdracht expliciet overgedragen aan een naam uit de avonddienst.\n"
    "\n"
    "Probeer dit twee weken en tel hoeveel minuten de overdracht kost en hoe vaak er informatie "
    "ontbreekt. Een AI-samenvatting van het dossier kan later helpen, maar alleen als concept dat "
    "een collega controleert.\n";

const std::vector<std::string> k_reflections{
    "Ik wist niet dat de avonddienst zo vaak informatie mist; dat ga ik anders doen.",
    "Fijn dat we één voorstel hebben gekozen in plaats van weer alles tegelijk.",
    "De AI gaf een bruikbaar begin, maar de checklist moesten we zelf scherp maken."};

// The wrap-up's suggestions for the coffee corner's question of next week.
const std::vector<std::string> k_question_ideas{
    "Wat heb jij deze week overgedragen waar je trots op bent?",
    "Welke informatie mis jij het vaakst aan het begin van je dienst?",
    "Wat zou jij een nieuwe collega over de overdracht vertellen?"};

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
    void room_pick(int number) {
        const auto outcome = send({EventKind::RoomPick, Sender::room(), RoomPickPayload{number}});
        if (outcome.status != Status::Ok) fail("room pick: " + std::string{to_string(outcome.status)});
    }
    void wait(seconds by) {
        clock.advance(by);
        loop.wake();
    }
    void wait_until(long long wall_ms) {
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(clock.wall().time_since_epoch()).count();
        if (wall_ms <= now) fail("wait_until: already past");
        clock.advance(std::chrono::milliseconds{wall_ms - now});
        loop.wake();
    }
    std::shared_ptr<const View> view() const { return loop.view(); }
    std::string stage() const {
        const auto v = view();
        return v->in_step() ? v->step_spec().id : std::string{};
    }
    // A phone's event, as the phone API makes it: Sender::participant(key) and the payload.
    Outcome phone(std::size_t who, EventKind kind, Payload payload) {
        const auto outcome = send({kind, Sender::participant(phones.at(who)), std::move(payload)});
        if (outcome.status != Status::Ok)
            fail("phone " + std::to_string(who + 1) + " " + std::string{to_string(kind)} + ": " +
                 std::string{to_string(outcome.status)});
        return outcome;
    }
    void join(std::size_t count) {
        for (std::size_t i = phones.size(); i < count; ++i) {
            phones.push_back(random_key());
            phone(i, EventKind::Join, JoinPayload{k_names.at(i)});
            wait(seconds{9});
        }
    }
    std::vector<int> write(const std::vector<std::string>& texts, std::size_t phones_used, seconds gap) {
        std::vector<int> ids;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            ids.push_back(phone(i % phones_used, EventKind::Contribute, NewNotePayload{stage(), texts[i]}).id);
            wait(gap);
        }
        return ids;
    }
    void expect_part(Part part) {
        if (view()->part() != part) fail("unexpected part in " + stage());
    }
    // The dot vote, up to the result part (where a tie opens the run-off).
    void vote(const std::vector<int>& ids, const std::vector<int>& counts, int dots) {
        room(EventKind::Next);  // write -> vote
        expect_part(Part::Vote);
        const auto ballots = deal(ids, counts, static_cast<int>(phones.size()), dots);
        for (std::size_t i = 0; i < ballots.size(); ++i) {
            phone(i, EventKind::Vote, VotePayload{stage(), ballots[i]});
            wait(seconds{8});
        }
        if (view()->part() == Part::Vote) room(EventKind::Next);  // vote -> results
        expect_part(Part::Results);
    }
    // One run-off dot per phone: phone i gives its dot to runoff[i].
    void runoff(const std::vector<int>& dots) {
        const auto* choice = view()->open_choice();
        if (!choice || !choice->in_runoff()) fail("no run-off in " + stage());
        for (std::size_t i = 0; i < dots.size(); ++i) {
            phone(i, EventKind::RunOffVote, RunOffPayload{stage(), dots[i]});
            wait(seconds{4});
        }
    }
    template <typename Pred>
    void await(Pred ready, const char* what) {
        for (int i = 0; i < 500; ++i) {
            if (ready(*view())) return;
            std::this_thread::sleep_for(std::chrono::milliseconds{10});
        }
        fail(std::string{"timed out waiting for "} + what);
    }
};

// A visitor on the coffee corner's page (the HTTP layer's Sender::visitor after the week's link).
template <typename S>
Outcome send_visitor_answer(S& s, const std::string& key, const std::string& text) {
    return s.send({EventKind::CoffeeAnswer, Sender::visitor(key), CoffeeAnswerPayload{text, false}});
}

// live_kiosk.cpp's ai_setup: the manual route (kiosk.json "ai": {"provider": "manual"}).
ai::WorkerSetup ai_setup(const Config& config, EngineLoop& loop, const Clock& clock) {
    ai::WorkerSetup setup;
    setup.settings = config.settings.ai;
    setup.prompt = config.prompt;
    setup.room = config.settings.room_name;
    setup.manual = setup.settings.provider == ai::Provider::Manual;
    if (!setup.manual) {
        try {
            setup.key = ai::read_api_key(setup.settings);
        } catch (const std::exception&) {
            setup.manual = true;
        }
    }
    setup.now = [&clock] { return clock.monotonic(); };
    setup.log = [](const std::string& line) { std::cerr << "driver (ai): " << line << '\n'; };
    setup.post = [&loop](Event event, Millis) { loop.submit(std::move(event), nullptr); };
    return setup;
}

// live_kiosk.cpp's WrapUpExports: a session's files once, when it reaches its wrap-up.
class WrapUpExports {
public:
    WrapUpExports(fs::path dir, const Config& config, const Clock& clock) : m_dir{std::move(dir)}, m_config{config}, m_clock{clock} {}
    bool wants(const View& view) const { return view.phase == Phase::WrapUp && view.join_token != m_written; }
    void on_view(const View& view, const std::optional<store::SessionRecord>& session) {
        if (!wants(view) || !session) return;
        m_written = view.join_token;
        std::cerr << "driver: outcome in " << app::write_session_exports(m_dir, *session, m_config, m_clock, view).string()
                  << '\n';
        ++written;
    }
    int written = 0;

private:
    fs::path m_dir;
    const Config& m_config;
    const Clock& m_clock;
    std::string m_written;
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
    auto journal = std::make_unique<store::Journal>(data_dir);
    if (!journal->sessions().empty()) fail("the data folder already has a journal");
    std::mutex journal_mutex;
    WrapUpExports exports{data_dir, config, clock};
    app::CoffeeQuestions coffee_questions{engine.view()};
    std::unique_ptr<ai::AiWorker> ai_worker;
    EngineLoop* loop_ptr = nullptr;
    {
        // As LiveParts::hooks in live_kiosk.cpp: the coffee corner's questions and the wrap-up
        // exports on view, the AI worker on the effects, write-ahead to the journal, session marks.
        EngineLoop::Hooks hooks{[&](const std::shared_ptr<const View>& view) {
                                    coffee_questions.on_view(*view, loop_ptr);
                                    if (!exports.wants(*view) || !journal) return;
                                    std::lock_guard lock{journal_mutex};
                                    exports.on_view(*view, journal->open_session_record());
                                },
                                [&](Effect effect) {
                                    switch (effect) {
                                    case Effect::Chime: break;
                                    case Effect::AskAi:
                                        if (ai_worker) ai_worker->ask(engine.shared_view());
                                        break;
                                    case Effect::CancelAi:
                                        if (ai_worker) ai_worker->cancel();
                                        break;
                                    }
                                },
                                nullptr,
                                [&](const std::vector<Event>& batch) {
                                    std::lock_guard lock{journal_mutex};
                                    try {
                                        journal->append(batch, clock);
                                        return true;
                                    } catch (const store::StoreError& error) {
                                        std::cerr << "driver: " << error.what() << '\n';
                                        return false;
                                    }
                                },
                                [&](std::size_t index, bool opened) {
                                    std::lock_guard lock{journal_mutex};
#if FIXTURE_SCHEMA >= 4
                                    const auto closed = opened ? nullptr : engine.closed_session();
                                    journal->mark_session(index, opened, closed ? store::outcome_record(*closed) : std::string{});
                                },
                                [&](const std::vector<Fact>& facts) {
                                    std::lock_guard lock{journal_mutex};
                                    journal->append_facts(facts, clock);
#else
                                    journal->mark_session(index, opened);
#endif
                                }};
        EngineLoop loop{engine, clock, std::move(hooks)};
        loop_ptr = &loop;
        app::submit_coffee_week(loop, clock);  // LiveParts::start_coffee_corner
        ai_worker = std::make_unique<ai::AiWorker>(ai_setup(config, loop, clock));
        Session s{clock, loop, {}};
        s.await([](const View& v) { return v.coffee.week == 202648; }, "the coffee corner's week");

        // ---- Session 1: Monday 09:00, finished --------------------------------------------
        s.room(EventKind::Start);  // lobby
        s.wait(seconds{30});
        s.join(12);
        s.phone(2, EventKind::SetSituation, SituationPayload{"Overdracht dag- en avonddienst"});
        s.wait(seconds{20});
        s.phone(0, EventKind::SetSituation, SituationPayload{k_situation});  // another phone sharpens it
        s.wait(seconds{10});
        const std::vector<std::vector<int>> framing{{0, 3, 7}, {0, 3, 9}, {3, 4, 7}, {0, 4, 9}, {0, 3},    {3, 7, 9},
                                                    {0, 3, 4}, {4, 7},    {0, 3, 7}, {1, 3, 9}, {0, 7, 9}, {3, 4, 8}};
        for (std::size_t i = 0; i < framing.size(); ++i) {
            s.phone(i, EventKind::FramingVote, FramingPayload{framing[i]});
            s.wait(seconds{4});
        }
        s.room(EventKind::Start);  // check-in
        s.write(k_answers, 12, seconds{12});
        s.wait(seconds{20});
        s.room(EventKind::Next);  // analysis
        s.write(k_facts, 12, seconds{25});
        s.wait(seconds{40});
        s.room(EventKind::Next);  // problem statement
        const auto statements = s.write(k_statements, 12, seconds{15});
        s.vote(statements, k_statement_dots, s.view()->step_spec().dots);
        // Statements 2 and 5 tie at the top: the run-off (one dot each) settles it, 5 to 7.
        s.runoff({statements[4], statements[1], statements[4], statements[4], statements[1], statements[4],
                  statements[1], statements[4], statements[4], statements[1], statements[4], statements[1]});
        s.wait(seconds{60});
        s.room(EventKind::Next);  // brainstorm
        const auto ideas = s.write(k_ideas, 12, seconds{15});
        s.wait(seconds{50});
        s.vote(ideas, idea_dots(), s.view()->step_spec().dots);
        // Ideas 2 and 29 tie at the third place: the run-off ties again (6 to 6), the room picks 2.
        std::vector<int> idea_runoff;
        for (std::size_t i = 0; i < 12; ++i) idea_runoff.push_back(i % 2 ? ideas[28] : ideas[1]);
        s.runoff(idea_runoff);
        if (!s.view()->open_choice() || !s.view()->open_choice()->room_picks()) fail("the idea run-off did not tie");
        s.wait(seconds{30});
        s.room_pick(2);
        s.wait(seconds{40});

        s.room(EventKind::Next);  // AI proposal: constraints, then the prompt (manual route)
        if (!s.view()->in_proposal_step()) fail("not in the AI stage");
        s.write(k_constraints, 3, seconds{20});
        s.room(EventKind::Start);  // the room sends the prompt without waiting for the window
        s.await([](const View& v) { return v.proposal.state == ProposalState::Manual; }, "the manual route");
        s.wait(minutes{3});  // copied into the group's own assistant, answer read
        s.phone(4, EventKind::PasteAnswer, PastePayload{s.stage(), k_pasted_answer});
        s.wait(seconds{40});
        const std::vector<std::tuple<std::size_t, int, const char*>> marks{
            {0, 1, "agree"},    {1, 1, "agree"}, {2, 2, "question"}, {3, 2, "agree"}, {4, 3, "agree"},
            {5, 3, "agree"},    {6, 4, "risk"},  {7, 4, "question"}, {8, 1, "agree"}, {9, 2, "risk"},
            {10, 3, "agree"},   {11, 4, "agree"}, {0, 3, "agree"},   {2, 4, "risk"}};
        for (const auto& [who, paragraph, mark] : marks) {
            s.phone(who, EventKind::MarkParagraph, MarkPayload{s.stage(), paragraph, mark});
            s.wait(seconds{6});
        }
        s.wait(seconds{40});

        s.room(EventKind::Next);  // validation: scores and an objection, the decision, the owner
        const std::size_t criteria = config.content->criteria.size();
        for (std::size_t i = 0; i < 11; ++i) {  // one phone does not score
            std::vector<int> scores;
            for (std::size_t c = 0; c < criteria; ++c) scores.push_back(3 + static_cast<int>((i + c) % 3));  // 3-5
            if (i == 7) scores[3] = 2;  // one worried about the risks
            s.phone(i, EventKind::Score, ScoresPayload{s.stage(), scores});
            s.wait(seconds{15});
        }
        s.phone(7, EventKind::Object,
                StageTextPayload{s.stage(), "Als de checklist alleen digitaal is, kunnen invalkrachten zonder account er niet bij."});
        s.wait(seconds{40});
        s.room(EventKind::Next);  // -> the decision vote
        s.expect_part(Part::Vote);
        for (std::size_t i = 0; i < 12; ++i) {
            s.phone(i, EventKind::DecisionVote, DecisionVotePayload{s.stage(), i == 7 ? "aanpassen" : i == 10 ? "parkeren" : "doen"});
            s.wait(seconds{5});
        }
        s.wait(seconds{30});
        if (s.view()->part() == Part::Vote) s.room(EventKind::Next);  // -> the owner part: the decision is fixed
        s.expect_part(Part::Results);
        s.phone(5, EventKind::Volunteer, VolunteerPayload{s.stage(), "Teamleider"});
        s.wait(seconds{40});
        s.phone(5, EventKind::Commit, CommitPayload{s.stage(), "Rooster maken voor week 50", 20261214});
        s.wait(seconds{50});
        s.room(EventKind::Next);  // wrap-up (the exports are written now)
        if (s.view()->phase != Phase::WrapUp) fail("no wrap-up");
        for (std::size_t i = 0; i < k_reflections.size(); ++i) {
            s.wait(seconds{30});
            s.phone(i * 4 + 1, EventKind::ShareReflection, ReflectionPayload{k_reflections[i]});
        }
        for (std::size_t i = 0; i < k_question_ideas.size(); ++i) {
            s.wait(seconds{20});
            s.phone(i * 4 + 2, EventKind::QuestionIdea, ReflectionPayload{k_question_ideas[i]});
        }
        // One dot each: idea 2 gets 6, idea 1 gets 4, idea 3 gets 2.
        const std::vector<int> question_dots{2, 1, 2, 2, 1, 3, 2, 1, 2, 3, 2, 1};
        for (std::size_t i = 0; i < question_dots.size(); ++i) {
            s.wait(seconds{5});
            s.phone(i, EventKind::QuestionDot, QuestionDotPayload{question_dots[i]});
        }
        s.wait(seconds{60});
        s.room(EventKind::Start);  // the room closes the session (its question goes to the coffee corner)
        if (s.view()->phase != Phase::Idle) fail("session 1 not closed");

        // ---- The coffee corner: a visitor answers the week's question at 10:20 ---------------
        s.wait_until(k_monday_0900_amsterdam + 80 * 60'000LL);
        const auto visitor = send_visitor_answer(s, random_key(),
                                                 "Dat mijn collega van de avonddienst me even belde om te bedanken voor "
                                                 "de duidelijke overdracht.");
        if (visitor.status != Status::Ok) fail("coffee answer: " + std::string{to_string(visitor.status)});

        // ---- Session 2: Tuesday 09:00, left open ------------------------------------------
        s.wait_until(k_monday_0900_amsterdam + 24 * 3'600'000LL);
        app::submit_coffee_week(loop, clock);  // the hourly job (the same ISO week: nothing to do)
        s.room(EventKind::Start);
        s.phones.clear();
        s.wait(seconds{20});
        s.join(4);
        s.phone(1, EventKind::SetSituation, SituationPayload{"Medicatie bij de avondoverdracht"});
        s.wait(seconds{30});
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
        loop.stop();
        ai_worker.reset();
        loop_ptr = nullptr;
    }
    if (exports.written != 1) fail("expected one set of wrap-up exports");
    std::cerr << "driver: sessions scripted\n";
    return 0;
}

// One record command as main() runs it (kiosk_app.cpp: parse, find the config and the data
// folder, load, run_record_command), its standard output into `out`.
void record(const std::vector<std::string>& args, const fs::path& out) {
    std::ofstream file{out, std::ios::binary};
    auto* before = std::cout.rdbuf(file.rdbuf());
    try {
        const auto options = app::parse_command_line(args);
        const auto config_dir = app::find_config_dir(options.config_dir, app::config_places());
        const Config config = load_config(config_dir, options.language);
        const fs::path data_dir = app::find_data_dir(options.data_dir, config);
        if (!app::run_record_command(options, config, data_dir)) fail("not a record command");
    } catch (const std::exception& error) {
        std::cout.rdbuf(before);
        fail(std::string{"record command: "} + error.what());
    }
    std::cout.rdbuf(before);
}

int run_export(const fs::path& config_dir, const fs::path& data_dir, const fs::path& out_dir) {
    fs::create_directories(out_dir);
    // The wrap-up exports as this version wrote them (one folder per session).
    fs::copy(data_dir / "exports", out_dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    const std::vector<std::string> base{"--config", config_dir.string(), "--data", data_dir.string()};
    const auto with = [&](std::vector<std::string> more) {
        auto args = base;
        args.insert(args.end(), more.begin(), more.end());
        return args;
    };
    record(with({"--sessions"}), out_dir / "sessions.txt");
    for (const std::string format : {"md", "json"}) {
        record(with({"--export", "1", "--format", format}), out_dir / ("session-1." + format));
        record(with({"--export", "week:2026-W48", "--format", format}), out_dir / ("week-2026-W48." + format));
    }
    // The open session as this version restores it at start-up (after the coffee corner's events).
    const Config config = load(config_dir);
    Engine engine{config.content, config.settings.timers, config.settings.session};
    store::Journal journal{data_dir};
    const auto entries = journal.open_session();
    if (entries.empty()) fail("no open session in the journal");
    FakeClock clock{WallTime{std::chrono::milliseconds{entries.back().wall_ms + 60'000}}};  // a minute later
#if FIXTURE_SCHEMA >= 4
    app::restore_history(engine, journal, clock);  // record_history.cpp
#else
    const auto since = std::chrono::duration_cast<Millis>((clock.wall() - std::chrono::days{15}).time_since_epoch()).count();
    store::replay(engine, journal.coffee_events(since), clock);
    store::replay(engine, entries, clock);
#endif
    const auto& view = engine.view();
    int facts = 0;
    for (const auto& note : view.notes) facts += note.step == 1 ? 1 : 0;
    std::cout << "open session: " << entries.size() << " events, phase " << static_cast<int>(view.phase) << ", step "
              << view.step << ", " << view.active_participants() << " participants, " << facts << " facts, situation \""
              << view.situation << "\"; coffee week " << view.coffee.week << " with " << view.coffee.answers.size()
              << " answer(s), " << view.coffee.group_questions.size() << " group question(s)\n";
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
