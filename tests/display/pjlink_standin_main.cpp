// A PJLink projector on 127.0.0.1 for the scripts (the night's X11 test, the coffee-corner
// benchmark): prints "port N", then one line per command it is sent ("POWR 0"), until it is
// killed. Usage: pjlink-standin [PASSWORD]
#include <cstdio>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "tests/pjlink_standin.hpp"

int main(int argc, char** argv) {
    kiosk::testing::PjlinkStandIn projector{argc > 1 ? argv[1] : ""};
    if (projector.port() == 0) return 1;
    std::mutex out;
    projector.on_command([&out](const std::string& command) {
        std::lock_guard lock{out};
        std::printf("%s\n", command.c_str());
        std::fflush(stdout);
    });
    {
        std::lock_guard lock{out};
        std::printf("port %d\n", projector.port());
        std::fflush(stdout);
    }
    for (;;) std::this_thread::sleep_for(std::chrono::hours{1});
}
