#include "control/watchdog.h"

#include <systemd/sd-daemon.h>

#include <chrono>
#include <cstdlib>

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

void Watchdog::pet() { lastPet_.store(clock_(), std::memory_order_relaxed); }

std::optional<std::int64_t> Watchdog::frozenFor() const {
    std::int64_t since = clock_() - lastPet_.load(std::memory_order_relaxed);
    if (since > limit_) return since;
    return std::nullopt;
}

std::string Watchdog::report() const {
    auto f = frozenFor();
    return f ? "frame loop frozen for " + std::to_string(*f / kMicrosPerMilli) + " ms" : std::string();
}

SystemdNotifier::SystemdNotifier() {
    active_ = std::getenv("NOTIFY_SOCKET") != nullptr;
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0) watchdogMicros_ = static_cast<std::int64_t>(usec);
}

void SystemdNotifier::ready() {
    if (active_) sd_notify(0, "READY=1");
}

void SystemdNotifier::alive(std::int64_t nowMicros) {
    if (!active_ || watchdogMicros_ <= 0) return;
    // systemd's advice: ping at half the interval, so one late frame is not a kill.
    if (nowMicros - lastAlive_ < watchdogMicros_ / 2) return;
    lastAlive_ = nowMicros;
    sd_notify(0, "WATCHDOG=1");
}

void SystemdNotifier::status(const std::string& line) {
    if (active_) sd_notify(0, ("STATUS=" + line).c_str());
}

void SystemdNotifier::stopping() {
    if (active_) sd_notify(0, "STOPPING=1");
}

}  // namespace vitrine::control
