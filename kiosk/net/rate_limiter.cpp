#include "kiosk/net/rate_limiter.hpp"

#include <algorithm>

namespace kiosk::net {

bool RateLimiter::allow(const std::string& who, Clock::time_point now) {
    std::lock_guard lock{m_mutex};
    // Forged keys could grow the table without end: forget buckets that are full again.
    if (m_buckets.size() > 10'000)
        std::erase_if(m_buckets, [&](const auto& item) {
            const std::chrono::duration<double> idle = now - item.second.refilled;
            return item.second.tokens + idle.count() * m_per_second >= m_burst;
        });
    auto [found, added] = m_buckets.try_emplace(who, Bucket{m_burst, now});
    auto& bucket = found->second;
    const std::chrono::duration<double> passed = now - bucket.refilled;
    bucket.tokens = std::min(m_burst, bucket.tokens + passed.count() * m_per_second);
    bucket.refilled = now;
    if (bucket.tokens < 1.0) return false;
    bucket.tokens -= 1.0;
    return true;
}

bool RateLimiter::available(const std::string& who, Clock::time_point now) {
    std::lock_guard lock{m_mutex};
    const auto found = m_buckets.find(who);
    if (found == m_buckets.end()) return true;
    const std::chrono::duration<double> passed = now - found->second.refilled;
    return found->second.tokens + passed.count() * m_per_second >= 1.0;
}

}  // namespace kiosk::net
