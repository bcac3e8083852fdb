#include "kiosk/app/kiosk_app.hpp"

int main(int argc, char** argv) {
    return kiosk::app::run_kiosk({argv + 1, argv + argc});
}
