#include "sql/function/like.h"

#include "sql/function/text_case.h"

namespace omendb::sql {
namespace {

size_t CharLen(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

// Whether characters a and b (one UTF-8 character each) are equal; ILIKE compares their
// lower-case forms.
bool SameChar(std::string_view a, std::string_view b, bool ci) {
  if (!ci) return a == b;
  size_t la, lb;
  return FoldedCharAt(a, 0, &la) == FoldedCharAt(b, 0, &lb);
}

}  // namespace

Result<std::optional<std::string_view>> LikeEscape(std::string_view e) {
  if (e.empty()) return std::optional<std::string_view>();
  if (CharLen(e, 0) != e.size()) {
    return Status("22025", "invalid escape string", "",
                  "Escape string must be empty or one character.");
  }
  return std::optional<std::string_view>(e);
}

Result<bool> LikeMatch(std::string_view s, std::string_view p,
                       std::optional<std::string_view> escape, bool ci) {
  // Greedy matching with backtracking to the last '%' (linear for patterns without '%').
  size_t si = 0, pi = 0;
  size_t star_p = std::string_view::npos, star_s = 0;
  while (si < s.size()) {
    bool matched = false;
    if (pi < p.size()) {
      size_t plen = CharLen(p, pi);
      std::string_view pc = p.substr(pi, plen);
      if (escape && pc == *escape) {
        if (pi + plen >= p.size()) {
          return Status("22025", "LIKE pattern must not end with escape character");
        }
        size_t lit_len = CharLen(p, pi + plen);
        size_t slen = CharLen(s, si);
        if (SameChar(s.substr(si, slen), p.substr(pi + plen, lit_len), ci)) {
          si += slen;
          pi += plen + lit_len;
          matched = true;
        }
      } else if (pc == "%") {
        star_p = pi++;
        star_s = si;
        continue;
      } else if (pc == "_") {
        si += CharLen(s, si);
        pi += plen;
        matched = true;
      } else {
        size_t slen = CharLen(s, si);
        if (SameChar(s.substr(si, slen), pc, ci)) {
          si += slen;
          pi += plen;
          matched = true;
        }
      }
    }
    if (matched) continue;
    if (star_p == std::string_view::npos) return false;
    pi = star_p + 1;
    star_s += CharLen(s, star_s);
    si = star_s;
  }
  // Text exhausted: only '%'s may remain. (PostgreSQL reports a trailing escape only when it
  // meets it while text remains; otherwise the match simply fails.)
  while (pi < p.size() && p[pi] == '%') ++pi;
  return pi == p.size();
}

LikeMatcher::LikeMatcher(std::string pattern, std::optional<std::string_view> escape,
                         bool case_insensitive)
    : pattern_(std::move(pattern)), case_insensitive_(case_insensitive) {
  if (escape) escape_ = std::string(*escape);
  if (case_insensitive_) return;
  const std::string_view p = pattern_;
  if (p.find('_') != std::string_view::npos) return;
  if (escape_ && !escape_->empty() && p.find(*escape_) != std::string_view::npos) return;
  size_t begin = 0, end = p.size();
  while (begin < end && p[begin] == '%') ++begin;
  while (end > begin && p[end - 1] == '%') --end;
  const std::string_view middle = p.substr(begin, end - begin);
  if (middle.find('%') != std::string_view::npos) return;
  literal_ = std::string(middle);
  const bool leading = begin > 0, trailing = end < p.size();
  shape_ = leading && trailing ? Shape::kContains
           : leading           ? Shape::kSuffix
           : trailing          ? Shape::kPrefix
                               : Shape::kEquals;
}

Result<bool> LikeMatcher::Matches(std::string_view text) const {
  switch (shape_) {
    case Shape::kEquals: return text == literal_;
    case Shape::kPrefix: return text.starts_with(literal_);
    case Shape::kSuffix: return text.ends_with(literal_);
    case Shape::kContains: return text.find(literal_) != std::string_view::npos;
    case Shape::kGeneral: break;
  }
  std::optional<std::string_view> escape;
  if (escape_) escape = *escape_;
  return LikeMatch(text, pattern_, escape, case_insensitive_);
}

}  // namespace omendb::sql
