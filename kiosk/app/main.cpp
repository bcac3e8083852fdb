#include <sys/stat.h>

#include <csignal>

#include "kiosk/app/kiosk_app.hpp"

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) must turn a write into an error the journal reports, not
    // kill the kiosk: the session goes on and phones are told "not saved".
    std::signal(SIGXFSZ, SIG_IGN);
    // Everything the kiosk writes (journal, exports, screenshots) is the kiosk user's alone.
    umask(077);
    return kiosk::app::run_kiosk({argv + 1, argv + argc});
}
