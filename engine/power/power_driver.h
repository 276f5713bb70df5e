#pragma once
// One projector or display as the power worker sees it: one call asks for its state and,
// when it differs from what the hours want, switches it; the call may take up to its
// timeout and is only ever made from the worker's own thread.

#include <cstdint>
#include <optional>
#include <string>

#include "base/error.h"

#include "power/device_status.h"

namespace vitrine::power {

/// What one exchange with a device found.
struct Outcome {
    bool reached = false;         // the device answered sensibly
    PowerState state = PowerState::Unknown;
    std::int64_t lampHours = -1;  // -1: not reported
    std::string errors;           // the device's own error report in words
    std::optional<Error> problem; // why it was not reached or not obeyed (nullopt when all is well)
    bool authRefused = false;     // a wrong password: retrying soon cannot help
};

class PowerDriver {
public:
    virtual ~PowerDriver() = default;
    /// Reads the device and switches it on (`wanted`) or off when it is not already.
    virtual Outcome exchange(bool wanted) = 0;
    /// "pjlink" or "cec".
    virtual std::string protocol() const = 0;
    /// Where it is, for people (no password).
    virtual std::string address() const = 0;
};

}  // namespace vitrine::power
