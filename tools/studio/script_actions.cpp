#include "script_actions.h"

#include <algorithm>
#include <cstdio>
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
             auto t = app.doc_.show() ? resolvePosition(*app.doc_.show(), position)
                                      : Result<Micros>(Error{"nothing to scrub: the exhibit did not open"});
             if (!t) {
                 app.setStatus(t.error().message, true);
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
        {"text", "WORDS", "set the words of the selected <text>, as Apply text does (its line breaks kept)", [](StudioApp& app, const std::string& words) {
             if (auto error = app.doc_.setContent(app.doc_.selection(), words)) {
                 app.setStatus(*error, true);
                 return false;
             }
             app.setStatus(app.doc_.undoDescription());
             app.previewDirty_ = true;
             return true;
         }},
        // The inspector's attribute field (or its Add row), for an attribute no other action writes,
        // such as a picture's credit.
        {"set", "ATTRIBUTE VALUE", "set an attribute of the selection, as the inspector's field or Add does", [](StudioApp& app, const std::string& words) {
             const auto space = words.find(' ');
             if (space == std::string::npos || app.doc_.selection().empty()) return false;
             if (auto error = app.doc_.setAttribute(app.doc_.selection(), words.substr(0, space), words.substr(space + 1))) {
                 app.setStatus(*error, true);
                 return false;
             }
             app.setStatus(app.doc_.undoDescription());
             app.previewDirty_ = true;
             return true;
         }},
        {"move-begin", "ID | line N TIME", "move an item's start to TIME (its begin, as written) or by +TIME/-TIME", [](StudioApp& app, const std::string& words) { return app.timingByScript(ChipPart::Body, words); }},
        {"trim-start", "ID | line N TIME", "trim an item's start to TIME or by +TIME/-TIME (sound and video start later in the file)", [](StudioApp& app, const std::string& words) { return app.timingByScript(ChipPart::StartEdge, words); }},
        {"trim-end", "ID | line N TIME", "make an item or scene last TIME, or change its length by +TIME/-TIME", [](StudioApp& app, const std::string& words) { return app.timingByScript(ChipPart::EndEdge, words); }},
        {"move-cue", "FILE N TIME", "move caption cue N (from 1) of FILE to start at TIME (in its sound) or by +TIME/-TIME, as dragging it does", [](StudioApp& app, const std::string& words) { return app.cueByScript(CueDrag::Move, words); }},
        {"trim-cue-start", "FILE N TIME", "trim the start of caption cue N of FILE to TIME or by +TIME/-TIME", [](StudioApp& app, const std::string& words) { return app.cueByScript(CueDrag::TrimStart, words); }},
        {"trim-cue-end", "FILE N TIME", "trim the end of caption cue N of FILE to TIME or by +TIME/-TIME", [](StudioApp& app, const std::string& words) { return app.cueByScript(CueDrag::TrimEnd, words); }},
        {"nudge-frames", "N", "move the selected item N frames later (negative: earlier), as , and . do", [](StudioApp& app, const std::string& n) { return app.nudgeFrames(std::atoi(n.c_str())); }},
        {"restore-recovery", "", "restore the unsaved edits of a studio that closed without saving", [](StudioApp& app, const std::string&) { return app.restoreRecovery(); }},
        {"discard-recovery", "", "discard the unsaved edits of a studio that closed without saving", [](StudioApp& app, const std::string&) { return app.discardRecovery(); }},
        {"defer-recovery", "", "decide later on the unsaved edits offered (kept for the next start)", [](StudioApp& app, const std::string&) { return app.deferRecovery(); }},
        {"play", "", "play from the playhead", [](StudioApp& app, const std::string&) { return app.setPlaying(true), true; }},
        {"pause", "", "pause", [](StudioApp& app, const std::string&) { return app.setPlaying(false), true; }},
        // Caption timing, as its keys do: taps read the playhead, so a script pauses and scrubs.
        {"time-captions", "", "start timing the selected sound's captions", [](StudioApp& app, const std::string&) { return app.startCaptionTiming(); }},
        {"tap", "", "start the next caption line at the playhead", [](StudioApp& app, const std::string&) { return app.tapCaption(); }},
        {"end-line", "", "end the current caption line at the playhead", [](StudioApp& app, const std::string&) { return app.endCaptionLine(); }},
        {"untap", "", "take back the last tap", [](StudioApp& app, const std::string&) { return app.untapCaption(); }},
        {"save-captions", "[move]", "save the timed caption file: it asks first when lines not tapped would clash with tapped ones, and with move moves them after the last tapped line", [](StudioApp& app, const std::string& how) {
             if (how == "move") return app.saveCaptions(UntimedLines::MoveAfterLastTapped);
             return how.empty() && app.saveCaptions();
         }},
        {"cancel-captions", "", "stop caption timing, the file unchanged", [](StudioApp& app, const std::string&) {
             if (!app.timing_) return false;
             app.cancelCaptionTiming("Caption timing cancelled; the caption file is unchanged");
             return true;
         }},
        // Inserting items (studio_insert.cpp): into the selected scene, or the playhead's, at the playhead.
        {"drop", "FILE on TIME | on X,Y", "drop a file of the media bin on the timeline at TIME, or on the canvas at X,Y", [](StudioApp& app, const std::string& words) { return app.dropByScript(words); }},
        // On the preview's picture, in canvas pixels, as the pointer does it.
        {"click", "X Y", "click the picture at canvas pixel X,Y: selects the topmost item there", [](StudioApp& app, const std::string& words) {
             double x = 0, y = 0;
             if (!(std::stringstream(words) >> x >> y)) return false;
             app.canvasPointer({CanvasPointer::Kind::Press, {x, y}});
             return app.canvasPointer({CanvasPointer::Kind::Release, {x, y}});
         }},
        {"drag", "X1 Y1 X2 Y2 [free]", "drag on the picture (canvas pixels): moves the item there, or resizes by a handle of the selection; free: no snapping, as with Alt", [](StudioApp& app, const std::string& words) {
             std::stringstream in(words);
             double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
             std::string option;
             if (!(in >> x1 >> y1 >> x2 >> y2)) return false;
             in >> option;
             return app.canvasDrag({x1, y1}, {x2, y2}, false, option == "free");
         }},
        {"resize", "HANDLE DX DY [proportional|free]", "drag a handle of the selection (top-left, top, ..., left) by DX,DY canvas pixels", [](StudioApp& app, const std::string& words) { return app.resizeByScript(words); }},
        {"nudge", "DX DY", "move the selection by DX,DY canvas pixels (the arrow keys: 1, with Shift 10)", [](StudioApp& app, const std::string& words) {
             double dx = 0, dy = 0;
             if (!(std::stringstream(words) >> dx >> dy)) return false;
             return app.nudgeSelection(dx, dy);
         }},
        {"panzoom", "start|end X Y W H", "set the selected picture's pan-zoom start or end rectangle (10% or 0.1 of the picture)", [](StudioApp& app, const std::string& words) { return app.setPanZoomByScript(words); }},
        {"preview-rect", "", "print where the picture is shown in the window (x y width height, window pixels), for automation that moves the real pointer", [](StudioApp& app, const std::string&) {
             auto r = app.preview_.shownRect();
             if (!r) return false;
             std::printf("preview at %d %d %d %d\n", r->left, r->top, r->width, r->height);
             std::fflush(stdout);
             return true;
         }},
        // What the diagnostics panel lists, as `vitrine check` prints it, for tests and automation.
        {"diagnostics", "", "print the diagnostics panel's problems, one per line as vitrine check prints them", [](StudioApp& app, const std::string&) {
             for (const auto& d : app.doc_.diagnostics().all()) std::printf("%s\n", formatDiagnostic(d).c_str());
             std::fflush(stdout);
             return true;
         }},
        {"field-rect", "ATTRIBUTE", "print where the inspector's field of ATTRIBUTE is (x y width height, window pixels), for automation that clicks it", [](StudioApp& app, const std::string& name) {
             auto r = app.inspector_.fieldRect(name);
             if (!r) return false;
             std::printf("field %s at %d %d %d %d\n", name.c_str(), r->left, r->top, r->width, r->height);
             std::fflush(stdout);
             return true;
         }},
        // Styles (the style editor's edits), export and the projector (studio_output.cpp).
        {"close-styles", "", "close the style editor", [](StudioApp& app, const std::string& w) { return app.styleByScript("close-styles", w); }},
        {"style-set", "NAME ATTRIBUTE VALUE", "set an attribute of style NAME (font, size, weight, italic, color, background, line-height, padding, align)", [](StudioApp& app, const std::string& w) { return app.styleByScript("style-set", w); }},
        {"new-style", "NAME [BASE]", "add a style called NAME (starting from style BASE)", [](StudioApp& app, const std::string& w) { return app.styleByScript("new-style", w); }},
        {"rename-style", "NAME NEW", "rename a style, and every text and style that uses it", [](StudioApp& app, const std::string& w) { return app.styleByScript("rename-style", w); }},
        {"delete-style", "NAME", "delete a style that nothing uses", [](StudioApp& app, const std::string& w) { return app.styleByScript("delete-style", w); }},
        {"style-contrast", "NAME", "print the contrast of style NAME against its background", [](StudioApp& app, const std::string& w) { return app.styleByScript("style-contrast", w); }},
        {"export-still", "FILE.png [AT]", "save the frame at the playhead (or at AT) as a picture; the script waits for it", [](StudioApp& app, const std::string& w) { return app.exportByScript(ExportKind::Still, w); }},
        {"export-storyboard", "FILE.png", "save a storyboard, one still per scene; the script waits for it", [](StudioApp& app, const std::string& w) { return app.exportByScript(ExportKind::Storyboard, w); }},
        {"export-mp4", "FILE.mp4 [FROM TO]", "export the show (or FROM to TO) as a video; the script waits for it", [](StudioApp& app, const std::string& w) { return app.exportByScript(ExportKind::Video, w); }},
        {"cancel-export", "", "stop the export that runs; nothing is written", [](StudioApp& app, const std::string&) { return app.export_.cancel(), true; }},
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
    };
    return kActions;
}

std::string scriptActionsHelp() {
    std::string out;
    auto row = [&](std::string_view verb, std::string_view arguments, std::string_view help) {
        std::string head = "  " + std::string(verb) + (arguments.empty() ? "" : " " + std::string(arguments));
        if (head.size() < 34) head.resize(34, ' ');
        else head += "\n" + std::string(34, ' ');
        out += head + std::string(help) + "\n";
    };
    for (const auto& a : StudioApp::scriptActions()) row(a.verb, a.arguments, a.help);
    // The menus' commands are actions too (studio_commands.cpp).
    for (const auto& c : StudioApp::commands()) row(c.verb, c.arguments, c.help);
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
    if (const StudioCommand* command = commandForVerb(commands(), verb)) {
        runningScript_ = true;
        const bool done = runCommand(*command, rest);
        runningScript_ = false;
        return done;
    }
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
