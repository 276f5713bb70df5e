#include "script_actions.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string_view>

#include "studio_app.h"
#include "timeline/show_position.h"

namespace vitrine::studio {

std::vector<std::string> splitScript(const std::string& script) {
    std::vector<std::string> out;
    std::stringstream s(script);
    std::string part;
    while (std::getline(s, part, ';')) {
        auto first = part.find_first_not_of(" \t\n");
        if (first == std::string::npos) continue;
        auto last = part.find_last_not_of(" \t\n");
        out.push_back(part.substr(first, last - first + 1));
    }
    return out;
}

bool StudioApp::runAction(const std::string& action) {
    std::stringstream words(action);
    std::string verb;
    words >> verb;
    std::string rest;
    std::getline(words, rest);
    if (auto first = rest.find_first_not_of(' '); first != std::string::npos) rest = rest.substr(first);
    else rest.clear();

    // Each verb, and what it does with the rest of the action's words; false: it could not.
    using Run = std::function<bool(StudioApp&, const std::string&)>;
    static const std::pair<std::string_view, Run> kActions[] = {
        {"wait", [](StudioApp& app, const std::string& frames) {
             app.waitFrames_ = std::max(0, std::atoi(frames.c_str()));
             return true;
         }},
        {"scrub", [](StudioApp& app, const std::string& position) {
             std::string why;
             auto t = app.doc_.show() ? resolvePosition(*app.doc_.show(), position, &why) : std::nullopt;
             if (!t) {
                 app.setStatus(why, true);
                 return false;
             }
             app.seek(*t);
             return true;
         }},
        // "select scene ID", or "select line N" (the item or scene written there).
        {"select", [](StudioApp& app, const std::string& what) { return app.selectByScript(what); }},
        {"duration", [](StudioApp& app, const std::string& value) {
             auto d = parseTimeValue(value);
             if (!d || app.doc_.selection().empty()) return false;
             app.applyResize(app.doc_.selection(), *d);
             return !app.statusIsError_;
         }},
        {"save", [](StudioApp& app, const std::string&) {
             app.save();
             return !app.statusIsError_;
         }},
        {"undo", [](StudioApp& app, const std::string&) { return app.undo(), true; }},
        {"redo", [](StudioApp& app, const std::string&) { return app.redo(), true; }},
        {"play", [](StudioApp& app, const std::string&) { return app.setPlaying(true), true; }},
        {"pause", [](StudioApp& app, const std::string&) { return app.setPlaying(false), true; }},
        // Caption timing, as its keys do: taps read the playhead, so a script pauses and scrubs.
        {"time-captions", [](StudioApp& app, const std::string&) { return app.startCaptionTiming(); }},
        {"tap", [](StudioApp& app, const std::string&) { return app.tapCaption(); }},
        {"end-line", [](StudioApp& app, const std::string&) { return app.endCaptionLine(); }},
        {"untap", [](StudioApp& app, const std::string&) { return app.untapCaption(); }},
        {"save-captions", [](StudioApp& app, const std::string&) { return app.saveCaptions(); }},
        {"cancel-captions", [](StudioApp& app, const std::string&) {
             if (!app.timing_) return false;
             app.cancelCaptionTiming("Caption timing cancelled; the caption file is unchanged");
             return true;
         }},
        {"screenshot", [](StudioApp& app, const std::string& file) {
             app.screenshotPath_ = file;
             return !file.empty();
         }},
        // The preview's picture alone, as it is shown (scaled from the canvas).
        {"screenshot-preview", [](StudioApp& app, const std::string& file) {
             app.screenshotPath_ = file;
             app.screenshotPreviewOnly_ = true;
             return !file.empty();
         }},
        {"quit", [](StudioApp& app, const std::string&) { return app.quit_ = true; }},
    };
    for (const auto& [name, run] : kActions)
        if (name == verb) return run(*this, rest);
    setStatus("unknown action '" + verb + "'", true);
    return false;
}

bool StudioApp::selectByScript(const std::string& words) {
    std::stringstream args(words);
    std::string what, value;
    args >> what >> value;
    const Show* show = doc_.show();
    if (!show) return false;
    if (what == "scene") {
        int index = show->sceneById(value);
        if (index < 0) return false;
        select({Selection::Kind::Scene, index}, true);
        return true;
    }
    if (what == "line") {
        if (!doc_.selectAt({doc_.file().string(), std::atoi(value.c_str()), 1})) return false;
        select(doc_.selection(), true);
        return true;
    }
    return false;
}

}  // namespace vitrine::studio
