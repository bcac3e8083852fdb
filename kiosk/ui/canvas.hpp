#pragma once
// Where scenes draw: a software renderer over an SDL surface (a window's surface or an
// off-screen one for screenshots), with cached text and images, sized in screen-height units.
// Owned and used by the drawing thread only.
#include <SDL.h>

#include <map>
#include <unordered_map>
#include <string>
#include <utility>

#include "kiosk/ui/font_locator.hpp"
#include "kiosk/ui/layout_log.hpp"
#include "kiosk/ui/sdl_handles.hpp"
#include "kiosk/ui/texture_cache.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

enum class Weight { Regular, Bold };
enum class Align { Left, Center, Right };

struct TextStyle {
    double size = type::body;  // screen-height units
    Weight weight = Weight::Regular;
    Color color = theme::text;
    Uint8 opacity = 255;  // applied when drawing, not part of the cached texture (fade-ins)
};

class Canvas {
public:
    // `target` is not owned and must outlive the canvas.
    Canvas(SDL_Surface* target, const FontFiles& fonts);

    int width() const { return m_target->w; }
    int height() const { return m_target->h; }
    // Pixels for a length in screen-height units (1 unit = 1 % of the height).
    int u(double units) const;

    void next_frame() { m_cache.next_frame(); }
    void clear(Color color);
    void fill(const SDL_Rect& rect, Color color);
    void frame(const SDL_Rect& rect, Color color, int thickness);

    // Draws text with its top at y. With wrap_width > 0 the text wraps and is aligned inside
    // [x, x + wrap_width]; without, it is placed left of, centred on or right of x.
    SDL_Rect text(const std::string& text, const TextStyle& style, int x, int y,
                  int wrap_width = 0, Align align = Align::Left);
    // Draws text that changes all the time (the countdown) without keeping its texture:
    // caching a new large texture every second would only churn memory.
    SDL_Rect text_once(const std::string& text, const TextStyle& style, int x, int y, Align align = Align::Left);
    // Like text(), shrinking the size step by step (down to min_size) until it fits the box; what
    // still does not fit at min_size is cut after the last word that fits, with "…".
    SDL_Rect text_fit(const std::string& text, TextStyle style, const SDL_Rect& box,
                      double min_size, Align align = Align::Left);
    // Size of the text as text() would draw it (and its texture, cached for that draw).
    SDL_Point measure(const std::string& text, const TextStyle& style, int wrap_width = 0,
                      Align align = Align::Left);

    // An image made once per key (a QR code, say) and drawn at (x, y) at its own size.
    SDL_Rect image(const std::string& key, const std::function<SurfacePtr()>& make, int x, int y);
    SDL_Point image_size(const std::string& key, const std::function<SurfacePtr()>& make);
    // A picture that changes from frame to frame (a clip's, a format's image), copied into `box`
    // (scaled when the sizes differ) without caching anything.
    void picture(SDL_Surface& source, const SDL_Rect& box);

    const TextureCache& cache() const { return m_cache; }

    // From now on every text, opaque fill and image is noted in `log` (nullptr: no longer);
    // the log is not owned and must outlive the recording.
    void record_layout(LayoutLog* log) { m_layout = log; }
    // What follows is drawn over the scene on purpose (a panel that covers it): for the layout
    // check, a new layer. A fill over the whole screen starts one by itself.
    void begin_layer() {
        if (m_layout) ++m_layout->layer;
    }

private:
    void note(LayoutItem::Kind kind, const SDL_Rect& rect, std::optional<SDL_Rect> box = std::nullopt, const std::string& text = {});
    TTF_Font* font(Weight weight, int pixels);
    SurfacePtr render(const std::string& text, const TextStyle& style, int wrap_width, Align align);
    SDL_Rect place(SDL_Texture* texture, int width, int height, int x, int y, int wrap_width, Align align,
                   Uint8 opacity);
    CachedTexture rendered(const std::string& text, const TextStyle& style, int wrap_width, Align align);
    // text_fit's choice for a text in a box: its size and what of it is shown.
    struct Fitted {
        double size = 0;
        std::string shown;
    };
    Fitted fitted(const std::string& text, TextStyle style, const SDL_Rect& box, double min_size, Align align);
    std::string fitting_part(const std::string& text, const TextStyle& style, const SDL_Rect& box, Align align);

    SDL_Surface* m_target;
    FontFiles m_fonts;
    RendererPtr m_renderer;
    std::map<std::pair<Weight, int>, FontPtr> m_font_cache;
    TextureCache m_cache;
    LayoutLog* m_layout = nullptr;
    // text_fit's choices, so a frame measures nothing it measured before (and the candidates a
    // long text was cut from are not kept as textures).
    std::unordered_map<std::string, Fitted> m_fitted;
};

}  // namespace kiosk::ui
