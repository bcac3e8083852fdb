#include "bench/display_bench.hpp"

#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "bench/problems.hpp"
#include "bench/stats.hpp"
#include "kiosk/display/pjlink.hpp"
#include "kiosk/display/power_worker.hpp"
#include "tests/pjlink_standin.hpp"

namespace kiosk::bench {

namespace {

using Steady = std::chrono::steady_clock;

double ms_since(Steady::time_point start) { return std::chrono::duration<double, std::milli>(Steady::now() - start).count(); }

}  // namespace

void bench_display_power(int commands) {
    std::printf("\n== The display's power: PJLink against the stand-in on 127.0.0.1, %d commands ==\n", commands);
    for (const char* password : {"", "JBMIA"}) {
        testing::PjlinkStandIn projector{password};
        display::PjlinkSwitch pjlink{"127.0.0.1", projector.port(), password};
        std::vector<double> query, set;
        for (int i = 0; i < commands; ++i) {
            auto start = Steady::now();
            const auto reply = pjlink.command("POWR ?");
            query.push_back(ms_since(start));
            start = Steady::now();
            const auto switched = pjlink.set_power(i % 2 == 0);
            set.push_back(ms_since(start));
            if (!reply.ok || !switched.ok) {
                problem(std::string{"a PJLink command failed: "} + (reply.ok ? switched.error : reply.error));
                break;
            }
        }
        std::printf("pjlink_round_trip_ms %s: POWR ? p50 %.2f p99 %.2f, POWR 0/1 p50 %.2f p99 %.2f (a new connection each)\n",
                    *password ? "with password (MD5)" : "without password", percentile(query, 50), percentile(query, 99),
                    percentile(set, 50), percentile(set, 99));
    }
    // The screen's side: want() while the projector does not answer returns at once.
    testing::PjlinkStandIn silent;
    silent.behave(testing::PjlinkStandIn::Behaviour::Silent);
    display::PowerWorker worker{std::make_unique<display::PjlinkSwitch>("127.0.0.1", silent.port(), "", display::PjlinkTimeouts{300, 500})};
    std::vector<double> asks;
    for (int i = 0; i < commands; ++i) {
        const auto start = Steady::now();
        worker.want(i % 2 == 0);
        asks.push_back(ms_since(start) * 1000.0);
    }
    std::printf("display_want_us (the screen's thread, projector not answering): p50 %.1f p99 %.1f (goal: never waits for the projector)\n",
                percentile(asks, 50), percentile(asks, 99));
}

}  // namespace kiosk::bench
