#pragma once
// What a benchmark could not do as it says: a wait that ran past its deadline, work the kiosk
// refused that the bench expects it to accept, a walk that did not reach its stage, a section
// that threw. Each is printed where it happens ("  PROBLEM: …") and kept; vitale-bench lists
// them at the end and exits 1 when there are any, so a bench that rots fails its smoke run
// (bench/run.sh --smoke, .ci/run). A goal not met is a figure, not a problem. Main thread.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace kiosk::bench {

inline std::vector<std::string>& problems() {
    static std::vector<std::string> found;
    return found;
}

inline void problem(const std::string& what) {
    std::printf("  PROBLEM: %s\n", what.c_str());
    problems().push_back(what);
}

// "3 x Contribute BudgetSpent, 1 x Join RoomFull" (or "none"), for the lines that say what was refused.
inline std::string tally_text(const std::map<std::string, int>& tally) {
    std::string text;
    for (const auto& [what, count] : tally) text += (text.empty() ? "" : ", ") + std::to_string(count) + " x " + what;
    return text.empty() ? "none" : text;
}

}  // namespace kiosk::bench
