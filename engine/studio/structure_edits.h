#pragma once
// Edits of the exhibit's structure: scenes and items added, duplicated, deleted, moved,
// copied and pasted, and ids renamed with what refers to them. Each is a pure function of
// the text and the script it compiles to that returns one TextEdit (a change spread over
// several places is one edit covering them), so StudioDocument::edit makes it undoable and
// can make it again on a text read from disk. Elements are found by ElementPath. Inserted
// elements take the indentation of the siblings they join; nothing else in the file moves.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "base/time_value.h"
#include "script/script.h"
#include "studio/element_path.h"
#include "studio/text_edit.h"

namespace vitrine::studio {

/// The scene-like elements (<scene>, <advisory>, <credits>) in the order they play.
std::vector<const ScriptNode*> sceneElements(const Script& script);

/// The exhibit's ids are unique among styles, among regions, and among everything else (a
/// scene and a style may both be called "title"), as the validator reads them.
enum class IdSpace { Style, Region, Element };
IdSpace idSpaceOf(Tag tag);

/// Every id of `space` written in the script.
std::vector<std::string> idsIn(const Script& script, IdSpace space);

/// An id like `base` that is not in `taken`: `base` itself, or "base-2", "base-3", … (a
/// trailing "-N" is a copy's number when the rest is taken too: copying "intro-2" beside
/// "intro" gives "intro-3", copying "january-13" gives "january-13-2").
std::string freshId(std::string_view base, const std::vector<std::string>& taken);

/// The elements that refer to `id` of `space` (a style's `style`/`base`, a region's
/// `region`), as "<text> at line 40", for telling the designer what an edit would break.
std::vector<std::string> referencesTo(const Script& script, std::string_view id, IdSpace space);

/// The element at `path` as written, from its '<' to the end of its end tag, its own
/// indentation taken off its following lines: what Copy puts on the clipboard.
Result<std::string> copyElement(std::string_view text, const Script& script, const ElementPath& path);

/// Deletes the element at `path` with its lines. Refused, naming them, when elements outside
/// it refer to an id inside it.
Result<TextEdit> deleteElement(std::string_view text, const Script& script, const ElementPath& path);

/// A copy of the element at `path` right after it, every id in the copy made fresh.
Result<TextEdit> duplicateElement(std::string_view text, const Script& script, const ElementPath& path);

/// Pastes `fragment` (copyElement's text) at `target`, its ids made fresh: a scene after the
/// scene at or around `target`; an item as the last child of a target scene, or after a
/// target item.
Result<TextEdit> pasteElement(std::string_view text, const Script& script, const ElementPath& target,
                              std::string_view fragment);

/// A new empty scene with a fresh id, lasting `duration`, after the scene at `after` (after
/// the last scene when nullopt).
Result<TextEdit> newScene(std::string_view text, const Script& script, const std::optional<ElementPath>& after,
                          Micros duration);

/// Moves the scene at `path` to be the `toIndex`th (0-based) of sceneElements().
Result<TextEdit> moveScene(std::string_view text, const Script& script, const ElementPath& path, int toIndex);

/// Gives the element at `path` the id `to`, and every reference to its old id the new one.
/// Refused when `to` is taken or not a name, or when a reference is in another file.
Result<TextEdit> renameId(std::string_view text, const Script& script, const ElementPath& path, std::string_view to);

/// The ids of the exhibit's <style> elements, in the order written.
std::vector<std::string> styleNames(const Script& script);

}  // namespace vitrine::studio
