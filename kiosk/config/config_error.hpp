#pragma once
// Thrown when config/ cannot be used. Holds every problem found, each a line of the form
// "config/videoframe.nl.json: stages[2].minutes: must be between 1 and 90".
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk {

class ConfigError : public std::runtime_error {
public:
    explicit ConfigError(std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return m_problems; }

private:
    std::vector<std::string> m_problems;
};

}  // namespace kiosk
