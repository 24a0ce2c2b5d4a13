#!/usr/bin/env python3
"""Regenerates tests/fuzz/seeds/<target>/ from corpora/ (run from anywhere).

Seeds stay small and few: excerpts of the corpus documents cut at character
boundaries, plus short hand-written inputs of the shapes each target parses.
"""
import gzip
import json
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(HERE, '..', '..', 'corpora')
SEEDS = os.path.join(HERE, 'seeds')


def cut(text, limit):
    """The first `limit` bytes of text, at a character boundary."""
    return text.encode('utf-8')[:limit].decode('utf-8', 'ignore')


def write(target, name, data):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def main():
    shutil.rmtree(SEEDS, ignore_errors=True)
    press = open(os.path.join(CORPORA, 'press', 'tass-2021-08-02-antonov-cyber.txt'),
                 encoding='utf-8').read()
    docs = [json.loads(l) for l in open(os.path.join(CORPORA, 'real', 'docs.jsonl'),
                                        encoding='utf-8') if l.strip()]
    safe = lambda i: re.sub(r'[^A-Za-z0-9]+', '_', i)

    # analyze: whole TASS item, corpus excerpts, damaged and hostile shapes.
    write('analyze', 'tass.txt', press)
    for d in docs[:6]:
        write('analyze', safe(d['id']) + '.txt', cut(d['text'], 1500))
    write('analyze', 'empty.txt', b'')
    write('analyze', 'bad-utf8.txt', press[:300].encode() + b'\xff\xc3(\xed\xa0\x80 end.')
    write('analyze', 'crlf-cr.txt', 'Q: One?\r\nMR PRICE: Two.\rThree.\r\n\r\nFour "quoted."\n')
    write('analyze', 'quotes.txt', '"' * 40 + ' \u00ab' * 20 + ' \u201cHe said, \u2018no\u2019.')
    write('analyze', 'parens.txt', '(' * 60 + 'x' + ')' * 30 + ' [a (b] c).')
    write('analyze', 'marks.txt', 'e\u0301\u0301\u200d\u200d\U0001F469\u200d\U0001F467 ' * 10)
    write('analyze', 'numbers.txt', '1' * 300 + ' 1,000,000.5 $2.5bn 45% May May May 3.')
    write('analyze', 'nul.txt', b'date 2021-08-02\nMOSCOW, Aug 2 (Reuters) - A\x00B said.\n')

    # normalizers: short sentences with dates, times and figures.
    picked = 0
    for d in docs:
        for s in re.split(r'(?<=[.!?])\s+', d['text']):
            if picked < 14 and 20 < len(s.encode()) <= 200 and re.search(r'\d', s):
                write('normalizers', 'corpus-%02d.txt' % picked, s)
                picked += 1
    for i, s in enumerate([
            'on Aug. 2, 2021 at 9:30 a.m.', 'between 2019 and 2021', '02.08.2021 and 2/8/21',
            'last Monday, next week, in the spring of 1945', 'from 9 a.m. to 5 p.m. EDT',
            '$2.5 billion, \u20ac10bn, 35,000 troops, 1.5%', 'forty-five per cent of 1,200',
            'two and a half million people', '3/4 of them, 21st century, No. 5',
            'May 5-7, the 1990s, mid-June, Sept. 25', '10 km, 300 tonnes, 2,488.75 rubles',
            'at least 100 (one hundred) and up to 1e6']):
        write('normalizers', 'shape-%02d.txt' % i, s)

    # header: the start of each document and the dateline styles.
    write('header', 'tass.txt', cut(press, 500))
    for d in docs[:4]:
        write('header', safe(d['id']) + '.txt', cut(d['text'], 300))
    for i, s in enumerate([
            'date 2021-08-02\nWASHINGTON, August 2. /TASS/. The U.S. side.',
            'MOSCOW, Aug 2 (Reuters) - Russia said.', 'UNITED NATIONS (AP) \u2014 The council.',
            'BEIJING, Sept. 3 (Xinhua) -- China said.', 'LONDON \u2014 Britain said.',
            '\ufeff  date: 2021\nRIO DE JANEIRO, 2 August /AFP/: text', 'Q: Question?\nMR PRICE: Yes.',
            'ST. PETERSBURG, D.C., Feb 29 (TASS) \u2013 x']):
        write('header', 'dateline-%02d.txt' % i, s)

    # jsonl: small lines of the corpus and broken lines.
    lines = [json.dumps({'id': d['id'], 'date': d['date'], 'text': cut(d['text'], 400)},
                        ensure_ascii=(i % 2 == 0)) for i, d in enumerate(docs[:4])]
    write('jsonl', 'docs.jsonl', '\n'.join(lines) + '\n')
    write('jsonl', 'broken.jsonl',
          '{"id":"a","text":"One."}\n{"id":"b","text":"unclosed\n\n   \n[1,2]\n'
          '{"id":7,"text":"Numeric id.","date":"2021-02-30"}\r\n{"text":null}\n'
          '{"id":"e","text":""}\n{"id":"u","text":"\\ud800 lone \\u00e9"}\n'
          '{"id":"x","text":"no newline at end"}')
    write('jsonl', 'bad-utf8.jsonl', b'{"id":"bad","text":"caf\xe9 \xff"}\n{"id":"ok","text":"ok"}\n')
    write('jsonl', 'docs.jsonl.gz', gzip.compress(('\n'.join(lines[:2]) + '\n').encode(), mtime=0))
    write('jsonl', 'truncated.jsonl.gz', gzip.compress(lines[0].encode(), mtime=0)[:-12])


if __name__ == '__main__':
    main()
