#pragma once
// The start-up's check of every media file the formats name, in a process of its own: the kiosk
// runs itself with --check-config and logs what it says. libmpv's libraries, threads and heap
// then stay out of the kiosk's memory until a clip plays (idle RSS 30 MB instead of 108 MB).
#include <filesystem>
#include <thread>

namespace kiosk::app {

// Starts the check now (call it before the phones' port is opened: the child must not hold it)
// and returns the thread that logs its lines. Stopping the thread stops the check.
std::jthread probe_media_in_child(const std::filesystem::path& config_dir);

}  // namespace kiosk::app
