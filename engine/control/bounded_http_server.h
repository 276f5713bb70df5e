#pragma once
// An HTTP server that nothing a client sends can stall: httplib's request handling
// (parsing, routing, the reply) under our own accept loop. Each connection carries one
// request, which must arrive whole within a deadline; connections are limited per address
// and in total, every admitted one has a worker, and (when asked) requests per address are
// limited in rate. Refusals are counted and logged once a while (control/refusal_tally.h).
// The control API (control/http_control_server.h) and the visitors' page
// (visitor/visitor_server.h) are each one of these with their own routes.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "base/error.h"
#include "control/connection_limits.h"
#include "control/refusal_tally.h"
#include "control/request_rate.h"
#include "control/server_log.h"

namespace httplib {
class Server;  // routes are set on it through http(); its header stays in the .cpp files that do
}

namespace vitrine::control {

class BoundedHttpServer {
public:
    struct Limits {
        int perAddress = 8;
        /// Also the number of workers: every admitted connection is served at once.
        int total = 32;
        /// The whole request, headers and body, must arrive within this, however steadily it trickles.
        std::chrono::milliseconds deadline{2000};
        std::size_t maxBody = 64 * 1024;
        /// Requests a second one address may make on average (bursts of twice that); 0: no limit.
        int requestsPerSecond = 0;
        /// Whether refusals are logged with the client's address; off where the clients are
        /// the public (the visitors' page keeps nothing about them).
        bool logAddresses = true;
    };

    /// `name` names the log lines ("http", "visitor").
    BoundedHttpServer(std::string name, Limits limits, ServerLog log);
    ~BoundedHttpServer();
    BoundedHttpServer(const BoundedHttpServer&) = delete;
    BoundedHttpServer& operator=(const BoundedHttpServer&) = delete;

    /// Where routes and handlers are set, before start.
    httplib::Server& http();
    RefusalTally& refusals() { return refusals_; }
    /// Listens on `address`:`port` (0 picks a free port). A port another process holds is
    /// refused, never shared.
    std::optional<Error> start(const std::string& address, int port);
    /// The port listened on (after start).
    int port() const { return port_; }
    /// Stops listening, ends the open connections, joins the threads and logs the refusals
    /// still counted (also done by the destructor).
    void stop();

private:
    class Server;  // httplib's, opened to our accept loop

    void acceptLoop();
    void serve(int fd, const std::string& address, int port);
    /// The client as the refusal log names it.
    std::string_view who(const std::string& address) const;

    Limits limits_;
    ServerLog log_;
    RefusalTally refusals_;
    ConnectionLimits connections_;
    RequestRate rate_;
    std::unique_ptr<Server> server_;
    std::thread thread_;
    int wake_ = -1;  // eventfd: stop() writes it to end the accept loop's poll
    int port_ = 0;
};

}  // namespace vitrine::control
