#pragma once
// The OSC command API (show-control desks and tablets speak OSC over UDP), on its own
// thread: /vitrine/play, /vitrine/pause, /vitrine/next, /vitrine/previous,
// /vitrine/black, /vitrine/reload, /vitrine/scene s:id, alone or in bundles (OSC 1.0:
// "#bundle", a time tag, then sized elements, bundles nested; the messages are handled in
// order, at once whatever the time tag). With a token, each message's first argument must
// be the token (UDP has no headers). Messages are decoded by liblo; anything malformed is
// counted and logged once a while (RefusalTally), never acted on.

#include <optional>
#include <string>
#include <thread>

#include "base/error.h"
#include "control/control_queue.h"
#include "control/refusal_tally.h"
#include "control/server_log.h"

namespace vitrine::control {

/// Listens for OSC until destroyed.
class OscControlServer {
public:
    static constexpr std::size_t kMaxPacket = 65536;  // the largest UDP datagram
    static constexpr int kMaxBundleDepth = 8;         // bundles in bundles: deeper is refused

    OscControlServer(ControlQueue& queue, ServerLog log);
    ~OscControlServer();
    OscControlServer(const OscControlServer&) = delete;
    OscControlServer& operator=(const OscControlServer&) = delete;

    /// Binds a UDP socket on `address`:`port` (0 picks a free port); `address` is IPv4,
    /// IPv6 ("::1") or "localhost". A non-loopback address needs a token. Returns the Error,
    /// or nullopt.
    std::optional<Error> start(const std::string& address, int port, const std::string& token);
    int port() const { return port_; }
    /// Packets and messages refused so far (malformed, unknown address, wrong token, bad id).
    int rejected() const { return static_cast<int>(refusals_.total()); }
    /// Stops listening and logs the refusals still counted (also done by the destructor).
    void stop();

private:
    void serve();
    void handlePacket(unsigned char* data, std::size_t size, const std::string& address, const std::string& from);
    void handleMessage(unsigned char* data, std::size_t size, const std::string& address, const std::string& from);

    ControlQueue& queue_;
    ServerLog log_;
    std::string token_;
    int socket_ = -1;
    int wake_ = -1;  // eventfd: stop() writes it to end the blocking poll
    int port_ = 0;
    RefusalTally refusals_;
    std::thread thread_;
};

}  // namespace vitrine::control
