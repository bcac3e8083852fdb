#pragma once
// --demo N: N simulated phones that join the open session and take part at a human pace,
// through the real phone API on 127.0.0.1, with sample texts from config/demo.<lang>.json.
// For showrooms and README screenshots. Runs on its own thread; stops with the object.
#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/engine_loop.hpp"

namespace kiosk::tools {

// Sample texts per contribution kind ("answer", "facts", "statements", "ideas") from
// config/demo.<lang>.json; throws std::runtime_error naming the file and the field.
// The sample AI answer (Markdown) from the same file, for screenshots of the AI stage.
std::string load_demo_proposal(const Config& config);
std::map<std::string, std::vector<std::string>> load_demo_samples(const Config& config);

struct DemoSetup {
    EngineLoop& loop;
    const Config& config;
    int port;
    int phones;
};

class DemoPhones {
public:
    explicit DemoPhones(DemoSetup setup);  // throws std::runtime_error for a bad demo file
    ~DemoPhones();
    DemoPhones(const DemoPhones&) = delete;
    DemoPhones& operator=(const DemoPhones&) = delete;

private:
    struct Phone {
        std::string key;
        int number = 0;
        long long next_at = 0;  // monotonic ms of its next move
    };
    void run();
    void act(Phone& phone, const View& view, long long now);
    long long pause_ms();

    DemoSetup m_setup;
    std::map<std::string, std::vector<std::string>> m_samples;  // "facts" -> texts
    std::vector<Phone> m_phones;
    std::string m_session;  // the join token the phones joined with
    unsigned m_seed = 12345;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

}  // namespace kiosk::tools
