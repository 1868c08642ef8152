// SQL LIKE / ILIKE pattern matching with PostgreSQL's rules: '%' matches any sequence, '_'
// one character (UTF-8 aware), the escape character makes the next character literal.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace omendb::sql {

// The escape character of "ESCAPE e": nullopt for '' (no escape). Errors 22025 if `e` is
// longer than one character.
Result<std::optional<std::string_view>> LikeEscape(std::string_view e);

// Whether `text` matches `pattern`. `escape` is one UTF-8 character or none; ILIKE folds ASCII
// letters (collation "C"). Errors 22025 when the pattern ends with the escape character.
Result<bool> LikeMatch(std::string_view text, std::string_view pattern,
                       std::optional<std::string_view> escape, bool case_insensitive);

// One pattern prepared for matching many texts, with LikeMatch's results and errors. Patterns
// of literal characters with '%' only at the start and/or the end (equality, prefix, suffix,
// substring) are matched by direct comparison; the others through LikeMatch.
class LikeMatcher {
 public:
  LikeMatcher(std::string pattern, std::optional<std::string_view> escape, bool case_insensitive);
  Result<bool> Matches(std::string_view text) const;

 private:
  enum class Shape { kGeneral, kEquals, kPrefix, kSuffix, kContains };
  std::string pattern_;
  std::optional<std::string> escape_;
  bool case_insensitive_;
  Shape shape_ = Shape::kGeneral;
  std::string literal_;  // the pattern without its leading and trailing '%'
};

}  // namespace omendb::sql
