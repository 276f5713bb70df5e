// When the audio description plays, as the installation file says (always, on command, or
// in described showings written as opening hours are), and how a command changes it.
#include <doctest/doctest.h>

#include "installation/described_audio.h"
#include "installation/installation.h"

using namespace vitrine;
using namespace vitrine::installation;

namespace {

constexpr CivilDate kTuesday{2026, 3, 3};
constexpr CivilDate kWednesday{2026, 3, 4};

DescriptionSettings settingsFrom(const std::string& element, Diagnostics& d) {
    auto inst = parseInstallation("<installation>" + element + "</installation>", "site.xml", d);
    REQUIRE(inst);
    return inst->description;
}

const std::string kTuesdayMornings =
    "<description play=\"scheduled\"><open days=\"tue\" from=\"10:00\" to=\"12:00\"/></description>";

}  // namespace

TEST_CASE("described audio: off without a line, on always with play always") {
    Diagnostics d;
    DescriptionSwitch unset(settingsFrom("", d));
    DescriptionSwitch onCommand(settingsFrom("<description play=\"on-command\"/>", d));
    DescriptionSwitch always(settingsFrom("<description play=\"always\"/>", d));
    CHECK(d.empty());
    for (int hour : {0, 10, 23}) {
        const LocalTime at = LocalTime::at(kTuesday, hour, 0);
        CHECK_FALSE(unset.on(at));
        CHECK_FALSE(onCommand.on(at));
        CHECK(always.on(at));
    }
}

TEST_CASE("described audio: a schedule in the hours grammar describes Tuesday mornings only") {
    Diagnostics d;
    DescriptionSwitch s(settingsFrom(kTuesdayMornings, d));
    CHECK(d.empty());
    CHECK_FALSE(s.on(LocalTime::at(kTuesday, 9, 59)));
    CHECK(s.on(LocalTime::at(kTuesday, 10, 0)));
    CHECK(s.on(LocalTime::at(kTuesday, 11, 59)));
    CHECK_FALSE(s.on(LocalTime::at(kTuesday, 12, 0)));
    CHECK_FALSE(s.on(LocalTime::at(kWednesday, 10, 30)));
}

TEST_CASE("described audio: a command turns it on and off until the schedule next changes") {
    Diagnostics d;
    DescriptionSwitch s(settingsFrom(kTuesdayMornings, d));
    // Monday evening a visitor asks for it: on, and off again.
    const LocalTime monday = LocalTime::at({2026, 3, 2}, 18, 0);
    s.command(DescriptionCommand::On, monday);
    CHECK(s.on(monday));
    s.command(DescriptionCommand::Toggle, monday);
    CHECK_FALSE(s.on(monday));
    s.command(DescriptionCommand::Toggle, monday);
    CHECK(s.on(LocalTime::at(kTuesday, 9, 0)));  // held overnight: the schedule has not changed
    // The described showing begins: the schedule takes over (on), a command turns it off…
    CHECK(s.on(LocalTime::at(kTuesday, 10, 0)));
    s.command(DescriptionCommand::Off, LocalTime::at(kTuesday, 10, 5));
    CHECK_FALSE(s.on(LocalTime::at(kTuesday, 11, 0)));
    // …until the showing ends; the next Tuesday's is described again.
    CHECK_FALSE(s.on(LocalTime::at(kTuesday, 12, 30)));
    CHECK(s.on(LocalTime::at({2026, 3, 10}, 10, 30)));
}

TEST_CASE("described audio: commands are on, off and toggle") {
    CHECK(parseDescriptionCommand("on") == DescriptionCommand::On);
    CHECK(parseDescriptionCommand("off") == DescriptionCommand::Off);
    CHECK(parseDescriptionCommand("toggle") == DescriptionCommand::Toggle);
    CHECK_FALSE(parseDescriptionCommand("On").has_value());
    CHECK_FALSE(parseDescriptionCommand("").has_value());
}

TEST_CASE("described audio: a wrong play value is an error at the attribute, showings without scheduled a warning") {
    Diagnostics d;
    settingsFrom("\n<description play=\"tuesdays\"/>", d);
    REQUIRE(d.errorCount() == 1);
    CHECK(d.all().front().code == "bad-value");
    CHECK(d.all().front().where.line == 2);
    Diagnostics w;
    DescriptionSwitch s(settingsFrom("<description play=\"always\"><open days=\"tue\" from=\"10:00\" to=\"12:00\"/></description>", w));
    CHECK(w.errorCount() == 0);
    CHECK(w.warningCount() == 1);
    CHECK(s.on(LocalTime::at(kWednesday, 9, 0)));
}
