#!/usr/bin/env bash
# Tests of communique-extract: extract_test.sh EXTRACTOR CORPORA_DIR CASE
# Each case builds its own small inputs in a fresh temporary directory and
# checks the output records, the summary line on stderr and the exit status.
set -u
X="$1"
CORPORA="$2"
CASE="$3"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2

fail() { echo "FAIL [$CASE]: $*" >&2; echo "--- stdout:" >&2; head -c 2000 out.jsonl >&2 2>/dev/null; echo "--- stderr:" >&2; cat err.txt >&2 2>/dev/null; exit 1; }
# run ARGS...: runs the extractor, output in out.jsonl, stderr in err.txt, status in $rc.
run() { "$X" --no-progress "$@" > out.jsonl 2> err.txt; rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"; }
lines() { wc -l < out.jsonl | tr -d ' '; }
expect_lines() { [ "$(lines)" -eq "$1" ] || fail "$(lines) output lines, expected $1"; }
# line N: prints output line N.
line() { sed -n "$1p" out.jsonl; }
expect_in() { printf '%s' "$2" | grep -qF -- "$1" || fail "expected '$1' in: $(printf '%s' "$2" | head -c 400)"; }
expect_not_in() { if printf '%s' "$2" | grep -qF -- "$1"; then fail "unexpected '$1'"; fi; }
summary() { grep 'documents=' err.txt; }

write_docs_jsonl() {  # three valid documents
  printf '%s\n' \
    '{"id":"a","text":"WASHINGTON, August 2. /TASS/. The U.S. side said so.","date":"2021-08-02"}' \
    '{"id":"b","text":"Mr. Lavrov met Mr. Blinken on Sept. 25.\n\nThey talked.","date":null,"title":"x"}' \
    '{"id":"c","text":"No date here.","extra":{"n":[1,2]}}' > docs.jsonl
}

case "$CASE" in
text)
  printf 'MOSCOW, Aug 2 (Reuters) - Russia said on Monday it was ready to talk.\n' > one.txt
  run one.txt; expect_rc 0; expect_lines 1
  expect_in '"id":"one.txt"' "$(line 1)"
  expect_in '"source":"Reuters"' "$(line 1)"
  expect_in '"sentences":[{' "$(line 1)"
  expect_not_in '"tokens"' "$(line 1)"
  expect_in 'documents=1 errors=0' "$(summary)"
  run --tokens --date 2021-08-02 one.txt; expect_rc 0
  expect_in '"tokens":[{' "$(line 1)"
  expect_in '"date":"2021-08-02"' "$(line 1)"
  ;;
directory)
  mkdir -p d/b d/.hidden
  printf 'First document.\n' > d/b/2.txt
  printf 'Second document.\n' > d/a.txt
  printf 'Ignored.\n' > d/notes.md
  printf 'Hidden.\n' > d/.hidden/h.txt
  write_docs_jsonl; cp docs.jsonl d/c.jsonl; gzip -c docs.jsonl > d/b/1.jsonl.gz
  run d; expect_rc 0; expect_lines 8
  # Sorted by path: d/a.txt, d/b/1.jsonl.gz (3), d/b/2.txt, d/c.jsonl (3).
  expect_in '"id":"d/a.txt"' "$(line 1)"
  expect_in '"id":"a"' "$(line 2)"
  expect_in '"id":"c"' "$(line 4)"
  expect_in '"id":"d/b/2.txt"' "$(line 5)"
  expect_in '"id":"c"' "$(line 8)"
  expect_not_in 'Hidden' "$(cat out.jsonl)"
  expect_not_in 'notes.md' "$(cat out.jsonl)"
  # An unreadable file is an error record in place (root reads everything).
  if [ "$(id -u)" -ne 0 ]; then
    printf 'Locked.\n' > d/b/3.txt; chmod 000 d/b/3.txt
    run d; expect_rc 1; expect_lines 9
    expect_in '"id":"d/b/3.txt","error":{"code":"io_error"' "$(line 6)"
  fi
  ;;
jsonl_broken)
  printf '%s\n' '{"id":"ok1","text":"Fine."}' '' '{"id":"bad","text":"unterminated}' \
    '{"id":"notext","body":"x"}' '[1,2]' '{"text":"No id."}' '{"id":"ok1","text":"Duplicate id."}' > in.jsonl
  run in.jsonl; expect_rc 1; expect_lines 6
  expect_in '"id":"ok1","document"' "$(line 1)"
  expect_in '"id":"in.jsonl:3","error":{"code":"invalid_json"' "$(line 2)"
  expect_in '"source":"in.jsonl:3"' "$(line 2)"
  expect_in '"id":"notext","error":{"code":"invalid_json"' "$(line 3)"
  expect_in '"source":"in.jsonl:4"' "$(line 3)"
  expect_in '"id":"in.jsonl:5","error"' "$(line 4)"
  expect_in '"id":"in.jsonl:6","document"' "$(line 5)"
  expect_in '"id":"ok1","document"' "$(line 6)"
  expect_in 'documents=6 errors=3 skipped_blank=1' "$(summary)"
  expect_in 'in.jsonl:3: invalid_json' "$(cat err.txt)"
  run --tolerate-errors in.jsonl; expect_rc 0; expect_lines 6
  # --fail-fast: everything before the first failure, the failure, then stop.
  run --fail-fast --threads 2 in.jsonl; expect_rc 1; expect_lines 2
  expect_in '"error"' "$(line 2)"
  ;;
utf8_strict)
  printf 'Bad \xff byte.\n' > bad.txt
  printf '{"id":"j","text":"caf\xe9"}\n' > bad.jsonl
  run --utf8 strict bad.txt bad.jsonl; expect_rc 1; expect_lines 2
  expect_in '"id":"bad.txt","error":{"code":"invalid_utf8"' "$(line 1)"
  expect_in '"offset":4' "$(line 1)"
  expect_in '"id":"j","error":{"code":"invalid_utf8"' "$(line 2)"
  expect_in '"source":"bad.jsonl:1"' "$(line 2)"
  expect_in 'errors=2' "$(summary)"
  ;;
utf8_replace)
  printf 'Bad \xff byte.\n' > bad.txt
  printf '{"id":"j","text":"caf\xe9 au lait."}\n' > bad.jsonl
  run bad.txt bad.jsonl; expect_rc 0; expect_lines 2
  expect_in '"diagnostics":[{"code":"invalid_utf8","begin":4,"end":5' "$(line 1)"
  expect_in '"id":"j","document"' "$(line 2)"
  expect_in '"code":"invalid_utf8"' "$(line 2)"
  expect_in 'errors=0 skipped_blank=0 utf8_repaired=2' "$(summary)"
  ;;
empty)
  : > empty.txt
  printf '%s\n' '{"id":"e","text":""}' > empty.jsonl
  run empty.txt empty.jsonl; expect_rc 0; expect_lines 2
  expect_in '"id":"empty.txt","document"' "$(line 1)"
  expect_in '"sentences":[]' "$(line 1)"
  expect_in '"id":"e","document"' "$(line 2)"
  expect_in 'documents=2 errors=0' "$(summary)"
  ;;
gzip)
  write_docs_jsonl
  gzip -c docs.jsonl > docs.jsonl.gz
  run docs.jsonl; cp out.jsonl plain.out
  run docs.jsonl.gz; expect_rc 0; expect_lines 3
  cmp -s plain.out out.jsonl || fail "gzip output differs from plain output"
  # Gzip from stdin is recognised too.
  "$X" --no-progress < docs.jsonl.gz > out.jsonl 2> err.txt || fail "stdin gzip failed"
  cmp -s plain.out out.jsonl || fail "stdin gzip output differs"
  # A truncated stream: complete lines come out, then one error record.
  for i in $(seq 1 40); do cat docs.jsonl; done | gzip -c > big.jsonl.gz
  head -c $(( $(wc -c < big.jsonl.gz) / 2 )) big.jsonl.gz > cut.jsonl.gz
  run cut.jsonl.gz; expect_rc 1
  n=$(lines)
  [ "$n" -gt 1 ] && [ "$n" -lt 120 ] || fail "$n lines from a truncated gzip"
  expect_in '"error":{"code":"io_error","message":"truncated gzip' "$(line "$n")"
  expect_in "\"source\":\"cut.jsonl.gz:$n\"" "$(line "$n")"
  [ "$(grep -c '"error"' out.jsonl)" -eq 1 ] || fail "more than one error record"
  ;;
threads)
  # Many documents of different sizes, so that workers finish out of order.
  cp "$CORPORA/real/docs.jsonl" corpus.jsonl
  for i in $(seq 1 40); do
    printf '{"id":"t%d","text":"Doc %d. %s"}\n' "$i" "$i" "$(head -c $(( (i * 7919) % 3000 )) /dev/zero | tr '\0' 'a')"
    printf 'not json %d\n' "$i"
  done > small.jsonl
  mkdir press; cp "$CORPORA"/press/*.txt press/
  run --threads 1 corpus.jsonl small.jsonl press; cp out.jsonl one.out
  for args in "--threads 2" "--threads 4 --max-in-flight 3" "--threads 3 --max-in-flight 1"; do
    # shellcheck disable=SC2086
    run $args corpus.jsonl small.jsonl press
    cmp -s one.out out.jsonl || fail "output with $args differs from --threads 1"
  done
  ;;
count)
  cp "$CORPORA/real/docs.jsonl" corpus.jsonl
  printf '%s\n' '{"id":"x","text":"One."}' '' '   ' 'garbage' '{"id":"y","text":"Two."}' >> corpus.jsonl
  documents=$(grep -cv '^[[:space:]]*$' corpus.jsonl)
  run --threads 2 corpus.jsonl; expect_rc 1; expect_lines "$documents"
  expect_in "documents=$documents errors=1 skipped_blank=2" "$(summary)"
  ids_in=$(grep -v '^[[:space:]]*$' corpus.jsonl | grep -o '^{"id": *"[^"]*"' | sed 's/^{"id": *//')
  ids_out=$(grep -o '^{"id":"[^"]*"' out.jsonl | sed 's/^{"id"://' | grep -v '"corpus.jsonl:')
  [ "$ids_in" = "$ids_out" ] || fail "ids out of order or missing"
  ;;
stdin)
  write_docs_jsonl
  "$X" --no-progress < docs.jsonl > out.jsonl 2> err.txt; rc=$?; expect_rc 0; expect_lines 3
  cat docs.jsonl | "$X" --no-progress - > out.jsonl 2> err.txt; rc=$?; expect_rc 0; expect_lines 3
  printf 'Plain text.\n\nTwo paragraphs.\n' | "$X" --no-progress --stdin-format text > out.jsonl 2> err.txt
  rc=$?; expect_rc 0; expect_lines 1
  expect_in '"id":"-"' "$(line 1)"
  ;;
options)
  write_docs_jsonl
  run --date 2020-01-15 docs.jsonl; expect_rc 0
  expect_in '"date":"2021-08-02","date_source":"caller"' "$(line 1)"  # the JSONL date wins
  expect_in '"date":"2020-01-15"' "$(line 3)"                          # the default fills in
  run --max-bytes 20 docs.jsonl; expect_rc 1
  expect_in '"id":"a","error":{"code":"input_too_large"' "$(line 1)"
  expect_in '"id":"c","document"' "$(line 3)"
  run --pretty docs.jsonl; expect_rc 0
  [ "$(head -1 out.jsonl)" = "[" ] && [ "$(tail -1 out.jsonl)" = "]" ] || fail "--pretty is not one array"
  [ "$(grep -c '^  "id": ' out.jsonl)" -eq 3 ] || fail "--pretty lost a record"
  run -o file.jsonl docs.jsonl; expect_rc 0; expect_lines 0
  [ "$(wc -l < file.jsonl)" -eq 3 ] || fail "-o wrote $(wc -l < file.jsonl) lines"
  ;;
usage)
  run missing.txt; expect_rc 2
  expect_in 'no such file' "$(cat err.txt)"
  printf 'x\n' > a.txt
  run --date 2021-02-30 a.txt; expect_rc 2
  run --utf8 lax a.txt; expect_rc 2
  run --threads 0 a.txt; expect_rc 2
  run -o /nonexistent-dir/out.jsonl a.txt; expect_rc 2
  run --help; expect_rc 0
  expect_in '--stdin-format' "$(cat out.jsonl)"
  ;;
*)
  echo "unknown case $CASE" >&2; exit 2 ;;
esac
echo "ok [$CASE]"
