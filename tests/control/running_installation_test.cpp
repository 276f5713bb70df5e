#include <doctest/doctest.h>

#include "control/running_installation.h"

using namespace vitrine;
using namespace vitrine::control;

TEST_CASE("running installation: the loader's problems go with it to /status") {
    Diagnostics diagnostics;
    auto loaded = installation::parseInstallation(
        "<installation><hours><open days=\"mon\" from=\"25:00\" to=\"18:00\"/></hours></installation>", "site.xml",
        diagnostics);
    REQUIRE(loaded);
    REQUIRE_FALSE(diagnostics.all().empty());
    auto running = runningInstallation("site.xml", loaded, diagnostics);
    REQUIRE(running.problems.size() == diagnostics.all().size());
    CHECK(running.problems[0].find("site.xml:1:") == 0);
    CHECK(running.control.httpPort == 0);  // the file's choice stands
}

TEST_CASE("running installation: a file that cannot be used plays on defaults, with status on loopback") {
    Diagnostics diagnostics;
    auto loaded = installation::loadInstallation("/nonexistent/installation.xml", diagnostics);
    REQUIRE_FALSE(loaded);
    auto running = runningInstallation("/nonexistent/installation.xml", loaded, diagnostics);
    CHECK(running.hours.always);
    CHECK(running.control.httpPort == kFallbackHttpPort);
    CHECK(installation::isLoopback(running.control.bindAddress));
    CHECK(running.file == "/nonexistent/installation.xml");
    REQUIRE_FALSE(running.problems.empty());
    CHECK(running.problems.back().find("could not be used; playing on defaults") != std::string::npos);
}
