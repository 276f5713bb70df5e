#include "control/watchdog.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace vitrine::control {

namespace {
constexpr std::int64_t kMicrosPerMilli = 1000;
}

MonotonicClock steadyClock() {
    return [] {
        return std::chrono::duration_cast<std::chrono::microseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    };
}

Watchdog::Watchdog(std::int64_t limitMicros, MonotonicClock clock)
    : limit_(limitMicros), clock_(std::move(clock)), lastPet_(clock_()) {}

void Watchdog::pet(std::int64_t quietMicros) { lastPet_.store(clock_() + quietMicros, std::memory_order_relaxed); }

std::optional<std::int64_t> Watchdog::frozenFor() const {
    std::int64_t since = clock_() - lastPet_.load(std::memory_order_relaxed);
    if (since > limit_) return since;
    return std::nullopt;
}

std::string Watchdog::report() const {
    auto f = frozenFor();
    return f ? "frame loop frozen for " + std::to_string(*f / kMicrosPerMilli) + " ms" : std::string();
}

SystemdNotifier::SystemdNotifier(std::string socketPath, std::int64_t watchdogMicros)
    : socketPath_(std::move(socketPath)), watchdogMicros_(watchdogMicros) {}

SystemdNotifier SystemdNotifier::fromEnvironment() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    std::uint64_t usec = 0;
    // sd_watchdog_enabled also checks WATCHDOG_PID: the watchdog is ours, not a parent's.
    const bool watchdog = sd_watchdog_enabled(0, &usec) > 0;
    return SystemdNotifier(socket ? socket : "", watchdog ? static_cast<std::int64_t>(usec) : 0);
}

void SystemdNotifier::send(const std::string& message) const {
    // What sd_notify does with NOTIFY_SOCKET, with the path given instead of read from the
    // environment. A notification that cannot be sent is dropped, as sd_notify's would be.
    sockaddr_un address{};
    if (socketPath_.empty() || socketPath_.size() >= sizeof(address.sun_path)) return;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, socketPath_.data(), socketPath_.size());
    if (address.sun_path[0] == '@') address.sun_path[0] = '\0';  // abstract namespace
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return;
    const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socketPath_.size());
    (void)::sendto(fd, message.data(), message.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&address), length);
    ::close(fd);
}

void SystemdNotifier::ready() { send("READY=1"); }

void SystemdNotifier::alive(std::int64_t nowMicros) {
    if (!active() || watchdogMicros_ <= 0) return;
    // systemd's advice: ping at half the interval, so one late frame is not a kill.
    if (nowMicros - lastAlive_ < watchdogMicros_ / 2) return;
    lastAlive_ = nowMicros;
    send("WATCHDOG=1");
}

std::optional<std::int64_t> SystemdNotifier::nextAliveAt() const {
    if (!active() || watchdogMicros_ <= 0) return std::nullopt;
    return lastAlive_ + watchdogMicros_ / 2;
}

void SystemdNotifier::status(const std::string& line) { send("STATUS=" + line); }

void SystemdNotifier::stopping() { send("STOPPING=1"); }

}  // namespace vitrine::control
