#include "sql/function/text_case.h"

#include <utf8proc.h>

namespace omendb::sql {

int32_t FoldedCharAt(std::string_view s, size_t i, size_t* len) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    *len = 1;
    return -static_cast<int32_t>(static_cast<unsigned char>(s[i])) - 1;
  }
  *len = static_cast<size_t>(n);
  return utf8proc_tolower(cp);
}

std::string CaseMap(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII: the common case
      if (upper && c >= 'a' && c <= 'z') c = static_cast<unsigned char>(c - 'a' + 'A');
      if (!upper && c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      out.push_back(s[i]);
      ++i;
      continue;
    }
    utf8proc_int32_t mapped = upper ? (cp == 0xDF ? cp : utf8proc_toupper(cp)) : utf8proc_tolower(cp);
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t w = utf8proc_encode_char(mapped, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(w));
    i += static_cast<size_t>(n);
  }
  return out;
}

}  // namespace omendb::sql
