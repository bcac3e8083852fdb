#include "kiosk/ui/presenter.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "kiosk/core/log_prefix.hpp"

#ifdef KIOSK_HAVE_WAYLAND
#include "kiosk/ui/wayland_picture.hpp"
#endif

namespace kiosk::ui {

namespace {

bool has_own_framebuffer(const char* driver) {
    return !(driver && (std::strcmp(driver, "wayland") == 0 || std::strcmp(driver, "KMSDRM") == 0));
}

}  // namespace

PresentPath present_path_for(const char* driver) {
    if (const char* forced = std::getenv("VITALE_KIOSK_PRESENT")) {
        if (std::strcmp(forced, "shm") == 0) return PresentPath::SharedMemory;
        if (std::strcmp(forced, "texture") == 0) return PresentPath::StreamingTexture;
        if (std::strcmp(forced, "surface") == 0) return PresentPath::WindowSurface;
    }
    if (driver && std::strcmp(driver, "wayland") == 0) return PresentPath::SharedMemory;
    return has_own_framebuffer(driver) ? PresentPath::WindowSurface : PresentPath::StreamingTexture;
}

Presenter::Presenter(SDL_Window* window, PresentPath path) : m_window{window}, m_path{path} {
    if (m_path == PresentPath::SharedMemory) {
        std::string why = "this build has no Wayland support";
#ifdef KIOSK_HAVE_WAYLAND
        m_wayland = WaylandPicture::open(window, why);
#endif
        if (!m_wayland) {
            std::fprintf(stderr, "%sthe screen cannot be shown through shared memory (%s); trying OpenGL instead\n",
                         log_prefix(Priority::Warning), why.c_str());
            m_path = PresentPath::StreamingTexture;
        }
    }
    if (m_path == PresentPath::StreamingTexture) {
        // No vsync: the frame loop must never wait on the display (a tick is drawn and gone).
        m_renderer.reset(SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED));
        // Without OpenGL SDL's own emulation still shows the picture, only slower.
        if (!m_renderer) m_path = PresentPath::WindowSurface;
    }
    // The window's surface: X11's own framebuffer (drawing in software straight into it halves
    // the frame time on a PC without a GPU, PERF-NOTES), or SDL's emulation where there is none.
    if (m_path == PresentPath::WindowSurface)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, has_own_framebuffer(SDL_GetCurrentVideoDriver()) ? "0" : "1");
    resized();
}

Presenter::~Presenter() = default;

void Presenter::resized() {
    if (m_wayland) {
        m_wayland->resized();
        m_picture = m_wayland->picture();
        return;
    }
    if (m_path == PresentPath::WindowSurface) {
        m_picture = SDL_GetWindowSurface(m_window);
        if (!m_picture) throw SdlError{"cannot draw into the kiosk window"};
        return;
    }
    open_texture();
}

void Presenter::open_texture() {
    int width = 0, height = 0;
    SDL_GetWindowSize(m_window, &width, &height);
    m_texture.reset(SDL_CreateTexture(m_renderer.get(), SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING, width, height));
    if (!m_texture) throw SdlError{"cannot make the screen's " + std::to_string(width) + "x" + std::to_string(height) + " texture"};
    m_memory = make_rgb_surface(width, height);
    m_picture = m_memory.get();
}

void Presenter::show_all() {
    if (m_wayland) return m_wayland->show({0, 0, m_picture->w, m_picture->h});
    if (m_path == PresentPath::WindowSurface) {
        SDL_UpdateWindowSurface(m_window);
        return;
    }
    upload({0, 0, m_picture->w, m_picture->h});
    draw_texture();
}

void Presenter::show(const SDL_Rect& area) {
    SDL_Rect clipped;
    const SDL_Rect whole{0, 0, m_picture->w, m_picture->h};
    if (!SDL_IntersectRect(&area, &whole, &clipped)) return;
    if (m_wayland) return m_wayland->show(clipped);
    if (m_path == PresentPath::WindowSurface) {
        SDL_UpdateWindowSurfaceRects(m_window, &clipped, 1);
        return;
    }
    upload(clipped);
    draw_texture();
}

void Presenter::upload(const SDL_Rect& area) {
    const auto* first = static_cast<const Uint8*>(m_picture->pixels) + static_cast<std::ptrdiff_t>(area.y) * m_picture->pitch +
                        static_cast<std::ptrdiff_t>(area.x) * 4;
    SDL_UpdateTexture(m_texture.get(), &area, first, m_picture->pitch);
}

// The texture covers the window; OpenGL's back buffer holds nothing worth keeping after a
// swap, so every present draws it whole (a copy on the GPU, or Mesa's threads without one).
void Presenter::draw_texture() {
    SDL_RenderCopy(m_renderer.get(), m_texture.get(), nullptr, nullptr);
    SDL_RenderPresent(m_renderer.get());
}

std::string Presenter::describe() const {
    const char* driver = SDL_GetCurrentVideoDriver();
    if (m_wayland) return "shared memory (wl_shm, wayland)";
    if (m_path == PresentPath::WindowSurface) return std::string{"window surface ("} + (driver ? driver : "?") + ")";
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(m_renderer.get(), &info);
    return std::string{"streaming texture ("} + (info.name ? info.name : "?") + ", " + (driver ? driver : "?") + ")";
}

}  // namespace kiosk::ui
