// HDMI-CEC through a fake cec-client put first on PATH: it records its arguments and
// input, and keeps the display's power in a file, as a real display would.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "media/media_test_files.h"
#include "power/cec_display.h"

using namespace vitrine;
using namespace vitrine::power;
using namespace std::chrono_literals;

namespace {

// Puts `dir` first on PATH for the lifetime of this object.
class PathPrefix {
public:
    explicit PathPrefix(const std::filesystem::path& dir) : old_(std::getenv("PATH") ? std::getenv("PATH") : "") {
        ::setenv("PATH", (dir.string() + ":" + old_).c_str(), 1);
    }
    ~PathPrefix() { ::setenv("PATH", old_.c_str(), 1); }

private:
    std::string old_;
};

void writeExecutable(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file) << text;
    std::filesystem::permissions(file, std::filesystem::perms::owner_all);
}

// A cec-client that answers "pow", obeys "on" and "standby", and logs what it was given.
void writeFakeCecClient(const test::TempDir& dir, const std::string& power) {
    writeExecutable(dir / "cec-client",
                    "#!/bin/sh\n"
                    "dir=$(dirname \"$0\")\n"
                    "echo \"args: $*\" >> \"$dir/calls.log\"\n"
                    "while read -r line; do\n"
                    "  echo \"in: $line\" >> \"$dir/calls.log\"\n"
                    "  case \"$line\" in\n"
                    "    pow*) echo \"power status: $(cat \"$dir/power\")\";;\n"
                    "    on*) echo on > \"$dir/power\";;\n"
                    "    standby*) echo standby > \"$dir/power\";;\n"
                    "  esac\n"
                    "done\n");
    std::ofstream(dir / "power") << power << "\n";
}

}  // namespace

TEST_CASE("cec: a display in standby is switched on with 'on 0', left alone when on, and put to standby") {
    test::TempDir dir;
    writeFakeCecClient(dir, "standby");
    PathPrefix path(dir.path());
    CecDisplay display({"0", ""}, 5s);
    auto on = display.exchange(true);
    CHECK_FALSE(on.problem);
    CHECK(on.reached);
    CHECK(on.state == PowerState::WarmingUp);
    CHECK(test::readTextFile(dir / "power") == "on\n");
    CHECK(display.exchange(true).state == PowerState::On);
    auto off = display.exchange(false);
    CHECK(off.state == PowerState::CoolingDown);
    CHECK(test::readTextFile(dir / "power") == "standby\n");
    CHECK(test::readTextFile(dir / "calls.log") ==
          "args: -s -d 1\nin: pow 0\nargs: -s -d 1\nin: on 0\n"
          "args: -s -d 1\nin: pow 0\n"
          "args: -s -d 1\nin: pow 0\nargs: -s -d 1\nin: standby 0\n");
}

TEST_CASE("cec: the adapter is passed on, and the logical address is the one configured") {
    test::TempDir dir;
    writeFakeCecClient(dir, "on");
    PathPrefix path(dir.path());
    CecDisplay display({"4", "/dev/ttyACM1"}, 5s);
    CHECK(display.address() == "CEC 4 on /dev/ttyACM1");
    display.exchange(false);
    CHECK(test::readTextFile(dir / "calls.log") ==
          "args: -s -d 1 /dev/ttyACM1\nin: pow 4\nargs: -s -d 1 /dev/ttyACM1\nin: standby 4\n");
}

TEST_CASE("cec: a cec-client that hangs is killed at the timeout, and a missing one is reported") {
    test::TempDir dir;
    writeExecutable(dir / "cec-client", "#!/bin/sh\nexec sleep 30\n");
    {
        PathPrefix path(dir.path());
        auto start = std::chrono::steady_clock::now();
        auto hung = CecDisplay({"0", ""}, 300ms).exchange(true);
        CHECK(std::chrono::steady_clock::now() - start < 5s);
        CHECK_FALSE(hung.reached);
        CHECK(hung.problem.value_or(Error{}).message == "cec-client did not finish 'pow 0' in time");
    }
    test::TempDir empty;
    std::string old = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", empty.path().c_str(), 1);
    auto missing = CecDisplay({"0", ""}, 300ms).exchange(true);
    ::setenv("PATH", old.c_str(), 1);
    CHECK(missing.problem.value_or(Error{}).message == "cec-client cannot be run (install Debian's cec-utils)");
}

TEST_CASE("cec: cec-client's power report is read") {
    CHECK(parseCecPower("opening a connection to the CEC adapter...\npower status: on\n") == PowerState::On);
    CHECK(parseCecPower("power status: standby\n") == PowerState::Off);
    CHECK(parseCecPower("power status: in transition from standby to on\n") == PowerState::WarmingUp);
    CHECK(parseCecPower("power status: unknown\n") == PowerState::Unknown);
    CHECK(parseCecPower("") == PowerState::Unknown);
}
