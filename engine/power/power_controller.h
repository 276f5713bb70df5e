#pragma once
// Switches each output's projector or display with the opening hours, one worker thread
// per device so a silent one delays nobody: the frame loop only reads snapshot(). A device
// that fails is reported and retried with a growing pause (2 s, 4 s … 1 min); a wrong
// password is retried only every few minutes (a projector may lock out a guesser).

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "installation/installation.h"
#include "power/device_status.h"
#include "power/power_driver.h"
#include "power/power_schedule.h"

namespace vitrine::power {

struct PowerTiming {
    std::chrono::milliseconds poll{5000};        // between exchanges while all is well
    std::chrono::milliseconds firstRetry{2000};  // after a first failure, doubling
    std::chrono::milliseconds lastRetry{60000};  // the longest pause between retries
    std::chrono::milliseconds authRetry{300000}; // after a wrong password
    std::chrono::milliseconds timeout{3000};     // one whole PJLink session
    std::chrono::milliseconds cecTimeout{15000}; // one cec-client run
};

/// One device to drive, for one output.
struct PoweredDevice {
    std::string output;
    std::unique_ptr<PowerDriver> driver;
    std::int64_t leadMicros = 0;  // on this long before opening
};

class PowerController {
public:
    using WallClock = std::function<std::int64_t()>;  // Unix µs, for "problem since"
    using Log = std::function<void(const std::string&)>;  // thread-safe

    PowerController(std::vector<PoweredDevice> devices, installation::OpeningHours hours, LocalClock clock,
                    WallClock wallClock, PowerTiming timing, Log log);
    ~PowerController();  // stops the workers (each within its current exchange's timeout)

    /// Every device's latest state (any thread, never blocks on a device).
    std::vector<DeviceStatus> snapshot() const;

private:
    void work(std::stop_token stop, std::size_t index);

    std::vector<PoweredDevice> devices_;
    installation::OpeningHours hours_;
    LocalClock clock_;
    WallClock wallClock_;
    PowerTiming timing_;
    Log log_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::vector<DeviceStatus> status_;
    std::vector<std::jthread> workers_;
};

/// The devices the installation's outputs ask for (<power> in an <output>).
std::vector<PoweredDevice> devicesOf(const installation::Installation& installation, const PowerTiming& timing);

/// The problems among `devices`, one line each, for the status's problems list.
std::vector<std::string> powerProblems(const std::vector<DeviceStatus>& devices);

}  // namespace vitrine::power
