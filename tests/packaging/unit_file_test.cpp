// The systemd unit the package installs, as systemd reads it.

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <string>

#include "support/build_paths.h"

TEST_CASE("packaging: systemd reads every line of the unit, so its restart policy holds") {
    // systemd ignores a key in the wrong section with only a warning: StartLimitIntervalSec in
    // [Service] once let the unit give up after 5 quick failures, leaving the wall dark.
    const std::string unit = (vitrine::test::sourceDir() / "packaging/vitrine.service").string();
    FILE* pipe = popen(("systemd-analyze verify '" + unit + "' 2>&1").c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    std::array<char, 4096> buffer{};
    while (size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
    const int status = pclose(pipe);
    INFO(output);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) != 127);  // systemd-analyze is installed (tools/setup)
    CHECK(output.find("Unknown key") == std::string::npos);
    CHECK(output.find("Unknown section") == std::string::npos);
    CHECK(output.find("ignoring") == std::string::npos);
}
