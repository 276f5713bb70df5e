#include "media_bin_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdint>

#include "media_drop.h"
#include "studio_panels.h"
#include "studio_theme.h"

namespace vitrine::studio {
namespace {

constexpr float kRowHeight = 52;
constexpr float kThumbWidth = 80, kThumbHeight = 45;

ImU32 kindColour(MediaKind kind) {
    switch (kind) {
        case MediaKind::Picture: return theme::kImageItem;
        case MediaKind::Sound: return theme::kAudioItem;
        case MediaKind::Clip: return theme::kVideoItem;
        case MediaKind::Captions: return theme::kTextItem;
        case MediaKind::MapData: return theme::kMapItem;
    }
    return theme::kTrack;
}

// "Picture · 1920×1080 · 2.4 MB", "Sound · 1:23 · 812 KB": what the second line of a row says.
std::string describe(const MediaEntry& e) {
    std::string out(mediaKindName(e.file.kind));
    if (!e.details) return out + "  ·  reading…";
    if (!e.details->problem.empty()) return out + "  ·  cannot be read: " + e.details->problem;
    if (e.details->width > 0) out += "  ·  " + std::to_string(e.details->width) + "×" + std::to_string(e.details->height);
    if (e.details->duration) out += "  ·  " + formatTime(*e.details->duration, TimePrecision::Tenths);
    return out + "  ·  " + describeBytes(e.file.bytes);
}

}  // namespace

MediaCatalog& MediaBinPanel::catalog(const std::filesystem::path& folder) {
    if (!catalog_ || catalog_->folder() != folder) {
        catalog_ = std::make_unique<MediaCatalog>(folder);
        thumbnails_.clear();
        seen_ = ~std::uint64_t{0};
    }
    return *catalog_;
}

const sf::Texture* MediaBinPanel::thumbnail(const MediaEntry& e) {
    if (!e.details || e.details->thumbnailPng.empty()) return nullptr;
    Thumbnail& t = thumbnails_[e.file.path];
    if (t.modified != e.file.modified || t.bytes != e.file.bytes || !t.ok) {
        // A PNG of a few kilobytes, decoded once per version of the file.
        t.ok = t.texture.loadFromMemory(e.details->thumbnailPng.data(), e.details->thumbnailPng.size());
        t.texture.setSmooth(true);
        t.modified = e.file.modified;
        t.bytes = e.file.bytes;
    }
    return t.ok ? &t.texture : nullptr;
}

MediaBinRequest MediaBinPanel::draw(const std::filesystem::path& folder, const std::vector<std::string_view>& insertCommands,
                                    float x, float y, float w, float h) {
    MediaBinRequest request;
    MediaCatalog& bin = catalog(folder);
    if (bin.generation() != seen_) {
        seen_ = bin.generation();
        entries_ = bin.entries();
    }

    beginPanel("Media", x, y, w, h);
    if (ImGui::Button("Insert")) ImGui::OpenPopup("##insert-menu");
    if (ImGui::BeginPopup("##insert-menu")) {
        for (int i = 0; i < static_cast<int>(insertCommands.size()); ++i)
            if (ImGui::MenuItem(std::string(insertCommands[i]).c_str())) request.command = i;
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Import…")) request.import = true;
    ImGui::SameLine();
    ImGui::TextColored(colour(theme::kDimText), "%d file%s", static_cast<int>(entries_.size()),
                       entries_.size() == 1 ? "" : "s");

    ImGui::BeginChild("##media-list", ImVec2(0, 0), false);
    if (entries_.empty())
        ImGui::TextWrapped("No pictures, sounds or clips in the exhibit's folder yet. Press Import… to bring one in.");
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (const auto& e : entries_) {
        ImGui::PushID(e.file.path.c_str());
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        if (ImGui::Selectable("##row", selected_ == e.file.path, ImGuiSelectableFlags_AllowDoubleClick,
                              ImVec2(width, kRowHeight))) {
            selected_ = e.file.path;
            if (ImGui::IsMouseDoubleClicked(0)) request.insert = e.file.path;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Double-click to add at the playhead, or drag onto the timeline or the picture");
        beginMediaDrag(e.file.path, "Add " + e.file.path);

        // The thumbnail, letterboxed in its box; a band of the kind's colour for files without one.
        const ImVec2 box(top.x + 4, top.y + (kRowHeight - kThumbHeight) / 2);
        list->AddRectFilled(box, ImVec2(box.x + kThumbWidth, box.y + kThumbHeight), IM_COL32(0, 0, 0, 255), 3);
        if (const sf::Texture* t = thumbnail(e)) {
            const float sx = kThumbWidth / t->getSize().x, sy = kThumbHeight / t->getSize().y, s = std::min(sx, sy);
            const float tw = t->getSize().x * s, th = t->getSize().y * s;
            const ImVec2 a(box.x + (kThumbWidth - tw) / 2, box.y + (kThumbHeight - th) / 2);
            list->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t->getNativeHandle())), a,
                           ImVec2(a.x + tw, a.y + th));
        } else {
            list->AddRectFilled(box, ImVec2(box.x + kThumbWidth, box.y + kThumbHeight), kindColour(e.file.kind), 3);
            const std::string kind(mediaKindName(e.file.kind));
            const ImVec2 size = ImGui::CalcTextSize(kind.c_str());
            list->AddText(ImVec2(box.x + (kThumbWidth - size.x) / 2, box.y + (kThumbHeight - size.y) / 2), theme::kText,
                          kind.c_str());
        }
        const float textX = box.x + kThumbWidth + 10;
        list->PushClipRect(ImVec2(textX, top.y), ImVec2(top.x + width, top.y + kRowHeight), true);
        list->AddText(ImVec2(textX, top.y + 7), theme::kText, e.file.path.c_str());
        list->AddText(ImVec2(textX, top.y + 28), theme::kDimText, describe(e).c_str());
        list->PopClipRect();
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::End();
    return request;
}

}  // namespace vitrine::studio
