#!/usr/bin/env python3
"""Turns the hand-typed entity annotations below into corpora/entities/dev2.jsonl.

A second development set, open for tuning (unlike heldout.jsonl): typed by
reading the texts and committed before the library was run on them (see
README.md, "Second development set"). Same format and conventions as
make_gold.py and make_heldout.py. Each entry: (text, type, value, which,
optional). `which` is 'all' (every word-bounded occurrence not inside an
already placed span of the same type) or a list of 1-based occurrence numbers
among those left over. Offsets are UTF-8 byte offsets. The script only finds
offsets and checks each entry is found.
  corpora/entities/make_dev2.py [REAL_DIR] > corpora/entities/dev2.jsonl
  corpora/entities/make_dev2.py --select [REAL_DIR]   # the candidate order
REAL_DIR (default /work/shared/corpora/real) holds statedept/, whitehouse/ and
kremlin/ *.jsonl.gz; the documents are read from there by id.
"""
from gold_offsets import main

P, C, L, O = 'person', 'country', 'location', 'organization'
OFFICE = ('Office of the Spokesperson', O, 'Office of the Spokesperson', 'all', True)
WH = 'wh/statements-releases/'
A = {
 'state/350411': [
  OFFICE,
  ('Brian P. McKeon', P, 'Brian McKeon', 'all', False),
  ('McKeon', P, 'Brian McKeon', 'all', False),
  ('Paris', L, 'Paris', 'all', False),
  ('France', C, 'FRA', 'all', False),
  ('U.S. Consulate General', O, 'U.S. Consulate General', 'all', True),
  ('U.S.', C, 'USA', 'all', False),
  ('Ministerial Council Meeting', O, 'Ministerial Council Meeting', 'all', True),  # an event
  ('Organization for Economic Development and Cooperation', O, 'OECD', 'all', False),
  ('OECD', O, 'OECD', 'all', False),
  ('Matthias Corman', P, 'Matthias Corman', 'all', False),
  ('Ukraine', C, 'UKR', 'all', False),
  ('Africa', L, 'Africa', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Frankfurt', L, 'Frankfurt', 'all', False),
  ('Germany', C, 'DEU', 'all', False),
 ],
 'state/326272': [
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('Department of State', O, 'Department of State', 'all', False),
  ('PRC government', O, 'CHN government', 'all', True),
  ('PRC', C, 'CHN', 'all', False),
  ('China', C, 'CHN', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
  ('American', C, 'USA', [2], False),  # "the American people"
  ('American', C, 'USA', [1], True),  # "Uyghur American activists"
  ('Xinjiang', L, 'Xinjiang', 'all', False),
  ('Tibet', L, 'Tibet', 'all', False),
  ('Hong Kong', C, 'HKG', 'all', False),
 ],
 'state/253044': [
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('United Nations Secretariat', O, 'United Nations Secretariat', 'all', False),
  ('United Nations', O, 'United Nations', 'all', False),
  ('António Guterres', P, 'António Guterres', 'all', False),
  ('Guterres', P, 'António Guterres', 'all', False),
  ('General Assembly', O, 'General Assembly', 'all', False),
 ],
 'state/256381': [
  OFFICE,
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('Blinken', P, 'Antony Blinken', 'all', False),
  ('Benjamin Franklin Room', L, 'Benjamin Franklin Room', 'all', True),  # a room
  ('U.S. Department of State', O, 'Department of State', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('Kari Johnstone', P, 'Kari Johnstone', 'all', False),
  ('Office to Monitor and Combat Trafficking in Persons', O,
   'Office to Monitor and Combat Trafficking in Persons', 'all', False),
  # the third time without the final s
  ('Office to Monitor and Combat Trafficking in Person', O,
   'Office to Monitor and Combat Trafficking in Persons', 'all', False),
  ('State Department', O, 'Department of State', 'all', False),
  ('International Visitor Leadership Program', O, 'International Visitor Leadership Program', 'all', True),
  ('IVLP', O, 'IVLP', 'all', True),
  ('American', C, 'USA', 'all', False),
  ('Mai Shiozaki', P, 'Mai Shiozaki', 'all', False),
  ('Briefing Room', L, 'Briefing Room', 'all', True),  # a room
  ('Twitter', O, 'Twitter', 'all', True),
 ],
 'state/360568': [
  OFFICE,
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('Alejandro N. Mayorkas', P, 'Alejandro Mayorkas', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('Afghans', C, 'AFG', 'all', False),
  ('Afghan', C, 'AFG', 'all', False),
  ('U.S. Department of State', O, 'Department of State', 'all', False),
  ('U.S. Department of Homeland Security', O, 'Department of Homeland Security', 'all', False),
  ('U.S. Citizenship and Immigration Services', O, 'USCIS', 'all', False),
  ('USCIS', O, 'USCIS', 'all', False),
  ('DHS', O, 'Department of Homeland Security', 'all', False),
  ('SIV Program', O, 'SIV Program', 'all', True),  # a programme
  ('U.S.', C, 'USA', 'all', False),
 ],
 'state/247259': [
  OFFICE,
  ('Ned Price', P, 'Ned Price', 'all', False),
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('Colombian', C, 'COL', 'all', False),
  ('Colombia', C, 'COL', 'all', False),
  ('Marta Lucía Ramírez', P, 'Marta Lucía Ramírez', 'all', False),
  ('Department of State', O, 'Department of State', 'all', False),
  ('Duque', P, 'Duque', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
 ],
 WH + '2022-05-02-first-lady-jill-biden-to-travel-to-romania-and-slovakia': [
  ('Jill Biden', P, 'Jill Biden', 'all', False),
  ('Government of Romania', O, 'ROU government', 'all', True),
  ('Government of Slovakia', O, 'SVK government', 'all', True),
  ('Romania', C, 'ROU', 'all', False),
  ('Slovakia', C, 'SVK', 'all', False),
  ('Slovaks', C, 'SVK', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
  ('Ukrainian', C, 'UKR', 'all', False),
  ('Putin', P, 'Putin', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('Mihail Kogalniceau Airbase', L, 'Mihail Kogalniceau Airbase', 'all', True),  # a base
  ('Bucharest', L, 'Bucharest', 'all', False),
  ('Bratislava', L, 'Bratislava', 'all', False),
  ('Kosice', L, 'Kosice', 'all', False),
  ('Vysne Nemecke', L, 'Vysne Nemecke', 'all', False),
 ],
 WH + '2021-10-28-statement-by-press-secretary-jen-psaki-on-build-back-better-framework-and-bipartisan-infrastructure-deal': [
  ('American', C, 'USA', 'all', False),
  ('Democrat', O, 'Democratic Party', 'all', True),  # a party member
  ('Congress', O, 'Congress', 'all', False),
 ],
 WH + '2021-04-14-president-biden-announces-erika-l-moritsugu-as-deputy-assistant-to-the-president-and-asian-american-and-pacific-islander-senior-liaison': [
  ('WASHINGTON', L, 'Washington', 'all', False),
  ('Joe Biden', P, 'Joe Biden', 'all', False),
  ('Biden', P, 'Joe Biden', 'all', True),  # "Biden-Harris Administration"
  ('Harris', P, 'Harris', 'all', True),
  ('Erika L. Moritsugu', P, 'Erika Moritsugu', 'all', False),
  ('Moritsugu', P, 'Erika Moritsugu', 'all', False),
  ('National Partnership for Women & Families', O, 'National Partnership for Women & Families', 'all', False),
  ('National Partnership', O, 'National Partnership for Women & Families', 'all', False),
  ('Partnership', O, 'National Partnership for Women & Families', 'all', True),  # "the Partnership’s"
  ('Department of Housing and Urban Development', O, 'Department of Housing and Urban Development', 'all', False),
  ('Julián Castro', P, 'Julián Castro', 'all', False),
  ('Obama', P, 'Obama', 'all', True),  # "the Obama Administration"
  ('Senate Democratic Policy Committee', O, 'Senate Democratic Policy Committee', 'all', False),
  ('Senate', O, 'Senate', 'all', False),  # also before a role: "Senate Majority Leader"
  ('Anti-Defamation League', O, 'Anti-Defamation League', 'all', False),
  ('Capitol Hill', L, 'Capitol Hill', 'all', False),
  ('Tammy Duckworth', P, 'Tammy Duckworth', 'all', False),
  ('Illinois', L, 'Illinois', 'all', False),
  ('Consumer Financial Protection Bureau', O, 'Consumer Financial Protection Bureau', 'all', False),
  ('Daniel K. Akaka', P, 'Daniel Akaka', 'all', False),
  ('Hawai’i', L, 'Hawai’i', 'all', False),
  ('Harry Reid', P, 'Harry Reid', 'all', False),
  ('Nevada', L, 'Nevada', 'all', False),
  ('White House Office of Presidential Personnel', O, 'White House Office of Presidential Personnel', 'all', False),
  ('Prosecutor’s Office for the City and County of Honolulu', O,
   'Prosecutor’s Office for the City and County of Honolulu', 'all', False),
  ('Honolulu', L, 'Honolulu', 'all', False),
  ('U.S. Department of Justice', O, 'Department of Justice', 'all', False),
  ('Criminal Division', O, 'Criminal Division', 'all', True),
  ('U.S.', C, 'USA', 'all', False),
  ('Hogan and Hartson', O, 'Hogan and Hartson', 'all', False),
  ('Wexler Group', O, 'The Wexler Group', 'all', False),
  ('Brandeis University', O, 'Brandeis University', 'all', False),
  ('College of William and Mary', O, 'College of William and Mary', 'all', False),
  ('George Washington Law School', O, 'George Washington Law School', 'all', False),
  ('California', L, 'California', 'all', False),
  ('Brian', P, 'Brian', 'all', False),
  ('Vianne Leilani', P, 'Vianne Leilani', 'all', False),
  ('Chester Likeke', P, 'Chester Likeke', 'all', False),
  ('American', C, 'USA', 'all', True),  # "Asian American" (ethnic)
 ],
 WH + '2024-08-20-statement-from-president-joe-biden-on-the-passing-of-phil-donahue': [
  ('Phil Donahue', P, 'Phil Donahue', 'all', False),
  ('Phil', P, 'Phil Donahue', 'all', False),
  ('Donahue', P, 'Phil Donahue', 'all', True),  # "the Donahue family"
  ('America', C, 'USA', 'all', False),
  ('Irish', C, 'IRL', 'all', True),  # "Irish-Catholic family" (ethnic)
  ('Cleveland', L, 'Cleveland', 'all', False),
  ('Americans', C, 'USA', 'all', False),
  ('Jill', P, 'Jill', 'all', False),
  ('Marlo Thomas', P, 'Marlo Thomas', 'all', False),
 ],
 'wh/briefings-statements/2026-02-13-first-lady-melania-trump-embraces-love-of-country-family-to-united-states-armed-forces': [
  ('Melania Trump', P, 'Melania Trump', 'all', False),
  ('Donald J. Trump', P, 'Donald Trump', 'all', False),
  ('Trump', P, 'Melania Trump', [1], False),  # "Mrs. Trump"
  ('Trump', P, 'Donald Trump', 'all', False),  # "President Trump"
  ('America', C, 'USA', 'all', False),
  ('American', C, 'USA', 'all', False),
  ('Pope Army Airfield', L, 'Pope Army Airfield', 'all', True),  # a base
  ('Fort Bragg', L, 'Fort Bragg', 'all', True),  # a base
  ('North Carolina', L, 'North Carolina', 'all', False),
  ('United States Army Special Forces', O, 'United States Army Special Forces', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('Venezuela', C, 'VEN', 'all', False),
  ('Nicolas Maduro', P, 'Nicolas Maduro', 'all', False),
 ],
 WH + '2022-03-30-a-message-to-the-congress-on-the-continuation-of-the-national-emergency-with-respect-to-significant-malicious-cyber-enabled-activities': [
  ('CONGRESS', O, 'Congress', 'all', False),
  ('UNITED STATES', C, 'USA', 'all', False),
  ('Congress', O, 'Congress', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('JOSEPH R. BIDEN JR.', P, 'Joseph Biden', 'all', False),
  ('WHITE HOUSE', L, 'White House', 'all', True),  # the place of signing
  ('Federal Register', O, 'Federal Register', 'all', True),  # a publication
 ],
 'kremlin/55791': [
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),
  ('Security Council', O, 'Security Council', 'all', False),
  ('Syria', C, 'SYR', 'all', False),
  ('Russian Aerospace Forces', O, 'Russian Aerospace Forces', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Syrian Army', O, 'Syrian Army', 'all', False),
  ('Syrian', C, 'SYR', 'all', False),
  ('CIS', O, 'CIS', 'all', False),
  ('EAEU', O, 'EAEU', 'all', False),
  ('Dmitry Medvedev', P, 'Dmitry Medvedev', 'all', False),
  ('Federation Council', O, 'Federation Council', 'all', False),
  ('Valentina Matviyenko', P, 'Valentina Matviyenko', 'all', False),
  ('State Duma', O, 'State Duma', 'all', False),
  ('Vyacheslav Volodin', P, 'Vyacheslav Volodin', 'all', False),
  ('Presidential Executive Office', O, 'Presidential Executive Office', 'all', False),
  ('Anton Vaino', P, 'Anton Vaino', 'all', False),
  ('Nikolai Patrushev', P, 'Nikolai Patrushev', 'all', False),
  ('Vladimir Kolokoltsev', P, 'Vladimir Kolokoltsev', 'all', False),
  ('Sergei Shoigu', P, 'Sergei Shoigu', 'all', False),
  ('Sergei Lavrov', P, 'Sergei Lavrov', 'all', False),
  ('Federal Security Service', O, 'Federal Security Service', 'all', False),
  ('Alexander Bortnikov', P, 'Alexander Bortnikov', 'all', False),
  ('Foreign Intelligence Service', O, 'Foreign Intelligence Service', 'all', False),
  ('Sergei Naryshkin', P, 'Sergei Naryshkin', 'all', False),
 ],
 'kremlin/41844': [
  ('Russia', C, 'RUS', 'all', False),
  ('Ukraine', C, 'UKR', 'all', False),
  ('Russian', C, 'RUS', 'all', False),  # "Russian-Ukrainian"
  ('Ukrainian', C, 'UKR', 'all', False),
 ],
 'kremlin/41683': [
  ('Kosovo', L, 'Kosovo', 'all', False),  # a province in 2001
  ('Russia', C, 'RUS', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Putin', P, 'Putin', 'all', False),
  ('UN Security Council', O, 'UN Security Council', [1], False),
  ('UN Security Council', O, 'UN Security Council', 'all', True),  # in "Resolution 1244"
  ('UN', O, 'United Nations', 'all', True),  # in "the UN Charter"
  ('Vojislav Kostunica', P, 'Vojislav Kostunica', 'all', False),
  ('Yugoslavia', C, 'YUG', 'all', False),
  ('Balkans', L, 'Balkans', 'all', False),
  ('Dayton', L, 'Dayton', 'all', True),  # in "the Dayton agreements"
 ],
 'kremlin/27936': [
  ('Federative Republic of Brazil', C, 'BRA', 'all', False),
  ('Brazil', C, 'BRA', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Brazilian', C, 'BRA', 'all', False),
  ('UN', O, 'United Nations', 'all', False),
  ('Security Council', O, 'UN Security Council', 'all', False),  # "the UN and its Security Council"
  ('Lula da Silva', P, 'Lula da Silva', 'all', False),
  ('Igor Shuvalov', P, 'Igor Shuvalov', 'all', False),
 ],
 'kremlin/33616': [
  ('Mongolian', C, 'MNG', 'all', False),
  ('Mongolia', C, 'MNG', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Asia', L, 'Asia', 'all', False),
  ('Federation Council', O, 'Federation Council', 'all', False),
  ('Sergei Mironov', P, 'Sergei Mironov', 'all', False),
  ('Nambaryn Enkhbayar', P, 'Nambaryn Enkhbayar', 'all', False),
 ],
 'kremlin/54966': [
  ('Russia', C, 'RUS', 'all', False),
  ('G20 Group', O, 'G20', 'all', False),
  ('G20', O, 'G20', 'all', False),
  ('Africa', L, 'Africa', 'all', False),
  ('Argentina', C, 'ARG', 'all', False),
  ('Putin', P, 'Putin', 'all', False),
  ('Hamburg', L, 'Hamburg', 'all', False),
  ('BRICS', O, 'BRICS', 'all', False),
 ],
}
# Occurrences skipped on purpose: none of the same type may overlap. A numbered
# entry counts the occurrences left over when it is placed.

# Selection (README, "Second development set"): documents of 1000-3000 bytes of
# text, not in gold.jsonl, heldout.jsonl, ../quotes/gold.jsonl or
# ../quotes/heldout.jsonl, sorted by id per source, shuffled with one
# random.Random(SEED) in the order statedept, whitehouse, kremlin; the first
# six news-like ones of each source in that order were taken.
SEED = 20261128
SOURCES = ('statedept', 'whitehouse', 'kremlin')
EXCLUDE = ('corpora/entities/gold.jsonl', 'corpora/entities/heldout.jsonl',
           'corpora/quotes/gold.jsonl', 'corpora/quotes/heldout.jsonl')


main(A, SOURCES, EXCLUDE, SEED, 3000, 20)
