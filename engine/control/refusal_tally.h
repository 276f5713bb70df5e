#pragma once
// Counts what a control server refuses and says so in one log line at most once a
// period: a client that sends ten thousand bad requests a second must not write ten
// thousand lines to the journal. The first refusal after a quiet period is logged at once.
// Thread-safe: the HTTP server's workers refuse concurrently.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "control/server_log.h"
#include "control/watchdog.h"

namespace vitrine::control {

class RefusalTally {
public:
    static constexpr std::int64_t kPeriodMicros = 60'000'000;
    /// Distinct (reason, address) pairs named in one line; the others are summed.
    static constexpr std::size_t kNamedSources = 8;

    /// `server` names the lines ("http", "osc"). Reasons and addresses passed to refuse()
    /// go to the log as they are: a client's text in them must be escaped (escapeForLog);
    /// an address as the kernel gives it is fine.
    RefusalTally(std::string server, ServerLog log, MonotonicClock clock = steadyClock());

    /// Counts one refusal: `reason` ("without a valid token") from `address`.
    void refuse(std::string_view reason, std::string_view address);
    /// Writes the line when refusals are waiting and a period has passed since the last one.
    void flushIfDue();
    /// Writes what is waiting now (when the server stops).
    void flush();
    /// Refusals since the start.
    std::int64_t total() const;

private:
    void writeLine();  // with mutex_ held

    std::string server_;
    ServerLog log_;
    MonotonicClock clock_;
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, std::string>, std::int64_t> waiting_;
    std::int64_t waitingOthers_ = 0, waitingTotal_ = 0, total_ = 0;
    std::int64_t lastLine_ = 0;
    bool loggedOnce_ = false;
};

}  // namespace vitrine::control
