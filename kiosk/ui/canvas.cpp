#include "kiosk/ui/canvas.hpp"

#include <cmath>
#include <functional>
#include <optional>
#include <vector>

namespace kiosk::ui {

namespace {

RendererPtr make_renderer(SDL_Surface* target) {
    RendererPtr renderer{SDL_CreateSoftwareRenderer(target)};
    if (!renderer) throw SdlError{"cannot create the software renderer"};
    SDL_SetRenderDrawBlendMode(renderer.get(), SDL_BLENDMODE_BLEND);
    return renderer;
}

SDL_Color to_sdl(Color c) { return SDL_Color{c.r, c.g, c.b, c.a}; }

}  // namespace

Canvas::Canvas(SDL_Surface* target, const FontFiles& fonts)
    // Room for about four screens' worth of text: a full wall of notes, and the scene before it.
    : m_target{target}, m_fonts{fonts}, m_renderer{make_renderer(target)},
      m_cache{m_renderer.get(), 4 * static_cast<std::size_t>(target->w) * static_cast<std::size_t>(target->h) * 4} {
    if (TTF_WasInit() == 0 && TTF_Init() != 0) throw SdlError{"cannot start SDL_ttf"};
}

int Canvas::u(double units) const {
    return static_cast<int>(std::lround(units * static_cast<double>(m_target->h) / 100.0));
}

void Canvas::note(LayoutItem::Kind kind, const SDL_Rect& rect, std::optional<SDL_Rect> box, const std::string& text) {
    if (!m_layout) return;
    // A fill over the whole screen dims the scene for an overlay: what follows lies on top.
    if (kind == LayoutItem::Kind::Fill && rect.x <= 0 && rect.y <= 0 && rect.x + rect.w >= width() && rect.y + rect.h >= height()) {
        ++m_layout->layer;
        return;
    }
    std::size_t shown = std::min<std::size_t>(text.size(), 40);
    while (shown < text.size() && (static_cast<unsigned char>(text[shown]) & 0xC0) == 0x80) --shown;  // whole characters
    m_layout->items.push_back({kind, rect, box, text.substr(0, shown), m_layout->layer});
}

void Canvas::clear(Color color) {
    SDL_SetRenderDrawColor(m_renderer.get(), color.r, color.g, color.b, 255);
    SDL_RenderClear(m_renderer.get());
    if (m_layout) m_layout->items.clear();
}

void Canvas::fill(const SDL_Rect& rect, Color color) {
    // Opaque fills skip the per-pixel blend: with SDL's software renderer that is several
    // times faster for the large panels every frame has.
    SDL_SetRenderDrawBlendMode(m_renderer.get(), color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(m_renderer.get(), color.r, color.g, color.b, color.a);
    SDL_RenderFillRect(m_renderer.get(), &rect);
    // Opaque fills cover what is under them; a translucent one counts only over the whole screen
    // (an overlay's dimming, which starts a layer), not as a band that hides text.
    if (color.a == 255 || (rect.w >= width() && rect.h >= height())) note(LayoutItem::Kind::Fill, rect);
}

void Canvas::frame(const SDL_Rect& rect, Color color, int thickness) {
    fill({rect.x, rect.y, rect.w, thickness}, color);
    fill({rect.x, rect.y + rect.h - thickness, rect.w, thickness}, color);
    fill({rect.x, rect.y, thickness, rect.h}, color);
    fill({rect.x + rect.w - thickness, rect.y, thickness, rect.h}, color);
}

TTF_Font* Canvas::font(Weight weight, int pixels) {
    auto& slot = m_font_cache[{weight, pixels}];
    if (!slot) {
        const auto& path = weight == Weight::Bold ? m_fonts.bold : m_fonts.regular;
        slot.reset(TTF_OpenFont(path.c_str(), pixels));
        if (!slot) throw SdlError{"cannot open font " + path.string()};
    }
    return slot.get();
}

SurfacePtr Canvas::render(const std::string& text, const TextStyle& style, int wrap_width, Align align) {
    if (text.empty()) return nullptr;
    TTF_Font* f = font(style.weight, std::max(6, u(style.size)));
    SurfacePtr surface;
    if (wrap_width > 0) {
        TTF_SetFontWrappedAlign(f, align == Align::Center  ? TTF_WRAPPED_ALIGN_CENTER
                                   : align == Align::Right ? TTF_WRAPPED_ALIGN_RIGHT
                                                           : TTF_WRAPPED_ALIGN_LEFT);
        surface.reset(TTF_RenderUTF8_Blended_Wrapped(f, text.c_str(), to_sdl(style.color),
                                                     static_cast<Uint32>(wrap_width)));
    } else {
        surface.reset(TTF_RenderUTF8_Blended(f, text.c_str(), to_sdl(style.color)));
    }
    if (!surface) {
        // Only zero-width characters (a lone U+200B or U+200C, a combining mark): nothing to
        // draw, like empty text. SDL_ttf refuses them ("Text has zero width"), and an exception
        // here would keep the whole frame from being drawn (found by fuzz_markdown).
        int width = 0, height = 0;
        if (TTF_SizeUTF8(f, text.c_str(), &width, &height) == 0 && width == 0) return nullptr;
        throw SdlError{"cannot render text \"" + text.substr(0, 40) + "\": " + TTF_GetError()};
    }
    return surface;
}

CachedTexture Canvas::rendered(const std::string& text, const TextStyle& style, int wrap_width,
                               Align align) {
    const std::string key = "t" + std::to_string(static_cast<int>(style.weight)) + "|" +
                            std::to_string(u(style.size)) + "|" + std::to_string(style.color.r) + "," +
                            std::to_string(style.color.g) + "," + std::to_string(style.color.b) + "," +
                            std::to_string(style.color.a) + "|" + std::to_string(wrap_width) + "|" +
                            // Alignment shapes only wrapped text; unwrapped text is one texture.
                            std::to_string(wrap_width > 0 ? static_cast<int>(align) : 0) + "|" + text;
    return m_cache.get(key, [&] { return render(text, style, wrap_width, align); });
}

SDL_Point Canvas::measure(const std::string& text, const TextStyle& style, int wrap_width, Align align) {
    const auto cached = rendered(text, style, wrap_width, align);
    return {cached.width, cached.height};
}

SDL_Rect Canvas::place(SDL_Texture* texture, int width, int height, int x, int y, int wrap_width, Align align,
                       Uint8 opacity) {
    SDL_Rect rect{x, y, width, height};
    if (wrap_width > 0) {
        // SDL_ttf aligns lines inside the surface; the surface itself is as wide as its
        // longest line, so place that inside the wrap box too.
        if (align == Align::Center) rect.x = x + (wrap_width - width) / 2;
        if (align == Align::Right) rect.x = x + wrap_width - width;
    } else {
        if (align == Align::Center) rect.x = x - width / 2;
        if (align == Align::Right) rect.x = x - width;
    }
    if (texture) {
        // Opacity modulates the cached texture at draw time, so a fading note needs no copies.
        if (opacity != 255) SDL_SetTextureAlphaMod(texture, opacity);
        SDL_RenderCopy(m_renderer.get(), texture, nullptr, &rect);
        if (opacity != 255) SDL_SetTextureAlphaMod(texture, 255);
    }
    return rect;
}

SDL_Rect Canvas::text(const std::string& text, const TextStyle& style, int x, int y,
                      int wrap_width, Align align) {
    const auto cached = rendered(text, style, wrap_width, align);
    const auto rect = place(cached.texture, cached.width, cached.height, x, y, wrap_width, align, style.opacity);
    note(LayoutItem::Kind::Text, rect, wrap_width > 0 ? std::optional<SDL_Rect>{SDL_Rect{x, y, wrap_width, height() - y}} : std::nullopt, text);
    return rect;
}

SDL_Rect Canvas::text_once(const std::string& text, const TextStyle& style, int x, int y, Align align) {
    const SurfacePtr surface = render(text, style, 0, align);
    if (!surface) return {x, y, 0, 0};
    const TexturePtr texture{SDL_CreateTextureFromSurface(m_renderer.get(), surface.get())};
    if (!texture) throw SdlError{"cannot make a texture"};
    const auto rect = place(texture.get(), surface->w, surface->h, x, y, 0, align, style.opacity);
    note(LayoutItem::Kind::Text, rect, std::nullopt, text);
    return rect;
}

SDL_Rect Canvas::text_fit(const std::string& text, TextStyle style, const SDL_Rect& box,
                          double min_size, Align align) {
    const auto choice = fitted(text, style, box, min_size, align);
    style.size = choice.size;
    const auto cached = rendered(choice.shown, style, box.w, align);
    const auto rect = place(cached.texture, cached.width, cached.height, box.x, box.y, box.w, align, style.opacity);
    note(LayoutItem::Kind::Text, rect, box, choice.shown);
    return rect;
}

Canvas::Fitted Canvas::fitted(const std::string& text, TextStyle style, const SDL_Rect& box, double min_size, Align align) {
    const std::string key = std::to_string(style.size) + "|" + std::to_string(min_size) + "|" +
                            std::to_string(static_cast<int>(style.weight)) + "|" + std::to_string(box.w) + "x" +
                            std::to_string(box.h) + "|" + std::to_string(static_cast<int>(align)) + "|" + text;
    if (const auto found = m_fitted.find(key); found != m_fitted.end()) return found->second;
    while (style.size > min_size) {
        const auto size = measure(text, style, box.w, align);  // the texture it then draws
        if (size.y <= box.h && size.x <= box.w) break;
        style.size = std::max(min_size, style.size * 0.9);
    }
    if (m_fitted.size() >= 512) m_fitted.clear();  // texts come and go; a frame holds far fewer
    return m_fitted[key] = Fitted{style.size, fitting_part(text, style, box, align)};
}

namespace {

// The most of `cuts` (ascending places in the text) that still fits: a binary search, since a
// longer part never fits where a shorter one does not. nullopt when not even the first fits.
std::optional<std::size_t> longest_fitting(const std::vector<std::size_t>& cuts, const std::function<bool(std::size_t)>& fits) {
    std::size_t low = 0, high = cuts.size();  // cuts[low..high) untried; everything below low fits
    while (low < high) {
        const std::size_t middle = (low + high) / 2;
        if (fits(cuts[middle])) low = middle + 1;
        else high = middle;
    }
    return low == 0 ? std::nullopt : std::optional<std::size_t>{cuts[low - 1]};
}

}  // namespace

std::string Canvas::fitting_part(const std::string& text, const TextStyle& style, const SDL_Rect& box, Align align) {
    // Measured without keeping a texture: only the part that is drawn is kept (by text_fit).
    const auto fits = [&](const std::string& candidate) {
        const auto surface = render(candidate, style, box.w, align);
        return !surface || (surface->w <= box.w && surface->h <= box.h);
    };
    if (fits(text)) return text;
    const auto cut = [&](std::size_t end) { return text.substr(0, end) + "\u2026"; };
    const auto cut_fits = [&](std::size_t end) { return fits(cut(end)); };
    // After the last word that fits (a space or a line break follows it) ...
    std::vector<std::size_t> words, letters;
    for (std::size_t i = 1; i < text.size(); ++i) {
        if ((text[i] == ' ' || text[i] == '\n') && text[i - 1] != ' ' && text[i - 1] != '\n') words.push_back(i);
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) letters.push_back(i);  // a UTF-8 character starts
    }
    if (const auto end = longest_fitting(words, cut_fits)) return cut(*end);
    // ... else after the last character that fits (one long word: a link, a name typed without spaces).
    if (const auto end = longest_fitting(letters, cut_fits)) return cut(*end);
    return text;  // not even one character fits: the box is too small for any text
}

SDL_Rect Canvas::image(const std::string& key, const std::function<SurfacePtr()>& make, int x, int y) {
    const auto cached = m_cache.get("i" + key, make);
    SDL_Rect rect{x, y, cached.width, cached.height};
    if (cached.texture) SDL_RenderCopy(m_renderer.get(), cached.texture, nullptr, &rect);
    note(LayoutItem::Kind::Image, rect);
    return rect;
}

void Canvas::picture(SDL_Surface& source, const SDL_Rect& box) {
    SDL_RenderFlush(m_renderer.get());  // what the renderer queued goes under the picture
    SDL_Rect to = box;
    if (source.w == box.w && source.h == box.h) SDL_BlitSurface(&source, nullptr, m_target, &to);
    else SDL_BlitScaled(&source, nullptr, m_target, &to);
    note(LayoutItem::Kind::Image, box);
}

SDL_Point Canvas::image_size(const std::string& key, const std::function<SurfacePtr()>& make) {
    const auto cached = m_cache.get("i" + key, make);
    return {cached.width, cached.height};
}

SurfacePtr make_rgb_surface(int width, int height) {
    SurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888)};
    if (!surface) throw SdlError{"cannot create a " + std::to_string(width) + "x" + std::to_string(height) + " surface"};
    return surface;
}

}  // namespace kiosk::ui
