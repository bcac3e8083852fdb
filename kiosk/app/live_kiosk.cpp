#include "kiosk/app/live_kiosk.hpp"
#include "kiosk/core/log_prefix.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/ai/ai_worker.hpp"
#include "kiosk/core/coffee_week.hpp"
#include "kiosk/app/media_probe_process.hpp"
#include "kiosk/tools/demo_phones.hpp"
#include "kiosk/system/free_memory.hpp"
#include "kiosk/core/local_time.hpp"
#include "kiosk/tools/record_history.hpp"
#include "kiosk/system/repeating.hpp"
#include "kiosk/store/retention.hpp"
#include "kiosk/tools/session_files.hpp"
#include "kiosk/screen/screen_loop.hpp"
#include "kiosk/system/service_watchdog.hpp"
#include "kiosk/net/http_server.hpp"
#include "kiosk/net/phone_address.hpp"
#include "kiosk/net/phone_api.hpp"
#include "kiosk/store/journal.hpp"
#include "kiosk/store/outcome_record.hpp"
#include "kiosk/store/upgrade.hpp"
#include "scenes/scene_catalog.hpp"
#include "scenes/widgets.hpp"

namespace kiosk::app {

using screen::ScreenSignals;
using system::Repeating;
using system::ServiceEnvironment;
using system::ServiceWatchdog;
using tools::DemoPhones;
using tools::DemoSetup;


namespace {

scenes::Room make_room(const Config& config, int port) {
    scenes::Room room;
    room.name = config.settings.room_name;
    room.slots = config.settings.slots;
    room.show_names = config.settings.session.show_names;
    room.rotate_seconds = config.settings.coffee.rotate_seconds;
    room.group_question_first = config.settings.coffee.group_first;
    const auto lan = config.settings.public_url.empty() ? net::detect_lan_ipv4() : std::nullopt;
    if (config.settings.public_url.empty() && !lan)
        LogLine{Priority::Warning} << "no network address found; phones cannot join until this machine is on "
                     "the network (or set network.public_url in kiosk.json)";
    room.phone_url = net::phone_url(config.settings.public_url, port, lan);
    return room;
}

void report_store_failure(const std::string& reason, const Config& config, ScreenSignals& signals) {
    static std::string last;
    if (reason != last) LogLine{Priority::Error} << reason;
    last = reason;
    signals.set_warning(config.strings.format("store_failing", {{"reason", reason}}));
}

// Retention: finished sessions older than retention_days are forgotten with their files.
void forget_expired(store::Journal& journal, const std::filesystem::path& dir, const Config& config) {
    const auto cutoff = std::chrono::system_clock::now() - std::chrono::hours{24} * config.settings.retention_days;
    try {
        // The coffee corner's last two weeks stay whole (their events replay at start-up).
        const auto local = to_local(std::chrono::system_clock::now());
        const auto last_monday = std::chrono::sys_days{iso_week_monday(iso_yyyyww(local.date))} -
                                 std::chrono::days{7};
        const auto keep_from = wall_of(LocalMoment{std::chrono::year_month_day{last_monday}, 0});
        const auto result = store::apply_retention(journal, dir, std::chrono::duration_cast<Millis>(cutoff.time_since_epoch()).count(),
                                                   std::chrono::duration_cast<Millis>(keep_from.time_since_epoch()).count());
        if (result.sessions || result.files || result.loose_events)
            LogLine{Priority::Info} << "forgot " << result.sessions << " session(s), " << result.files << " file(s) and "
                      << result.loose_events << " coffee-corner event(s) older than " << config.settings.retention_days
                      << " days (retention_days)";
    } catch (const std::exception& error) {  // the daily thread must not end the kiosk
        LogLine{Priority::Error} << "retention: " << error.what();
    }
}

// The journal of data_dir; without one (read-only folder, unreadable file) the kiosk still
// runs, says so on screen, and refuses what phones send (nothing unsaved is confirmed).
// A file written by a newer kiosk stops the start: it must not be touched.
std::unique_ptr<store::Journal> open_journal(const std::filesystem::path& dir, const Config& config,
                                             ScreenSignals& signals) {
    try {
        auto journal = std::make_unique<store::Journal>(dir);
        try {
            tools::complete_record(*journal, config, SystemClock{});  // before the retention: it may need the earlier sessions
        } catch (const std::exception& error) {  // history left as it was; the journal still takes the room's events
            LogLine{Priority::Error} << journal->file().string() << ": older sessions could not be recorded (" << error.what()
                                     << "); they are tried again at the next start";
        }
        // What the room said is for the room: the folder is the kiosk user's alone, also when
        // an older version (or someone's mkdir) made it readable for others.
        std::error_code ignored;
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ignored);
        forget_expired(*journal, dir, config);
        if (journal->notice()) {
            LogLine{Priority::Warning} << *journal->notice();
            signals.set_warning(config.strings.format("store_repaired", {{"file", journal->file().filename().string()}}));
        }
        return journal;
    } catch (const store::NewerSchemaError&) {
        throw;
    } catch (const store::StoreError& error) {
        report_store_failure(error.what(), config, signals);
        return nullptr;
    }
}

// EngineLoop's write-ahead hook: true when the batch is on disk.
bool write_ahead(store::Journal* journal, const std::vector<Event>& batch, const Clock& clock, const Config& config,
                 ScreenSignals& signals) {
    if (!journal) return false;
    try {
        journal->append(batch, clock);
        signals.set_warning("");
        return true;
    } catch (const store::StoreError& error) {
        report_store_failure(error.what(), config, signals);
        return false;
    }
}

// Writes a session's outcome once, when it reaches its wrap-up. Engine thread.
class WrapUpExports {
public:
    WrapUpExports(std::filesystem::path dir, const Config& config, const Clock& clock)
        : m_dir{std::move(dir)}, m_config{config}, m_clock{clock} {}
    // Whether this View's files are still to be written (a wrap-up not written yet).
    bool wants(const View& view) const { return view.phase == Phase::WrapUp && view.join_token != m_written; }
    // `session`: the journal's open session (the files go into its folder).
    void on_view(const View& view, const std::optional<store::SessionRecord>& session) {
        if (!wants(view) || !session) return;
        m_written = view.join_token;
        try {
            LogLine{Priority::Info} << "the session's outcome is in "
                      << tools::write_session_exports(m_dir, *session, m_config, m_clock, view).string()
                      << " (and .json, .csv, .html)";
        } catch (const std::exception& error) {
            LogLine{Priority::Error} << error.what();
        }
    }

private:
    std::filesystem::path m_dir;
    const Config& m_config;
    const Clock& m_clock;
    std::string m_written;  // the token of the session last written
};

// The AI worker's setup: manual mode unless a service is configured and its key can be had.
ai::WorkerSetup ai_setup(const Config& config, EngineLoop& loop, const Clock& clock, bool trace) {
    ai::WorkerSetup setup;
    setup.settings = config.settings.ai;
    setup.prompt = config.prompt;
    setup.room = config.settings.room_name;
    setup.manual = setup.settings.provider == ai::Provider::Manual;
    if (!setup.manual) {
        try {
            setup.key = ai::read_api_key(setup.settings);
        } catch (const std::exception& error) {
            LogLine{Priority::Warning} << error.what() << "; the AI stage offers the manual route";
            setup.manual = true;
        }
    }
    LogLine{Priority::Info} << "AI proposal: "
              << (setup.manual ? std::string{"manual route"}
                               : std::string{ai::provider_name(setup.settings.provider)} + " at " + setup.settings.base_url);
    setup.now = [&clock] { return clock.monotonic(); };
    setup.log = [](const std::string& line) { LogLine{Priority::Notice} << line; };
    setup.post = [&loop, trace](Event event, Millis arrived) {
        const bool text = event.kind == EventKind::AiText;
        EngineLoop::Reply reply;
        // For the benchmark: which View version first shows a piece that came in at `arrived`.
        if (trace && text)
            reply = [arrived](const Outcome& outcome) {
                std::printf("ai-chunk %llu %lld\n", static_cast<unsigned long long>(outcome.version),
                            static_cast<long long>(arrived.count()));
                std::fflush(stdout);
            };
        loop.submit(std::move(event), std::move(reply));
    };
    return setup;
}

net::ServerLimits phone_limits(const Config& config, int demo_phones) {
    net::ServerLimits limits;
    // --demo's simulated phones all connect from this machine.
    limits.connections_per_address = std::max(config.settings.connections_per_address, 16 + demo_phones);
    return limits;
}

int minutes_of(Millis time) { return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(time).count()); }

// ---- The start-up, step by step (run_live_kiosk below reads as their list) ----------------

// Step 1: the record (record_history.hpp): the last finished session's recorded outcome, the
// coffee corner's last two weeks, then the open session replayed with the facts it settled.
std::optional<GroupQuestion> restore_record(Engine& engine, store::Journal& journal, ScreenSignals& signals,
                                            const Clock& clock, int trajectory_start) {
    const auto started = clock.monotonic();
    tools::RestoredHistory restored;
    try {
        restored = tools::restore_history(engine, journal, clock, trajectory_start);
    } catch (const std::exception& error) {  // the journal's own reading failed: the room still gets its screen
        LogLine{Priority::Error} << journal.file().string() << ": the record could not be restored (" << error.what() << ")";
    }
    for (const auto& problem : restored.problems) LogLine{Priority::Warning} << problem;
    for (const auto& date : restored.session_dates) signals.session_opened(date);
    if (restored.open_events > 0)
        LogLine{Priority::Info} << "the open session was restored from " << restored.open_events << " journaled events in "
                  << (clock.monotonic() - started).count() << " ms";
    return restored.last_question;
}

// Step 2 (demos, the bench): --scene walks a fresh session to the scene asked for.
void go_to_scene(Engine& engine, const Options& options, const Clock& clock) {
    if (options.scene && !scenes::drive_to_scene(engine, *options.scene, clock.monotonic()))
        throw UsageError{"--scene " + *options.scene + ": no such scene; --list-scenes lists the names"};
    engine.take_facts();  // a demo's walk is not journaled, and neither is what it settled
}

void announce(const Config& config, const scenes::Room& room, const ui::FontFiles& fonts, int port) {
    LogLine{Priority::Info} << config.settings.room_name << ", phones join at " << room.phone_url << ", font "
              << fonts.family;
    // Tests and the benchmarks read the port from here when they asked for port 0.
    std::cout << "listening on port " << port << std::endl;
}

// What the engine's hooks reach: the journal (also written by the daily retention, hence the
// mutex), the outcome files, the coffee corner's questions, the phone server once it runs and
// the AI worker once it exists. Lives as long as the engine loop.
struct LiveParts {
    const Config& config;
    const Clock& clock;
    ScreenSignals& signals;
    std::unique_ptr<store::Journal> journal;
    std::mutex journal_mutex;
    WrapUpExports exports;
    CoffeeQuestions coffee_questions;
    std::atomic<net::HttpServer*> server{nullptr};
    std::unique_ptr<ai::AiWorker> ai_worker{};  // made once the loop exists; stopped before it
    EngineLoop* loop = nullptr;               // set once the loop exists

    // Step 3: the EngineLoop's hooks (engine thread).
    EngineLoop::Hooks hooks(const Engine& engine) {
        return {[this](const std::shared_ptr<const View>& view) {
                    signals.view_changed();
                    if (auto* phones = server.load()) phones->publish();
                    coffee_questions.on_view(*view, loop);
                    if (!exports.wants(*view) || !journal) return;
                    std::lock_guard lock{journal_mutex};
                    exports.on_view(*view, journal->open_session_record());
                },
                [this, &engine](Effect effect) {
                    switch (effect) {
                    case Effect::Chime: signals.chime(); break;
                    case Effect::AskAi:
                        if (ai_worker) ai_worker->ask(engine.shared_view());  // the engine's thread
                        break;
                    case Effect::CancelAi:
                        if (ai_worker) ai_worker->cancel();
                        break;
                    }
                },
                nullptr,
                [this](const std::vector<Event>& batch) {
                    std::lock_guard lock{journal_mutex};
                    return write_ahead(journal.get(), batch, clock, config, signals);
                },
                [this, &engine](std::size_t index, bool opened) {
                    if (opened) signals.session_opened(to_local(clock.wall()).date);
                    else system::release_free_memory();
                    if (!journal) return;
                    std::lock_guard lock{journal_mutex};
                    try {
                        // A closed session's outcome is recorded with its close: history reads it.
                        const auto closed = opened ? nullptr : engine.closed_session();
                        journal->mark_session(index, opened, closed ? store::outcome_record(*closed) : std::string{});
                    } catch (const store::StoreError& error) {
                        report_store_failure(error.what(), config, signals);
                    }
                },
                [this](const std::vector<Fact>& facts) {
                    if (!journal) return;
                    std::lock_guard lock{journal_mutex};
                    try {
                        journal->append_facts(facts, clock);
                    } catch (const store::StoreError& error) {
                        report_store_failure(error.what(), config, signals);
                    }
                }};
    }

    // Step 4: the coffee corner's week link is current, and a question the last session chose
    // is journaled if the kiosk stopped before it was.
    void start_coffee_corner(const std::optional<GroupQuestion>& last_question) {
        submit_coffee_week(*loop, clock);
        if (last_question && last_question->week >= week_now(clock) && !loop->view()->coffee.group_question(last_question->week))
            coffee_questions.keep(*last_question, *loop);
    }

    // Step 5: the AI worker, and a request that was running when the kiosk stopped.
    void start_ai(bool trace) {
        ai_worker = std::make_unique<ai::AiWorker>(ai_setup(config, *loop, clock, trace));
        const auto now_view = loop->view();
        if (const auto& proposal = now_view->proposal; proposal.state == ProposalState::Waiting && proposal.prompt.empty()) {
            // Asked for before the worker existed (--scene, or a restart before the prompt went out): ask now.
            ai_worker->ask(now_view);
        } else if (proposal.state == ProposalState::Waiting || proposal.state == ProposalState::Streaming) {
            // A request that was running when the kiosk stopped: keep what arrived, say why it ended.
            loop->submit({EventKind::AiEnd, Sender::system(), AiEndPayload{proposal.request, "interrupted"}}, nullptr);
        }
    }

    // Step 7: hourly while no session runs, memory freed since goes back to the system, and once
    // a day the retention, also when the kiosk runs for months (never during a session:
    // forgetting rewrites the file, and the room's events would wait for it). The coffee
    // corner's week is checked every hour, sessions or not.
    std::function<void()> hourly_job(const std::filesystem::path& data_dir) {
        return [this, data_dir, last = clock.wall()]() mutable {
            submit_coffee_week(*loop, clock);
            if (loop->view()->session_open()) return;
            system::release_free_memory();
            if (!journal || clock.wall() - last < std::chrono::hours{24}) return;
            last = clock.wall();
            std::lock_guard lock{journal_mutex};
            forget_expired(*journal, data_dir, config);
        };
    }
};

// Step 6: what the phone API needs from the room.
net::PhoneApiSetup phone_api_setup(EngineLoop& loop, const Clock& clock, const Config& config, const Options& options,
                                   const scenes::Room& room, int port) {
    return {loop, clock, config.phone_strings, config.settings.language, config.settings.session.max_text,
            config.settings.session.show_names, config.settings.phone_requests_per_minute,
            minutes_of(config.settings.timers.extend_step),
            // --demo's simulated phones all join from this machine
            std::max(config.settings.joins_per_address, options.demo),
            [&clock](const View& view) { return scenes::question_of_the_week(*view.content, to_local(clock.wall())); },
            [&config, &clock](const View& view, const std::string& format) { return tools::session_export(config, clock, view, format); },
            date_words(config.strings),
            config.settings.wrong_code_budget,
            net::accepted_hosts(room.phone_url, port),
            [&config, &clock](const View& view) {
                return coffee_question(view.coffee, config.settings.coffee.group_first,
                                       scenes::question_of_the_week(*view.coffee_format(), week_moment(view.coffee.week, clock)));
            },
            moderation_name(config.settings.session.coffee.moderation)};
}

}  // namespace

scenes::Room room_for(const Config& config, int port) { return make_room(config, port); }

// Every media file the formats name, probed once beside the start-up, in a process of its own
// (media_probe_process.hpp): what will not play is in the log before a stage needs it. Nothing
// to do when the library names no media. Called before the phones' port is opened.
std::jthread probe_media_in_background(const Config& config) {
    const bool any = std::any_of(config.library->formats.begin(), config.library->formats.end(),
                                 [](const auto& format) { return !format->media_items().empty(); });
    if (!any) return {};
    return probe_media_in_child(config.dir);
}

void run_live_kiosk(const LiveSetup& setup) {
    const auto& config = setup.config;
    const auto& options = setup.options;
    SystemClock clock;
    ScreenSignals signals;
    Engine engine{config.library, config.settings.timers, config.settings.session};
    for (const auto& note : config.notes) LogLine{Priority::Notice} << note;
    auto journal = open_journal(setup.data_dir, config, signals);
    const auto last_question = journal ? restore_record(engine, *journal, signals, clock, config.settings.trajectory.start) : std::nullopt;
    go_to_scene(engine, options, clock);

    const auto media_probe = probe_media_in_background(config);

    net::PortReservation reservation{options.port.value_or(config.settings.port)};
    const auto room = make_room(config, reservation.port());
    announce(config, room, setup.fonts, reservation.port());

    LiveParts parts{config, clock, signals, std::move(journal), {}, {setup.data_dir, config, clock}, CoffeeQuestions{engine.view()}};
    EngineLoop loop{engine, clock, parts.hooks(engine)};
    parts.loop = &loop;
    parts.start_coffee_corner(last_question);
    parts.start_ai(options.trace_frames);
    auto api_setup = phone_api_setup(loop, clock, config, options, room, reservation.port());
    api_setup.media_caption = [&signals] { return signals.caption(); };
    net::PhoneApi api{std::move(api_setup)};
    // A new caption goes to the phones as it goes to the screen.
    signals.on_caption([&parts] {
        if (auto* phones = parts.server.load()) phones->publish();
    });
    Repeating hourly{std::chrono::hours{1}, parts.hourly_job(setup.data_dir)};

    // Step 8: the phones' server and the screen, until the room quits.
    net::HttpServer phones{reservation.release(),
                           [&api](net::HttpRequest request, net::Responder responder) { api.handle(std::move(request), std::move(responder)); },
                           [&api](const std::string& key) { return api.render(key); }, phone_limits(config, options.demo)};
    parts.server = &phones;
    // The engine stops first, also when the screen cannot open (DisplayError unwinds through
    // here): its unanswered phone requests are dropped, and its hooks stop publishing, while the
    // server that would carry them still exists.
    struct StopBeforeServer {
        EngineLoop& loop;
        LiveParts& parts;
        ~StopBeforeServer() {
            loop.stop();
            parts.ai_worker.reset();  // after the engine: no more asks; before the loop: no posts into a dead inbox
            parts.server = nullptr;
        }
    } stop_first{loop, parts};
    {
        std::unique_ptr<DemoPhones> demo;
        if (options.demo > 0) demo = std::make_unique<DemoPhones>(DemoSetup{loop, config, reservation.port(), options.demo});
        // Under systemd: READY=1 after the first frame, WATCHDOG=1 while the screen and the engine run.
        ServiceWatchdog watchdog{ServiceEnvironment::of_process(),
                                 {[&loop] { loop.wake(); }, [&loop] { return loop.rounds(); }, [&loop] { loop.hang_for_testing(); }}};
        screen::run_screen({config, loop, signals, room, setup.fonts, config.settings.display.fullscreen && !options.windowed, setup.size,
                    options.print_first_frame, options.trace_frames,
                    options.coffee_display ? options.coffee_display : config.settings.coffee.display, &watchdog, setup.data_dir});
    }
}

}  // namespace kiosk::app
