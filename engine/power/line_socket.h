#pragma once
// A TCP connection that sends and receives '\r'-terminated lines, every step bounded by
// one deadline: a device that accepts and never answers costs its worker thread at most
// the deadline, never the frame loop (which never calls this).

#include <chrono>
#include <optional>
#include <string>

#include "base/error.h"

namespace vitrine::power {

class LineSocket {
public:
    using Clock = std::chrono::steady_clock;

    LineSocket() = default;
    LineSocket(const LineSocket&) = delete;
    LineSocket& operator=(const LineSocket&) = delete;
    ~LineSocket();

    /// Connects to host:port by the deadline; nullopt on success, else why not.
    std::optional<Error> connect(const std::string& host, int port, Clock::time_point deadline);
    /// Sends all of `text` by the deadline.
    bool send(const std::string& text, Clock::time_point deadline);
    /// The next line without its '\r' (a '\n' after it is skipped), by the deadline;
    /// nullopt on timeout, a closed connection, or a line longer than `maxLength`.
    std::optional<std::string> readLine(Clock::time_point deadline, std::size_t maxLength);
    /// Why the last readLine failed: "timed out", "closed", "line too long".
    const std::string& readProblem() const { return readProblem_; }

private:
    bool wait(short events, Clock::time_point deadline);
    int fd_ = -1;
    std::string buffer_;
    std::string readProblem_;
};

}  // namespace vitrine::power
