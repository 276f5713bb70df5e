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

#include "control/socket_address.h"
#include "control/untrusted_text.h"
#include "installation/installation.h"

namespace vitrine::control {

namespace {

constexpr std::string_view kPrefix = "/vitrine/";
constexpr std::string_view kBundleTag{"#bundle\0", 8};
constexpr std::size_t kBundleHeader = 16;  // the tag and an 8-byte time tag
constexpr std::size_t kSizeField = 4;
// How often the loop wakes to write refusals counted a minute ago, when no packet comes.
constexpr int kTallyCheckMillis = 1000;

struct MessageFree {
    void operator()(lo_message m) const { lo_message_free(m); }
};
using Message = std::unique_ptr<std::remove_pointer_t<lo_message>, MessageFree>;

bool isBundle(const unsigned char* data, std::size_t size) {
    return size >= kBundleTag.size() && std::memcmp(data, kBundleTag.data(), kBundleTag.size()) == 0;
}

struct Span {
    unsigned char* data;
    std::size_t size;
};

// Appends the messages of a bundle, nested ones in place, in order; false when any size is
// wrong or the nesting is too deep (then nothing of it may be acted on).
bool bundleMessages(unsigned char* data, std::size_t size, int depth, std::vector<Span>& out) {
    if (depth > OscControlServer::kMaxBundleDepth || size < kBundleHeader) return false;
    for (std::size_t at = kBundleHeader; at < size;) {
        if (size - at < kSizeField) return false;
        const std::size_t length = (std::size_t{data[at]} << 24) | (std::size_t{data[at + 1]} << 16) |
                                   (std::size_t{data[at + 2]} << 8) | std::size_t{data[at + 3]};
        at += kSizeField;
        if (length == 0 || length % 4 != 0 || length > size - at) return false;
        if (!isBundle(data + at, length)) out.push_back({data + at, length});
        else if (!bundleMessages(data + at, length, depth + 1, out)) return false;
        at += length;
    }
    return true;
}

}  // namespace

OscControlServer::OscControlServer(ControlQueue& queue, ServerLog log)
    : queue_(queue), log_(std::move(log)), refusals_("osc", log_) {}

OscControlServer::~OscControlServer() { stop(); }

std::optional<Error> OscControlServer::start(const std::string& address, int port, const std::string& token) {
    if (socket_ >= 0) return Error{"already started"};
    if (!installation::isLoopback(address) && token.empty())
        return Error{"listening for OSC on " + address + " needs a token"};
    token_ = token;
    sockaddr_storage addr{};
    socklen_t addrLength = 0;
    const std::string ip = address == "localhost" ? "127.0.0.1" : address;
    auto& v4 = reinterpret_cast<sockaddr_in&>(addr);
    auto& v6 = reinterpret_cast<sockaddr_in6&>(addr);
    if (inet_pton(AF_INET, ip.c_str(), &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons(static_cast<uint16_t>(port));
        addrLength = sizeof v4;
    } else if (inet_pton(AF_INET6, ip.c_str(), &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(static_cast<uint16_t>(port));
        addrLength = sizeof v6;
    } else {
        return Error{"'" + address + "' is not an IPv4 or IPv6 address"};
    }
    // liblo 0.31 cannot bind to one address, so the socket is ours and liblo only decodes.
    socket_ = ::socket(addr.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (socket_ < 0) return Error{std::string("cannot open a UDP socket: ") + std::strerror(errno)};
    // Room for bursts from a control desk while the thread is busy (the default drops them).
    constexpr int kReceiveBuffer = 1 << 20;
    ::setsockopt(socket_, SOL_SOCKET, SO_RCVBUF, &kReceiveBuffer, sizeof kReceiveBuffer);
    if (::bind(socket_, reinterpret_cast<sockaddr*>(&addr), addrLength) != 0) {
        Error e{"cannot listen for OSC on " + address + ":" + std::to_string(port) + ": " + std::strerror(errno)};
        ::close(socket_);
        socket_ = -1;
        return e;
    }
    socklen_t len = sizeof addr;
    ::getsockname(socket_, reinterpret_cast<sockaddr*>(&addr), &len);
    numericAddress(addr, &port_);
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
    refusals_.flush();
}

void OscControlServer::serve() {
    std::vector<unsigned char> buffer(kMaxPacket);
    pollfd fds[2] = {{socket_, POLLIN, 0}, {wake_, POLLIN, 0}};
    while (true) {
        const int ready = ::poll(fds, 2, kTallyCheckMillis);
        refusals_.flushIfDue();
        if (ready < 0) {
            if (errno == EINTR) continue;
            log_(std::string("control: osc stopped: ") + std::strerror(errno));
            return;
        }
        if (ready == 0) continue;
        if (fds[1].revents) return;
        if (!(fds[0].revents & POLLIN)) continue;
        sockaddr_storage from{};
        socklen_t fromLength = sizeof from;
        ssize_t n = ::recvfrom(socket_, buffer.data(), buffer.size(), 0, reinterpret_cast<sockaddr*>(&from), &fromLength);
        if (n < 0) continue;
        int fromPort = 0;
        const std::string address = numericAddress(from, &fromPort);
        const std::string shown = from.ss_family == AF_INET6 ? "[" + address + "]" : address;
        handlePacket(buffer.data(), static_cast<std::size_t>(n), address, shown + ":" + std::to_string(fromPort));
    }
}

void OscControlServer::handlePacket(unsigned char* data, std::size_t size, const std::string& address,
                                    const std::string& from) {
    if (!isBundle(data, size)) return handleMessage(data, size, address, from);
    std::vector<Span> messages;
    if (!bundleMessages(data, size, 0, messages)) return refusals_.refuse("malformed bundle", address);
    for (const auto& m : messages) handleMessage(m.data, m.size, address, from);
}

void OscControlServer::handleMessage(unsigned char* data, std::size_t size, const std::string& address,
                                     const std::string& from) {
    int result = 0;
    // liblo checks every length and padding before trusting the packet; it writes nothing.
    Message message(lo_message_deserialise(data, size, &result));
    if (!message) return refusals_.refuse("malformed", address);
    std::string_view path(reinterpret_cast<const char*>(data));  // validated NUL-terminated by liblo
    const char* types = lo_message_get_types(message.get());
    lo_arg** argv = lo_message_get_argv(message.get());
    const int argc = lo_message_get_argc(message.get());
    std::vector<std::string> strings;
    for (int i = 0; i < argc; ++i) {
        if (types[i] != LO_STRING && types[i] != LO_SYMBOL) return refusals_.refuse("with a non-string argument", address);
        // liblo packs arguments at 4-byte boundaries while lo_arg wants 8: read the string
        // through a char pointer instead of a member access on a misaligned union.
        strings.emplace_back(reinterpret_cast<const char*>(argv[i]));
    }
    std::size_t next = 0;
    if (!token_.empty()) {
        if (strings.empty() || strings[0] != token_) return refusals_.refuse("without a valid token", address);
        next = 1;
    }
    if (path.substr(0, kPrefix.size()) != kPrefix)
        return refusals_.refuse("for the unknown address " + escapeForLog(path), address);
    std::string verb(path.substr(kPrefix.size()));
    ControlCommand c;
    c.origin = "osc " + from;
    if (verb == "scene") {
        if (strings.size() != next + 1) return refusals_.refuse("for /vitrine/scene without one scene id", address);
        // The id reaches the player's log and its scene lookup: a newline would forge a line.
        if (!validSceneId(strings[next])) return refusals_.refuse("with an invalid scene id", address);
        c.kind = ControlCommand::Kind::Scene;
        c.sceneId = strings[next];
    } else if (verb == "description") {
        // No argument toggles, as a single button on a control panel sends it.
        auto command = strings.size() == next ? std::optional(installation::DescriptionCommand::Toggle)
                       : strings.size() == next + 1 ? installation::parseDescriptionCommand(strings[next])
                                                    : std::nullopt;
        if (!command) return refusals_.refuse("for /vitrine/description without on, off or toggle", address);
        c.kind = ControlCommand::Kind::Description;
        c.description = *command;
    } else if (auto k = parseCommandVerb(verb)) {
        c.kind = *k;
    } else {
        return refusals_.refuse("for the unknown address " + escapeForLog(path), address);
    }
    // Logged once, by the player as it carries the command out ("remote pause from osc …").
    if (!queue_.push(c)) refusals_.refuse("while the command queue was full", address);
}

}  // namespace vitrine::control
