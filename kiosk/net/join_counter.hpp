#pragma once
// How many participants joined from one address in the open session, so one device cannot
// fill the room, stuff the votes or block "everyone is ready" (phones.joins_per_address).
// Thread-safe: the HTTP threads take, the engine thread's reply gives back a refused join.
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace kiosk::net {

class JoinCounter {
public:
    explicit JoinCounter(int per_address) : m_per_address{per_address} {}

    // Counts `key` joining from `address` in the session of `token`; false when the address has
    // had its share. The same key again (a reload) is no new join.
    bool take(const std::string& address, const std::string& token, const std::string& key) {
        std::lock_guard lock{m_mutex};
        if (token != m_token) {  // a new session: every address starts afresh
            m_token = token;
            m_keys.clear();
        }
        auto& keys = m_keys[address];
        if (keys.count(key)) return true;
        if (static_cast<int>(keys.size()) >= m_per_address) return false;
        keys.insert(key);
        return true;
    }

    // The engine refused the join: it does not count.
    void give_back(const std::string& address, const std::string& key) {
        std::lock_guard lock{m_mutex};
        if (const auto found = m_keys.find(address); found != m_keys.end()) found->second.erase(key);
    }

private:
    const int m_per_address;
    std::mutex m_mutex;
    std::string m_token;
    std::map<std::string, std::set<std::string>> m_keys;
};

}  // namespace kiosk::net
