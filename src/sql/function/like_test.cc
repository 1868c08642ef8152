#include "sql/function/like.h"

#include <gtest/gtest.h>

namespace omendb::sql {
namespace {

// LIKE with the default escape character, backslash.
bool Like(std::string_view s, std::string_view p, bool ci = false) {
  auto esc = LikeEscape(R"(\)");
  EXPECT_TRUE(esc.ok());
  auto m = LikeMatch(s, p, *esc, ci);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return m.ok() && *m;
}

TEST(LikeTest, Wildcards) {
  EXPECT_TRUE(Like("abc", "abc"));
  EXPECT_TRUE(Like("abc", "a%"));
  EXPECT_TRUE(Like("abc", "%c"));
  EXPECT_TRUE(Like("abc", "%b%"));
  EXPECT_TRUE(Like("abc", "a_c"));
  EXPECT_TRUE(Like("", "%"));
  EXPECT_TRUE(Like("aaa", "%a%a%a%"));
  EXPECT_FALSE(Like("aa", "%a%a%a%"));
  EXPECT_FALSE(Like("abc", "ab"));
  EXPECT_FALSE(Like("ab", "abc"));
  EXPECT_FALSE(Like("", "_"));
  EXPECT_TRUE(Like("mississippi", "%iss%ppi"));
  EXPECT_FALSE(Like("mississippi", "%iss%ppx"));
}

TEST(LikeTest, Utf8UnderscoreIsOneCharacter) {
  EXPECT_TRUE(Like("h\xc3\xa9llo", "h_llo"));
  EXPECT_FALSE(Like("h\xc3\xa9llo", "h__llo"));
}

TEST(LikeTest, EscapesAndCase) {
  EXPECT_TRUE(Like("50%", R"(50\%)"));
  EXPECT_FALSE(Like("500", R"(50\%)"));
  EXPECT_TRUE(Like("a_b", R"(a\_b)"));
  EXPECT_FALSE(Like("axb", R"(a\_b)"));
  EXPECT_TRUE(Like(R"(a\b)", R"(a\\b)"));
  EXPECT_TRUE(Like("ABC", "a%c", true));
  EXPECT_FALSE(Like("ABC", "a%c", false));
  // A trailing escape is an error only when text remains to be matched (as in PostgreSQL).
  EXPECT_EQ(LikeMatch("ab", R"(a\)", std::string_view(R"(\)"), false).status().sqlstate(), "22025");
  EXPECT_FALSE(Like("a", R"(a\)"));
  EXPECT_EQ(LikeEscape("ab").status().sqlstate(), "22025");
  EXPECT_FALSE(LikeEscape("")->has_value());
  EXPECT_TRUE(*LikeMatch(R"(a\b)", R"(a\b)", std::nullopt, false));
  EXPECT_TRUE(*LikeMatch("a#%", "a##%", std::string_view("#"), false));
  EXPECT_TRUE(*LikeMatch("a#x", "a##_", std::string_view("#"), false));
}

TEST(LikeTest, PreparedMatcherAgreesWithLikeMatch) {
  const std::vector<std::string> patterns = {
      "", "%", "%%", "abc", "ab%", "%bc", "%b%", "a%%", "%%c", "a%c", "a_c", R"(a\%)", R"(a\_%)",
      "ÄÖ%", "%é", "%b%c%", "abcd"};
  const std::vector<std::string> texts = {"", "a", "abc", "ab", "abcabc", "xbx", "a%", "a_",
                                          R"(a\)", "ÄÖÜ", "café", "bc", "ABC"};
  for (std::optional<std::string_view> escape :
       {std::optional<std::string_view>(R"(\)"), std::optional<std::string_view>(),
        std::optional<std::string_view>("b")}) {
    for (bool ci : {false, true}) {
      for (const std::string& p : patterns) {
        LikeMatcher matcher(p, escape, ci);
        for (const std::string& t : texts) {
          Result<bool> want = LikeMatch(t, p, escape, ci);
          Result<bool> got = matcher.Matches(t);
          ASSERT_EQ(want.ok(), got.ok()) << p << " " << t;
          if (want.ok()) {
            EXPECT_EQ(*want, *got) << "'" << t << "' LIKE '" << p << "' ci " << ci;
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace omendb::sql
