"""Shared by make_gold.py and make_heldout.py: reads the picked documents and
turns hand-typed entries (text, type, value, which, optional) into gold spans
with UTF-8 byte offsets. It only finds offsets and checks each entry is found."""
import gzip, json, os

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
