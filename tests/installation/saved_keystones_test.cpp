#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <string>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "installation/installation.h"
#include "installation/saved_keystones.h"
#include "media/media_test_files.h"

using namespace vitrine;
using namespace vitrine::installation;

namespace {

// An environment of the test's own, so the machine's HOME or STATE_DIRECTORY never leaks in.
EnvironmentLookup environment(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](const char* name) -> const char* {
        auto found = variables.find(name);
        return found == variables.end() ? nullptr : found->second.c_str();
    };
}

auto writable(bool answer) {
    return [answer](const std::filesystem::path&) { return answer; };
}

const std::string kInstallation =
    "<installation>\n"
    "  <!-- Hall B -->\n"
    "  <output id=\"left\" resolution=\"640x360\"/>\n"
    "  <output id=\"right\" resolution=\"640x360\" position=\"640,0\">\n"
    "    <keystone tl=\"1,1\" tr=\"639,0\" br=\"640,360\" bl=\"0,360\"/>\n"
    "  </output>\n"
    "</installation>\n";

const Quad kCorners{{{10, 20}, {630.5, 0}, {640, 350}, {0.5, 359}}};

}  // namespace

TEST_CASE("saved keystones: under systemd corners go to the unit's state folder, else to a file the user can write") {
    const std::filesystem::path installationFile = "/etc/vitrine/installation.xml";
    CHECK(keystoneSaveFile(installationFile, environment({{"STATE_DIRECTORY", "/var/lib/vitrine"}}), writable(true)) ==
          "/var/lib/vitrine/keystone.xml");
    // systemd lists several StateDirectory= folders joined by ':'; the first is ours.
    CHECK(keystoneSaveFile(installationFile, environment({{"STATE_DIRECTORY", "/var/lib/vitrine:/var/lib/other"}}),
                           writable(true)) == "/var/lib/vitrine/keystone.xml");
    CHECK(keystoneSaveFile(installationFile, environment({{"HOME", "/home/t"}}), writable(true)) == installationFile);
    CHECK(keystoneSaveFile(installationFile, environment({{"XDG_STATE_HOME", "/s"}, {"HOME", "/home/t"}}),
                           writable(false)) == "/s/vitrine/keystone.xml");
    CHECK(keystoneSaveFile(installationFile, environment({{"HOME", "/home/t"}}), writable(false)) ==
          "/home/t/.local/state/vitrine/keystone.xml");
    CHECK(keystoneSaveFile(installationFile, environment({}), writable(false)) == installationFile);
}

TEST_CASE("saved keystones: corners saved beside a read-only installation come back over its own at start") {
    test::TempDir dir;
    const auto site = dir / "etc";
    std::filesystem::create_directories(site);
    const auto installationFile = site / "installation.xml";
    std::ofstream(installationFile, std::ios::binary) << kInstallation;
    // As installed: the installation folder is not the player's to write.
    std::filesystem::permissions(site, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                           std::filesystem::perms::group_read | std::filesystem::perms::group_exec);
    const auto stateFile = keystoneSaveFile(installationFile, environment({{"STATE_DIRECTORY", (dir / "state").string()}}),
                                            writable(false));
    REQUIRE(stateFile == dir / "state" / "keystone.xml");

    REQUIRE_FALSE(saveCalibration(stateFile, {{"right", 1, kCorners}}));
    // Saved a second time: the same output is edited, not added again.
    Quad moved = kCorners;
    moved[0] = {11, 21};
    REQUIRE_FALSE(saveCalibration(stateFile, {{"right", 1, moved}, {"left", 0, kCorners}}));
    CHECK(test::readTextFile(installationFile) == kInstallation);

    Diagnostics diagnostics;
    auto inst = loadInstallation(installationFile, diagnostics);
    REQUIRE(inst);
    applySavedKeystones(*inst, stateFile, diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(inst->outputs.size() == 2);
    REQUIRE(inst->outputs[0].keystone);
    CHECK(*inst->outputs[0].keystone == kCorners);
    REQUIRE(inst->outputs[1].keystone);
    CHECK(*inst->outputs[1].keystone == moved);
    CHECK(test::readTextFile(stateFile).find("Delete this file") != std::string::npos);
    std::filesystem::permissions(site, std::filesystem::perms::owner_all);
}

TEST_CASE("saved keystones: saved corners for an output the installation lacks are a warning at their line") {
    test::TempDir dir;
    const auto installationFile = dir / "installation.xml";
    std::ofstream(installationFile, std::ios::binary) << kInstallation;
    const auto stateFile = dir / "state" / "keystone.xml";
    REQUIRE_FALSE(saveCalibration(stateFile, {{"door", 0, kCorners}}));
    Diagnostics diagnostics;
    auto inst = loadInstallation(installationFile, diagnostics);
    REQUIRE(inst);
    applySavedKeystones(*inst, stateFile, diagnostics);
    REQUIRE(diagnostics.all().size() == 1);
    const auto& d = diagnostics.all()[0];
    CHECK(d.severity == Severity::Warning);
    CHECK(d.where.file == stateFile.string());
    CHECK(d.where.line == 6);
    CHECK(d.message.find("'door'") != std::string::npos);
    CHECK_FALSE(inst->outputs[0].keystone);
}

TEST_CASE("saved keystones: a folder that cannot be made is an error naming it, and nothing is saved") {
    test::TempDir dir;
    const auto notAFolder = dir / "state";
    std::ofstream(notAFolder) << "a file where the state folder should be";
    // Even root cannot make a folder inside a regular file.
    auto error = saveCalibration(notAFolder / "vitrine" / "keystone.xml", {{"left", 0, kCorners}});
    REQUIRE(error);
    CHECK(error->message.find((notAFolder / "vitrine").string()) != std::string::npos);
}

TEST_CASE("saved keystones: corners saved for the implicit output of a file with no <output> come back at start") {
    test::TempDir dir;
    const auto installationFile = dir / "installation.xml";
    std::ofstream(installationFile, std::ios::binary) << "<installation>\n</installation>\n";
    const auto stateFile = dir / "state" / "keystone.xml";
    // Calibration names the one output it drew on as the warp does: the whole display.
    REQUIRE_FALSE(saveCalibration(stateFile, {{kWholeDisplayOutputId, 0, kCorners}}));
    Diagnostics diagnostics;
    auto inst = loadInstallation(installationFile, diagnostics);
    REQUIRE(inst);
    REQUIRE(inst->outputs.empty());
    applySavedKeystones(*inst, stateFile, diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(inst->outputs.size() == 1);
    const auto& whole = inst->outputs[0];
    CHECK(whole.id == kWholeDisplayOutputId);
    CHECK(whole.sizedByDisplay);  // still the display found, whatever its size
    REQUIRE(whole.keystone);
    CHECK(*whole.keystone == kCorners);
}

// The issue a technician met: the unit runs as the unprivileged user `vitrine`, and
// /etc/vitrine is root's. Here the save and the restore run as such a user for real: when
// the suite runs as root (CI does), a child process drops to `nobody` first; otherwise the
// suite's own user is unprivileged already. Either way the site folder is read-only to it.
TEST_CASE("saved keystones: an unprivileged user saves corners to its state folder and gets them back, the installation untouched") {
    test::TempDir dir;
    const auto site = dir / "etc";
    const auto state = dir / "state";
    std::filesystem::create_directories(site);
    std::filesystem::create_directories(state);
    const auto installationFile = site / "installation.xml";
    std::ofstream(installationFile, std::ios::binary) << kInstallation;
    const bool asRoot = geteuid() == 0;
    constexpr uid_t kNobody = 65534;
    using std::filesystem::perms;
    std::filesystem::permissions(dir.path(), perms::owner_all | perms::group_read | perms::group_exec |
                                                 perms::others_read | perms::others_exec);
    std::filesystem::permissions(site, perms::owner_read | perms::owner_exec | perms::group_read | perms::group_exec |
                                           perms::others_read | perms::others_exec);
    if (asRoot) REQUIRE(chown(state.c_str(), kNobody, kNobody) == 0);

    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (asRoot && (setgid(kNobody) != 0 || setuid(kNobody) != 0)) _exit(10);
        setenv("STATE_DIRECTORY", state.c_str(), 1);
        const auto file = keystoneSaveFile(installationFile);  // the real environment and access(2)
        if (file != state / "keystone.xml") _exit(11);
        if (saveCalibration(file, {{"right", 1, kCorners}})) _exit(12);
        Diagnostics diagnostics;
        auto inst = loadInstallation(installationFile, diagnostics);
        if (!inst || inst->outputs.size() != 2) _exit(13);
        applySavedKeystones(*inst, file, diagnostics);
        if (!diagnostics.empty() || !inst->outputs[1].keystone || !(*inst->outputs[1].keystone == kCorners)) _exit(14);
        _exit(0);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    INFO("the child's exit code: 10 cannot drop to nobody, 11 wrong save file, 12 save failed, 13 load failed, 14 not restored");
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(test::readTextFile(installationFile) == kInstallation);
    struct stat saved {};
    REQUIRE(stat((state / "keystone.xml").c_str(), &saved) == 0);
    if (asRoot) CHECK(saved.st_uid == kNobody);
    std::filesystem::permissions(site, perms::owner_all);
}
