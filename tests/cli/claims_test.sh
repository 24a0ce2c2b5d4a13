#!/usr/bin/env bash
# Tests of communique-claims: claims_test.sh CLAIMS EXTRACTOR CORPORA_DIR CASE
# Each case works in a fresh temporary directory and checks the table, the
# conflict report, the summary line on stderr and the exit status.
set -u
C="$1"
X="$2"
CORPORA="$3"
CASE="$4"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2

fail() { echo "FAIL [$CASE]: $*" >&2; echo "--- stdout:" >&2; head -c 3000 out.tsv >&2 2>/dev/null; echo "--- stderr:" >&2; cat err.txt >&2 2>/dev/null; exit 1; }
# run ARGS...: runs communique-claims, output in out.tsv, stderr in err.txt, status in $rc.
run() { "$C" "$@" > out.tsv 2> err.txt; rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"; }
expect_in() { printf '%s' "$2" | grep -qF -- "$1" || fail "expected '$1' in: $(printf '%s' "$2" | head -c 600)"; }
expect_not_in() { if printf '%s' "$2" | grep -qF -- "$1"; then fail "unexpected '$1'"; fi; }
# col NAME: prints column NAME of out.tsv (header row excluded).
col() { awk -F'\t' -v n="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==n) c=i; next} {print $c}' out.tsv; }
# rows PATTERN: the data rows of out.tsv holding PATTERN (fixed string).
rows() { tail -n +2 out.tsv | grep -F -- "$1"; }
count() { rows "$1" | wc -l | tr -d ' '; }

# A record of one document: id, date, one figure (value, unit, period) said by one speaker.
record() {  # ID DATE VALUE UNIT PERIOD SPEAKER
  printf '{"id":"%s","document":{"date":"%s"},"times":[{"value":"%s"}],"figures":[{"text":"%s %ss","begin":0,"end":9,"kind":"cardinal","value":%s,"exact":"%s","unit":"%s","time":0}],"entities":[{"id":0,"type":"person","name":"%s","affiliation":"RUS"}],"claims":[{"speaker":0,"kind":"direct","stated_on":"%s","about":"%s","figures":[0],"times":[0],"entities":[0],"text":"x"}]}\n' \
    "$1" "$2" "$5" "$3" "$4" "$3" "$3" "$4" "$6" "$2" "$5"
}

case "$CASE" in
tass)
  # The founding text: 45 requests in 2020 and 35 in 2021-H1, each stated
  # twice (reported, then quoted): restatements, not conflicts.
  "$X" --no-progress --threads 1 --date 2021-08-02 "$CORPORA/press/tass-2021-08-02-antonov-cyber.txt" \
    "$CORPORA/real/docs.jsonl" > records.jsonl 2> /dev/null || fail "extractor failed"
  run records.jsonl; expect_rc 0
  [ "$(head -1 out.tsv | cut -f1-7)" = "$(printf 'speaker\tcode\taffiliation\tunit\tqualifier\tperiod\tvalue')" ] \
    || fail "header: $(head -1 out.tsv)"
  [ "$(count "$(printf 'Anatoly Antonov\t\tRUS\trequest\t\t2020\t45\t')")" -eq 2 ] || fail "two rows of 45 requests in 2020"
  [ "$(count "$(printf 'Anatoly Antonov\t\tRUS\trequest\t\t2021-H1\t35\t')")" -eq 2 ] || fail "two rows of 35 requests in 2021-H1"
  rows "$(printf 'request\t\t2021-H1\t35\t')" | grep -q 'forty\|thirty-five' || fail "the quoted 'thirty-five' row"
  # Every row has the 22 columns.
  awk -F'\t' 'NF != 22 { exit 1 }' out.tsv || fail "a row without 22 fields"
  # Restatements of one value never make a conflict; across documents there is none here.
  [ "$(rows "$(printf 'request\t\t2021-H1\t35\t')" | cut -f22 | sort -u)" = "" ] || fail "35 in 2021-H1 flagged"
  run --scope across --mode conflicts records.jsonl; expect_rc 0
  [ "$(wc -l < out.tsv)" -eq 1 ] || fail "conflicts across documents in TASS + docs.jsonl"
  expect_in 'conflicts=0' "$(cat err.txt)"
  # Within the text, "ten requests" (satisfied by Russia) shares the key of the 45 (sent):
  # the report lists it as a conflict within one document.
  run --mode conflicts records.jsonl; expect_rc 0
  expect_in "$(printf 'within\tAnatoly Antonov\t\trequest\t\t2020\t10\t')" "$(cat out.tsv)"
  expect_not_in "$(printf '\t2021-H1\t')" "$(cat out.tsv)"
  ;;
conflict)
  # Two documents give two values for one key, a third restates the first.
  { record a 2021-08-02 45 request 2020 "Anatoly Antonov"
    record b 2021-09-10 50 request 2020 "Anatoly Antonov"
    record c 2021-10-01 45 request 2020 "Anatoly Antonov"
    record d 2021-10-01 7 request 2020 "Sergey Lavrov"
    record e 2021-10-02 9 request 2019 "Anatoly Antonov"; } > in.jsonl
  run --mode conflicts in.jsonl; expect_rc 0
  [ "$(tail -n +2 out.tsv | wc -l)" -eq 3 ] || fail "3 statements in the conflict"
  [ "$(tail -n +2 out.tsv | cut -f1,2 | sort -u)" = "$(printf '1\tacross')" ] || fail "one conflict across"
  # Listed in stated_on order, each with its document id and date.
  [ "$(tail -n +2 out.tsv | cut -f8,10,11 | tr '\t\n' ' |')" = "45 2021-08-02 a|50 2021-09-10 b|45 2021-10-01 c|" ] \
    || fail "order: $(tail -n +2 out.tsv | cut -f8,10,11)"
  expect_in 'conflicts=1' "$(cat err.txt)"
  run --json --mode conflicts in.jsonl; expect_rc 0
  expect_in '"scope":"across","speaker":"Anatoly Antonov","code":null,"unit":"request","qualifier":null,"about":"2020","values":[{"value":"45","statements":[{"id":"a"' "$(cat out.tsv)"
  expect_in '{"value":"50","statements":[{"id":"b","stated_on":"2021-09-10"' "$(cat out.tsv)"
  # Restatements alone: no conflict.
  { record a 2021-08-02 45 request 2020 X; record c 2021-10-01 45 request 2020 X; } > same.jsonl
  run --mode conflicts same.jsonl; expect_rc 0
  [ "$(wc -l < out.tsv)" -eq 1 ] || fail "a restatement made a conflict"
  # "more than 40" agrees with 42 (a bound is an interval); 39 does not.
  { record a 2021-08-02 40 request 2020 X | sed 's/"time":0}/"time":0,"bound":"more_than"}/'
    record c 2021-10-01 42 request 2020 X; } > bound.jsonl
  run --mode conflicts bound.jsonl; expect_rc 0
  expect_in 'more_than' "$(cat bound.jsonl)"
  [ "$(wc -l < out.tsv)" -eq 1 ] || fail "a bound made a conflict"
  record d 2021-10-02 39 request 2020 X >> bound.jsonl
  run --mode conflicts bound.jsonl; expect_rc 0
  [ "$(wc -l < out.tsv)" -eq 4 ] || fail "39 against more than 40"
  # A qualifier is part of the key: 3 satellite requests are not all the requests.
  { record a 2021-08-02 45 request 2020 X
    record c 2021-10-01 3 request 2020 X | sed 's/"text":"3 requests","begin":0,"end":9/"text":"3 Satellite requests","begin":0,"end":20,"number":{"begin":0,"end":1},"unit_span":{"begin":12,"end":20}/'; } > q.jsonl
  run q.jsonl; expect_rc 0
  expect_in "$(printf 'request\tsatellite\t2020\t3\t')" "$(cat out.tsv)"
  [ "$(cut -f22 out.tsv | sort -u | tr -d '\n')" = "conflict" ] || fail "a qualified count made a conflict"
  run --no-qualifiers q.jsonl; expect_rc 0
  expect_in 'across' "$(cat out.tsv)"
  # Percentages and money take part only with --all-units.
  { record a 2021-08-02 4 request 2020 X; record c 2021-10-01 5 request 2020 X; } |
    sed 's/"kind":"cardinal"/"kind":"percent"/; s/"unit":"request"/"unit":null/' > pct.jsonl
  run --mode conflicts pct.jsonl; expect_rc 0
  [ "$(wc -l < out.tsv)" -eq 1 ] || fail "percentages compared by default"
  run --mode conflicts --all-units pct.jsonl; expect_rc 0
  expect_in "$(printf '\t%%\t\t2020\t5\t')" "$(cat out.tsv)"
  # A period that names no calendar time does not take part.
  { record a 2021-08-02 45 request PRESENT_REF X; record c 2021-10-01 46 request PRESENT_REF X; } > ref.jsonl
  run --mode conflicts ref.jsonl; expect_rc 0
  [ "$(wc -l < ref.jsonl)" -eq 2 ] && [ "$(wc -l < out.tsv)" -eq 1 ] || fail "PRESENT_REF conflict"
  ;;
broken)
  { record a 2021-08-02 45 request 2020 X
    printf '{"id":"b", "claims": [\n'
    printf '{"id":"c","error":{"code":"invalid_utf8","message":"bad byte","offset":3},"source":"f:3"}\n'
    printf '{"id":"d","text":"not a record"}\n'
    printf '\n'
    printf '{"id":"e","claims":[]}\n'; } > in.jsonl
  run in.jsonl; expect_rc 1
  expect_in 'in.jsonl:2: invalid JSON' "$(cat err.txt)"
  expect_in 'in.jsonl:3: error record of the extractor: invalid_utf8: bad byte' "$(cat err.txt)"
  expect_in 'in.jsonl:4: no "claims" array' "$(cat err.txt)"
  expect_in 'lines=6 records=2 without_claims=1 bad=3 (json=1 error_records=1 not_records=1) blank=1' "$(cat err.txt)"
  [ "$(tail -n +2 out.tsv | wc -l)" -eq 1 ] || fail "the good row is kept"
  run --tolerate-bad in.jsonl; expect_rc 0
  run --empty-is-bad in.jsonl; expect_rc 1
  expect_in 'in.jsonl:6: a record without claims' "$(cat err.txt)"
  expect_in 'without_claims=1 bad=4' "$(cat err.txt)"
  run --max-reports 1 in.jsonl; expect_rc 1
  expect_in '2 more bad lines not listed' "$(cat err.txt)"
  run missing.jsonl; expect_rc 2
  ;;
escape)
  # Tabs, newlines and backslashes in texts cannot break a row.
  printf '{"id":"a\\tb","claims":[{"speaker":null,"kind":"direct","stated_on":null,"about":null,"figures":[0],"text":"x\\ty\\nz"}],"figures":[{"text":"4\\t5\\\\n","begin":0,"end":4,"kind":"cardinal","value":4,"unit":null}]}\n' > in.jsonl
  run --claim-text in.jsonl; expect_rc 0
  [ "$(wc -l < out.tsv)" -eq 2 ] || fail "a text broke the row"
  awk -F'\t' 'NF != 23 { exit 1 }' out.tsv || fail "fields"
  expect_in 'a\tb' "$(cat out.tsv)"
  expect_in '4\t5\\n' "$(cat out.tsv)"
  expect_in 'x\ty\nz' "$(cat out.tsv)"
  run --json --claim-text in.jsonl; expect_rc 0
  expect_in '"speaker":null' "$(cat out.tsv)"
  expect_in '"text":"4\t5\\n"' "$(cat out.tsv)"
  ;;
stdin)
  { record a 2021-08-02 45 request 2020 X; record b 2021-08-03 46 request 2020 X; } > in.jsonl
  gzip -c in.jsonl > in.jsonl.gz
  "$C" < in.jsonl.gz > out.tsv 2> err.txt || fail "gzip on stdin"
  [ "$(tail -n +2 out.tsv | wc -l)" -eq 2 ] || fail "rows from stdin"
  expect_in '<stdin>' "$(cat out.tsv)"
  run in.jsonl --conflicts c.tsv -o t.tsv; expect_rc 0
  [ "$(wc -l < c.tsv)" -eq 3 ] && [ "$(wc -l < t.tsv)" -eq 3 ] || fail "--conflicts and -o"
  ;;
*)
  echo "unknown case $CASE" >&2; exit 2 ;;
esac
exit 0
