#include "player/venue.h"

#include "control/operations.h"

namespace vitrine {

namespace {

class InstallationVenue final : public Venue {
public:
    explicit InstallationVenue(control::Operations& operations) : operations_(operations) {}

    std::optional<Micros> wallShowTime(Micros duration) const override { return operations_.wallShowTime(duration); }
    bool openNow() const override { return operations_.openNow(); }
    std::optional<Micros> quietLimit() const override { return operations_.quietLimit(); }
    void quietFor(Micros micros) override { operations_.quietFor(micros); }
    std::vector<control::ControlCommand> takeCommands() override { return operations_.queue().drain(); }
    void onCommand(std::function<void()> wake) override { operations_.queue().onPush(std::move(wake)); }
    void started(const std::string& title, const std::string& file) override { operations_.started(title, file); }
    control::ScreenCopy* screenCopy() override { return operations_.screenCopy(); }
    void sceneStarted(const std::string& sceneId) override { operations_.sceneStarted(sceneId); }
    void frameDone(control::PlayerStatus status, Micros took, Micros period) override {
        operations_.frameDone(std::move(status), took, period);
    }
    void setAdvisoryStart(std::optional<Micros> start) override { operations_.setAdvisoryStart(start); }
    void stopping() override { operations_.stopping(); }
    std::vector<installation::Output> outputs() const override { return operations_.installation().outputs; }
    std::filesystem::path installationFile() const override { return operations_.installation().file; }
    std::optional<std::vector<power::MonitorRect>> monitors() const override { return operations_.monitors(); }
    bool describingNow() override { return operations_.describingNow(); }
    void describe(installation::DescriptionCommand command) override { operations_.describe(command); }

private:
    control::Operations& operations_;
};

class HandVenue final : public Venue {
public:
    std::optional<Micros> wallShowTime(Micros) const override { return std::nullopt; }
    bool openNow() const override { return true; }
    std::optional<Micros> quietLimit() const override { return std::nullopt; }
    void quietFor(Micros) override {}
    std::vector<control::ControlCommand> takeCommands() override { return {}; }
    void onCommand(std::function<void()>) override {}
    void started(const std::string&, const std::string&) override {}
    control::ScreenCopy* screenCopy() override { return nullptr; }
    void sceneStarted(const std::string&) override {}
    void frameDone(control::PlayerStatus, Micros, Micros) override {}
    void setAdvisoryStart(std::optional<Micros>) override {}
    void stopping() override {}
    std::vector<installation::Output> outputs() const override { return {}; }
    std::filesystem::path installationFile() const override { return {}; }
    std::optional<std::vector<power::MonitorRect>> monitors() const override { return std::nullopt; }
    // No installation file: no schedule, so the local time the switch is asked at is moot.
    bool describingNow() override { return described_.on({}); }
    void describe(installation::DescriptionCommand command) override { described_.command(command, {}); }

private:
    installation::DescriptionSwitch described_;
};

}  // namespace

std::unique_ptr<Venue> venueFor(control::Operations* operations) {
    if (operations) return std::make_unique<InstallationVenue>(*operations);
    return std::make_unique<HandVenue>();
}

}  // namespace vitrine
