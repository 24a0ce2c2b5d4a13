"""Shared helpers of the bench scripts (compare, run-corpora, make-results)."""
import gzip
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REAL = os.environ.get("COMMUNIQUE_REAL_CORPORA", os.path.join(os.path.dirname(ROOT), "shared", "corpora", "real"))
# News and briefing text for the side-by-side sample, taken in turn.
SAMPLE_CORPORA = ("statedept", "kremlin", "whitehouse")


def find_build(build):
    """The build directory holding examples/communique-extract."""
    candidates = [build] if build else [os.path.join(ROOT, "build")]
    for b in candidates:
        if b and os.path.exists(os.path.join(b, "examples", "communique-extract")):
            return os.path.abspath(b)
    sys.exit("bench: no examples/communique-extract under %s (build first, or pass --build DIR)" % candidates[0])


def open_text(path):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def make_sample(path, megabytes, corpora_dir=REAL):
    """Writes a JSONL sample of about `megabytes` of text: documents taken in
    turn from the news/briefing corpora, in file order (deterministic)."""
    if os.path.exists(path):
        return path
    sources = []
    for name in SAMPLE_CORPORA:
        f = os.path.join(corpora_dir, name, name + ".jsonl.gz")
        if os.path.exists(f):
            sources.append(open_text(f))
    if not sources:
        sys.exit("bench: no corpus for the sample under %s (pass --sample FILE)" % corpora_dir)
    limit = int(megabytes * 1e6)
    total = 0
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        while total < limit and sources:
            for src in list(sources):
                line = src.readline()
                if not line:
                    sources.remove(src)
                    continue
                doc = json.loads(line)
                text = doc.get("text")
                if not isinstance(text, str) or not text.strip():
                    continue
                out.write(json.dumps({"id": doc.get("id"), "date": doc.get("date"), "text": text},
                                     ensure_ascii=False) + "\n")
                total += len(text.encode("utf-8"))
                if total >= limit:
                    break
    os.replace(tmp, path)
    return path


SUMMARY = re.compile(r"communique-extract: documents=(\d+) errors=(\d+).*?bytes=(\d+) seconds=([\d.]+)")


def run_extract(extract, inputs, threads, extra=(), output="/dev/null", timed=False):
    """Runs communique-extract; returns its summary fields (and /usr/bin/time -v
    fields when timed)."""
    cmd = [extract, "--threads", str(threads), "--no-progress", "--tolerate-errors", "-o", output]
    cmd += list(extra) + list(inputs)
    if timed:
        cmd = ["/usr/bin/time", "-v"] + cmd
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = None
    for line in p.stderr.splitlines():
        m = SUMMARY.search(line) or m
    if not m:
        sys.exit("bench: no summary from %s (status %d):\n%s" % (" ".join(cmd), p.returncode, p.stderr[-2000:]))
    r = {"documents": int(m.group(1)), "errors": int(m.group(2)), "bytes": int(m.group(3)),
         "seconds": float(m.group(4)), "status": p.returncode}
    if timed:
        for key, pat in (("peak_rss_kb", r"Maximum resident set size \(kbytes\): (\d+)"),
                         ("user_s", r"User time \(seconds\): ([\d.]+)"),
                         ("system_s", r"System time \(seconds\): ([\d.]+)"),
                         ("wall", r"Elapsed \(wall clock\) time.*?: ([\d:.]+)")):
            mm = re.search(pat, p.stderr)
            r[key] = mm.group(1) if mm else None
    return r


def count_tokens(build, inputs):
    """Documents, bytes, tokens and sentences of JSONL inputs (communique-count)."""
    tool = os.path.join(build, "bench", "communique-count")
    if not os.path.exists(tool):
        return None
    p = subprocess.run([tool] + list(inputs), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        print("bench: communique-count failed: " + p.stderr.strip(), file=sys.stderr)
        return None
    return json.loads(p.stdout)


def load_line():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"
