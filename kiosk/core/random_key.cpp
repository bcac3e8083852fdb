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

}  // namespace kiosk
