#include "control/control_queue.h"

#include <array>
#include <utility>

namespace vitrine::control {

namespace {
using Kind = ControlCommand::Kind;
constexpr std::array<std::pair<Kind, std::string_view>, 8> kVerbs = {{
    {Kind::Play, "play"}, {Kind::Pause, "pause"}, {Kind::Next, "next"}, {Kind::Previous, "previous"},
    {Kind::Black, "black"}, {Kind::Reload, "reload"}, {Kind::Scene, "scene"}, {Kind::Description, "description"},
}};
}  // namespace

std::optional<ControlCommand::Kind> parseCommandVerb(std::string_view verb) {
    for (const auto& [kind, name] : kVerbs)
        if (name == verb && kind != Kind::Scene && kind != Kind::Description) return kind;
    return std::nullopt;
}

std::string_view commandVerb(ControlCommand::Kind kind) {
    for (const auto& [k, name] : kVerbs)
        if (k == kind) return name;
    return "?";
}

bool ControlQueue::push(ControlCommand command) {
    std::function<void()> listener;
    {
        std::lock_guard lock(mutex_);
        if (commands_.size() >= kCapacity) return false;
        commands_.push_back(std::move(command));
        listener = onPush_;
    }
    arrived_.notify_all();
    if (listener) listener();
    return true;
}

void ControlQueue::onPush(std::function<void()> listener) {
    std::lock_guard lock(mutex_);
    onPush_ = std::move(listener);
}

std::vector<ControlCommand> ControlQueue::drain() {
    std::lock_guard lock(mutex_);
    return std::exchange(commands_, {});
}

bool ControlQueue::waitForCommand(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, timeout, [&] { return !commands_.empty(); });
}

}  // namespace vitrine::control
