#include "kiosk/ai/ai_settings.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace kiosk::ai {

const EnumNames<Provider>& provider_names() {
    static const EnumNames<Provider> names{
        {"manual", Provider::Manual}, {"openai", Provider::OpenAi}, {"anthropic", Provider::Anthropic}};
    return names;
}

const char* provider_name(Provider provider) { return name_of(provider, provider_names()).c_str(); }

}  // namespace kiosk::ai

namespace kiosk::ai {

std::string read_api_key(const Settings& settings) {
    if (!settings.api_key_env.empty()) {
        const char* value = std::getenv(settings.api_key_env.c_str());
        if (!value || !*value)
            throw std::runtime_error("ai.api_key_env names " + settings.api_key_env +
                                     ", which is not set; export it before starting the kiosk");
        return value;
    }
    if (settings.api_key_file.empty()) return {};
    struct stat info {};
    if (::stat(settings.api_key_file.c_str(), &info) != 0)
        throw std::runtime_error("ai.api_key_file " + settings.api_key_file + " cannot be read; check the path");
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        throw std::runtime_error("ai.api_key_file " + settings.api_key_file +
                                 " is readable by others; run: chmod 600 " + settings.api_key_file);
    std::ifstream in{settings.api_key_file};
    std::string key;
    std::getline(in, key);
    while (!key.empty() && (key.back() == '\r' || key.back() == ' ')) key.pop_back();
    if (key.empty()) throw std::runtime_error("ai.api_key_file " + settings.api_key_file + " is empty; put the key on its first line");
    return key;
}

}  // namespace kiosk::ai
