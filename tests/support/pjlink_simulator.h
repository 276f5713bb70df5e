#pragma once
// A PJLink class 1 projector on loopback, written from the PJLink specification, for tests
// and benchmarks: power with warm-up and cool-down (commands then answer ERR3), lamp hours,
// the six-digit error status, and the password (a "PJLINK 1 <random>" greeting, the MD5 of
// random + password before the first command, "PJLINK ERRA" and a closed connection when
// it is wrong). It can also go silent (accept, never answer) or answer malformed lines.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "power/pjlink_protocol.h"

namespace vitrine::test {

class PjlinkSimulator {
public:
    using Clock = std::chrono::steady_clock;
    enum class Behaviour { Normal, Silent, Malformed };

    struct Settings {
        std::string password;  // "" = no authentication
        std::chrono::milliseconds warmUp{100}, coolDown{100};
        int lampHours = 1234;
        std::string errorStatus = "000000";
        bool poweredOn = false;
    };

    static Settings withPassword(std::string password) {
        Settings s;
        s.password = std::move(password);
        return s;
    }

    explicit PjlinkSimulator(Settings settings) : settings_(std::move(settings)) {
        on_ = settings_.poweredOn;
        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int yes = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;  // any free port
        ::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::listen(listener_, 8);
        socklen_t len = sizeof a;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~PjlinkSimulator() {
        stop_ = true;
        thread_.join();
        ::close(listener_);
    }

    int port() const { return port_; }
    void setBehaviour(Behaviour b) { behaviour_ = b; }
    void setErrorStatus(const std::string& s) {
        std::lock_guard lock(mutex_);
        settings_.errorStatus = s;
    }
    /// "0" off, "1" on, "2" cooling down, "3" warming up, as POWR ? would answer now.
    std::string power() {
        std::lock_guard lock(mutex_);
        return powerLocked();
    }
    int connections() const { return connections_; }
    int refusedPasswords() const { return refused_; }
    /// Every command line received (without the digest).
    std::vector<std::string> commands() {
        std::lock_guard lock(mutex_);
        return commands_;
    }

private:
    std::string powerLocked() {
        auto now = Clock::now();
        if (now < transitionEnd_) return on_ ? "3" : "2";
        return on_ ? "1" : "0";
    }

    std::string answer(const std::string& line) {
        std::lock_guard lock(mutex_);
        commands_.push_back(line);
        if (line.size() < 7 || line.substr(0, 2) != "%1" || line[6] != ' ') return "%1" + line.substr(2, 4) + "=ERR1";
        std::string name = line.substr(2, 4), parameter = line.substr(7);
        std::string reply = "%1" + name + "=";
        if (name == "POWR" && parameter == "?") return reply + powerLocked();
        if (name == "POWR" && (parameter == "1" || parameter == "0")) {
            std::string now = powerLocked();
            if (now == "2" || now == "3") return reply + "ERR3";  // busy warming up or cooling down
            bool wantOn = parameter == "1";
            if (wantOn != on_) {
                on_ = wantOn;
                transitionEnd_ = Clock::now() + (wantOn ? settings_.warmUp : settings_.coolDown);
            }
            return reply + "OK";
        }
        if (name == "POWR") return reply + "ERR2";
        if (name == "LAMP" && parameter == "?") return reply + std::to_string(settings_.lampHours) + (on_ ? " 1" : " 0");
        if (name == "ERST" && parameter == "?") return reply + settings_.errorStatus;
        return reply + "ERR1";
    }

    bool waitReadable(int fd, int ms) {
        pollfd p{fd, POLLIN, 0};
        return ::poll(&p, 1, ms) > 0;
    }

    void serve() {
        while (!stop_) {
            if (!waitReadable(listener_, 20)) continue;
            int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) continue;
            ++connections_;
            session(fd);
            ::close(fd);
        }
    }

    void send(int fd, const std::string& line) { (void)::send(fd, (line + "\r").data(), line.size() + 1, MSG_NOSIGNAL); }

    void session(int fd) {
        if (behaviour_ == Behaviour::Silent) {
            // Holds the connection without a word until the client gives up.
            char c;
            while (!stop_)
                if (waitReadable(fd, 20) && ::recv(fd, &c, 1, 0) <= 0) return;
            return;
        }
        std::string random;
        if (!settings_.password.empty()) {
            static const char kHex[] = "0123456789abcdef";
            std::mt19937 rng(std::random_device{}());
            for (int i = 0; i < 8; ++i) random += kHex[rng() % 16];
            send(fd, "PJLINK 1 " + random);
        } else {
            send(fd, "PJLINK 0");
        }
        bool first = true;
        std::string buffer;
        // The specification closes a connection idle for 30 s; tests need far less.
        auto idleUntil = Clock::now() + std::chrono::seconds(5);
        while (!stop_ && Clock::now() < idleUntil) {
            if (!waitReadable(fd, 20)) continue;
            char chunk[256];
            ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0) return;
            buffer.append(chunk, static_cast<std::size_t>(n));
            std::size_t end;
            while ((end = buffer.find('\r')) != std::string::npos) {
                std::string line = buffer.substr(0, end);
                buffer.erase(0, end + 1);
                if (first && !random.empty()) {
                    if (line.size() < 32 || line.substr(0, 32) != power::pjlink::authDigest(random, settings_.password)) {
                        ++refused_;
                        send(fd, "PJLINK ERRA");
                        return;
                    }
                    line = line.substr(32);
                }
                first = false;
                if (behaviour_ == Behaviour::Malformed) send(fd, "%1POWR#xyz");
                else send(fd, answer(line));
            }
        }
    }

    Settings settings_;
    std::mutex mutex_;
    bool on_ = false;
    Clock::time_point transitionEnd_{};
    std::vector<std::string> commands_;
    std::atomic<Behaviour> behaviour_{Behaviour::Normal};
    std::atomic<int> connections_{0}, refused_{0};
    std::atomic<bool> stop_{false};
    int listener_ = -1, port_ = 0;
    std::thread thread_;
};

}  // namespace vitrine::test
