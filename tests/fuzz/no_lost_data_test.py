#!/usr/bin/env python3
"""No lost data (issue 8 item 4): communique-extract on a damaged corpus.

    no_lost_data_test.py EXTRACTOR

Builds, in a temporary directory, JSONL files with corrupted lines, invalid
UTF-8, empty documents, duplicate ids, blank lines, CRLF, over-long documents,
a good and a truncated and a corrupt .jsonl.gz, and a directory of text files
(empty, invalid UTF-8, CRLF). The expected output is computed here, from the
inputs alone (Python's json and zlib), and the extractor's output must hold
every input document exactly once, in input order, as a record or as an error
record with the expected id; the summary counts on stderr must match. Runs
under --utf8 strict and --utf8 replace, with 3 worker threads.
"""
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import zlib

MAX_BYTES = 4096  # --max-bytes: larger documents must become error records


def jsonl_lines(path, raw):
    """Expected outcome of each document line of a plain JSONL file's bytes:
    (id, kind) with kind 'ok', 'error' or 'either'; and the blank-line count."""
    out, blank = [], 0
    parts = raw.split(b'\n')
    if parts and parts[-1] == b'':
        parts.pop()
    for n, line in enumerate(parts, 1):
        if line.endswith(b'\r'):
            line = line[:-1]
        pos = '%s:%d' % (path, n)
        if line.strip(b' \t\r\f\v') == b'':
            blank += 1
            continue
        if len(line) > 2 * MAX_BYTES + (64 << 10):
            out.append((pos, 'error'))
            continue
        try:
            text_line = line.decode('utf-8')
        except UnicodeDecodeError:
            # Strict: an error record named by the id if the repaired line has
            # one; replace: analysed. Both: the id of the repaired line.
            obj = json.loads(line.decode('utf-8', 'replace'))
            out.append((obj.get('id', pos), 'utf8'))
            continue
        try:
            obj = json.loads(text_line)
        except ValueError:
            out.append((pos, 'error'))
            continue
        if not isinstance(obj, dict):
            out.append((pos, 'error'))
            continue
        ident = obj.get('id', None)
        if isinstance(ident, str):
            key = ident
        elif ident is None:
            key = pos
        else:
            key = json.dumps(ident, separators=(',', ':'))
        text = obj.get('text')
        if not isinstance(text, str):
            out.append((key, 'error'))
        elif len(text.encode('utf-8', 'surrogatepass')) > MAX_BYTES:
            out.append((key, 'error'))
        elif re.search(r'[\ud800-\udfff]', text):
            out.append(('*', 'either'))  # lone surrogate escape: the parser decides
        else:
            out.append((key, 'ok'))
    return out, blank


def gzip_expected(path, raw):
    """Complete lines a gzip reader can recover, then one error record if the
    stream is truncated or corrupt."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = d.decompress(raw)
        ok = d.eof
    except zlib.error:
        data, ok = b'', False  # corrupt header: nothing recoverable
    if ok:
        return jsonl_lines(path, data)
    complete = data[:data.rfind(b'\n') + 1]
    lines, blank = jsonl_lines(path, complete)
    n = complete.count(b'\n') + 1
    return lines + [('%s:%d' % (path, n), 'error')], blank


def doc(i, words=12):
    return {'id': 'doc-%d' % i, 'date': '2021-08-%02d' % (1 + i % 28),
            'text': 'WASHINGTON, Aug %d (Reuters) - ' % (1 + i % 28) +
                    ' '.join('word%d' % (i * 7 + k) for k in range(words)) + '.'}


def build(tmp):
    """Writes the inputs; returns (command-line paths, expected list, blanks)."""
    rows = [
        json.dumps(doc(1)), json.dumps({'id': 'dup', 'text': 'First copy.'}),
        json.dumps({'id': 'dup', 'text': 'Second copy.'}), '{"id":"empty","text":""}',
        '', '   \t', '{"id":"cut","text":"unterminated', '[1,2,3]',
        '{"id":"notext","title":"x"}', '{"id":"nulltext","text":null}',
        '{"id":42,"text":"Numeric id."}', '{"text":"No id."}',
        '{"id":"crlf","text":"Windows line."}\r', '{"id":"nul","text":"a\\u0000b"}',
        '{"id":"surrogate","text":"\\ud800 lone"}',
        json.dumps({'id': 'too-big', 'text': 'x ' * MAX_BYTES}),
        json.dumps({'id': 'too-long-line', 'text': '\\' * (80 << 10)}),
        '{"id":"date","text":"Bad date.","date":"2021-02-30"}', 'not json at all',
    ]
    a = '\n'.join(rows).encode() + b'\n'
    a += b'{"id":"badutf8","text":"caf\xe9 au lait \xff"}\n\x00\x01garbage\x02\n'
    a += b'{"id":"last","text":"No newline at the end."}'
    files = {'a.jsonl': a}
    good = ''.join(json.dumps(doc(i)) + '\n' for i in range(100, 150)).encode()
    files['b.jsonl.gz'] = gzip.compress(good, mtime=0)
    many = ''.join(json.dumps(doc(i, 40)) + '\n' for i in range(200, 400)).encode()
    z = gzip.compress(many, mtime=0)
    files['c.jsonl.gz'] = z[:len(z) * 3 // 5]  # truncated
    files['d.jsonl.gz'] = z[:20] + bytes(range(256)) * 4  # corrupt deflate data
    files['e.jsonl'] = b''  # an empty file: no documents
    paths, expected, blanks = [], [], 0
    for name, raw in files.items():
        p = os.path.join(tmp, name)
        with open(p, 'wb') as f:
            f.write(raw)
        paths.append(p)
        lines, blank = gzip_expected(p, raw) if name.endswith('.gz') else jsonl_lines(p, raw)
        expected += lines
        blanks += blank
    texts = os.path.join(tmp, 'texts')
    os.makedirs(os.path.join(texts, 'sub'))
    tfiles = {'a-empty.txt': b'', 'b-bad.txt': b'MOSCOW, Aug 2 - caf\xe9 \xc3(\n',
              'c-crlf.txt': b'Q: Why?\r\nMR PRICE: Because.\rEnd.\r\n',
              'sub/d-big.txt': b'word ' * (MAX_BYTES // 4), 'sub/e.txt': b'Plain text.\n',
              'notes.md': b'ignored'}
    for name, raw in tfiles.items():
        with open(os.path.join(texts, name), 'wb') as f:
            f.write(raw)
    paths.append(texts)
    for name in sorted(n for n in tfiles if n.endswith('.txt')):
        p = os.path.join(texts, name)
        raw = tfiles[name]
        if len(raw) > MAX_BYTES:
            expected.append((p, 'error'))
        else:
            try:
                raw.decode('utf-8')
                expected.append((p, 'ok'))
            except UnicodeDecodeError:
                expected.append((p, 'utf8'))
    return paths, expected, blanks


def check(extractor, paths, expected, blanks, policy, tmp):
    out_path = os.path.join(tmp, 'out-%s.jsonl' % policy)
    proc = subprocess.run([extractor, '--no-progress', '--threads', '3', '--max-bytes',
                           str(MAX_BYTES), '--utf8', policy, '-o', out_path] + paths,
                          stderr=subprocess.PIPE, timeout=300)
    err = proc.stderr.decode('utf-8', 'replace')
    failures = []
    with open(out_path, 'rb') as f:
        out = f.read().split(b'\n')
    if out and out[-1] == b'':
        out.pop()
    if len(out) != len(expected):
        failures.append('%d output lines for %d input documents' % (len(out), len(expected)))
    errors = 0
    for k, (line, (key, kind)) in enumerate(zip(out, expected)):
        try:
            rec = json.loads(line)
        except ValueError as e:
            failures.append('output line %d is not JSON (%s): %r' % (k + 1, e, line[:200]))
            continue
        is_error = 'error' in rec
        errors += is_error
        if kind == 'utf8':
            kind = 'error' if policy == 'strict' else 'ok'
        if key != '*' and rec.get('id') != key:
            failures.append('line %d: id %r, expected %r' % (k + 1, rec.get('id'), key))
        if kind == 'ok' and is_error:
            failures.append('line %d (%s): unexpected error record %s' % (k + 1, key, rec['error']))
        if kind == 'error' and not is_error:
            failures.append('line %d (%s): expected an error record' % (k + 1, key))
    m = re.search(r'documents=(\d+) errors=(\d+) skipped_blank=(\d+)', err)
    if not m:
        failures.append('no summary line on stderr')
    else:
        docs, nerr, nblank = map(int, m.groups())
        if docs != len(out):
            failures.append('summary documents=%d, output has %d' % (docs, len(out)))
        if nerr != errors:
            failures.append('summary errors=%d, output has %d error records' % (nerr, errors))
        if nblank != blanks:
            failures.append('summary skipped_blank=%d, inputs have %d' % (nblank, blanks))
    if proc.returncode != 1:
        failures.append('exit status %d, expected 1 (some documents failed)' % proc.returncode)
    print('%s: %d input documents, %d output lines, %d error records, %d blank lines; %s' %
          (policy, len(expected), len(out), errors, blanks, m.group(0) if m else '-'))
    for f in failures[:30]:
        print('  FAIL [%s] %s' % (policy, f))
    if failures:
        print('  stderr: ' + err[-2000:])
    return not failures


def main():
    extractor = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        paths, expected, blanks = build(tmp)
        ok = all([check(extractor, paths, expected, blanks, p, tmp) for p in ('strict', 'replace')])
    print('no lost data: ' + ('PASS' if ok else 'FAIL'))
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
