#!/usr/bin/env python3
"""Loads pages written by `bitext report` in headless Chromium (--dump-dom, so
the DOM is read after the page's own script has run) and checks what a reader
would see: the pair count, every finding of `bitext check --format json` on
its pair, the colour strip, the file index of a directory, and hostile text
shown as text. Usage: report_dom_test.py BITEXT SOURCE_DIR. Fails (never
skips) when chromium is missing."""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

bitext, source = sys.argv[1], sys.argv[2]
sample = os.path.join(source, "examples", "unsupervised-learning-ep1.zh-en.txt")
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], ""

    def classes(self):
        return self.attrs.get("class", "").split()

    def all_text(self):
        return self.text + "".join(child.all_text() + child.tail for child in self.children)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class TreeBuilder(html.parser.HTMLParser):
    VOID = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.root.tail = ""
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        node.tail = ""
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        if self.current.children:
            self.current.children[-1].tail += data
        else:
            self.current.text += data


def select(root, tag=None, cls=None, **attrs):
    return [n for n in root.walk()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]


def dump_dom(path, fragment=""):
    profile = tempfile.mkdtemp(prefix="bitext-report-chromium.")
    try:
        result = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--dump-dom",
             "file://" + path + fragment],
            capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if result.returncode != 0 or "<body" not in result.stdout:
        print(result.stderr[-2000:], file=sys.stderr)
        sys.exit("report_dom: chromium could not load " + path)
    builder = TreeBuilder()
    builder.feed(result.stdout)
    return builder.root


if shutil.which("chromium") is None:
    sys.exit("report_dom: FAIL: chromium is missing: run 'scripts/setup.sh --e2e'")

work = tempfile.mkdtemp(prefix="bitext-report-dom.")
try:
    # --- the sample ------------------------------------------------------
    page = os.path.join(work, "sample.html")
    subprocess.run([bitext, "report", sample, "-o", page], check=True)
    with open(page, encoding="utf-8") as f:
        text = f.read()
    check(re.search(r"https?:|\ssrc=|<link|url\(|@import", text) is None, "the page refers to nothing outside itself")
    diagnostics = json.loads(subprocess.run([bitext, "check", "--format", "json", sample],
                                            capture_output=True, text=True).stdout)[0]["diagnostics"]

    dom = dump_dom(page, "#f1-pair-10")
    body = select(dom, "body")[0]
    check(body.attrs.get("data-ready") == "true", "the page's script ran to its end (body data-ready)")
    check(select(dom, "dd", "pair-count")[0].all_text() == "117", "the header says 117 pairs")
    pairs = select(dom, "article", "pair")
    check(len(pairs) == 117, f"117 pairs on the page, found {len(pairs)}")
    check([p.attrs["data-pair"] for p in pairs] == [str(i) for i in range(1, 118)], "pairs in order 1..117")
    check(pairs[0].attrs["data-first-line"] == "3" and pairs[0].attrs["data-last-line"] == "4",
          "pair 1 is on lines 4-5 (0-based 3-4)")
    first_sides = [n.all_text() for n in select(pairs[0], "p", "line")]
    with open(sample, encoding="utf-8") as f:
        sample_lines = f.read().split("\n")
    check(first_sides == ["4" + sample_lines[3], "5" + sample_lines[4]],
          "pair 1 shows its translation and its original, each with its line number")

    cells = select(dom, "a", "cell")
    check(len(cells) == 117, f"117 strip cells, found {len(cells)}")
    colours = [re.fullmatch(r"background:\s*hsl\((\d+),\s*70%,\s*42%\);?", c.attrs.get("style", "")) for c in cells]
    check(all(colours), "every strip cell is coloured by its score")
    hues = [int(m.group(1)) for m in colours if m]
    scores = [float(c.attrs["data-score"]) for c in cells]
    check(all(abs(h - round(120 * s)) <= 1 for h, s in zip(hues, scores)), "each cell's hue is 120 x its score")
    check(len(set(hues)) > 1, "the strip is not one colour")
    check(all(c.attrs["href"] == f"#f1-pair-{i}" for i, c in enumerate(cells, 1)), "each cell jumps to its pair")
    current = [p.attrs["data-pair"] for p in pairs if "current" in p.classes()]
    check(current == ["10"], f"the pair named in the URL is marked by the script, got {current}")
    check([c.attrs["data-pair"] for c in cells if "current" in c.classes()] == ["10"], "and its strip cell")

    findings = select(dom, "li", "finding")
    check(len(findings) == len(diagnostics), f"{len(diagnostics)} findings shown, found {len(findings)}")
    for finding, diagnostic in zip(findings, diagnostics):
        line = diagnostic["range"]["start"]["line"]
        severity = {1: "error", 2: "warning", 3: "info", 4: "hint"}[diagnostic["severity"]]
        check(finding.attrs.get("data-code") == diagnostic["code"] and finding.attrs.get("data-line") == str(line)
              and finding.attrs.get("data-severity") == severity and "hidden" not in finding.attrs,
              f"finding {diagnostic['code']} on line {line + 1} shown with severity {severity}")
        message = select(finding, "span", "message")[0].all_text()
        check(message == diagnostic["message"], f"message of {diagnostic['code']} on line {line + 1}")
        pair = finding.parent.parent
        check(pair.tag == "article" and int(pair.attrs["data-first-line"]) <= line <= int(pair.attrs["data-last-line"]),
              f"finding on line {line + 1} is shown on its pair")
    rows = select(dom, "tr")
    count_rows = {r.attrs["data-code"]: r for r in rows if "data-code" in r.attrs}
    for code in {d["code"] for d in diagnostics}:
        expected = sum(1 for d in diagnostics if d["code"] == code)
        row = count_rows.get(code)
        check(row is not None and select(row, "td", "total")[0].all_text() == str(expected),
              f"count of {code} is {expected}")
    check(len(select(dom, "input", data_filter="severity")) == 4, "a filter per severity")

    # --- hostile text ------------------------------------------------------
    hostile = os.path.join(work, "hostile.txt")
    with open(hostile, "w", encoding="utf-8") as f:
        f.write("今天我们聊聊<script>document.body.dataset.owned='1'</script>开源模型。\n"
                "Today <img src=x onerror=\"document.body.dataset.owned='2'\"> we talk about open models.\n"
                "这个社区增长得非常快。\nThis community is growing very fast.\n")
    page = os.path.join(work, "hostile.html")
    subprocess.run([bitext, "report", hostile, "-o", page], check=True)
    dom = dump_dom(page)
    body = select(dom, "body")[0]
    check("data-owned" not in body.attrs, "no script from the transcript ran")
    check(len(select(dom, "script")) == 1 and len(select(dom, "img")) == 0, "no element made from the transcript")
    lines = [n.all_text() for n in select(dom, "p", "line")]
    check(lines[:2] == ["1今天我们聊聊<script>document.body.dataset.owned='1'</script>开源模型。",
                        "2Today <img src=x onerror=\"document.body.dataset.owned='2'\"> we talk about open models."],
          f"the hostile lines are shown as text: {lines[:2]}")

    # --- a directory -------------------------------------------------------
    folder = os.path.join(work, "folder")
    os.makedirs(folder)
    shutil.copy(sample, os.path.join(folder, "episode.txt"))
    shutil.copy(os.path.join(source, "examples", "with-errors.zh-en.txt"), folder)
    with open(os.path.join(folder, "notes.txt"), "w") as f:
        f.write("Milk and eggs.\nBread and butter.\n")
    page = os.path.join(work, "folder.html")
    subprocess.run([bitext, "report", folder, "-o", page], check=True)
    dom = dump_dom(page)
    rows = select(dom, "tr", "file-row")
    check([select(r, "a")[0].all_text().rsplit("/", 1)[-1] for r in rows] == ["episode.txt", "with-errors.zh-en.txt"],
          "one index row per transcript, in path order, the English note left out")
    check([select(r, "td", "pairs")[0].all_text() for r in rows] == ["117", "12"], "the index shows each file's pairs")
    sections = select(dom, "section", "file")
    check([s.attrs["data-pairs"] for s in sections] == ["117", "12"], "a section per file")
    check(len(select(sections[1], "article", "pair")) == 12 and len(select(sections[1], "a", "cell")) == 12,
          "the second file's pairs and strip")
    check(len(select(sections[1], "li", "finding")) > 0, "the second file's findings")
finally:
    shutil.rmtree(work, ignore_errors=True)

if failures:
    sys.exit(f"report_dom: {len(failures)} check(s) failed")
print("report_dom: all checks passed")
