#pragma once
// vitale-kiosk --doctor: one screen for the person installing the kiosk on a room's PC. What
// is in use (the config and data folders, the journal, the phones' URL and port, the display,
// the font, audio, the AI service) and every problem with its fix.
#include <ostream>

#include "kiosk/app/command_line.hpp"

namespace kiosk::app {

// Prints the report to `out`; returns 0 when nothing is wrong, 2 when something is. Makes no
// folder and no journal that is not there yet. With options.doctor_network it also asks the
// AI service one small question (at most about 10 s); without, it contacts nothing.
int run_doctor(const Options& options, std::ostream& out);

}  // namespace kiosk::app
