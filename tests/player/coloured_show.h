#pragma once
// A show for player tests that play as an installation: three scenes of 10 s, each its own
// background colour and each with a tone throughout; and opening hours to play it under.

#include <doctest/doctest.h>

#include <SFML/Graphics/Color.hpp>

#include <ctime>
#include <fstream>
#include <memory>
#include <string>

#include "audio/audio_test_media.h"
#include "exhibit/exhibit_loader.h"
#include "installation/installation.h"
#include "media/media_test_files.h"

namespace vitrine::test {

inline constexpr Micros kSceneLength = seconds(10);
inline const sf::Color kGreen(0, 200, 0);  // scene b's background

// Three scenes of 10 s, each its own background colour and each with a tone throughout.
inline std::shared_ptr<const Show> colouredShow(const test::TempDir& dir) {
    REQUIRE(makeTone(dir / "tone.wav", 440, 0.5, 0, 10, 8000));
    std::string scenes;
    for (const char* scene : {"id=\"a\" background=\"#0000c8\"", "id=\"b\" background=\"#00c800\"",
                              "id=\"c\" background=\"#c80000\""})
        scenes += std::string("<scene dur=\"10s\" ") + scene + "><audio src=\"tone.wav\" credit=\"test tone\"/></scene>";
    std::ofstream(dir / "exhibit.xml") << "<exhibit size=\"320x180\">" + scenes + "</exhibit>";
    auto loaded = loadExhibit(dir / "exhibit.xml");
    REQUIRE(loaded.show);
    REQUIRE(loaded.show->duration == 3 * kSceneLength);
    return std::make_shared<const Show>(*loaded.show);
}

// The Unix time, in µs, at which this machine's local clock reads `date` `hour`:00.
inline std::int64_t unixAtLocal(installation::CivilDate date, int hour) {
    std::tm local{};
    local.tm_year = date.year - 1900;
    local.tm_mon = date.month - 1;
    local.tm_mday = date.day;
    local.tm_hour = hour;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local)) * kMicrosPerSecond;
}

inline installation::Installation weekdaysTenToSix() {
    installation::Installation inst;
    inst.hours.always = false;
    for (int day = 0; day < 5; ++day) inst.hours.weekly[day] = {installation::DaySpan{10 * 3600, 18 * 3600}};
    return inst;
}

// 2026-03-02 is a Monday.
inline constexpr installation::CivilDate kMonday{2026, 3, 2};

}  // namespace vitrine::test
