#pragma once
// The OSC command API (show-control desks and tablets speak OSC over UDP), on its own
// thread: /vitrine/play, /vitrine/pause, /vitrine/next, /vitrine/previous,
// /vitrine/black, /vitrine/reload, /vitrine/scene s:id. With a token, each message's
// first argument must be the token (UDP has no headers). Packets are decoded by liblo;
// anything malformed is counted and logged, never acted on.

#include <atomic>
#include <optional>
#include <string>
#include <thread>

#include "control/control_queue.h"
#include "control/http_control_server.h"

namespace vitrine::control {

/// Listens for OSC until destroyed.
class OscControlServer {
public:
    static constexpr std::size_t kMaxPacket = 65536;  // the largest UDP datagram
    static constexpr int kLoggedRejects = 10;         // then only every kRejectLogEvery-th
    static constexpr int kRejectLogEvery = 1000;

    OscControlServer(ControlQueue& queue, ServerLog log);
    ~OscControlServer();
    OscControlServer(const OscControlServer&) = delete;
    OscControlServer& operator=(const OscControlServer&) = delete;

    /// Binds a UDP socket on `address`:`port` (0 picks a free port). A non-loopback
    /// address needs a token. Returns an error message, or nullopt.
    std::optional<std::string> start(const std::string& address, int port, const std::string& token);
    int port() const { return port_; }
    /// Packets refused so far (malformed, unknown address, wrong token).
    int rejected() const { return rejected_.load(); }
    void stop();

private:
    void serve();
    void handle(const unsigned char* data, std::size_t size, const std::string& from);
    void reject(const std::string& why);

    ControlQueue& queue_;
    ServerLog log_;
    std::string token_;
    int socket_ = -1;
    int wake_ = -1;  // eventfd: stop() writes it to end the blocking poll
    int port_ = 0;
    std::atomic<int> rejected_{0};
    std::thread thread_;
};

}  // namespace vitrine::control
