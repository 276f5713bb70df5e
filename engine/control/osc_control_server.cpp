#include "control/osc_control_server.h"

#include <arpa/inet.h>
#include <lo/lo_lowlevel.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "installation/installation.h"

namespace vitrine::control {

namespace {

constexpr std::string_view kPrefix = "/vitrine/";

struct MessageFree {
    void operator()(lo_message m) const { lo_message_free(m); }
};
using Message = std::unique_ptr<std::remove_pointer_t<lo_message>, MessageFree>;

}  // namespace

OscControlServer::OscControlServer(ControlQueue& queue, ServerLog log) : queue_(queue), log_(std::move(log)) {}

OscControlServer::~OscControlServer() { stop(); }

std::optional<std::string> OscControlServer::start(const std::string& address, int port, const std::string& token) {
    if (socket_ >= 0) return "already started";
    if (!installation::isLoopback(address) && token.empty())
        return "listening for OSC on " + address + " needs a token";
    token_ = token;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const std::string ip = address == "localhost" ? "127.0.0.1" : address;
    if (inet_pton(AF_INET, ip.c_str(), &addr.sin_addr) != 1) return "'" + address + "' is not an IPv4 address";
    // liblo 0.31 cannot bind to one address, so the socket is ours and liblo only decodes.
    socket_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (socket_ < 0) return std::string("cannot open a UDP socket: ") + std::strerror(errno);
    // Room for bursts from a control desk while the thread is busy (the default drops them).
    constexpr int kReceiveBuffer = 1 << 20;
    ::setsockopt(socket_, SOL_SOCKET, SO_RCVBUF, &kReceiveBuffer, sizeof kReceiveBuffer);
    if (::bind(socket_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        std::string e = "cannot listen for OSC on " + address + ":" + std::to_string(port) + ": " + std::strerror(errno);
        ::close(socket_);
        socket_ = -1;
        return e;
    }
    socklen_t len = sizeof addr;
    ::getsockname(socket_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    wake_ = ::eventfd(0, EFD_CLOEXEC);
    thread_ = std::thread([this] { serve(); });
    return std::nullopt;
}

void OscControlServer::stop() {
    if (socket_ < 0) return;
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wake_, &one, sizeof one);
    if (thread_.joinable()) thread_.join();
    ::close(socket_);
    ::close(wake_);
    socket_ = wake_ = -1;
}

void OscControlServer::serve() {
    std::vector<unsigned char> buffer(kMaxPacket);
    pollfd fds[2] = {{socket_, POLLIN, 0}, {wake_, POLLIN, 0}};
    while (true) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            log_(std::string("control: osc stopped: ") + std::strerror(errno));
            return;
        }
        if (fds[1].revents) return;
        if (!(fds[0].revents & POLLIN)) continue;
        sockaddr_in from{};
        socklen_t fromLen = sizeof from;
        ssize_t n = ::recvfrom(socket_, buffer.data(), buffer.size(), 0, reinterpret_cast<sockaddr*>(&from), &fromLen);
        if (n < 0) continue;
        char ip[INET_ADDRSTRLEN] = "?";
        inet_ntop(AF_INET, &from.sin_addr, ip, sizeof ip);
        handle(buffer.data(), static_cast<std::size_t>(n), std::string(ip) + ":" + std::to_string(ntohs(from.sin_port)));
    }
}

void OscControlServer::reject(const std::string& why) {
    int count = ++rejected_;
    if (count <= kLoggedRejects || count % kRejectLogEvery == 0)
        log_("control: osc " + why + " (" + std::to_string(count) + " refused so far)");
}

void OscControlServer::handle(const unsigned char* data, std::size_t size, const std::string& from) {
    int result = 0;
    // liblo checks every length and padding before trusting the packet; it writes nothing.
    Message message(lo_message_deserialise(const_cast<unsigned char*>(data), size, &result));
    if (!message) return reject("malformed packet of " + std::to_string(size) + " bytes from " + from);
    std::string_view path(reinterpret_cast<const char*>(data));  // validated NUL-terminated by liblo
    const char* types = lo_message_get_types(message.get());
    lo_arg** argv = lo_message_get_argv(message.get());
    const int argc = lo_message_get_argc(message.get());
    std::vector<std::string> strings;
    for (int i = 0; i < argc; ++i) {
        if (types[i] != LO_STRING && types[i] != LO_SYMBOL)
            return reject("non-string argument to " + std::string(path) + " from " + from);
        // liblo packs arguments at 4-byte boundaries while lo_arg wants 8: read the string
        // through a char pointer instead of a member access on a misaligned union.
        strings.emplace_back(reinterpret_cast<const char*>(argv[i]));
    }
    std::size_t next = 0;
    if (!token_.empty()) {
        if (strings.empty() || strings[0] != token_) return reject("wrong or missing token from " + from);
        next = 1;
    }
    if (path.substr(0, kPrefix.size()) != kPrefix) return reject("unknown address " + std::string(path.substr(0, 64)));
    std::string verb(path.substr(kPrefix.size()));
    ControlCommand c;
    c.origin = "osc " + from;
    if (verb == "scene") {
        if (strings.size() != next + 1 || strings[next].empty())
            return reject("/vitrine/scene needs one string argument, the scene id");
        c.kind = ControlCommand::Kind::Scene;
        c.sceneId = strings[next];
    } else if (auto k = parseCommandVerb(verb)) {
        c.kind = *k;
    } else {
        return reject("unknown address " + std::string(path.substr(0, 64)));
    }
    if (!queue_.push(c)) return reject("command dropped: too many waiting");
    log_("control: osc " + std::string(path) + " from " + from);
}

}  // namespace vitrine::control
