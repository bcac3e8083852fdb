#include "kiosk/system/free_memory.hpp"
#include "bench/soak_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "bench/problems.hpp"
#include "bench/proc_self.hpp"
#include "bench/soak_kiosk.hpp"
#include "bench/soak_phones.hpp"
#include "bench/soak_session.hpp"
#include "bench/stats.hpp"
#include "kiosk/core/local_time.hpp"
#include "kiosk/core/week_line.hpp"
#include "kiosk/ui/canvas.hpp"
#include "scenes/scene.hpp"

namespace kiosk::bench {

namespace {

using Steady = std::chrono::steady_clock;

double ms_since(Steady::time_point start) { return std::chrono::duration<double, std::milli>(Steady::now() - start).count(); }
double mb(double bytes) { return bytes / (1024.0 * 1024.0); }
double kb(double bytes) { return bytes / 1024.0; }

// The kiosk's screen without a window: the frames the screen loop would draw (the same Frame,
// week line and scenes), at 1920×1080 into memory, timed. Main thread.
class OffscreenScreen {
public:
    OffscreenScreen(const Config& config, const ui::FontFiles& fonts, int port)
        : m_config{config}, m_surface{ui::make_rgb_surface(1920, 1080)}, m_canvas{m_surface.get(), fonts} {
        m_room.name = config.settings.room_name;
        m_room.phone_url = "http://127.0.0.1:" + std::to_string(port);  // the QR on loopback, as in the tests
        m_room.slots = config.settings.slots;
        m_room.show_names = config.settings.session.show_names;
    }
    // Draws the View as the screen shows it at the clock's time; returns the milliseconds it took.
    double draw(const View& view, const Clock& clock) {
        const auto wall = clock.wall();
        scenes::Frame frame{view, m_config.strings, m_room, clock.monotonic(), wall, to_local(wall)};
        frame.week_line = kiosk::week_line(m_config.strings, m_config.settings.trajectory, m_config.settings.slots.size(), frame.local, sessions_in_week(m_sessions, frame.local.date),
                                         view.session_open());
        const auto start = Steady::now();
        scenes::draw_frame(m_canvas, frame);
        return ms_since(start);
    }
    void session_opened(std::chrono::year_month_day date) { m_sessions.push_back(date); }
    const ui::TextureCache& cache() const { return m_canvas.cache(); }

private:
    const Config& m_config;
    scenes::Room m_room;
    ui::SurfacePtr m_surface;
    ui::Canvas m_canvas;
    std::vector<std::chrono::year_month_day> m_sessions;  // "sessie 3 van 4"
};

// When each session opens: the room's slots (kiosk.json schedule.slots: Monday, Tuesday,
// Thursday and Friday at 9:00 as shipped), week after week from Monday 7 September 2026.
std::vector<WallTime> session_starts(const Config& config, int weeks) {
    auto slots = config.settings.slots;
    if (slots.empty()) slots = {{0, 540, 600, ""}, {1, 540, 600, ""}, {3, 540, 600, ""}, {4, 540, 600, ""}};
    std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
        return a.weekday != b.weekday ? a.weekday < b.weekday : a.start_minute < b.start_minute;
    });
    const std::chrono::sys_days monday{std::chrono::year{2026} / std::chrono::September / 7};
    std::vector<WallTime> starts;
    for (int week = 0; week < weeks; ++week)
        for (const auto& slot : slots)
            starts.push_back(WallTime{monday + std::chrono::days{7 * week + slot.weekday}} +
                             std::chrono::minutes{slot.start_minute});
    return starts;
}

// Between sessions: the idle screen, and the retention the live kiosk runs once a day (never
// during a session), both on the fake clock.
struct Idle {
    std::vector<double> frame_ms;
    WallTime last_retention;
    int retention_runs = 0;
    int forgotten = 0;
};

// `frames` idle frames spread over the time until `until` (the screen draws once a minute; these
// are a sample of those minutes, each with its own clock text).
void show_idle(SoakKiosk& kiosk, OffscreenScreen& screen, WallTime until, int frames, Idle& idle) {
    const auto gap = until - kiosk.clock().wall();
    const auto step = gap > Millis{0} ? std::chrono::duration_cast<Millis>(gap / std::max(frames, 1)) : Millis{std::chrono::minutes{1}};
    auto last_release = kiosk.clock().wall();
    for (int i = 0; i < frames; ++i) {
        kiosk.pass(step);
        // As live_kiosk.cpp's hourly job does while no session runs.
        if (kiosk.clock().wall() - last_release >= std::chrono::hours{1} && !kiosk.view()->session_open()) {
            last_release = kiosk.clock().wall();
            system::release_free_memory();
        }
        if (kiosk.clock().wall() - idle.last_retention >= std::chrono::hours{24} && !kiosk.view()->session_open()) {
            idle.last_retention = kiosk.clock().wall();
            idle.forgotten += kiosk.run_retention().sessions;
            ++idle.retention_runs;
        }
        idle.frame_ms.push_back(screen.draw(*kiosk.view(), kiosk.clock()));
    }
}

// The process once the phones' connections have closed on the kiosk's side too, as the
// kiosk's hourly job leaves it between sessions (freed memory handed back): what malloc happens
// to keep free at one moment otherwise moves a sample by several megabytes either way.
ProcessSample settled_sample(const SoakKiosk& kiosk) {
    for (int i = 0; i < 200 && kiosk.server_stats().connections > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds{10});
    system::release_free_memory();
    return sample_process();
}

struct SessionFigures {
    SessionTally tally;
    double journal_growth = 0;  // bytes in use after the session minus before it
    double per_byte_said() const { return tally.said > 0 ? journal_growth / static_cast<double>(tally.said) : 0; }
};

struct Spread {
    double mean = 0, relative = 0, low = 0, high = 0;  // relative: standard deviation / mean
};

Spread spread_of(const std::vector<double>& values) {
    Spread s;
    if (values.empty()) return s;
    double sum = 0, squares = 0;
    for (const double v : values) sum += v;
    s.mean = sum / static_cast<double>(values.size());
    for (const double v : values) squares += (v - s.mean) * (v - s.mean);
    s.relative = s.mean != 0 ? std::sqrt(squares / static_cast<double>(values.size())) / s.mean : 0;
    s.low = *std::min_element(values.begin(), values.end());
    s.high = *std::max_element(values.begin(), values.end());
    return s;
}

std::pair<int, std::uintmax_t> files_under(const std::filesystem::path& folder) {
    std::pair<int, std::uintmax_t> found{0, 0};
    std::error_code error;
    for (const auto& entry : std::filesystem::recursive_directory_iterator{folder, error}) {
        std::error_code unreadable;
        if (!entry.is_regular_file(unreadable)) continue;
        const auto size = entry.file_size(unreadable);
        ++found.first;
        if (!unreadable) found.second += size;
    }
    return found;
}

// Everything the month measured, for the printout.
struct Month {
    std::vector<SessionFigures> sessions;
    std::vector<double> stage_ms;
    Idle idle;
    ProcessSample start, warm, end;
    std::int64_t warm_sqlite = 0, end_sqlite = 0;  // SQLite's own heap
    int warm_after = 0;  // the session after which `warm` was taken
    JournalSize journal;
    std::pair<int, std::uintmax_t> exports;
    std::size_t cache_bytes = 0, cache_budget = 0;
    std::size_t cache_warm = 0;  // the texture cache's bytes when `warm` was taken
    // After each session from `warm` on, less the texture cache, in MB: RSS, and the heap in use.
    std::vector<double> beyond_cache_mb, heap_beyond_cache_mb;
    int store_failures = 0;
    double seconds = 0;          // the whole month
    double session_seconds = 0;  // of which in sessions (phones, room keys, stage frames)
};

void print_sessions(const Month& month, const SoakOptions& options, bool own_addresses) {
    SessionTally all;
    int reached = 0;
    for (const auto& s : month.sessions) {
        reached += s.tally.reached_wrap_up ? 1 : 0;
        all.notes += s.tally.notes;
        all.said += s.tally.said;
        all.requests += s.tally.requests;
        all.refused += s.tally.refused;
        all.slowed += s.tally.slowed;
        all.streams += s.tally.streams;
        all.streamed += s.tally.streamed;
        if (all.first_refusal.empty()) all.first_refusal = s.tally.first_refusal;
        for (const auto& [what, count] : s.tally.refusals) all.refusals[what] += count;
    }
    const int count = std::max(static_cast<int>(month.sessions.size()), 1);
    double idle_ms = 0;
    for (const double ms : month.idle.frame_ms) idle_ms += ms;
    std::printf("  soak: %zu sessions, %d phones, %d week%s simulated in %.0f s (goal <= 60 s: %s; %.0f s in sessions, %.0f s "
                "drawing the idle screen); %d of %zu reached the wrap-up, %d notes a session\n",
                month.sessions.size(), options.phones, options.weeks, options.weeks == 1 ? "" : "s", month.seconds, month.seconds <= 60 ? "met" : "NOT met",
                month.session_seconds, idle_ms / 1000.0, reached, month.sessions.size(), all.notes / count);
    std::printf("  soak phones: %d requests, %d refused, %d slowed down (429); %d live streams received %.1f MB; %s\n",
                all.requests, all.refused, all.slowed, all.streams, mb(static_cast<double>(all.streamed)),
                own_addresses ? "each phone from its own 127.0.0.x" : "all phones from 127.0.0.1");
    if (!all.first_refusal.empty()) {
        std::printf("  soak refused: %s; the first: %s\n", tally_text(all.refusals).c_str(), all.first_refusal.c_str());
        problem("soak: " + std::to_string(all.refused) + " requests refused (" + tally_text(all.refusals) + ")");
    }
    if (reached != static_cast<int>(month.sessions.size()))
        problem("soak: " + std::to_string(static_cast<int>(month.sessions.size()) - reached) + " sessions did not reach the wrap-up");
}

// The least-squares slope of `ys` (one value a session) as growth per 16 sessions: a month.
double per_month_trend(const std::vector<double>& ys) {
    if (ys.size() < 3) return 0;
    const double n = static_cast<double>(ys.size()), mean_x = (n - 1) / 2;
    double mean_y = 0, sxy = 0, sxx = 0;
    for (const double y : ys) mean_y += y / n;
    for (std::size_t x = 0; x < ys.size(); ++x) {
        sxy += (static_cast<double>(x) - mean_x) * (ys[x] - mean_y);
        sxx += (static_cast<double>(x) - mean_x) * (static_cast<double>(x) - mean_x);
    }
    return sxy / sxx * 16;
}

void print_process(const Month& month) {
    const double growth_mb = static_cast<double>(month.end.rss_kb - month.warm.rss_kb) / 1024.0;
    // The screen's texture cache fills towards its budget and then evicts: its fill at the two
    // moments differs by megabytes either way (which texts were drawn last), and it is bounded
    // by design. The limit is for what grows besides it.
    const double cache_mb = (static_cast<double>(month.cache_bytes) - static_cast<double>(month.cache_warm)) / (1024.0 * 1024.0);
    // Two samples differ by what malloc happens to keep free at that moment (±3 MB here); a
    // leak shows as a trend. So: the least-squares slope of RSS less the texture cache over
    // the sessions from `warm` on, as growth per 16 sessions (a month of four a week).
    const auto& ys = month.beyond_cache_mb;
    const double slope = per_month_trend(ys), heap_slope = per_month_trend(month.heap_beyond_cache_mb);
    const auto [low, high] = ys.empty() ? std::pair{0.0, 0.0} : std::pair{*std::min_element(ys.begin(), ys.end()), *std::max_element(ys.begin(), ys.end())};
    std::printf("  soak rss growth: %+.1f MB from after session %d to after session %zu (%.1f -> %.1f MB, %.1f MB at start), "
                "the texture cache %+.1f MB of it (bounded by its budget)\n",
                growth_mb, month.warm_after, month.sessions.size(), static_cast<double>(month.warm.rss_kb) / 1024.0,
                static_cast<double>(month.end.rss_kb) / 1024.0, static_cast<double>(month.start.rss_kb) / 1024.0, cache_mb);
    std::printf("  soak rss trend: %+.2f MB a month (least squares over %zu sessions; RSS less the texture cache %.1f-%.1f MB; "
                "limit 1 MB: %s); heap in use less the cache %+.2f MB a month\n",
                slope, ys.size(), low, high, slope <= 1.0 ? "met" : "NOT met", heap_slope);
    // Where growth went: what malloc handed out (SQLite's part of it), and what it keeps free.
    std::printf("  soak heap: in use %.1f -> %.1f MB (SQLite %.1f -> %.1f MB), kept free by malloc %.1f -> %.1f MB\n",
                mb(static_cast<double>(month.warm.heap_in_use)), mb(static_cast<double>(month.end.heap_in_use)),
                mb(static_cast<double>(month.warm_sqlite)), mb(static_cast<double>(month.end_sqlite)),
                mb(static_cast<double>(month.warm.heap_kept)), mb(static_cast<double>(month.end.heap_kept)));
    const auto changes = file_changes(month.warm, month.end);
    std::printf("  soak open files: %d -> %d (%s%s)\n", month.warm.open_files(), month.end.open_files(),
                changes.empty() ? "stable: met" : "NOT stable: ", changes.c_str());
    std::printf("  soak threads: %ld -> %ld (%ld at start)\n", month.warm.threads, month.end.threads, month.start.threads);
    std::printf("  soak screen: %zu idle frames p50 %.2f ms p99 %.2f ms; %zu stage frames p99 %.2f ms; texture cache %.1f of "
                "%.1f MB\n",
                month.idle.frame_ms.size(), percentile(month.idle.frame_ms, 50), percentile(month.idle.frame_ms, 99),
                month.stage_ms.size(), percentile(month.stage_ms, 99), mb(static_cast<double>(month.cache_bytes)),
                mb(static_cast<double>(month.cache_budget)));
}

void print_journal(const Month& month, const Config& config) {
    std::vector<double> growth, ratio, first_half, second_half;
    double said = 0;
    for (std::size_t i = 0; i < month.sessions.size(); ++i) {
        const auto& s = month.sessions[i];
        growth.push_back(s.journal_growth);
        ratio.push_back(s.per_byte_said());
        (i < month.sessions.size() / 2 ? first_half : second_half).push_back(s.per_byte_said());
        said += static_cast<double>(s.tally.said);
    }
    const auto g = spread_of(growth), r = spread_of(ratio);
    const double used = static_cast<double>(month.journal.used);
    std::printf("  soak journal: %.2f MB in use for %.0f KB said (%.1f bytes per byte said); per session %+.0f KB ± %.0f %% "
                "(%.0f-%.0f KB), %.1f ± %.0f %% bytes per byte said (first half %.1f, second half %.1f)\n",
                mb(used), kb(said), said > 0 ? used / said : 0, kb(g.mean), 100 * g.relative, kb(g.low), kb(g.high), r.mean,
                100 * r.relative, spread_of(first_half).mean, spread_of(second_half).mean);
    std::printf("  soak journal files: vitale.sqlite3 %.2f MB + WAL %.2f MB on disk; outcome files %d, %.2f MB\n",
                mb(static_cast<double>(month.journal.file)), mb(static_cast<double>(month.journal.wal)), month.exports.first,
                mb(static_cast<double>(month.exports.second)));
    std::printf("  soak retention: %d daily runs on the fake clock, %d sessions forgotten (retention_days %d)%s\n",
                month.idle.retention_runs, month.idle.forgotten, config.settings.retention_days,
                month.store_failures ? "; the journal FAILED to write (see above)" : "");
    if (month.store_failures) problem("soak: the journal failed to write " + std::to_string(month.store_failures) + " times");
}

}  // namespace

void bench_soak(const Config& config, const ui::FontFiles& fonts, const SoakOptions& options) {
    const auto dir = std::filesystem::temp_directory_path() / "vitale-bench-soak";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto texts = load_soak_texts(config);
    const auto starts = session_starts(config, std::max(options.weeks, 1));
    const bool own_addresses = can_bind("127.0.0.2");
    // A month in under a minute: the phones tap about a hundred times faster than people do.
    const int requests_per_minute = 100 * config.settings.phone_requests_per_minute;
    std::printf("\nSoak: %zu sessions on a fake clock, %d phones each through the HTTP API on 127.0.0.1 (limit raised to %d "
                "requests a minute), idle screen between them; journal in %s\n",
                starts.size(), options.phones, requests_per_minute, dir.c_str());
    Month month;
    const auto begun = Steady::now();
    {
        SoakKiosk kiosk{{config, dir, starts.front() - std::chrono::hours{12}, options.phones, requests_per_minute}};
        OffscreenScreen screen{config, fonts, kiosk.port()};
        month.idle.last_retention = kiosk.clock().wall();
        month.start = settled_sample(kiosk);
        show_idle(kiosk, screen, starts.front(), options.idle_frames, month.idle);
        auto before = static_cast<double>(kiosk.journal_size().used);
        month.warm_after = std::min(2, static_cast<int>(starts.size()));
        for (std::size_t i = 0; i < starts.size(); ++i) {
            screen.session_opened(to_local(kiosk.clock().wall()).date);
            const auto session_begun = Steady::now();
            const auto tally = run_session({kiosk, texts, options.phones, static_cast<int>(i + 1), own_addresses,
                                            [&](const View& shown) { month.stage_ms.push_back(screen.draw(shown, kiosk.clock())); }});
            month.session_seconds += std::chrono::duration<double>(Steady::now() - session_begun).count();
            const auto after = static_cast<double>(kiosk.journal_size().used);
            month.sessions.push_back({tally, after - before});
            before = after;
            const auto next = i + 1 < starts.size() ? starts[i + 1] : kiosk.clock().wall() + std::chrono::hours{24};
            show_idle(kiosk, screen, next, options.idle_frames, month.idle);
            if (static_cast<int>(i) + 1 >= month.warm_after) {
                const auto now = settled_sample(kiosk);
                const auto cache = static_cast<double>(screen.cache().bytes());
                month.beyond_cache_mb.push_back((static_cast<double>(now.rss_kb) * 1024.0 - cache) / (1024.0 * 1024.0));
                month.heap_beyond_cache_mb.push_back((static_cast<double>(now.heap_in_use) - cache) / (1024.0 * 1024.0));
            }
            if (static_cast<int>(i) + 1 == month.warm_after) {
                month.warm = settled_sample(kiosk);
                month.cache_warm = screen.cache().bytes();
                month.warm_sqlite = SoakKiosk::sqlite_heap();
            }
        }
        month.end = settled_sample(kiosk);
        month.end_sqlite = SoakKiosk::sqlite_heap();
        month.journal = kiosk.journal_size();
        month.exports = files_under(dir / "exports");
        month.cache_bytes = screen.cache().bytes();
        month.cache_budget = screen.cache().budget();
        month.store_failures = kiosk.store_failures();
    }
    month.seconds = std::chrono::duration<double>(Steady::now() - begun).count();
    print_sessions(month, options, own_addresses);
    print_process(month);
    print_journal(month, config);
    std::filesystem::remove_all(dir);
}

}  // namespace kiosk::bench
