#include "control/proof_of_play_log.h"

#include "installation/civil_time.h"

namespace vitrine::control {

namespace {
std::filesystem::path numbered(const std::filesystem::path& p, int n) { return p.string() + "." + std::to_string(n); }
}  // namespace

ProofOfPlayLog::ProofOfPlayLog(std::filesystem::path path, std::uintmax_t maxBytes, int keep)
    : path_(std::move(path)), maxBytes_(maxBytes), keep_(keep) {}

void ProofOfPlayLog::rotate() {
    out_.close();
    std::error_code ec;
    std::filesystem::remove(numbered(path_, keep_), ec);
    for (int i = keep_ - 1; i >= 1; --i)
        if (std::filesystem::exists(numbered(path_, i), ec)) std::filesystem::rename(numbered(path_, i), numbered(path_, i + 1), ec);
    if (keep_ >= 1) std::filesystem::rename(path_, numbered(path_, 1), ec);
    else std::filesystem::remove(path_, ec);
    size_ = 0;
}

std::optional<Error> ProofOfPlayLog::sceneStarted(std::int64_t unixMicros, const std::string& sceneId) {
    return write(unixMicros, sceneId);
}

std::optional<Error> ProofOfPlayLog::event(std::int64_t unixMicros, const std::string& what) {
    return write(unixMicros, "(" + what + ")");
}

std::optional<Error> ProofOfPlayLog::write(std::int64_t unixMicros, const std::string& text) {
    lastLine_ = installation::formatIsoInstant(unixMicros) + " " + text;
    const std::string line = lastLine_ + "\n";
    if (!out_.is_open()) {
        std::error_code ec;
        if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), ec);
        size_ = std::filesystem::exists(path_, ec) ? std::filesystem::file_size(path_, ec) : 0;
        if (ec) size_ = 0;
    }
    if (size_ > 0 && size_ + line.size() > maxBytes_) rotate();
    if (!out_.is_open()) {
        out_.open(path_, std::ios::app | std::ios::binary);
        if (!out_) return Error{"cannot write the proof-of-play log " + path_.string()};
    }
    out_ << line;
    out_.flush();  // a power cut loses at most the line being written
    if (!out_) return Error{"cannot write the proof-of-play log " + path_.string()};
    size_ += line.size();
    return std::nullopt;
}

}  // namespace vitrine::control
