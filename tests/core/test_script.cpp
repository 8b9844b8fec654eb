#include <doctest/doctest.h>

#include "bitext/script.hpp"

using bitext::Script;
using bitext::classify_script;

TEST_CASE("single-script lines") {
  const auto zh = classify_script("这里是中文");
  CHECK(zh.dominant == Script::Han);
  CHECK(zh.letters == 5);
  CHECK(zh.secondary == Script::None);
  CHECK_FALSE(zh.mixed);

  const auto en = classify_script("Hello, world!");
  CHECK(en.dominant == Script::Latin);
  CHECK(en.letters == 10);

  CHECK(classify_script("안녕하세요").dominant == Script::Hangul);
  CHECK(classify_script("Привет мир").dominant == Script::Cyrillic);
  CHECK(classify_script("Привет мир").letters == 9);
  CHECK(classify_script("Καλημέρα").dominant == Script::Greek);
  CHECK(classify_script("Καλημέρα").letters == 8);
  CHECK(classify_script("مرحبا").dominant == Script::Arabic);
  CHECK(classify_script("שלום").dominant == Script::Hebrew);
  CHECK(classify_script("สวัสดี").dominant == Script::Thai);
  CHECK(classify_script("नमस्ते").dominant == Script::Devanagari);
}

TEST_CASE("Japanese: kana with Han") {
  const auto ja = classify_script("これは日本語です");  // 5 kana + 3 Han
  CHECK(ja.dominant == Script::Japanese);
  CHECK(ja.letters == 8);
  CHECK(ja.dominant_letters == 8);
  CHECK_FALSE(ja.mixed);
}

TEST_CASE("Common and Inherited characters do not count") {
  const auto none = classify_script("123, 4.5% — 🤗!? ");
  CHECK(none.dominant == Script::None);
  CHECK(none.letters == 0);
  CHECK_FALSE(none.mixed);
  const auto accented = classify_script("e\xCC\x81");  // e + combining acute
  CHECK(accented.dominant == Script::Latin);
  CHECK(accented.letters == 1);
  CHECK(classify_script("").dominant == Script::None);
}

TEST_CASE("majority decides, CJK weighted, mixed remembered") {
  // 16 Han letters against 11 Latin letters (Hugging Face): Chinese, not mixed.
  const auto line = classify_script("Hugging Face还在此基础上提供了一系列托管服务。");
  CHECK(line.dominant == Script::Han);
  CHECK(line.dominant_letters == 16);
  CHECK(line.secondary == Script::Latin);
  CHECK(line.secondary_letters == 11);
  CHECK_FALSE(line.mixed);

  // The sample's footer line: 4 Han, 4 Latin letters.
  const auto footer = classify_script("关于 Bayt 播客");
  CHECK(footer.dominant == Script::Han);
  CHECK(footer.secondary == Script::Latin);
  CHECK(footer.mixed);

  // An English line with one Chinese word stays English and is not mixed.
  const auto en = classify_script("The word for hug is 拥抱 in Chinese, they told me.");
  CHECK(en.dominant == Script::Latin);
  CHECK(en.secondary == Script::Han);
  CHECK_FALSE(en.mixed);
}

TEST_CASE("invalid UTF-8 is skipped, not fatal") {
  const auto line = classify_script("ab\xFF\xE4\xB8");
  CHECK(line.dominant == Script::Latin);
  CHECK(line.letters == 2);
}

TEST_CASE("script names") {
  CHECK(bitext::script_name(Script::Han) == "han");
  CHECK(bitext::script_name(Script::Latin) == "latin");
  CHECK(bitext::script_name(Script::None) == "none");
}
