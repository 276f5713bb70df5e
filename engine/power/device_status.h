#pragma once
// What is known of one output's projector or display power, as plain data the status
// snapshot carries (and /status and /metrics show): written by the power workers.

#include <cstdint>
#include <string>

namespace vitrine::power {

/// A device's power as it reports it (PJLink's four states; CEC knows on and standby).
enum class PowerState { Unknown, Off, On, WarmingUp, CoolingDown };

/// "unknown", "off", "on", "warming-up", "cooling-down".
const char* powerStateName(PowerState s);

struct DeviceStatus {
    std::string output;        // the <output> it belongs to
    std::string protocol;      // "pjlink" or "cec"
    std::string address;       // host:port or CEC address, for people (never the password)
    bool wanted = false;       // on by the opening hours (and the warm-up lead)
    PowerState state = PowerState::Unknown;
    std::int64_t lampHours = -1;  // -1: not known (CEC displays have none)
    std::string errors;        // the device's own error report in words ("lamp: error"); "" when none
    std::string problem;       // why it cannot be reached or obeyed; "" when all is well
    std::int64_t problemSince = 0;  // Unix µs when `problem` was first seen
};

}  // namespace vitrine::power
