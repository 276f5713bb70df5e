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

const std::vector<ScriptAction>& StudioApp::scriptActions() {
    static const std::vector<ScriptAction> kActions = {
        {"wait", "FRAMES", "let FRAMES frames be drawn before the next action", [](StudioApp& app, const std::string& frames) {
             app.waitFrames_ = std::max(0, std::atoi(frames.c_str()));
             return true;
         }},
        {"scrub", "POS", "move the playhead to TIME, SCENE or SCENE+TIME", [](StudioApp& app, const std::string& position) {
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
        {"select", "scene ID | line N", "select a scene by id, or the item or scene written on line N", [](StudioApp& app, const std::string& what) { return app.selectByScript(what); }},
        {"duration", "TIME", "set how long the selection lasts (its dur)", [](StudioApp& app, const std::string& value) {
             auto d = parseTimeValue(value);
             if (!d || app.doc_.selection().empty()) return false;
             app.applyResize(app.doc_.selection(), *d);
             return !app.statusIsError_;
         }},
        {"move-begin", "ID | line N TIME", "move an item's start to TIME (its begin, as written) or by +TIME/-TIME", [](StudioApp& app, const std::string& words) { return app.timingByScript(ChipPart::Body, words); }},
        {"trim-start", "ID | line N TIME", "trim an item's start to TIME or by +TIME/-TIME (sound and video start later in the file)", [](StudioApp& app, const std::string& words) { return app.timingByScript(ChipPart::StartEdge, words); }},
        {"trim-end", "ID | line N TIME", "make an item or scene last TIME, or change its length by +TIME/-TIME", [](StudioApp& app, const std::string& words) { return app.timingByScript(ChipPart::EndEdge, words); }},
        {"nudge-frames", "N", "move the selected item N frames later (negative: earlier), as , and . do", [](StudioApp& app, const std::string& n) { return app.nudgeFrames(std::atoi(n.c_str())); }},
        {"cue-list", "on | off", "show or hide the cue list beside the timeline", [](StudioApp& app, const std::string& on) {
             app.cueListShown_ = on == "on";
             return on == "on" || on == "off";
         }},
        {"save", "", "save the exhibit", [](StudioApp& app, const std::string&) {
             app.save();
             return !app.statusIsError_;
         }},
        {"undo", "", "take back the last edit", [](StudioApp& app, const std::string&) { return app.undo(), true; }},
        {"redo", "", "make the last undone edit again", [](StudioApp& app, const std::string&) { return app.redo(), true; }},
        {"play", "", "play from the playhead", [](StudioApp& app, const std::string&) { return app.setPlaying(true), true; }},
        {"pause", "", "pause", [](StudioApp& app, const std::string&) { return app.setPlaying(false), true; }},
        // Caption timing, as its keys do: taps read the playhead, so a script pauses and scrubs.
        {"time-captions", "", "start timing the selected sound's captions", [](StudioApp& app, const std::string&) { return app.startCaptionTiming(); }},
        {"tap", "", "start the next caption line at the playhead", [](StudioApp& app, const std::string&) { return app.tapCaption(); }},
        {"end-line", "", "end the current caption line at the playhead", [](StudioApp& app, const std::string&) { return app.endCaptionLine(); }},
        {"untap", "", "take back the last tap", [](StudioApp& app, const std::string&) { return app.untapCaption(); }},
        {"save-captions", "", "save the timed caption file", [](StudioApp& app, const std::string&) { return app.saveCaptions(); }},
        {"cancel-captions", "", "stop caption timing, the file unchanged", [](StudioApp& app, const std::string&) {
             if (!app.timing_) return false;
             app.cancelCaptionTiming("Caption timing cancelled; the caption file is unchanged");
             return true;
         }},
        {"screenshot", "FILE.png", "save the window as a picture", [](StudioApp& app, const std::string& file) {
             app.screenshotPath_ = file;
             return !file.empty();
         }},
        // The preview's picture alone, as it is shown (scaled from the canvas).
        {"screenshot-preview", "FILE.png", "save the preview's picture alone, as shown", [](StudioApp& app, const std::string& file) {
             app.screenshotPath_ = file;
             app.screenshotPreviewOnly_ = true;
             return !file.empty();
         }},
        {"quit", "", "close the studio", [](StudioApp& app, const std::string&) { return app.quit_ = true; }},
    };
    return kActions;
}

std::string scriptActionsHelp() {
    std::string out;
    for (const auto& a : StudioApp::scriptActions()) {
        std::string head = "  " + std::string(a.verb) + (a.arguments.empty() ? "" : " " + std::string(a.arguments));
        if (head.size() < 34) head.resize(34, ' ');
        else head += "\n" + std::string(34, ' ');
        out += head + std::string(a.help) + "\n";
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

    for (const auto& a : scriptActions())
        if (a.verb == verb) return a.run(*this, rest);
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
