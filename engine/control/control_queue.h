#pragma once
// Commands from the control servers' threads to the frame loop. The servers push; the
// loop drains once per frame, so every change to the show happens on the loop's thread.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "installation/described_audio.h"

namespace vitrine::control {

/// What a remote asks the player to do.
struct ControlCommand {
    enum class Kind { Play, Pause, Next, Previous, Black, Reload, Scene, Description };
    Kind kind = Kind::Play;
    std::string sceneId;  // for Scene
    std::string origin;   // "http 127.0.0.1", "osc 127.0.0.1:53211", for the log
    installation::DescriptionCommand description = installation::DescriptionCommand::Toggle;  // for Description
};

/// "play", "pause", "next", "previous", "black", "reload" → a command (not "scene" or
/// "description", which take an argument).
std::optional<ControlCommand::Kind> parseCommandVerb(std::string_view verb);
/// The verb of a kind, for logs.
std::string_view commandVerb(ControlCommand::Kind kind);

/// A thread-safe FIFO of commands, bounded so a flood cannot grow memory without limit.
class ControlQueue {
public:
    /// More than this many commands waiting means the loop is not draining: extra ones are refused.
    static constexpr std::size_t kCapacity = 256;

    /// Adds a command; false when the queue is full.
    bool push(ControlCommand command);
    /// Everything queued, oldest first, leaving the queue empty (the frame loop's call).
    std::vector<ControlCommand> drain();
    /// Waits until a command is queued or `timeout` passes; true when one is there.
    bool waitForCommand(std::chrono::milliseconds timeout);
    /// Called (on the pushing thread) after each command is queued: the frame loop's wake,
    /// so a command is acted on at once rather than at the next frame.
    void onPush(std::function<void()> listener);

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<ControlCommand> commands_;
    std::function<void()> onPush_;
};

}  // namespace vitrine::control
