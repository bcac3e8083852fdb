#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "kiosk/ui/chime.hpp"
#include "tests/temp_dir.hpp"

using kiosk::ui::Chime;

TEST_CASE("The chime is soft, starts without a click and fades out") {
    const auto samples = Chime::samples(48000);
    REQUIRE(samples.size() == static_cast<std::size_t>(2.2 * 48000));
    float peak = 0;
    for (const auto s : samples) peak = std::max(peak, std::fabs(s));
    CHECK(peak > 0.05f);
    CHECK(peak < 0.35f);                    // well below full scale
    CHECK(std::fabs(samples[0]) < 0.001f);  // fades in: no click
    double tail = 0;
    for (std::size_t i = samples.size() - 4800; i < samples.size(); ++i) tail = std::max(tail, double(std::fabs(samples[i])));
    CHECK(tail < 0.01);  // gone by the end: no click there either
}

TEST_CASE("Without an audio device the chime is skipped and that is logged once") {
    kiosk::testing::TempDir temp;
    const auto log = temp.path() / "stderr.txt";
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    std::fflush(stderr);
    const int saved = dup(STDERR_FILENO);
    FILE* file = std::fopen(log.c_str(), "w");
    dup2(fileno(file), STDERR_FILENO);
    {
        Chime chime;
        CHECK_FALSE(chime.play());
        CHECK_FALSE(chime.play());
    }
    std::fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    std::fclose(file);
    unsetenv("SDL_AUDIODRIVER");
    std::stringstream text;
    text << std::ifstream{log}.rdbuf();
    const auto output = text.str();
    CHECK(output.find("the chime is skipped") != std::string::npos);
    CHECK(output.find("the chime is skipped") == output.rfind("the chime is skipped"));
}
