#pragma once
// A projector driven over PJLink class 1 (pjlink_protocol.h): each exchange is one short
// TCP session (greeting, password digest, POWR ?, POWR 1/0 when needed, LAMP ?, ERST ?),
// every step bounded by the timeout.

#include <chrono>
#include <string>

#include "power/power_driver.h"

namespace vitrine::power {

struct PjlinkEndpoint {
    std::string host;
    int port = 4352;
    std::string password;  // "" when the projector asks none
};

class PjlinkProjector final : public PowerDriver {
public:
    PjlinkProjector(PjlinkEndpoint endpoint, std::chrono::milliseconds timeout);
    Outcome exchange(bool wanted) override;
    std::string protocol() const override { return "pjlink"; }
    std::string address() const override;

private:
    PjlinkEndpoint endpoint_;
    std::chrono::milliseconds timeout_;
};

}  // namespace vitrine::power
