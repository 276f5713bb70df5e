#include <doctest/doctest.h>

#include <fstream>

#include "files/bounded_read.h"
#include "media/media_test_files.h"

using namespace vitrine;

TEST_CASE("bounded read: a file over the limit is read no further than one byte past it") {
    test::TempDir dir;
    const auto file = dir / "big.txt";
    std::ofstream(file, std::ios::binary) << std::string(300'000, 'x');
    auto over = readFileUpTo(file, 100'000);
    REQUIRE(over);
    CHECK(over->size() == 100'001);
    auto whole = readFileUpTo(file, 300'000);
    REQUIRE(whole);
    CHECK(whole->size() == 300'000);
    CHECK_FALSE(readFileUpTo(dir / "missing.txt", 10));
    CHECK_FALSE(readFileUpTo(dir.path(), 10));  // a folder is not a file
}

TEST_CASE("bounded read: too large is one error at the line where the limit falls") {
    Diagnostics d;
    CHECK_FALSE(refuseTooLarge("ab\ncd", "f.txt", 5, "test file", d));
    CHECK(d.empty());
    CHECK(refuseTooLarge("ab\ncd\nef\n", "f.txt", 7, "test file", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "file-too-large");
    CHECK(d.all()[0].where.file == "f.txt");
    CHECK(d.all()[0].where.line == 3);  // byte 7 ('f') is on line 3
    CHECK(d.all()[0].message == "this test file is larger than 7 bytes, the most Vitrine reads of one; none of it is read");
}
