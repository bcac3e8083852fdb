#pragma once
#include <stdexcept>

namespace kiosk::tools {

// A request that cannot be carried out as typed (an unknown scene, a wrong --format); the
// message says what to type instead. The command line exits with 2 on it.
class UsageError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace kiosk::tools
