#pragma once
// A display switched over HDMI-CEC with Debian's cec-client (libcec's command-line tool,
// package cec-utils): each exchange runs `cec-client -s -d 1 [ADAPTER]` with "pow N" on
// its input to read the power, then "on N" or "standby N" when it differs from the hours.
// cec-client is a child process with a timeout, so a missing adapter never hangs the worker.

#include <chrono>
#include <string>

#include "power/power_driver.h"

namespace vitrine::power {

struct CecEndpoint {
    std::string device = "0";  // the CEC logical address: 0 is the TV
    std::string adapter;       // e.g. /dev/ttyACM0; "" = the first cec-client finds
};

class CecDisplay final : public PowerDriver {
public:
    CecDisplay(CecEndpoint endpoint, std::chrono::milliseconds timeout);
    Outcome exchange(bool wanted) override;
    std::string protocol() const override { return "cec"; }
    std::string address() const override;

private:
    std::string run(const std::string& command, Outcome& out);
    CecEndpoint endpoint_;
    std::chrono::milliseconds timeout_;
};

/// "power status: on" (or standby, or in transition …) in cec-client's output; Unknown
/// when it says none.
PowerState parseCecPower(const std::string& output);

}  // namespace vitrine::power
