#include "player/show_reloader.h"

#include <chrono>
#include <exception>
#include <string>

namespace vitrine {
namespace {

// Whatever goes wrong on the worker comes back as a refused reload, never as a crash of the
// player (an exception left in a future would be thrown on the frame loop).
ReadyShow prepareCatching(const ShowReloader::Prepare& prepare) {
    try {
        return prepare();
    } catch (const std::exception& e) {
        return ReadyShow{Error{std::string("the exhibit could not be read: ") + e.what()}, nullptr};
    }
}

}  // namespace

ShowReloader::ShowReloader(Prepare prepare, std::function<void()> ready)
    : prepare_(std::move(prepare)), ready_(std::move(ready)) {}

ShowReloader::~ShowReloader() {
    if (running_.valid()) running_.wait();
}

void ShowReloader::request() {
    if (running_.valid()) again_ = true;
    else start();
}

void ShowReloader::start() {
    running_ = std::async(std::launch::async, [prepare = prepare_, ready = ready_] {
        ReadyShow result = prepareCatching(prepare);
        if (ready) ready();
        return result;
    });
}

std::optional<ReadyShow> ShowReloader::take() {
    if (!running_.valid() || running_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    ReadyShow ready = running_.get();
    if (again_) {
        // The file may have changed since this read began: read it again rather than show
        // a version that is already outdated.
        again_ = false;
        start();
        return std::nullopt;
    }
    return ready;
}

}  // namespace vitrine
