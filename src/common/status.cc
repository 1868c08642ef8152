#include "common/status.h"

#include <cstring>

namespace omendb {

Status::Status(std::string_view sqlstate, std::string message, std::string detail,
               std::string hint)
    : rep_(std::make_unique<Rep>()) {
  std::memset(rep_->sqlstate, 0, sizeof(rep_->sqlstate));
  std::memcpy(rep_->sqlstate, sqlstate.data(), std::min<size_t>(sqlstate.size(), 5));
  rep_->message = std::move(message);
  rep_->detail = std::move(detail);
  rep_->hint = std::move(hint);
}

Status::Status(const Status& other)
    : rep_(other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) rep_ = other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr;
  return *this;
}

namespace {
const std::string& EmptyString() {
  static const std::string kEmpty;
  return kEmpty;
}
}  // namespace

std::string_view Status::sqlstate() const {
  return rep_ ? std::string_view(rep_->sqlstate) : std::string_view(sqlstate::kSuccessfulCompletion);
}
const std::string& Status::message() const { return rep_ ? rep_->message : EmptyString(); }
const std::string& Status::detail() const { return rep_ ? rep_->detail : EmptyString(); }
const std::string& Status::hint() const { return rep_ ? rep_->hint : EmptyString(); }
std::optional<int> Status::position() const {
  return rep_ ? rep_->position : std::nullopt;
}

Status& Status::WithDetail(std::string detail) {
  if (rep_) rep_->detail = std::move(detail);
  return *this;
}
Status& Status::WithHint(std::string hint) {
  if (rep_) rep_->hint = std::move(hint);
  return *this;
}
Status& Status::WithPosition(int position) {
  if (rep_) rep_->position = position;
  return *this;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string s = std::string(sqlstate()) + ": " + message();
  if (!detail().empty()) s += " (DETAIL: " + detail() + ")";
  return s;
}

Status NotSupported(std::string feature) {
  return Status(sqlstate::kFeatureNotSupported, std::move(feature) + " is not supported");
}
Status InternalError(std::string message) {
  return Status(sqlstate::kInternalError, std::move(message));
}
Status IoError(std::string message) { return Status(sqlstate::kIoError, std::move(message)); }

}  // namespace omendb
