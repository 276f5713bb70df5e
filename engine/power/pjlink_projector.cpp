#include "power/pjlink_projector.h"

#include <optional>

#include "power/line_socket.h"
#include "power/pjlink_protocol.h"

namespace vitrine::power {

PjlinkProjector::PjlinkProjector(PjlinkEndpoint endpoint, std::chrono::milliseconds timeout)
    : endpoint_(std::move(endpoint)), timeout_(timeout) {}

std::string PjlinkProjector::address() const { return endpoint_.host + ":" + std::to_string(endpoint_.port); }

Outcome PjlinkProjector::exchange(bool wanted) {
    Outcome out;
    // One deadline for the whole session: a projector that answers every line just before
    // its timeout cannot stretch the session.
    auto deadline = LineSocket::Clock::now() + timeout_;
    LineSocket socket;
    if (auto problem = socket.connect(endpoint_.host, endpoint_.port, deadline)) {
        out.problem = std::move(problem);
        return out;
    }
    auto readLine = [&]() -> std::optional<std::string> {
        auto line = socket.readLine(deadline, pjlink::kMaxLine);
        if (!line) out.problem = Error{"no answer (" + socket.readProblem() + ")"};
        return line;
    };
    auto greetingLine = readLine();
    if (!greetingLine) return out;
    auto greeting = pjlink::parseGreeting(*greetingLine);
    if (!greeting) {
        out.problem = Error{"not a PJLink greeting: '" + greetingLine->substr(0, 40) + "'"};
        return out;
    }
    std::string prefix = greeting->authenticated ? pjlink::authDigest(greeting->random, endpoint_.password) : "";
    if (greeting->authenticated && endpoint_.password.empty()) {
        out.problem = Error{"the projector asks for a password and the installation file gives none"};
        out.authRefused = true;
        return out;
    }
    // Sends one command and returns its result, or nullopt with out.problem set.
    auto ask = [&](const char* name, const char* parameter) -> std::optional<std::string> {
        if (!socket.send(prefix + pjlink::command(name, parameter), deadline)) {
            out.problem = Error{"cannot send (timed out or closed)"};
            return std::nullopt;
        }
        prefix.clear();  // the digest goes with the first command of a connection only
        auto line = readLine();
        if (!line) return std::nullopt;
        if (*line == "PJLINK ERRA") {
            out.problem = Error{"wrong password (PJLINK ERRA)"};
            out.authRefused = true;
            return std::nullopt;
        }
        auto reply = pjlink::parseReply(*line);
        if (!reply || reply->command != name) {
            out.problem = Error{"malformed reply to " + std::string(name) + ": '" + line->substr(0, 40) + "'"};
            return std::nullopt;
        }
        return reply->result;
    };

    auto power = ask("POWR", "?");
    if (!power) return out;
    auto state = pjlink::parsePower(*power);
    if (!state) {
        out.problem = Error{"power state not read: " + pjlink::errorInWords(*power).value_or("'" + *power + "'")};
        return out;
    }
    out.state = *state;
    // Warming up and cooling down finish on their own; a command then would be ERR3.
    bool switchOn = wanted && *state == PowerState::Off, switchOff = !wanted && *state == PowerState::On;
    if (switchOn || switchOff) {
        auto done = ask("POWR", switchOn ? "1" : "0");
        if (!done) return out;
        if (*done != "OK") {
            out.problem = Error{std::string("refused to switch ") + (switchOn ? "on" : "off") + ": " +
                                pjlink::errorInWords(*done).value_or("'" + *done + "'")};
            return out;
        }
        out.state = switchOn ? PowerState::WarmingUp : PowerState::CoolingDown;
    }
    auto lamp = ask("LAMP", "?");
    if (!lamp) return out;
    // ERR1: a projector without a lamp (laser, LED) has no lamp hours; that is no problem.
    if (auto hours = pjlink::parseLampHours(*lamp)) out.lampHours = *hours;
    else if (*lamp != "ERR1") {
        out.problem = Error{"lamp hours not read: " + pjlink::errorInWords(*lamp).value_or("'" + *lamp + "'")};
        return out;
    }
    auto errors = ask("ERST", "?");
    if (!errors) return out;
    auto words = pjlink::parseErrorStatus(*errors);
    if (!words) {
        out.problem =
            Error{"error status not read: " + pjlink::errorInWords(*errors).value_or("'" + *errors + "'")};
        return out;
    }
    out.errors = *words;
    out.reached = true;
    return out;
}

}  // namespace vitrine::power
