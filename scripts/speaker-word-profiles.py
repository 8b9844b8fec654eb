#!/usr/bin/env python3
"""How far a speaker's own words tell them apart, given their TRUE pairs.

An upper bound for a per-speaker word-profile model (docs/speakers.md, fifth
round): for every development document and every pair of true speakers, each
pair of at least six words is scored against the two speakers' profiles
(naive Bayes over words, add-alpha smoothing, the pair itself left out of its
own speaker's profile), and counted right when its own speaker scores higher.
Profiles learnt from the hand labels are the best case: a model that learns
them from the inference's own decisions can only do worse.

Features: "words" (lower-case words and word pairs) or "style" (a fixed list
of fillers, hedges and pronouns, repeated words, and the count of all other
words: how someone talks rather than what about).

Usage (from the repository root):
  scripts/speaker-word-profiles.py [words|style]
"""
import collections
import math
import re
import sys

FIXTURES = "tests/fixtures/speakers"
# name: (document, labels, lines before the first pair)
DEVELOPMENT = {
    "sample": ("examples/unsupervised-learning-ep1.zh-en.txt", FIXTURES + "/sample.labels", 3),
    **{name: (f"{FIXTURES}/{name}.zh-en.txt", f"{FIXTURES}/{name}.labels", 0)
       for name in ["go-time-100", "js-party-123", "go-time-100-part2", "js-party-123-part2", "harbor-lights"]},
}
STYLE = ["you know", "kind of", "kinda", "i mean", "like", "right?", "yeah", "so", "i think", "sort of", "actually",
         "really", "just", "basically", "obviously", "okay", "well", "i guess", "at this point", "things", "stuff",
         "um", "uh", "gonna", "wanna", "pretty", "very", "totally", "super", "definitely", "of course", "anyway",
         "yes", "exactly", "interesting", "'s", "n't", "we", "i", "you", "they"]


def load(name):
    """The true speaker and the English side of every labelled pair."""
    document, labels, skip = DEVELOPMENT[name]
    truth = {}
    with open(labels, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            number, speaker = line.rstrip("\n").split("\t")
            truth[int(number)] = speaker
    with open(document, encoding="utf-8") as f:
        lines = f.read().split("\n")[skip:]
    pairs = [lines[i:i + 2] for i in range(0, len(lines), 2)]
    speakers, english = [], []
    for number in sorted(truth):
        latin = [side for side in pairs[number - 1] if not re.search(r"[\u4e00-\u9fff]{2}", side)]
        speakers.append(truth[number])
        english.append(latin[0] if latin else "")
    return speakers, english


def word_features(text):
    words = re.findall(r"[a-z']+", text.lower())
    return collections.Counter(words + [a + "_" + b for a, b in zip(words, words[1:])])


def style_features(text):
    lower = " " + re.sub(r"\s+", " ", text.lower()) + " "
    counts = collections.Counter()
    for marker in STYLE:
        counts[marker] = len(re.findall(r"(?<![a-z])" + re.escape(marker) + r"(?![a-z])", lower))
    words = re.findall(r"[a-z']+", lower)
    counts["<repeated>"] = sum(1 for a, b in zip(words, words[1:]) if a == b)
    counts["<other>"] = max(0, len(words) - sum(counts.values()))
    return counts


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "words"
    features = style_features if kind == "style" else word_features
    alpha = 1.0 if kind == "style" else 0.5
    for name in DEVELOPMENT:
        speakers, english = load(name)
        profiles = collections.defaultdict(collections.Counter)
        for speaker, text in zip(speakers, english):
            profiles[speaker].update(features(text))
        vocabulary = len({w for profile in profiles.values() for w in profile})
        right = collections.Counter()
        total = collections.Counter()
        for speaker, text in zip(speakers, english):
            pair = features(text)
            if sum(pair.values()) < 6:
                continue
            for other in profiles:
                if other == speaker:
                    continue
                score = {}
                for who in (speaker, other):
                    profile = profiles[who].copy()
                    if who == speaker:
                        profile.subtract(pair)
                    size = sum(profile.values())
                    score[who] = sum(n * math.log((profile[w] + alpha) / (size + alpha * vocabulary))
                                     for w, n in pair.items())
                key = (speaker.split()[0], other.split()[0])
                total[key] += 1
                right[key] += score[speaker] > score[other]
        print(f"{name}: {sum(right.values())}/{sum(total.values())} right")
        for key in sorted(total):
            print(f"  {key[0]} vs {key[1]}: {right[key]}/{total[key]}")


if __name__ == "__main__":
    main()
