"""Shared by make_gold.py, make_heldout.py and make_dev2.py: reads the picked documents and
turns hand-typed entries (text, type, value, which, optional) into gold spans
with UTF-8 byte offsets. It only finds offsets and checks each entry is found."""
import gzip, json, os, random, sys

ORGANIZATION = 'organization'


def word_char(c):
    return c.isalnum()


def read_documents(real, sources, ids):
    """The documents of `ids` from REAL/<source>/<source>.jsonl.gz, by id."""
    picks = {}
    for src in sources:
        with gzip.open(os.path.join(real, src, src + '.jsonl.gz'), 'rt', encoding='utf-8') as f:
            for line in f:
                d = json.loads(line)
                if d['id'] in ids:
                    picks[d['id']] = d
    return picks


def gold_record(doc_id, d, entries):
    """One gold JSON line for document `d` and its typed entries.

    `which` is 'all' (every word-bounded occurrence not inside an already
    placed span of the same type) or a list of 1-based occurrence numbers."""
    text_orig = d['text']
    flat = text_orig.replace('\xa0', ' ')  # no-break spaces match spaces
    spans = []
    for text, typ, value, which, optional in entries:
        found, pos = [], 0
        while True:
            i = flat.find(text, pos)
            if i < 0:
                break
            pos = i + 1
            j = i + len(text)
            if i > 0 and word_char(flat[i - 1]):
                continue
            if j < len(flat) and word_char(flat[j]):
                continue
            if any(s['type'] == typ and s['c0'] < j and i < s['c1'] for s in spans):
                continue
            found.append(i)
        assert found, (doc_id, text)
        picked = found if which == 'all' else [found[k - 1] for k in which]
        for i in picked:
            j = i + len(text)
            b = len(text_orig[:i].encode())
            extra = {'optional': True} if optional else {}
            if typ == ORGANIZATION:  # organization names have no single canonical form
                value = None
            spans.append({'c0': i, 'c1': j, 'begin': b, 'end': b + len(text_orig[i:j].encode()),
                          'text': text_orig[i:j], 'type': typ, 'value': value, 'extra': extra})
    spans.sort(key=lambda s: (s['begin'], s['end']))
    for s in spans:
        del s['c0'], s['c1']
    out = {'id': doc_id, 'source': doc_id.split('/')[0], 'dct': d['date'], 'date': d['date'],
           'title': d['title'], 'text': d['text'], 'spans': spans}
    return json.dumps(out, ensure_ascii=False)


def select(real, sources, exclude, seed, max_bytes, shown):
    """Prints the candidate order: documents of 1000..max_bytes bytes of text
    not in `exclude`, sorted by id per source, shuffled with one
    random.Random(seed) in the order of `sources`; the first `shown` each."""
    seen = set()
    for path in exclude:
        with open(path, encoding='utf-8') as f:
            seen.update(json.loads(line)['id'] for line in f)
    rng = random.Random(seed)
    for src in sources:
        cands = []
        with gzip.open(os.path.join(real, src, src + '.jsonl.gz'), 'rt', encoding='utf-8') as f:
            for line in f:
                d = json.loads(line)
                n = len(d['text'].encode())
                if 1000 <= n <= max_bytes and d['id'] not in seen:
                    cands.append((d['id'], d['title'], n))
        cands.sort()
        rng.shuffle(cands)
        for c in cands[:shown]:
            print(src, *c, sep='\t')


def main(annotations, sources, exclude, seed, max_bytes, shown):
    """`script [REAL_DIR]` prints the gold lines; `script --select [REAL_DIR]`
    the candidate order."""
    args = [a for a in sys.argv[1:] if a != '--select']
    real = args[0] if args else '/work/shared/corpora/real'
    if '--select' in sys.argv[1:]:
        select(real, sources, exclude, seed, max_bytes, shown)
        return
    picks = read_documents(real, sources, annotations)
    for doc_id, entries in annotations.items():
        print(gold_record(doc_id, picks[doc_id], entries))
