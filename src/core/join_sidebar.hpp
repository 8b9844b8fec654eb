// A sidebar's title (joined_lines.cpp): the Debian handbook's boxes, and
// notices like them, start their title with a label in both languages, in
// capitals in English ("CULTURE The symbols table", "GOING FURTHER Mass
// virtualization") and as a short word set apart by a blank in Chinese ("文化
// 符号表", "进阶 大规模虚拟化").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace bitext::detail {

// Bytes of the English label the text starts with: one to three words of
// capitals only (two letters at least each, three in all), then a blank and a word with a small
// letter (the title); 0 otherwise. An initialism before a title ("LVM Snapshots")
// has the same shape: the caller asks for the Chinese label too.
std::size_t sidebar_label(std::string_view english);

// Bytes of the Chinese label the text starts with, its blank included: two to
// four Han characters, then a blank (Chinese prose sets no blank between its
// words), then the title; 0 otherwise. Without a title after it the label is a
// verb before a term ("安装 GRUB Legacy"), not a sidebar's.
std::size_t han_label(std::string_view chinese);

// Where an English label starts in the line's Latin tail (from `tail_begin`,
// after its last CJK character): the first word start of the tail that
// sidebar_label accepts ("其他 用 systemd 仿真 cron ALTERNATIVE Emulating cron…").
std::optional<std::size_t> sidebar_label_in(std::string_view line, std::size_t tail_begin);

}  // namespace bitext::detail
