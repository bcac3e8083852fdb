#include "kiosk/core/random_key.hpp"

#include <random>

namespace kiosk {

std::string random_key() {
    // std::random_device reads the kernel's generator (getrandom) on Linux with libstdc++.
    thread_local std::random_device device;
    static constexpr char hex[] = "0123456789abcdef";
    std::string key;
    key.reserve(32);
    for (int word = 0; word < 4; ++word) {
        auto bits = device();
        for (int i = 0; i < 8; ++i, bits >>= 4) key += hex[bits & 0xFu];
    }
    return key;
}

bool is_issued_key(std::string_view key) {
    if (key.size() != 32) return false;
    for (const char c : key)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool is_key_shaped(std::string_view key) {
    if (key.size() < 16 || key.size() > 64) return false;
    for (const char c : key)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_')) return false;
    return true;
}

std::string code_from(const std::string& secret) {
    unsigned long code = 0;
    for (const char c : secret) code = (code * 131 + static_cast<unsigned char>(c)) % 1'000'000'007UL;
    return std::to_string(100'000 + code % 900'000);
}

}  // namespace kiosk
