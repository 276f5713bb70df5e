#pragma once
// Runs a program found on PATH with some text on its standard input and collects what it
// prints, killed when it overruns its timeout: for tools such as cec-client that a power
// worker runs, never the frame loop.

#include <chrono>
#include <string>
#include <vector>

namespace vitrine::power {

struct ChildResult {
    bool started = false;   // false: the program could not be run (not installed)
    bool timedOut = false;  // killed at the timeout
    int exitStatus = -1;    // its exit status when it exited by itself
    std::string output;     // stdout and stderr together, at most 64 KiB
};

ChildResult runChild(const std::vector<std::string>& argv, const std::string& input, std::chrono::milliseconds timeout);

}  // namespace vitrine::power
