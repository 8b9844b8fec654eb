#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "bitext/length.hpp"
#include "bitext/mixed_length.hpp"

using bitext::mixed_lengths;

TEST_CASE("carried Latin text is taken out of both lines") {
  const auto m = mixed_lengths("参见 smartd(8) 的手册。", "See the manual of smartd(8).");
  CHECK(m.latin_runs == 1);
  CHECK(m.carried_runs == 1);
  CHECK(m.carried == 9.0);  // "smartd(8)"
  // 参见的手册: 5 Han characters; the Latin letters and digit are gone.
  CHECK(m.translation == doctest::Approx(5.0));
  // "See the manual of smartd(8)." has 28 characters; 9 are carried.
  CHECK(m.original == doctest::Approx(19.0));
  CHECK(m.glossed == 0.0);
}

TEST_CASE("Latin text the English does not have stays Latin text of the Chinese line") {
  const auto m = mixed_lengths("运行 foo 命令", "Run the command");
  CHECK(m.carried_runs == 0);
  CHECK(m.carried == 0.0);
  CHECK(m.translation == doctest::Approx(4 + 3 * bitext::kLatinInCjkWeight));
  CHECK(m.original == doctest::Approx(15.0));
  // A piece inside a longer English word is not carried: "ls" in "tools".
  CHECK(mixed_lengths("ls 工具", "tools").carried == 0.0);
  // Case does not matter: "Apt" carries "APT".
  CHECK(mixed_lengths("使用 APT", "using Apt").carried == 3.0);
}

TEST_CASE("a term given twice counts once") {
  // LVM（逻辑卷管理）against "LVM": the Chinese gloss has no counterpart.
  const auto glossed = mixed_lengths("12.1.2. LVM（逻辑卷管理）", "12.1.2. LVM");
  CHECK(glossed.glossed == 5.0);
  CHECK(glossed.carried == 11.0);  // "12.1.2." and "LVM" with the space between them
  CHECK(glossed.translation == doctest::Approx(0.0));
  CHECK(glossed.original == doctest::Approx(0.0));
  // ... unless the English glosses it too: babl (像素格式转换库) against babl (pixel format ...).
  CHECK(mixed_lengths("babl (像素格式转换库)", "babl (pixel format translation library)").glossed == 0.0);
  // 守护进程（daemon）against "Daemons": the translation answers the English word, the Latin copy is extra.
  const auto translated = mixed_lengths("后台守护进程（daemon）", "Daemons");
  CHECK(translated.carried == 0.0);
  CHECK(translated.original == doctest::Approx(7.0));
  CHECK(translated.translation == doctest::Approx(6.0));
}

TEST_CASE("the residual of the translated parts") {
  const bitext::LengthRatioModel model{4.0, 8.0};
  bitext::MixedLengths m;
  m.translation = 10;
  m.original = 40;
  CHECK(bitext::mixed_length_delta(m, model) == 0.0);
  m.original = 50;
  // m = (10 + 50/4)/2 = 11.25; δ = 10 / √(8 · 11.25) = 10 / √90
  CHECK(bitext::mixed_length_delta(m, model) == doctest::Approx(10 / std::sqrt(90.0)));
  m.carried = 40;  // carried text widens the spread a little
  CHECK(bitext::mixed_length_delta(m, model) ==
        doctest::Approx(10 / std::sqrt(90.0 + bitext::kCarriedVariancePerCharacter * 40)));
  CHECK(bitext::mixed_length_delta(bitext::MixedLengths{}, model) == 0.0);
}
