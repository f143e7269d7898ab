#!/usr/bin/env python3
"""The benchmark baseline: the short script a user would otherwise write.

turnstat's end-to-end throughput is compared with this script (see tests/bench/run.sh and
the README's "Performance" section). It uses the usual libraries, webvtt-py 0.6.0 and
vaderSentiment 3.3.2 (run.sh installs them into a venv), and computes per meeting and per
speaker only talk time (sum of cue durations), words and mean sentiment (VADER compound per
cue), taking the speaker from a `<v Name>` voice span or a Zoom `Name: text` prefix. It
prints one JSON line per meeting. turnstat does strictly more (turns, per-sentence
sentiment, interruptions, fillers, inclusive language, …), so the ratio understates the gap.

Usage: baseline.py PATH...   (files, or directories walked for *.vtt, sorted)
"""

import json
import os
import re
import sys

import webvtt
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

PREFIX = re.compile(r"([^:<>?!,]{1,60}):\s+(.*)", re.S)
analyzer = SentimentIntensityAnalyzer()


def meeting(path):
    speakers = {}
    current = "unknown speaker"
    for cue in webvtt.read(path):
        text = " ".join(cue.text.split())
        if cue.voice:
            current = cue.voice
        else:
            m = PREFIX.fullmatch(text)
            if m:
                current, text = m.group(1).strip(), m.group(2)
        s = speakers.setdefault(current, {"talk_seconds": 0.0, "words": 0, "sum": 0.0, "n": 0})
        ms = cue.end_time.in_milliseconds() - cue.start_time.in_milliseconds()
        s["talk_seconds"] += max(ms, 0) / 1000
        s["words"] += len(text.split())
        s["sum"] += analyzer.polarity_scores(text)["compound"]
        s["n"] += 1
    return {
        "source": path,
        "speakers": [
            {
                "name": name,
                "talk_seconds": round(s["talk_seconds"], 3),
                "words": s["words"],
                "mean_sentiment": round(s["sum"] / s["n"], 4) if s["n"] else None,
            }
            for name, s in speakers.items()
        ],
    }


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, _, names in os.walk(p):
                found += [os.path.join(root, n) for n in names if n.endswith(".vtt")]
            yield from sorted(found)
        else:
            yield p


def main():
    failed = 0
    for path in files(sys.argv[1:]):
        try:
            print(json.dumps(meeting(path)))
        except Exception as e:  # a malformed file: report it and go on, as turnstat does
            print(f"baseline.py: {path}: {e}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
