// The package's X session (tools/package/vitrine-xsession and its unit): run against an
// Xvfb of its own, started as the unit starts Xorg, so its settings are read back from X.

#include <doctest/doctest.h>

#include <regex>
#include <string>

#include "media/media_test_files.h"
#include "support/build_paths.h"
#include "support/run_command.h"

namespace {

const std::filesystem::path kPackage = vitrine::test::sourceDir() / "tools/package";

bool has(const std::string& text, const std::string& pattern) { return std::regex_search(text, std::regex(pattern)); }

}  // namespace

TEST_CASE("packaging: the X session turns the screen saver and blanking off, and they stay off") {
    // The unit's X server must not reset when its last client leaves: the session holds no
    // client, so a reset after each xset undid it (and again at every player restart).
    const std::string unit = vitrine::test::readTextFile(kPackage / "vitrine-xsession.service");
    REQUIRE(has(unit, "\nExecStart=/usr/bin/startx /usr/libexec/vitrine/vitrine-xsession -- :0 vt7 .*-noreset"));
    // The session runs the command it is given instead of waiting forever: here `xset q`,
    // on a fresh Xvfb started like the unit's server.
    const auto session = vitrine::test::runCommand(
        "timeout 60 xvfb-run -a -s '-screen 0 640x480x24 -noreset' " + vitrine::test::quoted(kPackage / "vitrine-xsession") +
        " xset q 2>&1");
    INFO(session.output);
    REQUIRE(session.status == 0);
    CHECK(has(session.output, "timeout: +0 "));           // the screen saver never starts
    CHECK(has(session.output, "prefer blanking: +no "));  // nor blanks
    // Xvfb has no DPMS extension to read back: the session asks for it off all the same.
    CHECK(has(vitrine::test::readTextFile(kPackage / "vitrine-xsession"), "\nxset -dpms\n"));
}
