#include "model/deadline.hpp"

#include <utility>  // move

#include <fmt/format.h>

#include "colreflow/colreflow.hpp"

namespace colreflow::detail {
namespace {

thread_local deadline_scope *t_current = nullptr;

}  // namespace

deadline_scope::deadline_scope(unsigned millis, std::string source_name)
    : end_(std::chrono::steady_clock::now() + std::chrono::milliseconds(millis)),
      millis_(millis),
      source_name_(std::move(source_name)),
      outer_(t_current) {
  t_current = this;
}

deadline_scope::~deadline_scope() { t_current = outer_; }

void check_deadline(const char *stage) {
  const deadline_scope *d = t_current;
  if (d == nullptr || d->millis_ == 0) return;
  if (std::chrono::steady_clock::now() < d->end_) return;
  throw colreflow::error(
      status::limit, fmt::format("{}: repairing the page took longer than the limit of {} ms "
                                 "(stopped during {})",
                                 d->source_name_, d->millis_, stage));
}

long long deadline_left_millis() {
  const deadline_scope *d = t_current;
  if (d == nullptr || d->millis_ == 0) return -1;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      d->end_ - std::chrono::steady_clock::now());
  return left.count() > 0 ? left.count() : 0;
}

}  // namespace colreflow::detail
