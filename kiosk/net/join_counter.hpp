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
// Thread-safe: the HTTP threads take, the engine thread's replies finish.
#include <map>
#include <mutex>
#include <string>

namespace kiosk::net {

class JoinCounter {
public:
    explicit JoinCounter(int per_address) : m_per_address{per_address} {}

    // Counts `key` from `address` in the session or week of `token`; false when the address has
    // had its share. The same key again (a reload, an edit) is no new phone. Each true must be
    // followed by one finish() for the same address and key.
    bool take(const std::string& address, const std::string& token, const std::string& key) {
        std::lock_guard lock{m_mutex};
        if (token != m_token) {  // a new session or week: every address starts afresh
            m_token = token;
            m_keys.clear();
        }
        auto& keys = m_keys[address];
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
    void finish(const std::string& address, const std::string& key, bool known) {
        std::lock_guard lock{m_mutex};
        const auto at = m_keys.find(address);
        if (at == m_keys.end()) return;  // a new session or week began meanwhile
        const auto found = at->second.find(key);
        if (found == at->second.end()) return;
        if (found->second.in_flight > 0) --found->second.in_flight;
        if (known) found->second.known = true;
        if (found->second.in_flight == 0 && !found->second.known) at->second.erase(found);
    }

    // Keys counted for `address` now (for tests and the doctor).
    int counted(const std::string& address) {
        std::lock_guard lock{m_mutex};
        const auto at = m_keys.find(address);
        return at == m_keys.end() ? 0 : static_cast<int>(at->second.size());
    }

private:
    struct Holders {
        int in_flight = 0;   // requests with this key that have not had their answer yet
        bool known = false;  // the engine took the key once: it stays counted
    };

    const int m_per_address;
    std::mutex m_mutex;
    std::string m_token;
    std::map<std::string, std::map<std::string, Holders>> m_keys;
};

}  // namespace kiosk::net
