#include "kiosk/config/config_error.hpp"

namespace kiosk {

ConfigError::ConfigError(std::vector<std::string> problems)
    : std::runtime_error{problems.empty() ? "configuration error" : problems.front()},
      m_problems{std::move(problems)} {}

}  // namespace kiosk
