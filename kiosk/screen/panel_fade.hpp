#pragma once
// The coffee corner's cross-fade between panels, for any window: before a frame with another
// panel is drawn the old picture is kept, after it the new one, and step() mixes the two for
// k_length at about 25 frames a second; the screen shows the old picture meanwhile, so the
// turn's first frame is not shown at all. Outside the coffee corner (panel "") nothing fades.
#include <SDL.h>

#include <optional>
#include <string>

#include "kiosk/core/clock.hpp"
#include "kiosk/ui/crossfade.hpp"

namespace kiosk::screen {

class PanelFade {
public:
    static constexpr Millis k_length{600};
    static constexpr Millis k_frame{40};

    // Before drawing a frame that shows `panel` ("" when not a coffee panel) into `surface`.
    void before_draw(SDL_Surface* surface, const std::string& panel, bool allowed) {
        m_kept = false;
        if (panel.empty()) release();  // a session: nothing fades; the copies' memory goes back
        else if (allowed && !m_shown.empty() && panel != m_shown) m_kept = ui::copy_surface(surface, m_from);
        m_changed = panel != m_shown;
        m_shown = panel;
    }
    // After drawing it: a fade starts when the panel changed. Then the screen keeps the old
    // picture as the fade's frame 0 and this frame is not to be shown (false) until step()
    // mixes in the new one; otherwise true, show it.
    [[nodiscard]] bool after_draw(SDL_Surface* surface, Millis now) {
        if (!m_kept || !ui::copy_surface(surface, m_to)) return true;
        m_kept = false;
        m_fading = true;
        m_start = now;
        return false;
    }
    // One frame of the fade into `surface`; the time of the next one, or nullopt when it is done.
    std::optional<Millis> step(SDL_Surface* surface, Millis now) {
        if (!fading()) return std::nullopt;
        const double progress = static_cast<double>((now - m_start).count()) / static_cast<double>(k_length.count());
        if (progress >= 1.0) {
            ui::blend_surfaces(*m_to, *m_to, *surface, 256);
            cancel();
            return std::nullopt;
        }
        ui::blend_surfaces(*m_from, *m_to, *surface, ui::fade_weight(progress));
        return now + k_frame;
    }
    bool fading() const { return m_fading; }
    void cancel() { m_fading = false; }
    // Whether the last before_draw() named another panel than the one before it.
    bool changed() const { return m_changed; }
    const std::string& shown() const { return m_shown; }
    void forget() {
        cancel();
        release();
        m_shown.clear();
    }

private:
    void release() {
        cancel();
        m_from.reset();
        m_to.reset();
    }

    // The two pictures of a fade, kept from turn to turn while the coffee corner shows: made
    // afresh for every turn, a 4K pair cost more in page faults than the copying itself.
    ui::SurfacePtr m_from, m_to;
    bool m_kept = false, m_fading = false;
    Millis m_start{0};
    std::string m_shown;
    bool m_changed = false;
};

}  // namespace kiosk::screen
