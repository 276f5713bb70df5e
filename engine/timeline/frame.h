#pragma once
// What evaluate(show, t) returns: everything on screen and in the speakers at t, resolved.

#include <vector>

#include "timeline/show.h"

namespace vitrine {

/// One item as it is at t.
struct DrawItem {
    int item = -1;         // index into Show::items
    Rect box;              // canvas px, after x/y animation
    double opacity = 1;    // fades and animations applied (not the layer's opacity)
    double scale = 1;      // about the box centre
    double rotation = 0;   // degrees, clockwise, about the box centre
    Color color;           // text colour after animation
    Micros localTime = 0;  // time since the item began, within the current repetition
    Micros mediaTime = 0;  // position in the media file (video), in/out and loop applied
    Rect panZoom{0, 0, 1, 1};  // visible part of the image, as fractions of it
    double progress = 0;   // 0..1 through the item's active time
};

/// A scene's items drawn together, then composited with an opacity and an offset.
/// Two layers are on screen during a transition.
struct Layer {
    int scene = -1;  // -1 for items outside every scene
    double opacity = 1;
    double offsetX = 0, offsetY = 0;  // canvas px, for slides
    Color background{0, 0, 0, 0};
    std::vector<DrawItem> draws;  // back to front
    bool held = false;  // an outgoing scene held at its last instant (silent)
};

/// A sound that should be playing at t, and where in its file.
struct AudioCue {
    int item = -1;
    Micros mediaTime = 0;
    double volume = 1;  // item volume × fades (ducking is the mixer's business)
};

/// The display list at one instant.
struct Frame {
    Micros t = 0;
    int scene = -1;  // the scene on screen (the incoming one during a transition)
    Color background{0, 0, 0, 255};
    std::vector<Layer> layers;  // back to front
    std::vector<AudioCue> audio;
};

/// Something that happens at an instant: reported for the tick whose [from, to) holds it.
struct ShowEvent {
    enum class Kind { SceneStart, ItemStart, ItemEnd };
    Kind kind = Kind::SceneStart;
    Micros at = 0;
    int index = -1;  // scene index for SceneStart, item index otherwise
};

}  // namespace vitrine
