#include "kiosk/ui/texture_cache.hpp"

#include <algorithm>
#include <vector>

namespace kiosk::ui {

TextureCache::TextureCache(SDL_Renderer* renderer, std::size_t byte_budget)
    : m_renderer{renderer}, m_budget{byte_budget} {}

CachedTexture TextureCache::get(const std::string& key, const std::function<SurfacePtr()>& make) {
    auto found = m_entries.find(key);
    if (found == m_entries.end()) {
        Entry entry;
        if (SurfacePtr surface = make()) {
            entry.texture.reset(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
            if (!entry.texture) throw SdlError{"cannot make a texture"};
            entry.width = surface->w;
            entry.height = surface->h;
            entry.bytes = static_cast<std::size_t>(surface->w) * static_cast<std::size_t>(surface->h) * 4;
        }
        m_bytes += entry.bytes;
        found = m_entries.emplace(key, std::move(entry)).first;
        found->second.last_used = m_frame;
        if (m_bytes > m_budget) evict();
    }
    found->second.last_used = m_frame;
    return {found->second.texture.get(), found->second.width, found->second.height};
}

void TextureCache::evict() {
    // Oldest first, down to three quarters of the budget; what this frame uses stays.
    std::vector<std::pair<unsigned long long, std::string>> by_age;
    by_age.reserve(m_entries.size());
    for (const auto& [key, entry] : m_entries)
        if (entry.last_used != m_frame) by_age.emplace_back(entry.last_used, key);
    std::sort(by_age.begin(), by_age.end());
    for (const auto& [age, key] : by_age) {
        if (m_bytes <= m_budget / 4 * 3) break;
        const auto found = m_entries.find(key);
        m_bytes -= found->second.bytes;
        m_entries.erase(found);
    }
}

}  // namespace kiosk::ui
