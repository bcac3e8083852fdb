#pragma once
// The coffee corner's figures that need no display (the live kiosk's idle CPU and its night are
// bench/coffee_run.sh's): the cross-fade's frame cost, and a month of coffee weeks' memory.
#include "kiosk/config/config_loader.hpp"
#include "kiosk/ui/font_locator.hpp"

namespace kiosk::bench {

// Panel turns as the screen loop makes them (kiosk/app/panel_fade.hpp), into memory at 1920x1080
// and 3840x2160: the new panel's full draw with the fade's two copies, then the fade's frames 40 ms
// apart, `turns` turns at each size. Prints "coffee_fade_frame_ms 1080p p50=… p99=… ; 4k p50=… p99=…"
// (goals 8 and 16.7 ms).
void bench_coffee_fade(const Config& config, const ui::FontFiles& fonts, int turns = 20);

// `weeks` weeks (at least 3; five as the README gives it) on a fake clock with the real engine: each week its link, a moderator, 40 visitors
// answering and editing under approve moderation, the room's sessions with a wrap-up question,
// and the panels turned into a 1080p canvas. Prints "coffee_month rss_growth_kb=… heap_growth_kb=…"
// from week 2 to the last (after malloc_trim), and what the texture cache is of it; and what the
// engine refused, by action and status (problems.hpp: a refusal, a session short of its wrap-up).
void bench_coffee_month(const Config& config, const ui::FontFiles& fonts, int weeks = 5);

}  // namespace kiosk::bench
