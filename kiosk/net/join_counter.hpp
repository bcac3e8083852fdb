#pragma once
// How many new phones one address added in the open session (participants) or in the week
// (coffee-corner visitors), so one device cannot fill the room, stuff the votes, block
// "everyone is ready" or fill the week's answers (phones.joins_per_address).
//
// Every request that counts a key holds it until its reply: take() before the engine sees the
// event, finish() after, with whether the engine knows the key now. A slot is free again only
// when no request for the key is still on its way and the engine does not know it, so a second
// request with the same made-up key that is sure to fail (a wrong moderator code) cannot hand
// back the slot of one that succeeds at the same moment.
// Counts are kept per session or week (its token): a request still on its way with the token
// of the one before neither resets nor borrows the new one's counts.
// Thread-safe: the HTTP threads take, the engine thread's replies finish.
#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace kiosk::net {

class JoinCounter {
public:
    explicit JoinCounter(int per_address) : m_per_address{per_address} {}

    // Counts `key` from `address` in the session or week of `token`; false when the address has
    // had its share. The same key again (a reload, an edit) is no new phone. Each true must be
    // followed by one finish() with the same token, address and key.
    bool take(const std::string& token, const std::string& address, const std::string& key) {
        std::lock_guard lock{m_mutex};
        auto& keys = counts_of(token)[address];
        if (const auto found = keys.find(key); found != keys.end()) {
            ++found->second.in_flight;
            return true;
        }
        if (static_cast<int>(keys.size()) >= m_per_address) return false;
        keys[key] = Holders{1};
        return true;
    }

    // The request that took `key` has its answer. `known`: the engine knows the key now (it
    // joined, answered, moderates). Unknown and no other request on its way: the slot is free.
    void finish(const std::string& token, const std::string& address, const std::string& key, bool known) {
        std::lock_guard lock{m_mutex};
        const auto counts = std::find_if(m_tokens.begin(), m_tokens.end(), [&](const auto& kept) { return kept.first == token; });
        if (counts == m_tokens.end()) return;  // long gone
        const auto at = counts->second.find(address);
        if (at == counts->second.end()) return;
        const auto found = at->second.find(key);
        if (found == at->second.end()) return;
        if (found->second.in_flight > 0) --found->second.in_flight;
        if (known) found->second.known = true;
        if (found->second.in_flight == 0 && !found->second.known) at->second.erase(found);
    }

    // Keys counted for `address` in the session or week of `token` (tests).
    int counted(const std::string& token, const std::string& address) {
        std::lock_guard lock{m_mutex};
        const auto counts = std::find_if(m_tokens.begin(), m_tokens.end(), [&](const auto& kept) { return kept.first == token; });
        if (counts == m_tokens.end()) return 0;  // (asking keeps no token: it could push out a live one)
        const auto at = counts->second.find(address);
        return at == counts->second.end() ? 0 : static_cast<int>(at->second.size());
    }

private:
    struct Holders {
        int in_flight = 0;   // requests with this key that have not had their answer yet
        bool known = false;  // the engine took the key once: it stays counted
    };
    using Counts = std::map<std::string, std::map<std::string, Holders>>;  // address -> key -> holders

    // The counts of `token`, kept with those of the few tokens before it (newest last).
    Counts& counts_of(const std::string& token) {
        const auto found = std::find_if(m_tokens.begin(), m_tokens.end(), [&](const auto& kept) { return kept.first == token; });
        if (found != m_tokens.end()) return found->second;
        if (m_tokens.size() >= k_tokens_kept) m_tokens.pop_front();
        return m_tokens.emplace_back(token, Counts{}).second;
    }

    static constexpr std::size_t k_tokens_kept = 4;
    const int m_per_address;
    std::mutex m_mutex;
    std::deque<std::pair<std::string, Counts>> m_tokens;
};

}  // namespace kiosk::net
