#include "kiosk/ui/texture_cache.hpp"

#include <algorithm>
#include <vector>

namespace kiosk::ui {

TextureCache::TextureCache(SDL_Renderer* renderer, std::size_t limit)
    : m_renderer{renderer}, m_limit{limit} {}

CachedTexture TextureCache::get(const std::string& key, const std::function<SurfacePtr()>& make) {
    auto found = m_entries.find(key);
    if (found == m_entries.end()) {
        if (m_entries.size() >= m_limit) evict();
        Entry entry;
        if (SurfacePtr surface = make()) {
            entry.texture.reset(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
            if (!entry.texture) throw SdlError{"cannot make a texture"};
            entry.width = surface->w;
            entry.height = surface->h;
        }
        found = m_entries.emplace(key, std::move(entry)).first;
    }
    found->second.last_used = m_frame;
    return {found->second.texture.get(), found->second.width, found->second.height};
}

void TextureCache::evict() {
    std::vector<unsigned long long> ages;
    ages.reserve(m_entries.size());
    for (const auto& [key, entry] : m_entries) ages.push_back(entry.last_used);
    const auto middle = ages.begin() + static_cast<std::ptrdiff_t>(ages.size() / 2);
    std::nth_element(ages.begin(), middle, ages.end());
    const auto cutoff = *middle;
    std::erase_if(m_entries, [&](const auto& item) {
        return item.second.last_used < cutoff && item.second.last_used != m_frame;
    });
    if (m_entries.size() >= m_limit) m_entries.clear();  // all equally old: start over
}

}  // namespace kiosk::ui
