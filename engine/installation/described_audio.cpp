#include "installation/described_audio.h"

namespace vitrine::installation {

std::optional<DescriptionCommand> parseDescriptionCommand(std::string_view word) {
    if (word == "on") return DescriptionCommand::On;
    if (word == "off") return DescriptionCommand::Off;
    if (word == "toggle") return DescriptionCommand::Toggle;
    return std::nullopt;
}

bool DescriptionSwitch::scheduled(LocalTime now) const {
    switch (settings_.play) {
        case DescriptionPlay::Always: return true;
        case DescriptionPlay::Scheduled: return isOpen(settings_.schedule, now);
        case DescriptionPlay::OnCommand: break;
    }
    return false;
}

bool DescriptionSwitch::on(LocalTime now) {
    const bool planned = scheduled(now);
    // A described showing that begins or ends takes over from the last command.
    if (lastScheduled_ && *lastScheduled_ != planned) commanded_.reset();
    lastScheduled_ = planned;
    return commanded_.value_or(planned);
}

void DescriptionSwitch::command(DescriptionCommand command, LocalTime now) {
    const bool current = on(now);
    commanded_ = command == DescriptionCommand::On ? true : command == DescriptionCommand::Off ? false : !current;
}

}  // namespace vitrine::installation
