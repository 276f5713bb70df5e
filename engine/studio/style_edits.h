#pragma once
// The studio's edits of the exhibit's <style> elements, as recipes for
// StudioDocument::edit: set one of a style's attributes, add a style, rename one (every
// reference follows) and delete one (only when nothing uses it). Each finds the style by its
// id in the text it is given, so it can be made again on a file changed on disk, and
// changes only the characters it must.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "script/script.h"
#include "studio/studio_document.h"

namespace vitrine::studio {

/// The <style> called `id` in `script`, or nullptr.
const ScriptNode* findStyle(const Script& script, std::string_view id);

/// Every style's id, in the order they are written.
std::vector<std::string> styleIds(const Script& script);

/// One element that uses a style.
struct StyleUse {
    const ScriptNode* node = nullptr;
    /// The attribute that names the style ("style", or "base" on another <style>), or empty
    /// when the element takes the style of its own name (an <advisory> uses "advisory").
    std::string_view attribute;
};

/// Every element that uses the style `id`, in document order. The style "default", which
/// every text without a style of its own uses, is listed only where it is named.
std::vector<StyleUse> styleUses(const Script& script, std::string_view id);

/// The uses in plain words: "<text> at line 12, <style id="quote"> at line 4 (its base)",
/// the first `shown` of them and how many more.
std::string describeUses(const std::vector<StyleUse>& uses, std::size_t shown = 4);

/// Why `id` cannot name a new style in `script` (empty, not a name, or taken), or nullopt.
std::optional<Error> invalidNewStyleName(const Script& script, std::string_view id);

/// Sets `attribute` of the style `id` to `value`.
EditRecipe setStyleAttributeRecipe(std::string id, std::string attribute, std::string value);

/// Adds `<style id="ID"/>` (with base="BASE" when `base` is not empty) after the last style
/// of the main file, indented as it is; the first style goes first in the <exhibit>.
EditRecipe newStyleRecipe(std::string id, std::string base = {});

/// Renames the style `from` to `to`, and every element that uses it with it, as one edit.
EditRecipe renameStyleRecipe(std::string from, std::string to);

/// Deletes the style `id` (its whole line when it stands alone on it); an error naming
/// who uses it when anything does.
EditRecipe deleteStyleRecipe(std::string id);

}  // namespace vitrine::studio
