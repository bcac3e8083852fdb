#pragma once
// Unguessable keys for join tokens, participants and host codes.
#include <functional>
#include <string>
#include <string_view>

namespace kiosk {

// 128 random bits from the operating system's generator, as 32 lowercase hex digits.
std::string random_key();

// True for exactly what random_key() makes: 32 lowercase hex digits. Anything else a phone
// sends as its key is not a key the kiosk issued.
bool is_issued_key(std::string_view key);

// The engine's own, looser check (tests and the demo use readable keys): 16 to 64 letters,
// digits and dashes. A key with a NUL, a space or a control character is nobody's.
bool is_key_shaped(std::string_view key);

// Six digits for people who type, derived from a random secret kept in the event (a session's
// token, a fresh join code's, a coffee week's link), so a replay gives the same code.
std::string code_from(const std::string& secret);

// What the engine calls for a new key. Tests pass a predictable one.
using KeySource = std::function<std::string()>;

}  // namespace kiosk
