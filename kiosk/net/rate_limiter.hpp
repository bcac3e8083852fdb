#pragma once
// A token bucket per caller (a participant's key, or an address before joining): a short
// burst is fine, a flood gets "slow down". Thread-safe.
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kiosk::net {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    RateLimiter(int per_minute, int burst) : m_per_second{per_minute / 60.0}, m_burst{static_cast<double>(burst)} {}

    // True when `who` may make one more request at `now`.
    bool allow(const std::string& who, Clock::time_point now = Clock::now());
    // True when `who` could make one more request now; takes nothing.
    bool available(const std::string& who, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens;
        Clock::time_point refilled;
    };
    const double m_per_second;
    const double m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

}  // namespace kiosk::net
