#include "power/cec_display.h"

#include "power/child_process.h"

namespace vitrine::power {

CecDisplay::CecDisplay(CecEndpoint endpoint, std::chrono::milliseconds timeout)
    : endpoint_(std::move(endpoint)), timeout_(timeout) {}

std::string CecDisplay::address() const {
    return "CEC " + endpoint_.device + (endpoint_.adapter.empty() ? "" : " on " + endpoint_.adapter);
}

PowerState parseCecPower(const std::string& output) {
    auto at = output.find("power status: ");
    if (at == std::string::npos) return PowerState::Unknown;
    std::string rest = output.substr(at + 14, 40);
    if (rest.rfind("on", 0) == 0) return PowerState::On;
    if (rest.rfind("standby", 0) == 0) return PowerState::Off;
    if (rest.rfind("in transition from standby to on", 0) == 0) return PowerState::WarmingUp;
    if (rest.rfind("in transition from on to standby", 0) == 0) return PowerState::CoolingDown;
    return PowerState::Unknown;
}

std::string CecDisplay::run(const std::string& command, Outcome& out) {
    // -s: one command from standard input, then exit; -d 1: errors only in the log.
    std::vector<std::string> argv{"cec-client", "-s", "-d", "1"};
    if (!endpoint_.adapter.empty()) argv.push_back(endpoint_.adapter);
    auto r = runChild(argv, command + "\n", timeout_);
    if (!r.started) out.problem = Error{"cec-client cannot be run (install Debian's cec-utils)"};
    else if (r.timedOut) out.problem = Error{"cec-client did not finish '" + command + "' in time"};
    else if (r.exitStatus != 0)
        out.problem = Error{"cec-client failed on '" + command + "' (exit " + std::to_string(r.exitStatus) + ")"};
    return r.output;
}

Outcome CecDisplay::exchange(bool wanted) {
    Outcome out;
    auto output = run("pow " + endpoint_.device, out);
    if (out.problem) return out;
    out.state = parseCecPower(output);
    // A display that does not say its state (some do not) is told what to do anyway.
    bool switchOn = wanted && out.state != PowerState::On && out.state != PowerState::WarmingUp;
    bool switchOff = !wanted && out.state != PowerState::Off && out.state != PowerState::CoolingDown;
    if (switchOn || switchOff) {
        run((switchOn ? "on " : "standby ") + endpoint_.device, out);
        if (out.problem) return out;
        out.state = switchOn ? PowerState::WarmingUp : PowerState::CoolingDown;
    }
    out.reached = true;
    return out;
}

}  // namespace vitrine::power
