// A Latin lead carried into both lines of a pair (joined_lines.cpp): an
// address, an option, a command or an untranslated sentence that the Chinese
// line starts with as its English partner does ("https://lists.debian.org/…
// - 支持邮件列表" / "https://lists.debian.org/… - support mailing list", "-t, 会只
// 输出…" / "-t, which filters…").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "joined_lines.hpp"

namespace bitext::detail {

// The cut of an English-first line whose Chinese run starts with the Latin
// text that `partner` (the Chinese run's English partner) starts with: the
// start, before the line's first CJK character, that shares the longest
// beginning with the partner (at least its first token and three bytes, and
// eight where the token is small letters and digits only and follows no
// sentence end: "for the month" and "the value…" share "the " by chance), or
// nothing. Inside a word only where the lead starts with a capital or a sign
// ("ResultsIn this tab…", "netstat-t, 会只输出…").
std::optional<LanguageJoin> carried_lead_join(std::string_view line, std::string_view partner);

// Whether the text at `at` starts with the Latin token the line starts with (a
// list term: "-c, 不断刷新连接列表。-c, to continuously…", "@monthly：…;@monthly:
// once…"), as a whole token with a letter in it.
bool repeats_lead_at(std::string_view line, std::size_t at);

// The cut of a Chinese-first line that starts with an untranslated sentence
// and holds it again after its Han text ("See 第 12.2 节 “帮助”. This drop-down
// list… See Section 12.2, “Help”." after "This drop-down list…"): the English
// line starts as the Chinese one did. The repeat must cover the line's first
// three words (a sentence's start, not a name both lines quote) and follow a
// blank, a sentence end or a closing mark, with no CJK after it; the last
// such place, or nothing.
std::optional<LanguageJoin> repeated_opening_join(std::string_view line);

}  // namespace bitext::detail
