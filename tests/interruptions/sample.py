#!/usr/bin/env python3
"""Draw the overlap events and speaker changes that people label for the interruption
evaluation (fixtures/interruptions/). Reads `turnstat turns --format json` of every AMI and
Zoom meeting in ../shared/corpus, never the classifier's output, and writes one labelling
packet per event with its context.

    python3 tests/interruptions/sample.py TURNS_JSON_DIR OUT_DIR

TURNS_JSON_DIR holds ami_<meeting>.json and zoom_<meeting>.json from `turnstat turns`.

AMI: every turn B that starts strictly inside a non-embedded turn A of another speaker (the
floor holder: the earliest-starting such turn still open) is a candidate; 400 are drawn
uniformly over all candidates of the 136 meetings (seed 13).
Zoom: every change between consecutive turns of different speakers with B starting within
1.0 s of A's end is a candidate; 150 are drawn uniformly from those where A's turn breaks off
(ends in an ellipsis or dash, or without . ? !) and 150 from the others (seed 13).
"""
import glob, json, os, random, re, sys

src, out = sys.argv[1], sys.argv[2]
AMI = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "corpus", "ami-vtt")
os.makedirs(out, exist_ok=True)
rng = random.Random(13)


def load(path):
    t = json.load(open(path))["transcripts"][0]
    return t["turns"]


def fmt(x):
    return f"{x:.2f}"


def breaks_off(text):
    t = text.rstrip()
    return t.endswith(("-", "—", "–", "…", "...")) or not t.endswith((".", "?", "!", '"', "'", ")"))


ami = []
for path in sorted(glob.glob(os.path.join(src, "ami_*.json"))):
    meeting = os.path.basename(path)[4:-5]
    turns = load(path)
    open_ = []
    for bi, b in enumerate(turns):
        open_ = [ai for ai in open_ if turns[ai]["end"] > b["start"]]
        holders = [ai for ai in open_ if turns[ai]["speaker"] != b["speaker"] and turns[ai]["start"] < b["start"]]
        if holders:
            ai = min(holders, key=lambda i: (turns[i]["start"], i))
            ami.append((meeting, ai, bi))
        if not b["embedded"]:
            open_.append(bi)

zoom_brk, zoom_other = [], []
for path in sorted(glob.glob(os.path.join(src, "zoom_*.json"))):
    meeting = os.path.basename(path)[5:-5]
    turns = load(path)
    main = [i for i, t in enumerate(turns) if not t["embedded"]]
    for ai, bi in zip(main, main[1:]):
        a, b = turns[ai], turns[bi]
        if a["speaker"] == b["speaker"]:
            continue
        gap = b["start"] - a["end"]
        if gap < 0 or gap > 1.0:
            continue
        (zoom_brk if breaks_off(a["text"]) else zoom_other).append((meeting, ai, bi))

print(f"AMI candidates {len(ami)}, Zoom break-off {len(zoom_brk)}, other {len(zoom_other)}")
ami_s = sorted(rng.sample(ami, 400))
zoom_s = sorted(rng.sample(zoom_brk, 150) + rng.sample(zoom_other, 150))

cache = {}


def turns_of(kind, meeting):
    key = (kind, meeting)
    if key not in cache:
        cache[key] = load(os.path.join(src, f"{kind}_{meeting}.json"))
    return cache[key]


CUE = re.compile(r"^(\d+):(\d+):(\d+)\.(\d+) --> (\d+):(\d+):(\d+)\.(\d+)")


def cues_of(meeting):
    """The AMI VTT's cues (segments): (start, end, speaker, text)."""
    key = ("cues", meeting)
    if key not in cache:
        out, lines = [], open(os.path.join(AMI, meeting + ".vtt"), encoding="utf-8").read().split("\n")
        for i, line in enumerate(lines):
            m = CUE.match(line)
            if m and i + 1 < len(lines):
                g = [int(x) for x in m.groups()]
                st = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
                en = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
                v = re.match(r"<v ([^>]*)>(.*?)(</v>)?$", lines[i + 1])
                if v:
                    out.append((st, en, v.group(1), v.group(2)))
        cache[key] = out
    return cache[key]


def packet_ami(n, meeting, ai, bi):
    turns = turns_of("ami", meeting)
    a, b = turns[ai], turns[bi]
    lo, hi = b["start"] - 20.0, b["end"] + 10.0
    lines = [f"## ami-{n:03}  meeting {meeting}", f"A = {a['speaker']} (speaking from {fmt(a['start'])} to {fmt(a['end'])})",
             f"B = {b['speaker']} (comes in at {fmt(b['start'])}, speaks until {fmt(b['end'])})",
             "One line per transcript segment; ⟪B⟫ marks roughly (by characters) where B came in during A's segment.", ""]
    for st, en, who, text in cues_of(meeting):
        if en < lo or st > hi:
            continue
        if who == a["speaker"] and st < b["start"] < en and a["start"] <= st:
            cut = int(len(text) * (b["start"] - st) / (en - st))
            while 0 < cut < len(text) and text[cut - 1] != " ":
                cut -= 1
            text = text[:cut] + "⟪B⟫ " + text[cut:]
        mark = " <<B" if (who == b["speaker"] and abs(st - b["start"]) < 0.005) else ""
        lines.append(f"[{fmt(st)}–{fmt(en)}] {who}: {text}{mark}")
    return "\n".join(lines)


def packet_zoom(n, meeting, ai, bi):
    turns = turns_of("zoom", meeting)
    a, b = turns[ai], turns[bi]
    lines = [f"## zoom-{n:03}  meeting {meeting}", f"A = {a['speaker']}", f"B = {b['speaker']} (starts {fmt(b['start']-a['end'])} s after A's last cue ends)", ""]
    for i in range(max(0, ai - 3), min(len(turns), bi + 4)):
        t = turns[i]
        mark = " <<A" if i == ai else (" <<B" if i == bi else "")
        lines.append(f"[{fmt(t['start'])}–{fmt(t['end'])}] {t['speaker']}: {t['text']}{mark}")
    return "\n".join(lines)


index = []
for n, (m, ai, bi) in enumerate(ami_s, 1):
    t = turns_of("ami", m)
    index.append(("ami", f"ami-{n:03}", m, t[bi]["speaker"], fmt(t[bi]["start"]), t[ai]["speaker"], packet_ami(n, m, ai, bi)))
for n, (m, ai, bi) in enumerate(zoom_s, 1):
    t = turns_of("zoom", m)
    index.append(("zoom", f"zoom-{n:03}", m, t[bi]["speaker"], fmt(t[bi]["start"]), t[ai]["speaker"], packet_zoom(n, m, ai, bi)))

for kind in ("ami", "zoom"):
    rows = [r for r in index if r[0] == kind]
    for c in range(0, len(rows), 100):
        with open(os.path.join(out, f"{kind}-{c // 100 + 1}.md"), "w") as f:
            f.write("\n\n".join(r[6] for r in rows[c:c + 100]) + "\n")
    with open(os.path.join(out, f"{kind}-index.tsv"), "w") as f:
        f.write("id\tmeeting\tb_speaker\tb_start\ta_speaker\n")
        for r in rows:
            f.write("\t".join(r[1:6]) + "\n")
