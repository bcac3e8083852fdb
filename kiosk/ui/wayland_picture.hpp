#pragma once
// The kiosk's picture on a Wayland window (cage, the room PC's service) in shared memory, the way
// X11's XShm shows it: the picture is drawn in software in memory; showing a rectangle copies
// that rectangle into a wl_shm buffer the compositor is not reading, attaches it with the
// rectangle as damage, and commits. No OpenGL: through Mesa's software OpenGL (no GPU on the
// room PC) every present drew and swapped the whole 1080p picture, 6-7 ms even for a
// countdown's tick. The compositor gets the buffers back in turn (wl_buffer.release); each
// buffer remembers the area it is behind on and catches up before it is shown again.
#include <SDL.h>

#include <memory>
#include <string>
#include <vector>

#include "kiosk/ui/sdl_handles.hpp"

struct wl_buffer;
struct wl_display;
struct wl_event_queue;
struct wl_shm;
struct wl_surface;

namespace kiosk::ui {

class WaylandPicture {
public:
    // nullptr when `window` is not on Wayland or the compositor offers no wl_shm; `why` says so.
    static std::unique_ptr<WaylandPicture> open(SDL_Window* window, std::string& why);
    ~WaylandPicture();
    WaylandPicture(const WaylandPicture&) = delete;
    WaylandPicture& operator=(const WaylandPicture&) = delete;

    SDL_Surface* picture() const { return m_memory.get(); }
    void show(const SDL_Rect& area);
    // The window's new size: a new picture and new buffers (the caller draws it whole).
    void resized();

    struct Buffer {
        wl_buffer* buffer = nullptr;
        Uint8* pixels = nullptr;
        std::size_t bytes = 0;
        bool busy = false;  // attached and not yet released by the compositor
        SDL_Rect behind{};  // what the picture changed since this buffer last caught up
    };

private:
    WaylandPicture(SDL_Window* window, wl_display* display, wl_surface* surface);
    Buffer* free_buffer();
    Buffer& add_buffer();
    void drop_buffers();
    static void destroy(Buffer& buffer);
    void copy_into(Buffer& buffer, const SDL_Rect& area) const;

    SDL_Window* m_window;
    wl_display* m_display;
    wl_surface* m_surface;
    wl_event_queue* m_queue = nullptr;  // our buffers' events, apart from SDL's
    wl_shm* m_shm = nullptr;
    SurfacePtr m_memory;
    std::vector<std::unique_ptr<Buffer>> m_buffers;
    std::vector<std::unique_ptr<Buffer>> m_retired;  // of an earlier size, still held by the compositor
    SDL_Rect m_uncommitted{};  // changed since the last commit (a change that found no free buffer waits here)
    bool m_said_waiting = false;
};

}  // namespace kiosk::ui
