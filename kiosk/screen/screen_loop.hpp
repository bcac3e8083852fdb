#pragma once
// The kiosk on a real display: the window, the frame loop on the main thread, the keys, and
// the engine on its own thread behind an inbox.
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "kiosk/core/engine_loop.hpp"

#include "kiosk/ui/screen_size.hpp"
#include "kiosk/config/config_loader.hpp"
#include "kiosk/ui/font_locator.hpp"
#include "scenes/scene.hpp"

namespace kiosk::system {
class ServiceWatchdog;
}  // namespace kiosk::system

namespace kiosk::screen {

using system::ServiceWatchdog;

class DisplayError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// How other threads wake the screen: the engine's hooks call these. Until the window is
// open they do nothing; the first frame reads the latest View anyway.
class ScreenSignals {
public:
    void view_changed() const;  // any thread
    void chime() const;         // any thread
    void attach(std::uint32_t first_event_type) { m_first.store(first_event_type); }
    // A problem the room must see (storage failing); empty clears it. Any thread.
    void set_warning(const std::string& text);
    std::string warning() const;
    // Local dates sessions were opened on (from the journal, then as they open): "sessie 3 van 4".
    void session_opened(std::chrono::year_month_day date);
    std::vector<std::chrono::year_month_day> session_dates() const;
    // The caption of the clip that plays now ("" without), for the phones; `changed` (set once,
    // before the screen runs) is called on the screen's thread when it changes.
    void set_caption(const std::string& text);
    std::string caption() const;
    void on_caption(std::function<void()> changed) { m_caption_changed = std::move(changed); }

private:
    std::atomic<std::uint32_t> m_first{0};
    mutable std::mutex m_mutex;
    std::string m_warning;
    std::vector<std::chrono::year_month_day> m_sessions;
    std::string m_caption;
    std::function<void()> m_caption_changed;
};

struct ScreenSetup {
    const Config& config;
    EngineLoop& loop;
    ScreenSignals& signals;
    const scenes::Room& room;
    ui::FontFiles fonts;
    bool fullscreen = true;
    ui::ScreenSize size;
    bool print_first_frame = false;
    bool trace_frames = false;  // print each presented View version (for the benchmarks)
    std::optional<int> coffee_display;  // a second screen for the coffee corner (SDL display index)
    ServiceWatchdog* watchdog = nullptr;  // systemd's READY=1 and WATCHDOG=1 (service_watchdog.hpp)
    std::filesystem::path data_dir;       // where a playing clip's position is kept for a restart ("" = nowhere)
};

// Runs until Ctrl+Alt+Q, the window is closed, or SIGINT/SIGTERM. Throws DisplayError when
// there is no display to show on.
void run_screen(const ScreenSetup& setup);

}  // namespace kiosk::screen
