// The fake language-model service as a program, for the benchmarks and by hand:
//   fake-llm [PORT] [DRIP_MS] [LONG_PIECES] — prints "listening on port N", serves until killed.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include "tests/fake_llm/fake_llm.hpp"

int main(int argc, char** argv) {
    kiosk::testing::FakeLlm llm{argc > 1 ? std::atoi(argv[1]) : 0};
    if (argc > 2) llm.set_drip_ms(std::atoi(argv[2]));
    if (argc > 3) llm.set_long_pieces(std::atoi(argv[3]));
    std::printf("listening on port %d\n", llm.port());
    std::fflush(stdout);
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigprocmask(SIG_BLOCK, &signals, nullptr);
    int received = 0;
    sigwait(&signals, &received);
    return 0;
}
