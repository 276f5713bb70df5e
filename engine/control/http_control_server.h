#pragma once
// The HTTP status and command API, served on its own thread:
//   GET /status                        the latest PlayerStatus as JSON
//   POST /play /pause /next /previous /black /reload
//   POST /scene/{id}, or POST /scene with {"id": "…"}
// With a token, every request needs "Authorization: Bearer TOKEN". Bad requests get
// 400/401 and a log line; nothing a client sends can stop the show.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "control/control_queue.h"
#include "control/player_status.h"
#include "control/watchdog.h"

namespace httplib {
class Server;
}

namespace vitrine::control {

/// One line for the log; called from the server's threads, so it must be thread-safe.
using ServerLog = std::function<void(const std::string&)>;

/// Serves the API until destroyed.
class HttpControlServer {
public:
    static constexpr std::size_t kMaxBody = 64 * 1024;  // commands are tiny: refuse more
    static constexpr int kWorkerThreads = 2;
    static constexpr int kReadTimeoutSeconds = 5;  // a client that stalls is dropped

    /// `watchdog` may be null; when given, a frozen loop shows in /status problems.
    HttpControlServer(ControlQueue& queue, StatusBoard& status, const Watchdog* watchdog, ServerLog log);
    ~HttpControlServer();
    HttpControlServer(const HttpControlServer&) = delete;
    HttpControlServer& operator=(const HttpControlServer&) = delete;

    /// Listens on `address`:`port` (0 picks a free port). A non-loopback address needs a
    /// token. Returns an error message, or nullopt when listening.
    std::optional<std::string> start(const std::string& address, int port, const std::string& token);
    /// The port listened on (after start).
    int port() const { return port_; }
    /// Stops listening and joins the thread (also done by the destructor).
    void stop();

private:
    void routes();
    bool authorised(const std::string& header) const;

    ControlQueue& queue_;
    StatusBoard& status_;
    const Watchdog* watchdog_;
    ServerLog log_;
    std::string token_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace vitrine::control
