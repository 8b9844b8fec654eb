#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace bitext::detail {

// What pairing works out from line texts alone (sentence spans; the text
// evidence of a split candidate), kept from one analysis of a document to the
// next. A server edit changes a line or two, yet every rerun solves the
// pairing over the whole document again; on a document where many lines lack
// a partner, pricing the split candidates (number scans, ICU sentence
// breaking) was most of a keystroke's cost. Entries are keyed by the texts
// themselves, so a hit is the very value a fresh computation would give.
// Sized by need: begin_run() drops the entries that the last run did not
// use, so the memo holds what one run needs plus what the next adds.
template <class Value>
class RunMemo {
 public:
  void begin_run() {
    std::erase_if(entries_, [this](const auto& entry) { return entry.second.run != run_; });
    ++run_;
  }

  // The key is built in key() (a buffer reused between lookups), then looked up.
  std::string& key() {
    key_.clear();
    return key_;
  }

  std::optional<Value> find() {
    const auto found = entries_.find(key_);
    if (found == entries_.end()) return std::nullopt;
    found->second.run = run_;
    return found->second.value;
  }

  void put(const Value& value) { entries_.insert_or_assign(key_, Entry{value, run_}); }

 private:
  struct Entry {
    Value value;
    unsigned run = 0;
  };
  std::unordered_map<std::string, Entry> entries_;
  unsigned run_ = 0;
  std::string key_;
};

}  // namespace bitext::detail
