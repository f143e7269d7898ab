"""Reference scores from Python vaderSentiment 3.3.2, in the format of tests/vader/score.rs.

Usage: python reference.py < sentences.txt > expected.tsv
       python reference.py --time < sentences.txt     (prints sentences/s of polarity_scores)
       python reference.py --odd-cases                (prints odd inputs, one per line)
       python reference.py --fuzz-cases               (prints 50,000 random rule-dense lines)
       python reference.py --unicode-probes           (prints 2 probe lines per code point)

Input lines are split on "\n" only (not str.splitlines, which would also split on \x0b,
\x1c, \u2028, ...), and one trailing "\r" is removed, exactly like the Rust driver. For each
line it prints the raw compound/pos/neu/neg (the module's round() shadowed by the identity)
and then the normal, rounded output, tab-separated, each float written like Rust's {:?}.
"""
import sys
import time

from vaderSentiment import vaderSentiment as vs


def rust_repr(x):
    """repr(float) in Rust's {:?} spelling: both are shortest round-trip and switch to
    exponent notation at the same thresholds, but Python writes 1e-05 where Rust writes
    1e-5."""
    r = repr(float(x))
    if "e" in r:
        mant, exp = r.split("e")
        sign = "-" if exp.startswith("-") else ""
        r = mant + "e" + sign + exp.lstrip("+-").lstrip("0")
    return r


def read_lines():
    data = sys.stdin.buffer.read().decode("utf-8")
    if data == "":
        return []
    if data.endswith("\n"):
        data = data[:-1]
    return [l[:-1] if l.endswith("\r") else l for l in data.split("\n")]


def odd_cases():
    """Inputs that exercise Python's str semantics: control characters and Unicode
    whitespace (str.split), case (isupper/lower), combining marks, emoji sequences and long
    tokens. None contains a newline or ends with a carriage return."""
    return [
        "",
        " ",
        "\t",
        "\x00",
        "good\x00bad",
        "\x00GOOD\x00 good",
        "good\x1cbad",
        "GOOD\x1dGREAT\x1egreat\x1fok",
        "good\x0bbad\x0cGREAT",
        "good\x85bad",
        "good\u2028bad\u2029nice",
        "good\u200bbad",
        "good\u00a0BAD",
        "good\r bad",
        "!!!!!!!!!!",
        "??????",
        "?",
        "....!!!???",
        ":) :( :D :P xD XD :-P",
        "\u00a9\u00ae\u203c\u2049",
        "\U0001F600",
        "\U0001F600\U0001F600\U0001F600\U0001F600",
        "\U0001F468\u200d\U0001F469\u200d\U0001F467 family",
        "\U0001F1EB\U0001F1F7 flag",
        "#\ufe0f\u20e3 1\ufe0f\u20e3 keycaps",
        "\U0001F44D\U0001F3FD",
        "\U0001F51B\U0001F199",
        "good\U0001F600good",
        "e\u0301\u0301\u0301 good",
        "GOOD\u0301 great",
        "\u0301\u0302\u0303",
        "\u212aill it",
        "KILL it \u212aILL",
        "\u0130t is GOOD",
        "\u039f\u0394\u039f\u03a3 GOOD good",
        "\u01c5ood GOOD good",
        "\u1f88 GOOD good",
        "\ua7cb GOOD good",
        "\ua7cb\ua7cb GOOD",
        "\u0295\u0295 GOOD",
        "A\u0295 GOOD good",
        "\U00010d50\U00010d50 GOOD",
        "\uff27\uff2f\uff2f\uff24 good",
        "\U0001d400 GOOD",
        "caf\u00e9 GR\u00c9AT great",
        "\ud55c\uad6d\uc5b4 \u65e5\u672c\u8a9e good",
        "\u0645\u0631\u062d\u0628\u0627 good",
        "a" * 10000,
        "GOOD " + "b" * 10000 + " good",
        "good" * 2500,
        "\U0001F600" * 3000,
        "not " * 2000 + "good",
        "good but " * 1500,
        "good bad " * 200 + "but " + "great awful " * 200,
        "very good, not bad, kind of nice, NOT great!! " * 60 + "but " + "so happy, no good " * 60,
        "bad " * 150 + "good " * 150 + "but " + "bad good " * 150,
        "NO " * 1000 + "good",
        "no no no no no",
        "NO NO NO NO NO good",
        "no, no, no good",
        "very very very very good",
        "VERY good but VERY bad",
        "kind of kind of good",
        "sort of the bomb yeah right",
        "the the the bomb",
        "kiss of death kiss of death",
        "least least least good",
        "at least least good",
        "never so this good",
        "without doubt doubt good",
        "but",
        "but but but",
        "BUT good",
        "good but",
        "good good but good good",
        "good great but great good",
        "'" * 20,
        "''good''",
        "\"no\"",
        "n't",
        "isn't ain't n't good",
    ]


def fuzz_cases(n=50000, seed=3302):
    """Deterministic random sentences over a vocabulary dense in rule words (negations, "no",
    boosters, "but", "least", idiom words, caps, emoticons, emoji, punctuation), so that the
    rules meet each other in every order."""
    import random
    rng = random.Random(seed)
    vocab = (
        "no not never without doubt least at very so this but kind of sort just enough or nor "
        "the bomb shit yeah right kiss death to die for bus stop bad ass badass beating heart "
        "cut mustard good great bad awful love hate nice fine ok okay problem worries sure "
        "really extremely barely kinda somewhat isn't don't can't won't nothing none "
        "happy sad terrible excellent lol :) :( :D :-) ;) <3 😀 😢 ❤ "
        "👍 🔛 idea team meeting agree disagree thanks sorry"
    ).split()
    punct = ["", "", "", ",", ".", "!", "!!", "?", "??", "???", "!!!!!", "...", "?!"]
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(1, 14)):
            w = rng.choice(vocab)
            r = rng.random()
            if r < 0.12:
                w = w.upper()
            elif r < 0.18:
                w = w.capitalize()
            words.append(w + rng.choice(punct))
        out.append(" ".join(words))
    return out


def unicode_probes():
    """Two probe lines per code point in U+0080..U+1FFFF (surrogates and private use left
    out): "GOOD cc" shows whether Python counts "cc" as upper case (that decides whether
    GOOD gets the ALL-CAPS boost) or c as whitespace; "goodcGOOD" whether c splits tokens."""
    out = []
    for cp in range(0x80, 0x20000):
        if 0xD800 <= cp < 0xF900:
            continue
        c = chr(cp)
        out.append("GOOD " + c + c)
        out.append("good" + c + "GOOD")
    return out


def main():
    generators = {
        "--odd-cases": odd_cases,
        "--fuzz-cases": fuzz_cases,
        "--unicode-probes": unicode_probes,
    }
    if len(sys.argv) > 1 and sys.argv[1] in generators:
        cases = generators[sys.argv[1]]()
        sys.stdout.buffer.write("".join(c + "\n" for c in cases).encode("utf-8"))
        return
    lines = read_lines()
    analyzer = vs.SentimentIntensityAnalyzer()
    if len(sys.argv) > 1 and sys.argv[1] == "--time":
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            for line in lines:
                analyzer.polarity_scores(line)
            runs.append(len(lines) / (time.perf_counter() - t))
        runs.sort()
        print("%.1f" % runs[len(runs) // 2])
        return
    keys = ("compound", "pos", "neu", "neg")
    out = []
    for line in lines:
        vs.round = lambda x, n=None: x  # shadows the builtin inside the module
        try:
            raw = analyzer.polarity_scores(line)
        finally:
            del vs.round
        rounded = analyzer.polarity_scores(line)
        out.append("\t".join([rust_repr(raw[k]) for k in keys] + [rust_repr(rounded[k]) for k in keys]))
    sys.stdout.write("".join(o + "\n" for o in out))


if __name__ == "__main__":
    main()
