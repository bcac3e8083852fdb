#pragma once
// How the kiosk's software picture reaches its window, one changed rectangle at a time.
//
// X11 gives a window a framebuffer of its own (XShm): the picture is drawn straight into it,
// and a countdown's tick sends only its rectangle. SDL 2.26's Wayland (cage, the room PC's
// service) and KMS backends have none; SDL emulates one with a texture and uploads the whole
// picture on every update, whatever rectangle it is given (7 ms a tick at 1080p on Mesa's
// software OpenGL). On Wayland the presenter shows its picture through shared memory instead,
// a changed rectangle at a time (wayland_picture.hpp); on KMS it uploads only the changed
// rectangles into a streaming texture of its own. What each costs: README, "Benchmarks".
#include <SDL.h>

#include <memory>
#include <string>

#include "kiosk/ui/sdl_handles.hpp"

namespace kiosk::ui {

class WaylandPicture;

enum class PresentPath {
    WindowSurface,     // SDL's window framebuffer (X11's XShm; SDL's texture emulation elsewhere)
    StreamingTexture,  // our picture in memory, changed rectangles uploaded to our texture
    SharedMemory,      // Wayland: our picture in memory, changed rectangles into wl_shm buffers
};

// The path for SDL's video driver: shared memory on wayland, the texture on KMSDRM, the
// window's surface elsewhere. $VITALE_KIOSK_PRESENT=shm|texture|surface overrides it (the
// benchmarks measure each). A path the window cannot take falls back to the next one.
PresentPath present_path_for(const char* driver);

class Presenter {
public:
    // Throws SdlError when the window can be drawn into neither way.
    Presenter(SDL_Window* window, PresentPath path);
    ~Presenter();

    // Where frames are drawn: 32-bit RGB888, the window's size.
    SDL_Surface* picture() const { return m_picture; }
    // Puts the whole picture on the screen.
    void show_all();
    // Puts one rectangle of the picture on the screen (the rest stays as it was).
    void show(const SDL_Rect& area);
    // After the window's size changed: a new picture of the new size (drawn afresh by the caller).
    void resized();
    // "streaming texture (opengles2)" or "window surface (x11)": for the log and the benchmarks.
    std::string describe() const;
    PresentPath path() const { return m_path; }

private:
    void open_texture();
    void upload(const SDL_Rect& area);
    void draw_texture();

    SDL_Window* m_window;
    PresentPath m_path;
    SDL_Surface* m_picture = nullptr;  // the window's surface, or m_memory
    RendererPtr m_renderer;
    TexturePtr m_texture;
    SurfacePtr m_memory;
    std::unique_ptr<WaylandPicture> m_wayland;
};

}  // namespace kiosk::ui
