#include "control/bounded_http_server.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "control/deadline_stream.h"
#include "control/socket_address.h"

namespace vitrine::control {

namespace {
// How often the accept loop wakes to write refusals counted a minute ago, when no client comes.
constexpr int kTallyCheckMillis = 1000;

// Answers a refused connection without a worker; never waits (a full socket buffer just
// loses the reply).
void refuseAtOnce(int fd, std::string_view statusLine) {
    const std::string reply =
        "HTTP/1.1 " + std::string(statusLine) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    [[maybe_unused]] auto sent = ::send(fd, reply.data(), reply.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::close(fd);
}
}  // namespace

// Its own loop hands every connection to a fixed pool and bounds each read, not a request:
// two clients sending a byte a second held both workers, and /status went silent. It has no
// per-request deadline nor any limit per client, so the loop that admits connections is ours.
class BoundedHttpServer::Server : public httplib::Server {
public:
    using httplib::Server::process_request;
    int listeningSocket() const { return svr_sock_; }
    void closeListeningSocket() {
        if (const int fd = svr_sock_.exchange(INVALID_SOCKET); fd != INVALID_SOCKET) ::close(fd);
    }
};

BoundedHttpServer::BoundedHttpServer(std::string name, Limits limits, ServerLog log)
    : limits_(limits),
      log_(std::move(log)),
      refusals_(std::move(name), log_),
      connections_(limits.perAddress, limits.total),
      rate_(limits.requestsPerSecond),
      server_(std::make_unique<Server>()) {
    server_->set_payload_max_length(limits_.maxBody);
}

BoundedHttpServer::~BoundedHttpServer() { stop(); }

httplib::Server& BoundedHttpServer::http() { return *server_; }

std::optional<Error> BoundedHttpServer::start(const std::string& address, int port) {
    if (thread_.joinable()) return Error{"already started"};
    // SO_REUSEADDR alone: httplib's default adds SO_REUSEPORT, with which a second player
    // on the same PC shared the port and the kernel handed each client to either at random.
    server_->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    errno = 0;
    int bound = port == 0 ? server_->bind_to_any_port(address) : (server_->bind_to_port(address, port) ? port : -1);
    if (bound <= 0) {
        const int why = errno;
        const std::string where = address + ":" + std::to_string(port);
        if (why == EADDRINUSE)
            return Error{"cannot listen for HTTP on " + where + ": port " + std::to_string(port) +
                         " is held by another process (another player, or another server on this PC)"};
        return Error{"cannot listen for HTTP on " + where + (why ? std::string(": ") + std::strerror(why) : "")};
    }
    // Non-blocking, so a connection that goes away between poll and accept cannot block the
    // loop; and a longer queue of connections waiting to be accepted than httplib's 5, past
    // which the kernel drops a new client's SYN and that client retries only a second later.
    const int listening = server_->listeningSocket();
    ::fcntl(listening, F_SETFL, ::fcntl(listening, F_GETFL) | O_NONBLOCK);
    ::listen(listening, SOMAXCONN);
    port_ = bound;
    wake_ = ::eventfd(0, EFD_CLOEXEC);
    thread_ = std::thread([this] { acceptLoop(); });
    return std::nullopt;
}

void BoundedHttpServer::acceptLoop() {
    httplib::ThreadPool workers(limits_.total);
    const int listening = server_->listeningSocket();
    pollfd fds[2] = {{listening, POLLIN, 0}, {wake_, POLLIN, 0}};
    while (true) {
        const int ready = ::poll(fds, 2, kTallyCheckMillis);
        refusals_.flushIfDue();
        if (ready < 0 && errno != EINTR) {
            log_(std::string("control: http stopped: ") + std::strerror(errno));
            break;
        }
        if (ready > 0 && fds[1].revents) break;
        if (ready <= 0 || !(fds[0].revents & POLLIN)) continue;
        sockaddr_storage from{};
        socklen_t length = sizeof from;
        const int fd = ::accept4(listening, reinterpret_cast<sockaddr*>(&from), &length, SOCK_CLOEXEC);
        if (fd < 0) {
            // Out of descriptors, the socket stays readable: wait a little rather than spin.
            if (errno == EMFILE || errno == ENFILE) std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        int clientPort = 0;
        std::string client = numericAddress(from, &clientPort);
        // One request per connection, so a connection is a request to the rate limit.
        if (!rate_.allow(client)) {
            refuseAtOnce(fd, "429 Too Many Requests");
            refusals_.refuse("over the request rate", who(client));
            continue;
        }
        if (!connections_.admit(client, fd)) {
            refuseAtOnce(fd, "503 Service Unavailable");
            refusals_.refuse("over the connection limit", who(client));
            continue;
        }
        workers.enqueue([this, fd, client, clientPort] { serve(fd, client, clientPort); });
    }
    connections_.shutdownAll();
    workers.shutdown();
}

void BoundedHttpServer::serve(int fd, const std::string& address, int port) {
    DeadlineStream stream(fd, address, port, DeadlineStream::Clock::now() + limits_.deadline);
    bool parsed = false, closed = false;
    // One request per connection: a kept-alive connection would hold its worker while idle.
    server_->process_request(stream, /*close_connection=*/true, closed, [&](httplib::Request&) { parsed = true; });
    if (!parsed && (stream.expired() || stream.received() > 0))
        refusals_.refuse(stream.expired() ? "too slow (no whole request in time)" : "malformed", who(address));
    connections_.release(address, fd);
    ::close(fd);
}

std::string_view BoundedHttpServer::who(const std::string& address) const {
    return limits_.logAddresses ? std::string_view(address) : std::string_view("a client");
}

void BoundedHttpServer::stop() {
    if (!thread_.joinable()) return;
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wake_, &one, sizeof one);
    thread_.join();
    server_->closeListeningSocket();
    ::close(wake_);
    wake_ = -1;
    refusals_.flush();
}

}  // namespace vitrine::control
