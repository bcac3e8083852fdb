#include "bench/coffee_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "bench/problems.hpp"
#include "bench/proc_self.hpp"
#include "bench/soak_texts.hpp"
#include "bench/stats.hpp"
#include "kiosk/tools/demo_phones.hpp"
#include "kiosk/system/free_memory.hpp"
#include "kiosk/core/local_time.hpp"
#include "kiosk/screen/panel_fade.hpp"
#include "kiosk/core/week_line.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/core/schedule.hpp"
#include "kiosk/net/phone_state.hpp"
#include "kiosk/ui/canvas.hpp"
#include "scenes/coffee_panels.hpp"
#include "scenes/scene_harness.hpp"

namespace kiosk::bench {

namespace {

using Steady = std::chrono::steady_clock;

double ms_since(Steady::time_point start) { return std::chrono::duration<double, std::milli>(Steady::now() - start).count(); }
double mb(double bytes) { return bytes / (1024.0 * 1024.0); }

int week_of(WallTime wall) {
    const auto local = to_local(wall);
    return iso_yyyyww(local.date);
}

// Keys as the kiosk issues them (32 lowercase hex digits): visitors, the moderator, session phones.
std::string issued_key(unsigned kind, unsigned long long a, unsigned long long b = 0) {
    char key[40];
    std::snprintf(key, sizeof key, "c0ffee%02x%012llx%012llx", kind, a, b);
    return key;
}
std::string visitor_key(std::size_t n) { return issued_key(0, n); }

// The coffee corner's screen without a window: a surface, its canvas, and the cross-fade the
// screen loop runs on its window (PanelFade), drawn from a View at a clock's time. Main thread.
class CoffeeScreen {
public:
    CoffeeScreen(const Config& config, const ui::FontFiles& fonts, int width, int height)
        : m_config{config}, m_surface{ui::make_rgb_surface(width, height)}, m_canvas{m_surface.get(), fonts} {
        m_room.name = config.settings.room_name;
        m_room.phone_url = "http://127.0.0.1:8080";  // the QR on loopback, as in the tests
        m_room.slots = config.settings.slots;
        m_room.rotate_seconds = config.settings.coffee.rotate_seconds;
        m_room.group_question_first = config.settings.coffee.group_first;
    }

    // The panels the rotation shows for this View, in their order.
    std::vector<scenes::CoffeePanel> panels(const View& view, const Clock& clock) const {
        return scenes::coffee_panels(frame(view, clock, std::nullopt));
    }

    // One panel turn as screen_loop.cpp makes it: draw_full keeps the old picture, draws the new
    // panel and keeps that too (before_draw / after_draw), then fade_step mixes them every 40 ms
    // (here on a fake clock, so exactly the live kiosk's frames) until the new panel is whole.
    // Returns each frame's cost in ms; the first is the full draw with its two copies (the screen
    // shows the old picture as the fade's first frame).
    std::vector<double> turn(const View& view, const Clock& clock, scenes::CoffeePanel panel) {
        const auto shown = frame(view, clock, panel);
        std::vector<double> ms;
        auto start = Steady::now();
        m_fade.before_draw(m_surface.get(), scenes::coffee_panel_name(panel), true);
        scenes::draw_frame(m_canvas, shown);
        [[maybe_unused]] const bool shown_at_once = m_fade.after_draw(m_surface.get(), Millis{0});
        ms.push_back(ms_since(start));
        auto next = m_fade.fading() ? std::optional<Millis>{screen::PanelFade::k_frame} : std::nullopt;
        while (next) {
            start = Steady::now();
            next = m_fade.step(m_surface.get(), *next);
            ms.push_back(ms_since(start));
        }
        return ms;
    }

    const ui::TextureCache& cache() const { return m_canvas.cache(); }

private:
    scenes::Frame frame(const View& view, const Clock& clock, std::optional<scenes::CoffeePanel> panel) const {
        const auto wall = clock.wall();
        scenes::Frame made{view, m_config.strings, m_room, clock.monotonic(), wall, to_local(wall)};
        made.week_line = kiosk::week_line(m_config.strings, m_config.settings.trajectory, m_config.settings.slots.size(), made.local, 0, view.session_open());
        made.coffee_panel = panel;
        return made;
    }

    const Config& m_config;
    scenes::Room m_room;
    ui::SurfacePtr m_surface;
    ui::Canvas m_canvas;
    screen::PanelFade m_fade;
};

// ---------------------------------------------------------------------------------------------
// The cross-fade's frame cost

// A full coffee corner (as screenshot.cpp's sample_coffee makes one): the week's link, 40
// answers of varied length and two open decisions, so that all four panels have something.
void fill_coffee(scenes::SceneHarness& harness, const Config& config) {
    std::map<std::string, int> refused;
    const auto count = [&refused](const char* what, const Outcome& outcome) {
        if (!outcome.ok()) ++refused[std::string{what} + " " + std::string{to_string(outcome.status)}];
    };
    count("CoffeeWeek", harness.apply({EventKind::CoffeeWeek, Sender::system(),
                                       CoffeeWeekPayload{week_of(harness.clock().wall()), "coffee-bench-token-000000000000", {}}}));
    const auto samples = tools::load_demo_samples(config).at("coffee_answers");
    const auto max_text = static_cast<std::size_t>(config.settings.session.max_text);
    std::mt19937 rng{7};
    for (std::size_t i = 0; i < 40; ++i)
        count("CoffeeAnswer", harness.apply({EventKind::CoffeeAnswer, Sender::visitor(visitor_key(i)),
                                             CoffeeAnswerPayload{compose(rng, samples, max_text), false}}));
    if (!refused.empty()) problem("coffee fade: the sample coffee corner is short: refused " + tally_text(refused));
    harness.remember_decisions(
        {Decision{"bench-1", DecisionKind::Do, "De overdracht van 8:30 bij de balie",
                  "Hoe kunnen we de overdracht zo doen dat geen klantvraag blijft liggen?", "Teamcoördinator",
                  "Vijf vragen kiezen met de ochtenddienst", 20261201, "running"},
         Decision{"bench-2", DecisionKind::Adjust, "Terugbellen na een klacht", "", "Sanne",
                  "Een belscript van vijf zinnen proberen", 20261215, ""}});
}

}  // namespace

void bench_coffee_fade(const Config& config, const ui::FontFiles& fonts, int turns) {
    const auto turn_count = static_cast<std::size_t>(std::max(turns, 1));
    std::printf("\nCoffee corner: %zu panel turns with the 600 ms cross-fade, software into memory (presenting not "
                "included), all four panels in rotation\n",
                turn_count);
    scenes::SceneHarness harness{config.content, config.settings.timers, config.strings,
                                 {config.settings.room_name, "http://127.0.0.1:8080", config.settings.slots},
                                 std::chrono::system_clock::now()};
    fill_coffee(harness, config);
    std::string figure = "coffee_fade_frame_ms", goals;
    for (const auto& [label, width, height, goal] : {std::tuple{"1080p", 1920, 1080, 8.0}, std::tuple{"4k", 3840, 2160, 16.7}}) {
        CoffeeScreen screen{config, fonts, width, height};
        const auto panels = screen.panels(harness.view(), harness.clock());
        if (panels.size() < 2) {
            problem("coffee fade: the coffee corner has only " + std::to_string(panels.size()) + " panel here: nothing turns, no figure");
            return;
        }
        // Every panel once first: its texts drawn and cached, as after the room's first rotation.
        for (const auto panel : panels) screen.turn(harness.view(), harness.clock(), panel);
        std::vector<double> all, full, fade;
        for (std::size_t i = 0; i < turn_count; ++i) {
            const auto ms = screen.turn(harness.view(), harness.clock(), panels[i % panels.size()]);
            all.insert(all.end(), ms.begin(), ms.end());
            full.push_back(ms.front());
            fade.insert(fade.end(), ms.begin() + 1, ms.end());
        }
        const double p99 = percentile(all, 99);
        std::printf("  %-5s %zu frames a turn (1 full draw + %zu fade frames); full draw with the fade's copies p50 %.2f "
                    "p99 %.2f ms, fade frame p50 %.2f p99 %.2f ms\n",
                    label, all.size() / turn_count, fade.size() / turn_count, percentile(full, 50), percentile(full, 99),
                    percentile(fade, 50), percentile(fade, 99));
        char part[128];
        std::snprintf(part, sizeof part, "%s %s p50=%.2f p99=%.2f", goals.empty() ? "" : " ;", label, percentile(all, 50), p99);
        figure += part;
        std::snprintf(part, sizeof part, "%sp99 <= %.1f ms at %s: %s", goals.empty() ? "" : ", ", goal, label,
                      p99 <= goal ? "met" : "NOT met");
        goals += part;
    }
    std::printf("%s\n  (goal %s)\n", figure.c_str(), goals.c_str());
}

namespace {

// ---------------------------------------------------------------------------------------------
// A month of coffee weeks

constexpr std::size_t k_visitors = 40;
constexpr std::size_t k_phones = 8;
const std::string k_moderator = issued_key(1, 1);

// The engine as the engine loop drives it (engine_loop.cpp), on a fake clock: each event
// admitted, the engine's choices filled in, applied, the deadlines passed, and what the journal
// would take taken (and dropped: an engine left holding it would grow by itself). Refusals
// other than "changes nothing" are counted by action and status.
class MonthEngine {
public:
    MonthEngine(const Config& config, WallTime start)
        : m_clock{start}, m_engine{config.content, config.settings.timers, approve_rules(config)} {}

    Outcome submit(Event event) {
        event.at = m_clock.monotonic();
        Engine::Reserved reserved;  // what this batch (one event here) takes of the week's bounds
        Outcome outcome;
        outcome.status = m_engine.admit(event, reserved);
        if (outcome.ok()) {
            m_engine.prepare(event);
            outcome = m_engine.apply(event);
        }
        drain();
        if (!outcome.ok() && outcome.status != Status::Ignored)
            ++m_refused[std::string{to_string(event.kind)} + " " + std::string{to_string(outcome.status)}];
        return outcome;
    }
    void press(EventKind kind) { submit(Event{kind}); }
    void pass(Millis time) {
        m_clock.advance(time);
        drain();
    }
    void pass_until(WallTime when) {  // never back
        if (when > m_clock.wall()) pass(std::chrono::duration_cast<Millis>(when - m_clock.wall()));
    }
    std::shared_ptr<const View> view() const { return m_engine.shared_view(); }
    const FakeClock& clock() const { return m_clock; }
    const std::map<std::string, int>& refused() const { return m_refused; }

private:
    static SessionRules approve_rules(const Config& config) {
        auto rules = config.settings.session;
        rules.coffee.moderation = Moderation::Approve;  // every answer and edit waits for the moderator
        return rules;
    }
    void drain() {
        m_engine.tick(m_clock.monotonic());
        m_engine.take_applied();
        m_engine.take_effects();
    }

    FakeClock m_clock;
    Engine m_engine;
    std::map<std::string, int> m_refused;
};

// Monday morning: the week's link (as live_kiosk.cpp submits it when the ISO week turns), and
// the room's H outside a session claimed by one phone as this week's moderator.
void open_week(MonthEngine& month) {
    month.submit({EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{week_of(month.clock().wall()), {}, {}}});
    month.press(EventKind::OfferHost);
    if (const auto view = month.view(); view->host_offer)
        month.submit({EventKind::CoffeeHost, Sender::visitor(k_moderator), CoffeeHostPayload{view->host_offer->code}});
}

// After the `slot`-th of `slots` sessions: every slots-th visitor answers, half of the previous
// slot's visitors reword their answer; then the moderator approves what waits (hides one in nine).
void visitors_answer(MonthEngine& month, const std::vector<std::string>& samples, std::mt19937& rng, std::size_t slot,
                     std::size_t slots, std::size_t max_text) {
    for (std::size_t v = 0; v < k_visitors; ++v) {
        const bool answers = v % slots == slot;
        const bool edits = slot > 0 && v % slots == slot - 1 && v % 2 == 0;
        if (answers || edits)
            month.submit({EventKind::CoffeeAnswer, Sender::visitor(visitor_key(v)), CoffeeAnswerPayload{compose(rng, samples, max_text), false}});
        month.pass(std::chrono::minutes{5});
    }
    std::vector<int> waiting;
    const auto now = month.view();
    for (const auto* answer : now->coffee.waiting()) waiting.push_back(answer->id);
    for (const int id : waiting)
        month.submit({EventKind::CoffeeModerate, Sender::visitor(k_moderator), CoffeeModeratePayload{id, id % 9 == 0 ? "hide" : "approve"}});
}

// One session as the room walks it with its keys: 8 phones join, write up to two notes each in
// every step that takes notes, the room moves on (votes and the validation pass without dots or
// scores); at the wrap-up three phones suggest next week's coffee question and everyone places
// a dot; the room closes the session. True when it reached the wrap-up.
bool run_session(MonthEngine& month, int number, const SoakTexts& texts, std::mt19937& rng, std::size_t max_text) {
    month.press(EventKind::Start);  // the lobby
    std::vector<std::string> keys;
    for (std::size_t p = 0; p < k_phones; ++p) {
        keys.push_back(issued_key(2, static_cast<unsigned long long>(number), p));
        month.submit({EventKind::Join, Sender::participant(keys.back()), JoinPayload{}});
    }
    month.press(EventKind::Start);  // to the check-in
    for (int guard = 0; guard < 64 && month.view()->in_step(); ++guard) {
        const auto now = month.view();
        const auto& spec = now->step_spec();
        if (spec.takes_notes() && spec.contribution != Contribution::Constraints && now->part() == Part::Write) {
            const int each = spec.max_per_person > 0 ? std::min(spec.max_per_person, 2) : 2;
            const auto& samples = texts.of(net::contribution_name(spec.contribution));
            for (const auto& key : keys)
                for (int n = 0; n < each; ++n)
                    month.submit({EventKind::Contribute, Sender::participant(key), NewNotePayload{spec.id, compose(rng, samples, max_text)}});
        }
        month.pass(std::chrono::minutes{2});
        month.press(EventKind::Next);
    }
    const bool reached = month.view()->phase == Phase::WrapUp;
    if (reached) {
        for (std::size_t p = 0; p < 3; ++p)
            month.submit({EventKind::QuestionIdea, Sender::participant(keys[p]),
                          QuestionIdeaPayload{"Wat wil je volgende week van elkaar weten? (" + std::to_string(number) + "." +
                                            std::to_string(p + 1) + ")"}});
        for (std::size_t p = 0; p < k_phones; ++p)
            month.submit({EventKind::QuestionDot, Sender::participant(keys[p]), QuestionDotPayload{1 + static_cast<int>(p % 3)}});
    }
    month.press(EventKind::Start);  // the room closes it: the chosen question becomes next week's
    return reached;
}

// The week's slots in order (four a week when the config has none).
std::vector<Slot> month_slots(const Config& config) {
    auto slots = config.settings.slots;
    if (slots.empty()) slots = {{0, 540, 600, ""}, {1, 540, 600, ""}, {3, 540, 600, ""}, {4, 540, 600, ""}};
    std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
        return a.weekday != b.weekday ? a.weekday < b.weekday : a.start_minute < b.start_minute;
    });
    return slots;
}

}  // namespace

void bench_coffee_month(const Config& config, const ui::FontFiles& fonts, int weeks) {
    const auto week_count = static_cast<std::size_t>(std::max(weeks, 3));
    constexpr std::size_t k_compare_from = 2;  // growth from after week 2 to after the last
    const auto slots = month_slots(config);
    std::printf("\nCoffee corner, a month on a fake clock: %zu weeks, each with its link, a moderator, %zu visitors answering "
                "and editing (approve moderation), %zu sessions of %zu phones with a wrap-up question; the panels turned "
                "with their fade at 1920x1080 into memory after each week\n",
                week_count, k_visitors, slots.size(), k_phones);
    const auto texts = load_soak_texts(config);
    const auto answers = tools::load_demo_samples(config).at("coffee_answers");
    const auto max_text = static_cast<std::size_t>(config.settings.session.max_text);
    const std::chrono::sys_days first_monday{std::chrono::year{2026} / std::chrono::September / 7};
    MonthEngine month{config, WallTime{first_monday}};
    CoffeeScreen screen{config, fonts, 1920, 1080};
    std::mt19937 rng{2026};
    std::vector<ProcessSample> samples;
    std::vector<std::size_t> cache;
    int sessions = 0, reached = 0;
    for (std::size_t week = 0; week < week_count; ++week) {
        const WallTime monday{first_monday + std::chrono::days{7 * static_cast<int>(week)}};
        month.pass_until(monday + std::chrono::hours{8});
        open_week(month);
        for (std::size_t s = 0; s < slots.size(); ++s) {
            month.pass_until(monday + std::chrono::days{slots[s].weekday} + std::chrono::minutes{slots[s].start_minute});
            reached += run_session(month, ++sessions, texts, rng, max_text) ? 1 : 0;
            visitors_answer(month, answers, rng, s, slots.size(), max_text);
        }
        const auto view = month.view();
        for (const auto panel : screen.panels(*view, month.clock())) screen.turn(*view, month.clock(), panel);
        // What is in use once malloc has handed back what it keeps free (the kiosk does the same
        // when a session closes): a sample without it moves by what malloc happens to keep.
        system::release_free_memory();
        samples.push_back(sample_process());
        cache.push_back(screen.cache().bytes());
        std::printf("  week %zu (%d): rss %.1f MB, heap in use %.2f MB, texture cache %.1f MB; %zu answers (%zu shown, %zu "
                    "waiting)\n",
                    week + 1, view->coffee.week, static_cast<double>(samples.back().rss_kb) / 1024.0,
                    mb(static_cast<double>(samples.back().heap_in_use)), mb(static_cast<double>(cache.back())),
                    view->coffee.answers.size(), view->coffee.shown().size(), view->coffee.waiting().size());
    }
    const auto& from = samples[k_compare_from - 1];
    const auto& to = samples.back();
    const long rss_kb = to.rss_kb - from.rss_kb;
    const double heap_kb = (static_cast<double>(to.heap_in_use) - static_cast<double>(from.heap_in_use)) / 1024.0;
    // The texture cache fills towards its budget and then evicts: bounded by design, so the goal
    // is for what grows besides it.
    const double cache_kb = (static_cast<double>(cache.back()) - static_cast<double>(cache[k_compare_from - 1])) / 1024.0;
    const double rss_beyond = static_cast<double>(rss_kb) - cache_kb, heap_beyond = heap_kb - cache_kb;
    std::printf("coffee_month rss_growth_kb=%+ld heap_growth_kb=%+.0f (week %zu -> week %zu, after malloc_trim; the texture "
                "cache %+.0f kB of it, bounded by its %.0f MB budget)\n",
                rss_kb, heap_kb, k_compare_from, week_count, cache_kb, mb(static_cast<double>(screen.cache().budget())));
    std::printf("  beyond the texture cache: rss %+.0f kB, heap in use %+.0f kB (goal <= 1024 kB both: %s)\n", rss_beyond,
                heap_beyond, rss_beyond <= 1024 && heap_beyond <= 1024 ? "met" : "NOT met");
    std::printf("  sessions that reached the wrap-up: %d of %d; refused by the engine: %s\n", reached, sessions,
                tally_text(month.refused()).c_str());
    if (reached != sessions) problem("coffee month: " + std::to_string(sessions - reached) + " sessions did not reach the wrap-up");
    if (!month.refused().empty()) problem("coffee month: the engine refused " + tally_text(month.refused()));
}

}  // namespace kiosk::bench
