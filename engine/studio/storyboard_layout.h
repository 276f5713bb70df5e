#pragma once
// Where each still and its caption go on a storyboard (a contact sheet with one still per
// scene, for a curator's review). Pure arithmetic, shared by the program and its tests.

#include <string>
#include <vector>

#include "timeline/show.h"

namespace vitrine::studio {

/// The sheet's geometry, in pixels.
struct StoryboardLayout {
    int columns = 4;
    int stillWidth = 480;
    int stillHeight = 270;
    int captionHeight = 96;  // three lines under each still
    int margin = 32;         // around the sheet and between cells
    int headerHeight = 72;   // the exhibit's title

    /// Sheet size for `stills` stills.
    int width() const;
    int height(int stills) const;
    /// Top-left corner of still `index`.
    int stillX(int index) const;
    int stillY(int index) const;
};

/// A layout whose stills have the canvas's aspect ratio.
StoryboardLayout storyboardLayoutFor(const PixelSize& canvas, int columns = 4);

/// What is written under a scene's still: its id, its start, its title (or, when it has
/// none, its first line of text).
struct StoryboardCaption {
    std::string id;
    std::string start;      // "1:02.5"
    std::string firstLine;  // the scene's title, or the first words of its first text
};

/// The captions of every scene, in order.
std::vector<StoryboardCaption> storyboardCaptions(const Show& show);

/// The instant of each scene shown: its middle, or the moment near it that shows the most.
Micros storyboardInstant(const Show& show, int sceneIndex);

}  // namespace vitrine::studio
