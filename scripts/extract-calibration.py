#!/usr/bin/env python3
"""Extracts zh-CN/en paragraph pairs from Debian 12 documentation packages whose
Chinese HTML is built from the English one by po4a/xml2po (same DocBook
structure, paragraphs translated 1-1). Writes data/calibration/*.tsv as
`zh<TAB>en<TAB>source`, in document order, and a held-out split (see
data/calibration/README.md).

Usage: scripts/extract-calibration.py [--download] [WORKDIR]
  --download  fetch the .deb files with `apt-get download` into WORKDIR first
WORKDIR defaults to /tmp/bitext-calibration. Needs only python3 and dpkg-deb.
"""
import difflib
import html.parser
import os
import re
import subprocess
import sys

PACKAGES = ["debian-edu-doc-en", "debian-edu-doc-zh-cn", "gimp-help-en", "gimp-help-zh-cn",
            "debian-handbook"]

# (name, English HTML files, Chinese HTML files); paths relative to the extracted root.
def documents(root):
    edu = "usr/share/doc/debian-edu-doc-{}/debian-edu-bookworm-manual.html"
    yield ("debian-edu-bookworm-manual", [os.path.join(root, edu.format("en"))],
           [os.path.join(root, edu.format("zh-cn"))])
    hb = os.path.join(root, "usr/share/doc/debian-handbook/html")
    if os.path.isdir(hb):
        for f in sorted(os.listdir(os.path.join(hb, "en-US"))):
            zh = os.path.join(hb, "zh-CN", f)
            if f.endswith(".html") and os.path.exists(zh):
                yield ("debian-handbook:" + f, [os.path.join(hb, "en-US", f)], [zh])
    gimp = os.path.join(root, "usr/share/gimp/2.0/help")
    if os.path.isdir(gimp):
        for f in sorted(os.listdir(os.path.join(gimp, "en"))):
            zh = os.path.join(gimp, "zh_CN", f)
            if f.endswith(".html") and os.path.exists(zh):
                yield ("gimp-help:" + f, [os.path.join(gimp, "en", f)], [zh])


BLOCKS = {"p", "li", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "title", "pre", "caption"}
SKIPPED_DIVS = {"navheader", "navfooter", "toc", "list-of-figures", "list-of-tables", "index",
                "list-of-examples", "legalnotice"}


class Blocks(html.parser.HTMLParser):
    """Text of innermost block elements in order, each with a structural signature."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []        # (tag, class)
        self.skip_depth = 0
        self.open = []         # indices into self.blocks for open block elements
        self.blocks = []       # [signature, text, has_inner_block]

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "meta", "link", "col", "area", "input"):
            return
        cls = dict(attrs).get("class") or ""
        self.stack.append((tag, cls))
        if tag in ("div", "table") and cls.split() and cls.split()[0] in SKIPPED_DIVS:
            self.skip_depth += 1
            self.stack[-1] = (tag, cls, "skip")
        if tag in ("script", "style", "head"):
            self.skip_depth += 1
            self.stack[-1] = (tag, cls, "skip")
        if tag in BLOCKS and not self.skip_depth:
            for i in self.open:
                self.blocks[i][2] = True
            sig = "/".join(t + "." + c.split()[0] if c.split() else t for t, c, *_ in self.stack[-4:])
            self.blocks.append([sig, "", False])
            self.open.append(len(self.blocks) - 1)

    def handle_endtag(self, tag):
        if not self.stack or tag not in [s[0] for s in self.stack]:
            return
        while self.stack:
            entry = self.stack.pop()
            if len(entry) == 3:
                self.skip_depth -= 1
            if entry[0] in BLOCKS and self.open and not self.skip_depth:
                self.open.pop()
            if entry[0] == tag:
                break

    def handle_data(self, data):
        if self.skip_depth:
            return
        for i in self.open:
            self.blocks[i][1] += data


def read_blocks(paths):
    out = []
    for path in paths:
        parser = Blocks()
        with open(path, encoding="utf-8", errors="replace") as f:
            parser.feed(f.read())
        for sig, text, inner in parser.blocks:
            text = re.sub(r"\s+", " ", text).strip()
            if text and not inner:
                out.append((sig, text))
    return out


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def keep(zh, en):
    if not HAN.search(zh) or HAN.search(en):
        return False
    if zh == en or len(re.findall(r"[A-Za-z]", en)) < 2:
        return False
    # An untranslated caption ("图 15.82. “Save Error Log to file” Dialog window") is no
    # translation: few Han characters and most of the English letters kept.
    latin = lambda t: len(re.findall(r"[A-Za-z]", t))
    if len(HAN.findall(zh)) <= 3 and latin(zh) >= 0.6 * latin(en):
        return False
    return "\t" not in zh + en


def pairs(en_paths, zh_paths):
    en, zh = read_blocks(en_paths), read_blocks(zh_paths)
    matcher = difflib.SequenceMatcher(None, [s for s, _ in en], [s for s, _ in zh], autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            if keep(zh[b + k][1], en[a + k][1]):
                yield zh[b + k][1], en[a + k][1]


# Held out of all tuning: whole documents, chosen by name before looking at any figure.
def held_out(source):
    return source.startswith("gimp-help:gimp-tool-") or re.match(r"debian-handbook:sect\.[a-h]", source)


def main(argv):
    download = "--download" in argv
    args = [a for a in argv if not a.startswith("--")]
    work = args[0] if args else "/tmp/bitext-calibration"
    os.makedirs(work, exist_ok=True)
    if download:
        subprocess.run(["apt-get", "download", *PACKAGES], cwd=work, check=True)
    root = os.path.join(work, "root")
    os.makedirs(root, exist_ok=True)
    for deb in sorted(os.listdir(work)):
        if deb.endswith(".deb") and deb.split("_")[0] in PACKAGES:
            subprocess.run(["dpkg-deb", "-x", os.path.join(work, deb), root], check=True)
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = os.path.join(here, "..", "data", "calibration")
    seen = set()
    counts = {"tuning": 0, "heldout": 0}
    with open(os.path.join(out_dir, "debian-docs.zh-en.tsv"), "w", encoding="utf-8") as tune, \
         open(os.path.join(out_dir, "debian-docs-heldout.zh-en.tsv"), "w", encoding="utf-8") as hold:
        for name, en_paths, zh_paths in documents(root):
            if not all(os.path.exists(p) for p in en_paths + zh_paths):
                print("missing:", name, file=sys.stderr)
                continue
            split = "heldout" if held_out(name) else "tuning"
            for zh, en in pairs(en_paths, zh_paths):
                if (zh, en) in seen:
                    continue
                seen.add((zh, en))
                (hold if split == "heldout" else tune).write(f"{zh}\t{en}\t{name}\n")
                counts[split] += 1
    print(counts)


if __name__ == "__main__":
    main(sys.argv[1:])
