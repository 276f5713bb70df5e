#pragma once
// The HTTP status and command API, served on its own threads:
//   GET /                              the status page (control/status_page.h)
//   GET /status                        the latest PlayerStatus as JSON
//   GET /metrics                       the same in Prometheus's text format
//   GET /screen.png                    what is on screen now, 480 px wide (control/screen_copy.h)
//   POST /play /pause /next /previous /black /reload
//   POST /scene/{id}, or POST /scene with {"id": "…"}
// With a token, every request needs "Authorization: Bearer TOKEN"; reading (GET) also
// takes the token as an HTTP Basic password, which a browser asks for when it opens the
// status page. /play while the room is closed is refused (409) with the reason. Nothing a
// client sends
// can stop the show or silence the API: each connection carries one request, which must
// arrive whole within a deadline; connections are limited per address and in total, and
// every admitted one has a worker, so slow or idle clients cannot keep /status from
// answering. Refusals are counted and logged once a while; a client's bytes reach the
// log only escaped (control/untrusted_text.h).

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "base/error.h"
#include "control/bounded_http_server.h"
#include "control/control_queue.h"
#include "control/player_status.h"
#include "control/screen_copy.h"
#include "control/server_log.h"
#include "control/watchdog.h"

namespace vitrine::control {

/// Serves the API until destroyed.
class HttpControlServer {
public:
    static constexpr std::size_t kMaxBody = 64 * 1024;  // commands are tiny: refuse more
    /// The whole request, headers and body, must arrive within this, however steadily it trickles.
    static constexpr std::chrono::milliseconds kRequestDeadline{2000};
    static constexpr int kMaxConnectionsPerAddress = 8;
    /// Also the number of workers: every admitted connection is served at once, and one
    /// address can hold only a quarter of them.
    static constexpr int kMaxConnections = 32;

    /// `watchdog` may be null; when given, a frozen loop shows in /status problems.
    HttpControlServer(ControlQueue& queue, StatusBoard& status, const Watchdog* watchdog, ServerLog log);
    ~HttpControlServer();
    HttpControlServer(const HttpControlServer&) = delete;
    HttpControlServer& operator=(const HttpControlServer&) = delete;

    /// Where /screen.png comes from (before start); without one it answers 404.
    void setScreen(ScreenCopy* screen) { screen_ = screen; }
    /// Listens on `address`:`port` (0 picks a free port). A non-loopback address needs a
    /// token. A port another process holds is refused, never shared. Returns an error
    /// message, or nullopt when listening.
    std::optional<Error> start(const std::string& address, int port, const std::string& token);
    /// The port listened on (after start).
    int port() const { return server_ ? server_->port() : 0; }
    /// Stops listening, ends the open connections, joins the threads and logs the refusals
    /// still counted (also done by the destructor).
    void stop();

private:
    void routes();
    /// Whether the Authorization header carries the token (`reading`: Basic also will do).
    bool authorised(const std::string& header, bool reading) const;
    PlayerStatus currentStatus() const;

    ControlQueue& queue_;
    StatusBoard& status_;
    const Watchdog* watchdog_;
    ScreenCopy* screen_ = nullptr;
    ServerLog log_;
    std::string token_;
    std::unique_ptr<BoundedHttpServer> server_;
};

}  // namespace vitrine::control
