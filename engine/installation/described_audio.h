#pragma once
// When the exhibit's audio description plays in the room: the installation's one line
// (<description play="always|on-command|scheduled">, a schedule in the <hours> grammar),
// and the commands that turn it on and off (OSC, HTTP, a key in the player). Pure: the
// caller supplies local time.

#include <optional>
#include <string_view>

#include "installation/civil_time.h"
#include "installation/opening_hours.h"

namespace vitrine::installation {

/// When the description plays without a command.
enum class DescriptionPlay {
    OnCommand,  // off until a command turns it on (the default)
    Always,     // every showing is described
    Scheduled,  // described showings at set times (Tuesday mornings): `schedule`
};

struct DescriptionSettings {
    DescriptionPlay play = DescriptionPlay::OnCommand;
    OpeningHours schedule;  // for Scheduled: the described showings, as <hours> are written
};

/// What a command asks of the description.
enum class DescriptionCommand { On, Off, Toggle };

/// "on", "off", "toggle" → the command.
std::optional<DescriptionCommand> parseDescriptionCommand(std::string_view word);

/// Whether the description plays now: the settings, and the last command until the
/// schedule next changes (a command in a described showing turns it off until the
/// showing ends; the next showing is described again).
class DescriptionSwitch {
public:
    explicit DescriptionSwitch(DescriptionSettings settings = {}) : settings_(std::move(settings)) {}

    /// Whether the description plays at local time `now`.
    bool on(LocalTime now);
    /// A technician's or a visitor's command at `now`.
    void command(DescriptionCommand command, LocalTime now);

private:
    bool scheduled(LocalTime now) const;

    DescriptionSettings settings_;
    std::optional<bool> commanded_;       // what the last command said, until the schedule changes
    std::optional<bool> lastScheduled_;   // what the schedule said when last asked
};

}  // namespace vitrine::installation
