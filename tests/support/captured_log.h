#pragma once
// A log sink for tests of code that logs from its own threads: keeps every line.

#include <mutex>
#include <string>
#include <vector>

#include "control/server_log.h"

namespace vitrine::test {

struct CapturedLog {
    std::mutex m;
    std::vector<std::string> lines;

    control::ServerLog sink() {
        return [this](const std::string& l) {
            std::lock_guard g(m);
            lines.push_back(l);
        };
    }
    bool contains(const std::string& s) {
        std::lock_guard g(m);
        for (auto& l : lines)
            if (l.find(s) != std::string::npos) return true;
        return false;
    }
};

}  // namespace vitrine::test
