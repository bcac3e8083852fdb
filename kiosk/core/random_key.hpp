#pragma once
// Unguessable keys for join tokens, participants and host codes.
#include <functional>
#include <string>

namespace kiosk {

// 128 random bits from the operating system's generator, as 32 lowercase hex digits.
std::string random_key();

// What the engine calls for a new key. Tests pass a predictable one.
using KeySource = std::function<std::string()>;

}  // namespace kiosk
