// Unicode case mapping as PostgreSQL's lower(), upper() and ILIKE do it in a UTF-8 database
// (character by character, like libc's towlower/towupper: 'ß' has no one-character upper case
// and stays 'ß').
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace omendb::sql {

// `s` with every character mapped to upper (or lower) case; bytes that are not valid UTF-8 are
// kept as they are.
std::string CaseMap(std::string_view s, bool upper);

// The UTF-8 character at s[i] (its length in *len, at least 1) folded to lower case, for
// case-insensitive comparison; an invalid byte folds to itself (negated, so that it never
// equals a code point).
int32_t FoldedCharAt(std::string_view s, size_t i, size_t* len);

}  // namespace omendb::sql
