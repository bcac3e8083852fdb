#pragma once
// What every fuzz target shares: the input as text, and a promise of the code under test that
// did not hold, which stops the run with a message so that libFuzzer keeps the input as a
// crash (an exception or a sanitizer report does the same by itself).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kiosk::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void broken(std::string_view promise) {
    std::fprintf(stderr, "fuzz: a promise did not hold: %.*s\n", static_cast<int>(promise.size()), promise.data());
    std::abort();
}

// `promise` says what should hold, e.g. "a cleaned text passes the check again".
inline void require(bool holds, std::string_view promise) {
    if (!holds) broken(promise);
}

}  // namespace kiosk::fuzz
