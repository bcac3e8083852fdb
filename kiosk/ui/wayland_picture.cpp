#include "kiosk/ui/wayland_picture.hpp"

#include <SDL_syswm.h>
#include <poll.h>
#include <sys/mman.h>
#include <unistd.h>
#include <wayland-client.h>

#include <cstdio>
#include <cstring>

#include "kiosk/core/log_prefix.hpp"

namespace kiosk::ui {

namespace {

constexpr std::size_t k_most_buffers = 3;

void on_global(void* data, wl_registry* registry, std::uint32_t name, const char* interface, std::uint32_t) {
    if (std::strcmp(interface, wl_shm_interface.name) == 0)
        *static_cast<wl_shm**>(data) = static_cast<wl_shm*>(wl_registry_bind(registry, name, &wl_shm_interface, 1));
}
void on_global_remove(void*, wl_registry*, std::uint32_t) {}
const wl_registry_listener k_registry{on_global, on_global_remove};

void on_release(void* data, wl_buffer*) { static_cast<WaylandPicture::Buffer*>(data)->busy = false; }
const wl_buffer_listener k_buffer{on_release};

SDL_Rect whole(const SDL_Surface& surface) { return {0, 0, surface.w, surface.h}; }

}  // namespace

std::unique_ptr<WaylandPicture> WaylandPicture::open(SDL_Window* window, std::string& why) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_WAYLAND) {
        why = "the window is not a Wayland window";
        return nullptr;
    }
    std::unique_ptr<WaylandPicture> picture{new WaylandPicture{window, info.info.wl.display, info.info.wl.surface}};
    if (!picture->m_shm) {
        why = "the compositor offers no shared memory (wl_shm)";
        return nullptr;
    }
    return picture;  // its picture comes with resized(), as after every change of size
}

// Our own event queue: the registry, wl_shm and the buffers' releases are dispatched here, never
// in SDL's event pump (their listeners point into this object).
WaylandPicture::WaylandPicture(SDL_Window* window, wl_display* display, wl_surface* surface)
    : m_window{window}, m_display{display}, m_surface{surface}, m_queue{wl_display_create_queue(display)} {
    auto* wrapper = static_cast<wl_display*>(wl_proxy_create_wrapper(display));
    wl_proxy_set_queue(reinterpret_cast<wl_proxy*>(wrapper), m_queue);
    wl_registry* registry = wl_display_get_registry(wrapper);
    wl_proxy_wrapper_destroy(wrapper);
    wl_registry_add_listener(registry, &k_registry, &m_shm);
    wl_display_roundtrip_queue(display, m_queue);
    wl_registry_destroy(registry);
}

WaylandPicture::~WaylandPicture() {
    drop_buffers();
    for (auto& buffer : m_retired) destroy(*buffer);
    if (m_shm) wl_shm_destroy(m_shm);
    wl_display_flush(m_display);
    wl_event_queue_destroy(m_queue);
}

void WaylandPicture::resized() {
    // The buffer on the screen stays until the compositor gives it back: destroyed while
    // attached, the surface's picture would be undefined until the next commit.
    for (auto& buffer : m_buffers)
        if (buffer->busy) m_retired.push_back(std::move(buffer));
    drop_buffers();
    m_uncommitted = {};
    int width = 0, height = 0;
    SDL_GetWindowSizeInPixels(m_window, &width, &height);
    m_memory = make_rgb_surface(width, height);
}

void WaylandPicture::destroy(Buffer& buffer) {
    wl_buffer_destroy(buffer.buffer);
    munmap(buffer.pixels, buffer.bytes);
}

void WaylandPicture::drop_buffers() {
    for (auto& buffer : m_buffers)
        if (buffer) destroy(*buffer);
    m_buffers.clear();
}

// A buffer of the picture's size in memory of its own (memfd), known to the compositor.
WaylandPicture::Buffer& WaylandPicture::add_buffer() {
    const int stride = m_memory->w * 4;
    auto buffer = std::make_unique<Buffer>();
    buffer->bytes = static_cast<std::size_t>(stride) * static_cast<std::size_t>(m_memory->h);
    const int fd = memfd_create("vitale-kiosk-picture", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, static_cast<off_t>(buffer->bytes)) != 0) {
        if (fd >= 0) close(fd);
        throw SdlError{"cannot make the screen's shared memory"};
    }
    void* pixels = mmap(nullptr, buffer->bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (pixels == MAP_FAILED) {
        close(fd);
        throw SdlError{"cannot map the screen's shared memory"};
    }
    buffer->pixels = static_cast<Uint8*>(pixels);
    wl_shm_pool* pool = wl_shm_create_pool(m_shm, fd, static_cast<std::int32_t>(buffer->bytes));
    // RGB888 in memory is XRGB8888, little-endian: the format every compositor must take.
    buffer->buffer = wl_shm_pool_create_buffer(pool, 0, m_memory->w, m_memory->h, stride, WL_SHM_FORMAT_XRGB8888);
    wl_shm_pool_destroy(pool);
    close(fd);
    wl_buffer_add_listener(buffer->buffer, &k_buffer, buffer.get());
    buffer->behind = whole(*m_memory);  // it holds nothing yet
    m_buffers.push_back(std::move(buffer));
    return *m_buffers.back();
}

// A buffer the compositor has given back: the releases already on the socket are read without
// waiting; a third buffer when both are held; a round trip only when all three are.
WaylandPicture::Buffer* WaylandPicture::free_buffer() {
    const auto find = [this]() -> Buffer* {
        for (auto& buffer : m_buffers)
            if (!buffer->busy) return buffer.get();
        return nullptr;
    };
    while (wl_display_prepare_read_queue(m_display, m_queue) != 0) wl_display_dispatch_queue_pending(m_display, m_queue);
    wl_display_flush(m_display);
    pollfd socket{wl_display_get_fd(m_display), POLLIN, 0};
    if (poll(&socket, 1, 0) > 0) wl_display_read_events(m_display);
    else wl_display_cancel_read(m_display);
    wl_display_dispatch_queue_pending(m_display, m_queue);
    std::erase_if(m_retired, [](const std::unique_ptr<Buffer>& buffer) {
        if (!buffer->busy) destroy(*buffer);
        return !buffer->busy;
    });
    if (auto* buffer = find()) return buffer;
    if (m_buffers.size() < k_most_buffers) return &add_buffer();
    wl_display_roundtrip_queue(m_display, m_queue);
    return find();
}

void WaylandPicture::copy_into(Buffer& buffer, const SDL_Rect& area) const {
    if (area.w <= 0 || area.h <= 0) return;
    const auto stride = static_cast<std::ptrdiff_t>(m_memory->w) * 4;
    const auto* from = static_cast<const Uint8*>(m_memory->pixels);
    for (int y = area.y; y < area.y + area.h; ++y)
        std::memcpy(buffer.pixels + y * stride + area.x * 4, from + y * m_memory->pitch + area.x * 4, static_cast<std::size_t>(area.w) * 4);
}

void WaylandPicture::show(const SDL_Rect& area) {
    SDL_Rect changed;
    const SDL_Rect all = whole(*m_memory);
    if (!SDL_IntersectRect(&area, &all, &changed)) return;
    for (auto& buffer : m_buffers) SDL_UnionRect(&buffer->behind, &changed, &buffer->behind);
    // Damage is what changed since the last commit: a change that waited goes with the next one.
    SDL_UnionRect(&m_uncommitted, &changed, &m_uncommitted);
    Buffer* buffer = free_buffer();
    if (!buffer) {  // the compositor holds them all: this change waits for the next one
        if (!m_said_waiting)
            std::fprintf(stderr, "%sthe compositor holds every screen buffer; a change waits for the next frame\n",
                         log_prefix(Priority::Warning));
        m_said_waiting = true;
        return;
    }
    SDL_UnionRect(&buffer->behind, &changed, &buffer->behind);
    copy_into(*buffer, buffer->behind);
    buffer->behind = {};
    wl_surface_attach(m_surface, buffer->buffer, 0, 0);
    const SDL_Rect damage = m_uncommitted;
    m_uncommitted = {};
    if (wl_proxy_get_version(reinterpret_cast<wl_proxy*>(m_surface)) >= WL_SURFACE_DAMAGE_BUFFER_SINCE_VERSION)
        wl_surface_damage_buffer(m_surface, damage.x, damage.y, damage.w, damage.h);
    else
        wl_surface_damage(m_surface, damage.x, damage.y, damage.w, damage.h);
    wl_surface_commit(m_surface);
    buffer->busy = true;
    wl_display_flush(m_display);
}

}  // namespace kiosk::ui
