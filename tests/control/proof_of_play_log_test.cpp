#include <doctest/doctest.h>

#include <fstream>

#include <unistd.h>

#include "control/proof_of_play_log.h"
#include "installation/civil_time.h"
#include "media/media_test_files.h"

using namespace vitrine::control;

TEST_CASE("proof of play: one line per scene start, rotated at the size limit") {
    auto dir = std::filesystem::temp_directory_path() / ("vitrine-pop-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    auto file = dir / "logs" / "proof-of-play.log";
    const auto t0 = *vitrine::installation::parseIsoInstant("2026-01-20T09:00:00Z");
    {
        ProofOfPlayLog log(file, 100, 2);  // each line is 33-35 bytes: three fit in 100
        REQUIRE_FALSE(log.sceneStarted(t0, "advisory"));
        CHECK(vitrine::test::readTextFile(file) == "2026-01-20T09:00:00.000Z advisory\n");
        for (int i = 1; i < 10; ++i) REQUIRE_FALSE(log.sceneStarted(t0 + i * 12'000'000, "scene-" + std::to_string(i)));
    }
    CHECK(std::filesystem::file_size(file) <= 100);
    CHECK(std::filesystem::exists(file.string() + ".1"));
    CHECK(std::filesystem::exists(file.string() + ".2"));
    CHECK_FALSE(std::filesystem::exists(file.string() + ".3"));  // keep = 2
    // The newest line is in the live file, and the one before it in .1.
    CHECK(vitrine::test::readTextFile(file).find("2026-01-20T09:01:48.000Z scene-9\n") != std::string::npos);
    CHECK(vitrine::test::readTextFile(file.string() + ".1").find("scene-") != std::string::npos);
    // A new log on the same file appends (after a restart) rather than truncating.
    auto before = std::filesystem::file_size(file);
    {
        ProofOfPlayLog again(file, 1000, 2);
        REQUIRE_FALSE(again.sceneStarted(t0, "map"));
    }
    CHECK(std::filesystem::file_size(file) == before + 29);
    // An unwritable place is an error value.
    ProofOfPlayLog nowhere("/proc/vitrine-cannot-write/pop.log");
    CHECK(nowhere.sceneStarted(t0, "x"));
    std::filesystem::remove_all(dir);
}
