#!/usr/bin/env python3
"""Turns the hand-typed entity annotations below into corpora/entities/heldout.jsonl.

A blind held-out set: typed by reading the texts, committed before the
library was run on them (see README.md, "Blind held-out set"). Same format and
conventions as make_gold.py. Each entry: (text, type, value, which, optional).
`which` is 'all' (every word-bounded occurrence not inside an already placed
span of the same type) or a list of 1-based occurrence numbers. Offsets are
UTF-8 byte offsets. The script only finds offsets and checks each entry is found.
  corpora/entities/make_heldout.py [REAL_DIR] > corpora/entities/heldout.jsonl
  corpora/entities/make_heldout.py --select [REAL_DIR]   # the candidate order
REAL_DIR (default /work/shared/corpora/real) holds statedept/, whitehouse/ and
kremlin/ *.jsonl.gz; the documents are read from there by id.
"""
from gold_offsets import main

P, C, L, O = 'person', 'country', 'location', 'organization'
OFFICE = ('Office of the Spokesperson', O, 'Office of the Spokesperson', 'all', True)
A = {
 'state/331810': [
  OFFICE,
  ('Ned Price', P, 'Ned Price', 'all', False),
  ('DPRK', C, 'PRK', 'all', False),
  ('Sung Kim', P, 'Sung Kim', 'all', False),
  ('Kim', P, 'Sung Kim', 'all', False),
  ('People’s Republic of China', C, 'CHN', 'all', False),
  ('PRC', C, 'CHN', 'all', False),
  ('Korean Peninsula', L, 'Korean Peninsula', [2], False),
  ('Korean Peninsula', L, 'Korean Peninsula', [1], True),  # inside a title
  ('Liu Xiaoming', P, 'Liu Xiaoming', 'all', False),
  ('Liu', P, 'Liu Xiaoming', 'all', False),
  ('Washington, D.C.', L, 'Washington', 'all', False),
  ('Democratic People’s Republic of Korea', C, 'PRK', 'all', False),
  ('UN Security Council', O, 'UN Security Council', 'all', False),
  ('United States', C, 'USA', 'all', False),
 ],
 'state/322913': [
  OFFICE,
  ('Ned Price', P, 'Ned Price', 'all', False),
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('Blinken', P, 'Antony Blinken', 'all', False),
  ('Polish', C, 'POL', 'all', False),
  ('Zbigniew Rau', P, 'Zbigniew Rau', 'all', False),
  ('Rau', P, 'Zbigniew Rau', 'all', False),
  ('Ukraine', C, 'UKR', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Putin', P, 'Putin', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('Poland', C, 'POL', 'all', False),
  ('Harris', P, 'Harris', 'all', False),
 ],
 'state/350548': [
  OFFICE,
  ('Canada', C, 'CAN', 'all', False),
  ('Kingdom of Denmark', C, 'DNK', 'all', False),
  ('Finland', C, 'FIN', 'all', False),
  ('Iceland', C, 'ISL', 'all', False),
  ('Norway', C, 'NOR', 'all', False),
  ('Sweden', C, 'SWE', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Ukraine', C, 'UKR', 'all', False),
  ('Arctic Council', O, 'Arctic Council', 'all', False),
  ('Russian Federation', C, 'RUS', 'all', False),
  ('Arctic', L, 'Arctic', [7], False),  # "the people of the Arctic"
  ('Arctic', L, 'Arctic', [6], True),  # "Arctic States"
  ('Reykjavik', L, 'Reykjavik', 'all', False),
  ('Council', O, 'Arctic Council', 'all', True),  # "the Council's important work"
 ],
 'state/322583': [
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Russian government', O, 'RUS government', 'all', True),
  ('Ukraine', C, 'UKR', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Department of State', O, 'Department of State', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
 ],
 'wh/statements-releases/2021-02-24-president-joseph-r-biden-jr-approves-oklahoma-disaster-declaration': [
  ('Joseph R. Biden, Jr.', P, 'Joseph Biden', 'all', False),
  ('Oklahoma', L, 'Oklahoma', 'all', False),  # the state, then Oklahoma County
  # county names in "the counties Canadian, Carter, ..."
  ('Canadian', L, 'Canadian', 'all', False),
  ('Carter', L, 'Carter', 'all', False),
  ('Cherokee', L, 'Cherokee', 'all', False),
  ('Comanche', L, 'Comanche', 'all', False),
  ('Cotton', L, 'Cotton', 'all', False),
  ('Hughes', L, 'Hughes', 'all', False),
  ('Jefferson', L, 'Jefferson', 'all', False),
  ('Le Flore', L, 'Le Flore', 'all', False),
  ('McIntosh', L, 'McIntosh', 'all', False),
  ('Okmulgee', L, 'Okmulgee', 'all', False),
  ('Osage', L, 'Osage', 'all', False),
  ('Pittsburg', L, 'Pittsburg', 'all', False),
  ('Stephens', L, 'Stephens', 'all', False),
  ('Tulsa', L, 'Tulsa', 'all', False),
  ('Wagoner', L, 'Wagoner', 'all', False),
  ('Robert J. Fenton', P, 'Robert Fenton', 'all', False),
  ('Federal Emergency Management Agency', O, 'Federal Emergency Management Agency', 'all', False),
  ('FEMA', O, 'FEMA', [1, 2], False),  # not the two inside the e-mail address
  ('Department of Homeland Security', O, 'Department of Homeland Security', 'all', False),
  ('Adam D. Burpee', P, 'Adam Burpee', 'all', False),
 ],
 'wh/statements-releases/2022-08-02-statement-by-president-joe-biden-on-defeat-of-kansas-ballot-measure-threatening-womens-right-to-abortion': [
  ('Supreme Court', O, 'Supreme Court', 'all', False),
  ('American', C, 'USA', 'all', False),
  ('Kansas', L, 'Kansas', 'all', False),
  ('Americans', C, 'USA', 'all', False),
  ('Congress', O, 'Congress', 'all', False),
 ],
 'wh/statements-releases/2021-09-02-statement-by-president-joe-biden-on-supreme-court-ruling-on-texas-law-sb8': [
  ('Supreme Court', O, 'Supreme Court', 'all', False),
  ('Texas', L, 'Texas', 'all', False),
  ('Americans', C, 'USA', 'all', False),
  ('Court', O, 'Supreme Court', 'all', True),  # "the highest Court", "the Court's action"
  ('Roberts', P, 'Roberts', 'all', False),
  ('Breyer', P, 'Breyer', 'all', False),
  ('Sotomayor', P, 'Sotomayor', 'all', False),
  ('Kagan', P, 'Kagan', 'all', False),
  ('Gender Policy Council', O, 'Gender Policy Council', 'all', False),
  ('Council', O, 'Gender Policy Council', 'all', True),  # "that Council"
  ('Office of the White House Counsel', O, 'Office of the White House Counsel', 'all', False),
  ('Department of Health and Human Services', O, 'Department of Health and Human Services', 'all', False),
  ('Department of Justice', O, 'Department of Justice', 'all', False),
  ('Federal Government', O, 'USA government', 'all', True),
 ],
 'wh/statements-releases/2021-01-22-readout-of-president-joe-biden-call-with-prime-minister-justin-trudeau-of-canada': [
  ('Biden', P, 'Biden', 'all', False),
  ('Canadian', C, 'CAN', 'all', False),
  ('Justin Trudeau', P, 'Justin Trudeau', 'all', False),
  ('Trudeau', P, 'Justin Trudeau', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
  ('Canada', C, 'CAN', 'all', False),
  ('Keystone XL', L, 'Keystone XL', 'all', True),  # a pipeline (facility)
 ],
 'kremlin/38037': [
  ('Volgodonsk', L, 'Volgodonsk', 'all', False),
  ('Putin', P, 'Putin', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Finance Ministry', O, 'Finance Ministry', 'all', False),
 ],
 'kremlin/56857': [
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),
  ('Saudi Arabia', C, 'SAU', 'all', False),
  ('Salman bin Abdulaziz Al Saud', P, 'Salman bin Abdulaziz Al Saud', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Syria', C, 'SYR', 'all', False),
  ('Syrian National Dialogue Congress', O, 'Syrian National Dialogue Congress', 'all', True),  # an event
  ('Syrian', C, 'SYR', 'all', False),
  ('Sochi', L, 'Sochi', 'all', False),
  ('Persian Gulf', L, 'Persian Gulf', 'all', False),
  ('Qatar', C, 'QAT', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Middle East', L, 'Middle East', 'all', False),
 ],
 'kremlin/55042': [
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),
  ('Slavic Bazaar', O, 'Slavic Bazaar', 'all', True),  # a festival (event)
  ('Vitebsk', L, 'Vitebsk', 'all', False),
  ('Belarusian', C, 'BLR', 'all', False),
 ],
 'kremlin/51573': [
  ('Russia', C, 'RUS', 'all', False),
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),
  ('Putin', P, 'Vladimir Putin', 'all', False),
  ('Syria', C, 'SYR', 'all', False),
  ('Bashar Assad', P, 'Bashar Assad', 'all', False),
  ('Assad', P, 'Bashar Assad', 'all', False),
  ('Palmyra', L, 'Palmyra', 'all', False),
  ('Syrian Armed Forces', O, 'Syrian Armed Forces', 'all', False),
  ('Syrian', C, 'SYR', 'all', False),
  ('Aerospace Forces', O, 'Aerospace Forces', 'all', False),
  ('Defence Ministry', O, 'Defence Ministry', 'all', False),
  ('UNESCO', O, 'UNESCO', 'all', False),
  ('Irina Bokova', P, 'Irina Bokova', 'all', False),
  ('ISIS', O, 'ISIS', 'all', False),
 ],
}
# Occurrences skipped on purpose: none of the same type may overlap. A numbered
# entry placed after another of the same text and type counts occurrences
# left over (so the later of two entries keeps the original number only when
# it picks an earlier occurrence, as both numbered pairs above do).

# Selection (README, "Blind held-out set"): documents of 1000-2500 bytes of
# text, not in ../entities/gold.jsonl, ../quotes/gold.jsonl or
# ../quotes/heldout.jsonl, sorted by id per source, shuffled with one
# random.Random(SEED) in the order statedept, whitehouse, kremlin; the first
# four news-like ones of each source in that order were taken.
SEED = 20261127
SOURCES = ('statedept', 'whitehouse', 'kremlin')
EXCLUDE = ('corpora/entities/gold.jsonl', 'corpora/quotes/gold.jsonl',
           'corpora/quotes/heldout.jsonl')


main(A, SOURCES, EXCLUDE, SEED, 2500, 15)
