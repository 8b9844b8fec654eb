#!/usr/bin/env python3
"""Writes tests/fixtures/layouts/podcast-notes.md: the sample's pairs as a
bilingual Markdown episode page in the style of published podcast notes
(front matter, a table of contents, ## chapters, English paragraphs wrapped at
72 columns with a bold label, the Chinese paragraph after a label-only line).
Usage: scripts/make_layout_fixtures.py (from the repository root)."""
import textwrap

SAMPLE = "examples/unsupervised-learning-ep1.zh-en.txt"
OUT = "tests/fixtures/layouts/podcast-notes.md"

lines = [l.rstrip("\n") for l in open(SAMPLE, encoding="utf-8")]
body = lines[3:-1]  # header (3 lines) and footer (1 line) of the sample
pairs = [(body[i], body[i + 1]) for i in range(0, len(body) - 1, 2)]
# Left out: the sample's loose translations that `bitext check` reports on the
# sample itself (drifts across pairs 39/40 and 97/98, pair 76 at 180% of the
# expected length): this fixture is about the layout, and must be clean.
pairs = [p for k, p in enumerate(pairs, start=1) if k not in (39, 40, 76, 97, 98)]
speakers = [("Jacob Effron", "雅各布·埃弗龙"), ("Clem Delangue", "克莱姆·德朗格")]
chapters = ["Introduction", "Open source and Hugging Face", "Models and regulation"]
per_chapter = (len(pairs) + len(chapters) - 1) // len(chapters)

out = ["---", "title: Unsupervised Learning, episode 1", "date: 2023-05-01",
       "tags: [podcast, ai]", "source: https://example.invalid/episode-1", "---", "",
       "**Source:** [Unsupervised Learning](https://example.invalid/episode-1)", "",
       "![cover](cover.png)", "", "## Contents", ""]
out += [f"- [{c}](#{c.lower().replace(' ', '-')})" for c in chapters]
out.append("")
for k, (zh, en) in enumerate(pairs):
    if k % per_chapter == 0:
        out += [f"## {chapters[k // per_chapter]}", ""]
    name, chinese_name = speakers[k % 2]
    out += textwrap.wrap(f"**{name}:** {en}", width=72) + [""]
    out += [f"**{chinese_name}：**", zh, ""]
out += ["<!-- end of transcript -->", ""]
open(OUT, "w", encoding="utf-8").write("\n".join(out))
print(f"{OUT}: {len(pairs)} pairs")
