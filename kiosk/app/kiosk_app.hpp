#pragma once
#include <string>
#include <vector>

namespace kiosk::app {

// The whole program behind main(): parses the command line, loads config, and runs the
// chosen mode. Turns every start-up failure into one clear line on stderr and an exit code:
// 0 fine, 2 a problem with the command line or config, 1 anything else.
int run_kiosk(const std::vector<std::string>& args);

}  // namespace kiosk::app
