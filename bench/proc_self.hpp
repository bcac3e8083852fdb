#pragma once
// This process as the kernel sees it (/proc/self): resident memory, threads and open files, for
// the soak's "nothing grows" figures, and malloc's own account (to tell memory in use from memory
// malloc keeps). Linux with glibc; any thread may sample.
#include <malloc.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace kiosk::bench {

struct ProcessSample {
    long rss_kb = 0;
    long threads = 0;
    std::size_t heap_in_use = 0;  // bytes malloc has handed out (all arenas, large blocks included)
    std::size_t heap_kept = 0;    // bytes free inside malloc's arenas, not given back to the system
    // What the open descriptors point at, counted: a path, or "socket", "pipe", "anon_inode:[eventfd]".
    std::map<std::string, int> files;

    int open_files() const {
        int count = 0;
        for (const auto& entry : files) count += entry.second;
        return count;
    }
};

// A number from /proc/self/status ("VmRSS:" in kB, "Threads:"); 0 when the line is missing.
inline long status_number(const std::string& name) {
    std::ifstream in{"/proc/self/status"};
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(name, 0) == 0) return std::stol(line.substr(name.size()));
    return 0;
}

inline ProcessSample sample_process() {
    ProcessSample sample;
    sample.rss_kb = status_number("VmRSS:");
    sample.threads = status_number("Threads:");
    const auto heap = ::mallinfo2();
    sample.heap_in_use = heap.uordblks + heap.hblkhd;
    sample.heap_kept = heap.fordblks;
    // Listing the folder opens a descriptor of its own: it points at the folder and is left out.
    const std::string listing = "/proc/" + std::to_string(::getpid()) + "/fd";
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator{"/proc/self/fd", error}) {
        std::error_code unreadable;
        auto target = std::filesystem::read_symlink(entry.path(), unreadable).string();
        if (unreadable || target == listing) continue;
        // "socket:[123456]" -> "socket": the inode changes with every connection, the kind does not.
        if (target.rfind("socket:", 0) == 0 || target.rfind("pipe:", 0) == 0) target = target.substr(0, target.find(':'));
        ++sample.files[target];
    }
    return sample;
}

// "+1 socket, -1 /usr/share/fonts/…/Inter-Bold.ttf": what is open after that was not before.
inline std::string file_changes(const ProcessSample& before, const ProcessSample& after) {
    std::string changes;
    const auto add = [&](const std::string& target, int difference) {
        if (difference == 0) return;
        if (!changes.empty()) changes += ", ";
        changes += (difference > 0 ? "+" : "") + std::to_string(difference) + " " + target;
    };
    for (const auto& [target, n] : after.files) {
        const auto was = before.files.find(target);
        add(target, n - (was == before.files.end() ? 0 : was->second));
    }
    for (const auto& [target, n] : before.files)
        if (!after.files.count(target)) add(target, -n);
    return changes;
}

}  // namespace kiosk::bench
