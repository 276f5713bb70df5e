#include "script_actions.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string_view>
#include <tuple>

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

namespace {

// "X Y rest of the words": two numbers, then the rest trimmed; nullopt numbers when missing.
std::tuple<std::optional<double>, std::optional<double>, std::string> pointAndWords(const std::string& words) {
    std::stringstream in(words);
    double x = 0, y = 0;
    if (!(in >> x >> y)) return {std::nullopt, std::nullopt, ""};
    std::string rest;
    std::getline(in, rest);
    auto first = rest.find_first_not_of(' ');
    return {x, y, first == std::string::npos ? "" : rest.substr(first)};
}

}  // namespace

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
        // The map tool (map_tool.h), on the map at the playhead; X Y are canvas pixels.
        {"place-marker", "X Y [NAME]", "place a marker on the map at canvas X,Y (labelled NAME, else a place's name when one is near)", [](StudioApp& app, const std::string& words) {
             auto [x, y, rest] = pointAndWords(words);
             return x && app.reportMap(app.mapTool_.placeMarker(app.doc_, app.t_, {*x, *y}, rest));
         }},
        {"place-label", "X Y TEXT", "place a label reading TEXT on the map at canvas X,Y", [](StudioApp& app, const std::string& words) {
             auto [x, y, rest] = pointAndWords(words);
             return x && app.reportMap(app.mapTool_.placeLabel(app.doc_, app.t_, {*x, *y}, rest));
         }},
        {"move-marker", "ID|INDEX X Y", "move a marker of the map (by id, or its number from 1) to canvas X,Y", [](StudioApp& app, const std::string& words) {
             std::stringstream in(words);
             std::string which;
             double x = 0, y = 0;
             if (!(in >> which >> x >> y)) return false;
             return app.reportMap(app.mapTool_.moveMarker(app.doc_, app.t_, which, {x, y}));
         }},
        {"map-pan", "DX DY", "pan the map being framed by DX,DY canvas pixels, as a drag does", [](StudioApp& app, const std::string& words) {
             auto [dx, dy, rest] = pointAndWords(words);
             return dx && app.reportMap(app.mapTool_.pan(app.doc_, app.t_, *dx, *dy));
         }},
        {"map-zoom", "FACTOR", "zoom the map being framed by FACTOR (2: twice as close), as the wheel does", [](StudioApp& app, const std::string& words) {
             return app.reportMap(app.mapTool_.zoom(app.doc_, app.t_, std::atof(words.c_str())));
         }},
        {"set-view", "", "write the map's framing as its view (or the <view> shown then)", [](StudioApp& app, const std::string&) {
             return app.reportMap(app.mapTool_.setView(app.doc_, app.t_));
         }},
        {"add-fly", "", "add a <fly> at the playhead to the map's framing", [](StudioApp& app, const std::string&) {
             return app.reportMap(app.mapTool_.addFly(app.doc_, app.t_));
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

bool StudioApp::reportMap(const MapToolOutcome& outcome) {
    setStatus(outcome.message, outcome.error);
    previewDirty_ = true;
    return !outcome.error;
}

}  // namespace vitrine::studio
