#!/usr/bin/env python3
"""Turns the hand-typed entity annotations below into corpora/entities/gold.jsonl.

Each entry: (text, type, value, which, optional). `which` is 'all' (every
word-bounded occurrence not inside an already placed span of the same type)
or a list of 1-based occurrence numbers. Offsets are UTF-8 byte offsets.
The annotations were typed by reading the texts, before any tuning; the
script only finds offsets and checks each entry is found.
  corpora/entities/make_gold.py [REAL_DIR] > corpora/entities/gold.jsonl
REAL_DIR (default /work/shared/corpora/real) holds statedept/, whitehouse/ and
kremlin/ *.jsonl.gz; the documents are read from there by id.
"""
import sys

from gold_offsets import gold_record, read_documents

P, C, L, O = 'person', 'country', 'location', 'organization'
OFFICE = ('Office of the Spokesperson', O, 'Office of the Spokesperson', 'all', True)
A = {
 'state/359305': [
  OFFICE,
  ('ANTONY J. BLINKEN', P, 'Antony Blinken', 'all', False),
  ('Blinken', P, 'Antony Blinken', 'all', False),
  ('Israel', C, 'ISR', 'all', False),
  ('West Bank', L, 'West Bank', 'all', False),
  ('Saudi Arabia', C, 'SAU', 'all', False),
  ('WENDY R. SHERMAN', P, 'Wendy Sherman', 'all', False),
  ('Sherman', P, 'Wendy Sherman', 'all', False),
  ('Department of State', O, 'Department of State', 'all', False),
  ('BRIAN P. MCKEON', P, 'Brian McKeon', 'all', False),
  ('McKeon', P, 'Brian McKeon', 'all', False),
  ('VICTORIA J. NULAND', P, 'Victoria Nuland', 'all', False),
  ('Nuland', P, 'Victoria Nuland', 'all', False),
  ('UZRA ZEYA', P, 'Uzra Zeya', 'all', False),
  ('Zeya', P, 'Uzra Zeya', 'all', False),
  ('Netherlands', C, 'NLD', 'all', False),
  ('KAREN DONFRIED', P, 'Karen Donfried', 'all', False),
  ('Donfried', P, 'Karen Donfried', 'all', False),
  ('Georgian', C, 'GEO', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('David Zalkaliani', P, 'David Zalkaliani', 'all', False),
  ('DANIEL J. KRITENBRINK', P, 'Daniel Kritenbrink', 'all', False),
  ('Kritenbrink', P, 'Daniel Kritenbrink', 'all', False),
  ('Cambodia', C, 'KHM', 'all', False),
  ('Japan', C, 'JPN', 'all', False),
  ('JULIETA VALLS NOYES', P, 'Julieta Valls Noyes', 'all', False),
  ('Noyes', P, 'Julieta Valls Noyes', 'all', False),
  ('Uganda', C, 'UGA', 'all', False),
  ('Switzerland', C, 'CHE', 'all', False),
 ],
 'state/342029': [
  OFFICE,
  ('G7', O, 'G7', 'all', False),
  ('Canada', C, 'CAN', 'all', False),
  ('France', C, 'FRA', 'all', False),
  ('Germany', C, 'DEU', 'all', False),
  ('Italy', C, 'ITA', 'all', False),
  ('Japan', C, 'JPN', 'all', False),
  ('United Kingdom', C, 'GBR', 'all', False),
  ('United States of America', C, 'USA', 'all', False),
  ('European Union', O, 'European Union', 'all', False),
  ('Hong Kong', C, 'HKG', 'all', False),
  ('Hong Kongers', C, 'HKG', 'all', True),
  ('PRC', C, 'CHN', 'all', False),
  ('China', C, 'CHN', 'all', False),
  ('Election Committee', O, 'Election Committee', 'all', True),
  ('British', C, 'GBR', 'all', True),
 ],
 'state/340926': [
  OFFICE,
  ('Ned Price', P, 'Ned Price', 'all', False),
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('Blinken', P, 'Antony Blinken', 'all', False),
  ('Southeast Asia', L, 'Southeast Asia', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('ASEAN', O, 'ASEAN', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
  ('U.S. government', O, 'USA government', 'all', True),
 ],
 'state/333681': [
  OFFICE,
  ('Department of State', O, 'Department of State', 'all', False),
  ('Advisory Committee on International Postal and Delivery Services', O,
   'Advisory Committee on International Postal and Delivery Services', 'all', False),
  ('Abidjan', L, 'Abidjan', 'all', True),
  ('Universal Postal Union', O, 'Universal Postal Union', 'all', False),
  ('State Department', O, 'State Department', 'all', False),
  ('Task Force', O, 'Task Force', 'all', True),
  ('UPU', O, 'UPU', 'all', False),
  ('Zoom', O, 'Zoom', 'all', True),
  ('US', C, 'USA', 'all', False),
  ('San Jose', L, 'San Jose', 'all', False),
  ('New York', L, 'New York', 'all', False),
 ],
 'wh/statements-releases/2021-06-04-statement-by-press-secretary-jen-psaki-on-the-presidents-calls-with-senator-shelley-moore-capito-and-house-transportation-and-infrastructure-chairman-peter-defazio': [
  ('Shelley Moore Capito', P, 'Shelley Moore Capito', 'all', False),
  ('Peter DeFazio', P, 'Peter DeFazio', 'all', False),
  ('Capito', P, 'Shelley Moore Capito', 'all', False),
  ('DeFazio', P, 'Peter DeFazio', 'all', False),
  ('American', C, 'USA', 'all', True),
  ('Democratic', O, 'Democratic Party', 'all', True),
  ('Republican', O, 'Republican Party', 'all', True),
  ('House', O, 'House of Representatives', 'all', True),
 ],
 'wh/statements-releases/2024-01-31-statement-from-president-joe-biden-on-the-passing-of-chita-rivera': [
  ('Chita Rivera', P, 'Chita Rivera', 'all', False),
  ('Chita', P, 'Chita Rivera', 'all', False),
  ('American', C, 'USA', 'all', False),
  ('America', C, 'USA', 'all', False),
  ('Americans', C, 'USA', 'all', False),
  ('Pentagon', O, 'Pentagon', 'all', False),
  ('U.S. Navy Band', O, 'U.S. Navy Band', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
  ('New York', L, 'New York', 'all', False),
  ('Broadway', L, 'Broadway', 'all', True),
  ('Kennedy Center', O, 'Kennedy Center', 'all', True),
  ('Lisa', P, 'Lisa', 'all', False),
  ('Julio', P, 'Julio', 'all', False),
  ('Armando', P, 'Armando', 'all', False),
  ('Lola del Rivero', P, 'Lola del Rivero', 'all', False),
 ],
 'wh/briefings-statements/2026-04-20-presidential-message-on-national-volunteer-week': [
  ('Americans', C, 'USA', 'all', False),
  ('America', C, 'USA', 'all', False),
  ('American', C, 'USA', 'all', False),
 ],
 'kremlin/63189': [
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),
  ('Museum of the World Ocean', O, 'Museum of the World Ocean', 'all', False),
  ('World Ocean', L, 'World Ocean', 'all', True),
  ('Embankment of the Historical Fleet', L, 'Embankment of the Historical Fleet', 'all', True),
  ('St Petersburg', L, 'St Petersburg', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Kaliningrad', L, 'Kaliningrad', 'all', False),
 ],
 'kremlin/51267': [
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),
  ('Nizhny Novgorod Region', L, 'Nizhny Novgorod Region', 'all', False),
  ('Valery Shantsev', P, 'Valery Shantsev', 'all', False),
  ('Shantsev', P, 'Valery Shantsev', 'all', False),
  ('Gorky Automobile Plant', O, 'Gorky Automobile Plant', 'all', False),
  ('GAZ', O, 'GAZ', 'all', False),
  ('Nizhny Novgorod Machine-Building Plant', O, 'Nizhny Novgorod Machine-Building Plant', 'all', False),
  ('Nizhny Novgorod', L, 'Nizhny Novgorod', 'all', True),
 ],
 'kremlin/62266': [
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),
  ('Belarus', C, 'BLR', 'all', False),
  ('Alexander Lukashenko', P, 'Alexander Lukashenko', 'all', False),
  ('Union State', O, 'Union State', 'all', True),
  ('Russia', C, 'RUS', 'all', False),
  ('Russians', C, 'RUS', 'all', False),
  ('Belarusians', C, 'BLR', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Eurasian Economic Union', O, 'Eurasian Economic Union', 'all', False),
 ],
}
# Occurrences skipped on purpose: none of the same type may overlap.


def main():
    real = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/corpora/real'
    picks = read_documents(real, ('statedept', 'whitehouse', 'kremlin'), A)
    for doc_id, entries in A.items():
        print(gold_record(doc_id, picks[doc_id], entries))


main()
