#pragma once
// A map that holds at most a set number of entries: past it, putting one in drops the entry
// used least recently. The caches kept across shows (text layouts, map meshes, caption
// files) use it so that a long studio session or a player running for months stays bounded.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

namespace vitrine {

template <class Key, class Value>
class RecentMap {
public:
    explicit RecentMap(std::size_t capacity) : capacity_(std::max<std::size_t>(1, capacity)) {}

    /// The value for `key` (now the most recently used), or nullptr.
    Value* find(const Key& key) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return nullptr;
        it->second.lastUse = ++uses_;
        return &it->second.value;
    }

    /// Puts `value` for `key` (replacing one there) and returns the value it dropped to stay
    /// within the capacity, if any, so the caller chooses where it is freed.
    std::optional<Value> put(Key key, Value value) {
        std::optional<Value> dropped;
        if (!entries_.count(key) && entries_.size() >= capacity_) {
            // A scan, only when full: far cheaper than what a cache entry spares.
            auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
                return a.second.lastUse < b.second.lastUse;
            });
            dropped = std::move(oldest->second.value);
            entries_.erase(oldest);
        }
        entries_.insert_or_assign(std::move(key), Entry{std::move(value), ++uses_});
        return dropped;
    }

    void erase(const Key& key) { entries_.erase(key); }
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        Value value;
        std::uint64_t lastUse = 0;
    };

    std::size_t capacity_;
    std::uint64_t uses_ = 0;
    std::map<Key, Entry> entries_;
};

}  // namespace vitrine
