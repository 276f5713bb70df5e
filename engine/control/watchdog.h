#pragma once
// Notices a frozen frame loop. The loop pets it every frame; any other thread (the HTTP
// status, a supervisor) asks whether it has gone too long without. The clock is passed
// in, so a test can freeze time instead of waiting.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace vitrine::control {

/// A monotonic clock in microseconds.
using MonotonicClock = std::function<std::int64_t()>;

/// steady_clock in microseconds.
MonotonicClock steadyClock();

/// Reports the frame loop frozen when not petted for longer than a limit.
class Watchdog {
public:
    /// Frozen means not petted for more than `limitMicros`.
    Watchdog(std::int64_t limitMicros, MonotonicClock clock);

    /// Called by the frame loop once per frame; `quietMicros` when it is about to sleep that
    /// long on purpose (closed), so the limit counts from the end of that sleep.
    void pet(std::int64_t quietMicros = 0);
    /// How long since the last pet, when that is longer than the limit; nullopt while alive.
    std::optional<std::int64_t> frozenFor() const;
    /// "frame loop frozen for N ms", or "" while alive.
    std::string report() const;

private:
    std::int64_t limit_;
    MonotonicClock clock_;
    std::atomic<std::int64_t> lastPet_;
};

/// Tells systemd (Type=notify) that the player is ready and alive. Does nothing when not
/// started by systemd (no NOTIFY_SOCKET), so the same program runs by hand.
class SystemdNotifier {
public:
    /// Sends to the datagram socket at `socketPath` ("@name" for an abstract one; "" for none:
    /// then every call does nothing) and pings a watchdog of `watchdogMicros` (0: none). The
    /// socket is passed in rather than read here, so a test can listen on one of its own.
    SystemdNotifier(std::string socketPath, std::int64_t watchdogMicros);
    /// As systemd asks in our environment: NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID.
    static SystemdNotifier fromEnvironment();

    /// True when systemd asked for notifications.
    bool active() const { return !socketPath_.empty(); }
    /// How often systemd wants WATCHDOG=1 (µs), or 0 when it has no watchdog for us.
    std::int64_t watchdogInterval() const { return watchdogMicros_; }

    /// READY=1: the first frame is on screen.
    void ready();
    /// WATCHDOG=1, at most twice per watchdog interval (the loop calls it every frame).
    void alive(std::int64_t nowMicros);
    /// When (steady µs) alive() next sends: a frame loop asleep must turn by then. nullopt
    /// when systemd has no watchdog for us.
    std::optional<std::int64_t> nextAliveAt() const;
    /// STATUS=…: one line shown by `systemctl status`.
    void status(const std::string& line);
    /// STOPPING=1.
    void stopping();

private:
    void send(const std::string& message) const;

    std::string socketPath_;
    std::int64_t watchdogMicros_ = 0;
    std::int64_t lastAlive_ = 0;
};

}  // namespace vitrine::control
