// The systemd units the package installs, as systemd reads them.

#include <doctest/doctest.h>

#include <string>

#include "support/build_paths.h"
#include "support/run_command.h"

TEST_CASE("packaging: systemd reads every line of the units, so their restart policy holds") {
    // systemd ignores a key in the wrong section with only a warning: StartLimitIntervalSec in
    // [Service] once let the unit give up after 5 quick failures, leaving the wall dark.
    for (const char* name : {"vitrine.service", "vitrine-xsession.service"}) {
        const auto unit = vitrine::test::sourceDir() / "tools/package" / name;
        const auto verify = vitrine::test::runCommand("systemd-analyze verify '" + unit.string() + "' 2>&1");
        INFO(name << ": " << verify.output);
        REQUIRE(verify.status != 127);  // systemd-analyze is installed (tools/setup)
        REQUIRE(verify.status != -1);
        CHECK(verify.output.find("Unknown key") == std::string::npos);
        CHECK(verify.output.find("Unknown section") == std::string::npos);
        CHECK(verify.output.find("ignoring") == std::string::npos);
    }
}
