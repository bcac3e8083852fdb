#include <sys/stat.h>

#include <malloc.h>

#include <csignal>
#include <cstdlib>

#include "kiosk/app/kiosk_app.hpp"

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) must turn a write into an error the journal reports, not
    // kill the kiosk: the session goes on and phones are told "not saved".
    std::signal(SIGXFSZ, SIG_IGN);
    // Everything the kiosk writes (journal, exports, screenshots) is the kiosk user's alone.
    umask(077);
    // glibc gives each thread that allocates its own arena (64 MB reserved, partly touched): with
    // a clip's decoder threads that was 20 MB of RSS for nothing. Two arenas serve the kiosk's
    // few threads (MALLOC_ARENA_MAX in the environment still wins).
    if (!std::getenv("MALLOC_ARENA_MAX")) mallopt(M_ARENA_MAX, 2);
    return kiosk::app::run_kiosk({argv + 1, argv + argc});
}
