#include <doctest/doctest.h>

#include <cstring>
#include <memory>
#include <vector>

#include "control/resident_memory.h"

using namespace vitrine;

TEST_CASE("resident memory: VmRSS read from a status text, and from this process") {
    const char* status = "Name:\tvitrine\nVmPeak:\t  9000 kB\nVmHWM:\t  200000 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n";
    CHECK(parseStatusBytes(status, "VmRSS") == 123456LL * 1024);
    CHECK(parseStatusBytes(status, "VmHWM") == 200000LL * 1024);
    CHECK_FALSE(parseStatusBytes(status, "RSS"));  // a whole field's name, not the end of one
    CHECK_FALSE(parseStatusBytes("Name:\tkthreadd\nState:\tS\n", "VmRSS"));
    CHECK_FALSE(parseStatusBytes("\nVmRSS:\t \n", "VmRSS"));
    auto memory = residentSet();
    REQUIRE(memory);
    CHECK(memory->bytes > 1024 * 1024);  // a test program holds more than a megabyte
    CHECK(memory->peakBytes >= memory->bytes);
}

// AddressSanitizer replaces the C library's allocator (freed blocks wait in its quarantine),
// so there is nothing of glibc's to give back in that build.
#if !defined(__SANITIZE_ADDRESS__)
TEST_CASE("resident memory: freed memory the allocator holds goes back to the system") {
    // 64 MB in blocks small enough to come from the heap, freed under a block that stays,
    // so the allocator cannot hand them back by itself.
    constexpr std::size_t kBlocks = 4096, kBlockBytes = 16 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks;
    for (std::size_t i = 0; i < kBlocks; ++i) {
        blocks.push_back(std::make_unique<char[]>(kBlockBytes));
        std::memset(blocks.back().get(), 1, kBlockBytes);  // resident, not just reserved
    }
    auto pin = std::make_unique<char[]>(kBlockBytes);
    const auto filled = residentSet();
    blocks.clear();
    const auto before = residentSet();
    releaseFreeMemory();
    const auto after = residentSet();
    REQUIRE(filled);
    REQUIRE(before);
    REQUIRE(after);
    // Freeing alone kept the blocks resident (the pin above them stops the heap's own trim),
    // so what goes next is releaseFreeMemory's doing.
    CHECK(filled->bytes - before->bytes < static_cast<std::int64_t>(kBlocks * kBlockBytes / 4));
    CHECK(before->bytes - after->bytes > static_cast<std::int64_t>(kBlocks * kBlockBytes / 2));
}

TEST_CASE("resident memory: the peak holds the most held since it was last reset") {
    constexpr std::size_t kBytes = 64 * 1024 * 1024;
    REQUIRE(resetPeakResident());
    {
        auto big = std::make_unique<char[]>(kBytes);
        std::memset(big.get(), 1, kBytes);
    }
    releaseFreeMemory();
    const auto freed = residentSet();
    REQUIRE(freed);
    CHECK(freed->peakBytes - freed->bytes > static_cast<std::int64_t>(kBytes / 2));  // gone but remembered
    REQUIRE(resetPeakResident());
    const auto afterReset = residentSet();
    REQUIRE(afterReset);
    CHECK(afterReset->peakBytes - freed->bytes < static_cast<std::int64_t>(kBytes / 4));  // forgotten once reset
}
#endif
