#pragma once
// Inserting an item (text, image, video, audio, map) into a scene: where it goes (the
// selected scene or the one at the playhead, at the playhead's time in it), what element is
// written (with sensible defaults), and the edit that writes it as the scene's last child,
// indented like its siblings, leaving every other character of the designer's text as it was.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"
#include "base/time_value.h"
#include "studio/media_catalog.h"
#include "studio/studio_document.h"
#include "studio/canvas_point.h"

namespace vitrine::studio {

/// An element to write: its name, attributes in the order written, and text content
/// (empty: the element closes itself).
struct NewItem {
    std::string element;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string content;

    /// One line of XML: `<image src="a.jpg" begin="2s"/>`, values escaped.
    std::string xml() const;
};


/// The kinds of item the studio inserts, named as the --script verbs and the Insert menu name them.
enum class InsertKind { Text, Image, Video, Audio, Map };

/// "text", "image", ...: the element's name.
std::string_view elementName(InsertKind kind);

/// The item a file of `kind` makes (a picture an <image>, ...); nullopt for caption files,
/// which go with a sound or clip rather than on their own.
std::optional<InsertKind> insertKindFor(MediaKind kind);

/// What an insert needs beside its kind: the words of a text or the file of a medium
/// (relative to the exhibit's folder), a caption file for a sound, a place on the canvas.
struct InsertRequest {
    InsertKind kind = InsertKind::Text;
    std::string subject;   // the words, or the file
    std::string captions;  // for audio: a caption file beside the sound, or empty
    std::optional<CanvasPoint> place;
};

/// The element `request` writes, starting `begin` into its scene, on a canvas of
/// `canvas` pixels: a text in the exhibit's default style in a centred reading box, a
/// picture or clip fit to the canvas (or, dropped on a point, a half-canvas box centred
/// there and kept inside the canvas), a sound with its captions, a map of its data.
NewItem newItem(const InsertRequest& request, Micros begin, PixelSize canvas);

/// The scene an item goes into and when it begins there.
struct InsertTarget {
    int scene = -1;  // index into Show::scenes
    Micros begin = 0;  // from the scene's start
};

/// Where an insert goes: the scene named `sceneId`, else the selected scene, else the scene
/// at the playhead (a selected item does not choose: the playhead may have left its scene); it begins at `at` when given, else at the
/// playhead when the playhead is in that scene, else at the scene's start.
Result<InsertTarget> insertTarget(const Show& show, const Selection& selection, Micros playhead,
                                  const std::optional<std::string>& sceneId, std::optional<Micros> at);

/// The edit that writes `item` as the last child of the element at `parent` (a scene),
/// on a line of its own indented as the last child element is (or one step deeper than the
/// scene when it has none); a self-closing `<scene .../>` is opened to hold it.
Result<TextEdit> insertChildEdit(std::string_view text, const Script& script, const ElementPath& parent,
                                 const NewItem& item);

/// The words of an insert --script action: the subject, then optionally `at TIME` and
/// `in SCENE`, in either order, at the end ("insert-text Hello there at 2s in opening").
struct InsertWords {
    std::string subject;
    std::optional<Micros> at;
    std::optional<std::string> scene;
};
Result<InsertWords> parseInsertWords(std::string_view words);

/// Inserts `request` into `doc` where `target` says, as one undoable edit, and selects the
/// new item. The Error in a designer's words (nothing changed), or nullopt.
std::optional<Error> insertItem(StudioDocument& doc, const InsertTarget& target, const InsertRequest& request);

}  // namespace vitrine::studio
