// Status and Result<T>: the error model of every fallible OmenDB function.
//
// A Status is either OK or an error carrying a PostgreSQL SQLSTATE (five characters, see
// sqlstate.h), a primary message, and an optional detail and hint, exactly the fields a
// pgwire ErrorResponse and an HTTP error body carry. Errors are values: they cross threads and
// coroutines without exceptions and are passed up with OMEN_RETURN_IF_ERROR and
// OMEN_ASSIGN_OR_RETURN. An OK Status costs one null pointer.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "common/sqlstate.h"

namespace omendb {

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(std::string_view sqlstate, std::string message, std::string detail = {},
         std::string hint = {});

  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status OK() { return Status(); }

  bool ok() const { return rep_ == nullptr; }
  // REQUIRES: !ok() for the accessors below; on OK they return "00000" and empty strings.
  std::string_view sqlstate() const;
  const std::string& message() const;
  const std::string& detail() const;
  const std::string& hint() const;
  // Byte offset (0-based) into the statement text where the error was found, if known.
  std::optional<int> position() const;

  Status& WithDetail(std::string detail);
  Status& WithHint(std::string hint);
  Status& WithPosition(int position);

  // "SQLSTATE: message" (plus detail), for logs and test failures.
  std::string ToString() const;

 private:
  struct Rep {
    char sqlstate[6];
    std::string message;
    std::string detail;
    std::string hint;
    std::optional<int> position;
  };
  std::unique_ptr<Rep> rep_;
};

// Shorthand constructors for the most common error classes.
Status NotSupported(std::string feature);  // 0A000 "<feature> is not supported"
Status InternalError(std::string message);  // XX000
Status IoError(std::string message);        // 58030

// Result<T> holds either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: REQUIRES !status.ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const& {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  Status status() && { return ok() ? Status() : std::move(std::get<Status>(v_)); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace omendb

#define OMEN_CONCAT_INNER_(a, b) a##b
#define OMEN_CONCAT_(a, b) OMEN_CONCAT_INNER_(a, b)

#define OMEN_RETURN_IF_ERROR(expr)                 \
  do {                                             \
    ::omendb::Status omen_status_ = (expr);        \
    if (!omen_status_.ok()) return omen_status_;   \
  } while (0)

#define OMEN_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return std::move(tmp).status();    \
  lhs = std::move(tmp).value()

// Declares a temporary: use it as a statement of its own (inside braces after an `if`).
#define OMEN_ASSIGN_OR_RETURN(lhs, expr) \
  OMEN_ASSIGN_OR_RETURN_IMPL_(OMEN_CONCAT_(omen_result_, __LINE__), lhs, expr)
