#!/usr/bin/env python3
"""Turns the hand-typed entity annotations below into corpora/entities/heldout2.jsonl.

A second blind held-out set: typed by reading the texts, committed before the
library was run on them (see README.md, "Second blind held-out set"). Same
format and conventions as make_gold.py, make_heldout.py and make_dev2.py. Each
entry: (text, type, value, which, optional). `which` is 'all' (every
word-bounded occurrence not inside an already placed span of the same type) or
a list of 1-based occurrence numbers among those left over. Offsets are UTF-8
byte offsets. The script only finds offsets and checks each entry is found.
  corpora/entities/make_heldout2.py [REAL_DIR] > corpora/entities/heldout2.jsonl
  corpora/entities/make_heldout2.py --select [REAL_DIR]   # the candidate order
REAL_DIR (default /work/shared/corpora/real) holds statedept/, whitehouse/ and
kremlin/ *.jsonl.gz; the documents are read from there by id.
"""
from gold_offsets import main

P, C, L, O = 'person', 'country', 'location', 'organization'
OFFICE = ('Office of the Spokesperson', O, 'Office of the Spokesperson', 'all', True)
WH = 'wh/statements-releases/'
A = {
 'state/342076': [
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('American', C, 'USA', 'all', False),
  ('European Union', O, 'European Union', [1, 2, 4], False),
  ('European Union', O, 'European Union', 'all', True),  # in "Treaty on European Union"
  ('Europe', L, 'Europe', [2, 3, 4], False),
  ('Europe', L, 'Europe', 'all', True),  # in the holiday "Europe Day"
  ('French', C, 'FRA', 'all', False),
  ('Robert Schuman', P, 'Robert Schuman', 'all', False),
  ('Schuman', P, 'Robert Schuman', 'all', False),
  ('Maastricht', L, 'Maastricht', 'all', False),
  ('EU', O, 'European Union', 'all', False),
  ('Atlantic Ocean', L, 'Atlantic Ocean', 'all', False),
  ('Atlantic', L, 'Atlantic', 'all', False),
  ('U.S.', C, 'USA', 'all', False),  # "U.S.-EU"
  ('United States', C, 'USA', 'all', False),
  ('Russian government', O, 'RUS government', 'all', True),
  ('Russian', C, 'RUS', 'all', False),
  ('Ukraine', C, 'UKR', 'all', False),
 ],
 'state/358808': [
  OFFICE,
  ('U.S. Embassy', O, 'U.S. Embassy', 'all', True),  # a mission (building)
  ('U.S. Consulate General', O, 'U.S. Consulate General', 'all', True),
  ('U.S. Government', O, 'USA government', 'all', True),
  ('U.S.', C, 'USA', 'all', False),
  ('Pristina', L, 'Pristina', 'all', False),
  ('Kosovo', C, 'XKX', 'all', False),  # a state in 2022; XKX: no ISO code, the EU/IMF one
  ('Nuevo Laredo', L, 'Nuevo Laredo', 'all', False),
  ('Mexico', C, 'MEX', 'all', False),
  ('Leadership in Energy and Environmental Design', O, 'LEED', 'all', True),  # a rating programme
  ('LEED', O, 'LEED', 'all', True),
  ('United States Green Building Council', O, 'United States Green Building Council', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('OBO', O, 'Bureau of Overseas Buildings Operations', 'all', False),
  ('Davis Brody Bond', O, 'Davis Brody Bond', 'all', False),
  ('B.L. Harbert International', O, 'B.L. Harbert International', 'all', False),
  ('Page', O, 'Page', 'all', False),  # an architecture firm
  ('Moore Ruble Yudell', O, 'Moore Ruble Yudell', 'all', False),
  ('Department', O, 'Department of State', 'all', True),  # "the Department’s"
  ('Capital Security Construction Program', O, 'Capital Security Construction Program', 'all', True),
  ('Christine Foushee', P, 'Christine Foushee', 'all', False),
 ],
 'state/255601': [
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('Ousmane Illiassou Djibo', P, 'Ousmane Illiassou Djibo', 'all', False),
  ('Petit Chapori', P, 'Ousmane Illiassou Djibo', 'all', False),  # his alias
  ('Djibo', P, 'Ousmane Illiassou Djibo', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
  ('Nigerien Armed Forces', O, 'Nigerien Armed Forces', 'all', False),
  ('FAN', O, 'Nigerien Armed Forces', 'all', False),
  ('Nigerien', C, 'NER', 'all', False),
  ('Islamic State of Iraq and Syria in the Greater Sahara', O, 'ISIS-GS', 'all', False),
  ('Iraq', C, 'IRQ', 'all', False),
  ('Syria', C, 'SYR', 'all', False),
  ('Greater Sahara', L, 'Greater Sahara', 'all', True),  # a place inside an organization name
  ('ISIS-GS', O, 'ISIS-GS', 'all', False),
  ('ISIS', O, 'ISIS', 'all', False),
  ('Menaka Region', L, 'Menaka Region', 'all', False),
  ('Mali', C, 'MLI', 'all', False),
  ('Adnan Abu Walid al-Sahrawi', P, 'Adnan Abu Walid al-Sahrawi', 'all', False),
  ('Al-Sahrawi', P, 'Adnan Abu Walid al-Sahrawi', 'all', False),
  ('Niger', C, 'NER', 'all', False),
  ('Inates', L, 'Inates', 'all', False),
  ('Tillaberi Region', L, 'Tillaberi Region', 'all', False),
  ('Tongo Tongo', L, 'Tongo Tongo', 'all', False),
  ('Burkina Faso', C, 'BFA', 'all', False),
  ('Al-Mourabitoun', O, 'Al-Mourabitoun', 'all', False),
  ('al-Qa’ida', O, 'al-Qa’ida', 'all', False),
 ],
 'state/340953': [
  OFFICE,
  ('Ned Price', P, 'Ned Price', 'all', False),
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('Blinken', P, 'Antony Blinken', 'all', False),
  ('Japanese', C, 'JPN', 'all', False),
  ('Akiba Takeo', P, 'Akiba Takeo', 'all', False),
  ('Akiba', P, 'Akiba Takeo', 'all', False),
  ('Washington, D.C.', L, 'Washington', 'all', False),
  ('U.S.-Japan Alliance', O, 'U.S.-Japan Alliance', 'all', True),  # an alliance of two states
  ('U.S.-Japan Economic Policy Consultative Committee', O,
   'U.S.-Japan Economic Policy Consultative Committee', 'all', False),
  ('Economic 2+2', O, 'U.S.-Japan Economic Policy Consultative Committee', 'all', True),
  ('U.S.', C, 'USA', 'all', False),
  ('Japan', C, 'JPN', 'all', False),
  ('Quad Summit', O, 'Quad Summit', 'all', True),  # an event
  ('Indo-Pacific', L, 'Indo-Pacific', 'all', False),
  ('Kremlin', O, 'Kremlin', 'all', True),  # the Russian government by its seat
  ('Ukraine', C, 'UKR', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Republic of Korea', C, 'KOR', 'all', False),
  ('Korean Peninsula', L, 'Korean Peninsula', 'all', False),
 ],
 'state/320434': [
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('United States', C, 'USA', 'all', False),
 ],
 'state/358257': [
  ('Ned Price', P, 'Ned Price', 'all', False),
  ('Department', O, 'Department of State', 'all', True),  # "Department Spokesperson"
  ('Antony J. Blinken', P, 'Antony Blinken', 'all', False),
  ('Blinken', P, 'Antony Blinken', 'all', False),
  ('Bali', L, 'Bali', 'all', False),
  ('Indonesia', C, 'IDN', 'all', False),
  ('Indonesian', C, 'IDN', 'all', False),
  ('Bangkok', L, 'Bangkok', 'all', False),
  ('Thailand', C, 'THA', 'all', False),
  ('Tokyo', L, 'Tokyo', 'all', False),
  ('Japan', C, 'JPN', 'all', False),
  ('G20 Foreign Ministers’ Meeting', O, 'G20 Foreign Ministers’ Meeting', 'all', True),  # an event
  ('G20', O, 'G20', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Ukraine', C, 'UKR', 'all', False),
  ('Retno Marsudi', P, 'Retno Marsudi', 'all', False),
  ('People’s Republic of China', C, 'CHN', 'all', False),
  ('PRC', C, 'CHN', 'all', False),
  ('Wang Yi', P, 'Wang Yi', 'all', False),
  ('Prayut Chan-o-cha', P, 'Prayut Chan-o-cha', 'all', False),
  ('Don Pramudwinai', P, 'Don Pramudwinai', 'all', False),
  ('APEC', O, 'APEC', 'all', False),
  ('Burma', C, 'MMR', 'all', False),
  ('U.S.-Japan Alliance', O, 'U.S.-Japan Alliance', 'all', True),
  ('U.S-Thai Alliance', O, 'U.S.-Thai Alliance', 'all', True),
  ('U.S.', C, 'USA', 'all', False),
  ('U.S', C, 'USA', 'all', False),  # "U.S-Thai", written without the last period
  ('Thai', C, 'THA', 'all', False),
  ('Indo-Pacific', L, 'Indo-Pacific', [2], False),
  ('Indo-Pacific', L, 'Indo-Pacific', 'all', True),  # in "the President’s Indo-Pacific Strategy"
  ('Japanese', C, 'JPN', 'all', False),
  ('Abe Shinzo', P, 'Abe Shinzo', 'all', False),
 ],
 'state/336897': [
  OFFICE,
  ('Victoria Nuland', P, 'Victoria Nuland', 'all', False),
  ('Nuland', P, 'Victoria Nuland', 'all', False),
  ('Jose Fernández', P, 'Jose Fernández', 'all', False),
  ('Fernández', P, 'Jose Fernández', 'all', False),
  ('Fernandez', P, 'Jose Fernández', 'all', False),
  ('Brasilia', L, 'Brasilia', 'all', False),
  ('U.S.-Brazil High-Level Dialogue', O, 'U.S.-Brazil High-Level Dialogue', 'all', True),  # an event
  ('Dialogue', O, 'U.S.-Brazil High-Level Dialogue', 'all', True),
  ('U.S.', C, 'USA', 'all', False),
  ('Brazil', C, 'BRA', 'all', False),
  ('Brazilian', C, 'BRA', 'all', False),
  ('Ministry of External Relations', O, 'Ministry of External Relations', 'all', False),
  ('São Paulo', L, 'São Paulo', 'all', False),
  ('Western Hemisphere', L, 'Western Hemisphere', 'all', True),  # inside titles
  ('Ricardo Zúniga', P, 'Ricardo Zúniga', 'all', False),
  ('Mark Wells', P, 'Mark Wells', 'all', False),
  ('Anna Shpitsberg', P, 'Anna Shpitsberg', 'all', False),
 ],
 WH + '2023-09-18-statement-from-president-joe-biden-on-the-return-of-american-detainees-from-iran': [
  ('Americans', C, 'USA', 'all', False),
  ('American', C, 'USA', 'all', False),
  ('Iranian Ministry of Intelligence', O, 'Iranian Ministry of Intelligence', 'all', False),
  ('Iranian', C, 'IRN', 'all', False),
  ('Iran', C, 'IRN', 'all', False),
  ('Siamak Namazi', P, 'Siamak Namazi', 'all', False),
  ('Morad Tahbaz', P, 'Morad Tahbaz', 'all', False),
  ('Emad Sharghi', P, 'Emad Sharghi', 'all', False),
  ('Qatar', C, 'QAT', 'all', False),
  ('Oman', C, 'OMN', 'all', False),
  ('Switzerland', C, 'CHE', 'all', False),
  ('South Korea', C, 'KOR', 'all', False),
  ('Tamim bin Hamad', P, 'Tamim bin Hamad', 'all', False),  # without the title "Sheikh"
  ('Haitham bin Tariq', P, 'Haitham bin Tariq', 'all', False),
  ('Bob Levinson', P, 'Bob Levinson', 'all', False),
  ('Levinson', P, 'Bob Levinson', 'all', True),  # "The Levinson family", "the Levinson Act"
  ('Mahmoud Ahmadinejad', P, 'Mahmoud Ahmadinejad', 'all', False),
  ('U.S. State Department', O, 'Department of State', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
  ('Afghanistan', C, 'AFG', 'all', False),
  ('Burma', C, 'MMR', 'all', False),
  ('Haiti', C, 'HTI', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Rwanda', C, 'RWA', 'all', False),
  ('Venezuela', C, 'VEN', 'all', False),
  ('West Africa', L, 'West Africa', 'all', False),
  ('Syria', C, 'SYR', 'all', False),
 ],
 WH + '2021-08-20-president-biden-intends-to-appoint-maria-elena-giner-as-commissioner-of-the-international-boundary-and-water-commission': [
  ('WASHINGTON', L, 'Washington', 'all', False),
  ('Joe Biden', P, 'Joe Biden', 'all', False),
  ('Maria-Elena Giner', P, 'Maria-Elena Giner', 'all', False),
  ('Giner', P, 'Maria-Elena Giner', 'all', False),
  ('International Boundary and Water Commission', O,
   'International Boundary and Water Commission', 'all', False),
  ('International Boundary Water Commission', O,
   'International Boundary and Water Commission', 'all', False),
  ('U.S.', C, 'USA', 'all', False),
  ('U.S', C, 'USA', 'all', False),  # "The U.S Section", without the last period
  ('United States', C, 'USA', 'all', False),
  ('New Mexico', L, 'New Mexico', 'all', False),
  ('Mexico', C, 'MEX', 'all', False),
  ('Mexican', C, 'MEX', 'all', False),
  ('Border Environment Cooperation Commission', O, 'Border Environment Cooperation Commission', 'all', False),
  ('BECC', O, 'Border Environment Cooperation Commission', 'all', False),
  ('California', L, 'California', 'all', False),
  ('Arizona', L, 'Arizona', 'all', False),
  ('Loyola Marymount University', O, 'Loyola Marymount University', 'all', False),
  ('University of Texas at Austin', O, 'University of Texas at Austin', 'all', False),
  ('University of Texas', O, 'University of Texas', 'all', False),  # "... in El Paso"
  ('Texas', L, 'Texas', [1, 4], False),
  ('Texas', L, 'Texas', 'all', True),  # inside the two university names
  ('El Paso', L, 'El Paso', 'all', False),
  ('Austin', L, 'Austin', 'all', True),  # inside a university name
 ],
 WH + '2023-01-18-president-joseph-r-biden-jr-amends-california-disaster-declaration': [
  ('Joseph R. Biden, Jr.', P, 'Joseph Biden', 'all', False),
  ('California', L, 'California', 'all', False),  # "the State of California"
  ('Public Assistance', O, 'Public Assistance', 'all', True),  # programmes
  ('Hazard Mitigation', O, 'Hazard Mitigation', 'all', True),
  ('Other Needs Assistance', O, 'Other Needs Assistance', 'all', True),
  ('FEMA', O, 'FEMA', [1], False),  # not the two inside the e-mail address
 ],
 WH + '2024-03-04-statement-by-national-security-council-spokesperson-adrienne-watson-on-u-s-sanctions-on-zimbabwean-individuals-and-entities': [
  ('Zimbabwe', C, 'ZWE', 'all', False),  # also in the name of a law
  ('Zimbabweans', C, 'ZWE', 'all', False),
  ('Africa', L, 'Africa', 'all', False),  # "southern Africa"
  ('United States', C, 'USA', 'all', False),
  ('Global Magnitsky sanctions program', O, 'Global Magnitsky sanctions program', 'all', True),
  ('Magnitsky', P, 'Magnitsky', 'all', True),  # inside the programme and law names
  ('Department of the Treasury', O, 'Department of the Treasury', 'all', False),
  ('Emmerson Mnangagwa', P, 'Emmerson Mnangagwa', 'all', False),
  ('Constantino Chiwenga', P, 'Constantino Chiwenga', 'all', False),
  ('Walter Tapfumaneyi', P, 'Walter Tapfumaneyi', 'all', False),
  ('Kudakwashe Tagwirei', P, 'Kudakwashe Tagwirei', 'all', False),
  ('U.S. Government', O, 'USA government', 'all', True),
  ('U.S.', C, 'USA', 'all', False),
  ('African Development Bank', O, 'African Development Bank', 'all', False),
  ('Department of State', O, 'Department of State', 'all', False),
 ],
 WH + '2023-08-24-readout-of-national-security-advisor-jake-sullivans-meeting-with-quint-national-security-advisors': [
  ('Jake Sullivan', P, 'Jake Sullivan', 'all', False),
  ('Sullivan', P, 'Jake Sullivan', 'all', False),
  ('Quint', O, 'Quint', 'all', True),  # an informal group of five states
  ('France', C, 'FRA', 'all', False),
  ('Germany', C, 'DEU', 'all', False),
  ('Italy', C, 'ITA', 'all', False),
  ('United Kingdom', C, 'GBR', 'all', False),
  ('White House', L, 'White House', 'all', True),  # a building
  ('Ukraine', C, 'UKR', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Niger', C, 'NER', 'all', False),
  ('Economic Community of West African states', O, 'ECOWAS', 'all', False),
  ('Indo-Pacific', L, 'Indo-Pacific', 'all', False),
  ('Middle East', L, 'Middle East', 'all', False),
  ('G20 Leaders’ Summit', O, 'G20 Leaders’ Summit', 'all', True),  # an event
  ('G20', O, 'G20', 'all', False),
  ('European Union', O, 'European Union', 'all', False),
  ('New Delhi', L, 'New Delhi', 'all', False),
  ('India', C, 'IND', 'all', False),
 ],
 WH + '2022-02-11-readout-of-president-bidens-video-call-with-transatlantic-leaders': [
  ('Joseph R. Biden, Jr.', P, 'Joseph Biden', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Ukraine', C, 'UKR', 'all', False),
  ('NATO', O, 'NATO', 'all', False),
  ('EU', O, 'European Union', 'all', False),
  ('OSCE', O, 'OSCE', 'all', False),
  ('UN', O, 'United Nations', 'all', False),
  ('Justin Trudeau', P, 'Justin Trudeau', 'all', False),
  ('Canada', C, 'CAN', 'all', False),
  ('European Commission', O, 'European Commission', 'all', False),
  ('Ursula von der Leyen', P, 'Ursula von der Leyen', 'all', False),
  ('European Council', O, 'European Council', 'all', False),
  ('Charles Michel', P, 'Charles Michel', 'all', False),
  ('Emmanuel Macron', P, 'Emmanuel Macron', 'all', False),
  ('France', C, 'FRA', 'all', False),
  ('Olaf Scholz', P, 'Olaf Scholz', 'all', False),
  ('Germany', C, 'DEU', 'all', False),
  ('Mario Draghi', P, 'Mario Draghi', 'all', False),
  ('Italy', C, 'ITA', 'all', False),
  ('Jens Stoltenberg', P, 'Jens Stoltenberg', 'all', False),
  ('Andrzej Duda', P, 'Andrzej Duda', 'all', False),
  ('Poland', C, 'POL', 'all', False),
  ('Klaus Iohannis', P, 'Klaus Iohannis', 'all', False),
  ('Romania', C, 'ROU', 'all', False),
  ('Boris Johnson', P, 'Boris Johnson', 'all', False),
  ('United Kingdom', C, 'GBR', 'all', False),
 ],
 WH + '2023-07-31-statement-from-national-security-advisor-jake-sullivan-and-principal-deputy-national-security-advisor-jon-finer-on-the-presidents-intelligence-advisory-boards-review-of-section-702-o': [
  ('American', C, 'USA', 'all', False),
  ('United States', C, 'USA', 'all', False),
  ('People’s Republic of China', C, 'CHN', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Ukraine', C, 'UKR', 'all', False),
  ('America', C, 'USA', 'all', False),
  ('Colonial Pipeline', O, 'Colonial Pipeline', 'all', True),  # a company, in an attack's name
  ('President’s Intelligence Advisory Board', O, 'President’s Intelligence Advisory Board', 'all', False),
  ('PIAB', O, 'President’s Intelligence Advisory Board', 'all', False),
  ('Board', O, 'President’s Intelligence Advisory Board', 'all', True),  # "the Board’s"
  ('Biden', P, 'Biden', 'all', True),  # "the Biden-Harris administration"
  ('Harris', P, 'Harris', 'all', True),
  ('Congress', O, 'Congress', 'all', False),
 ],
 'kremlin/33435': [
  ('Chukotka', L, 'Chukotka', 'all', False),
  ('Roman Abramovich', P, 'Roman Abramovich', 'all', False),
  ('Abramovich', P, 'Roman Abramovich', 'all', False),  # "Mr.Abramovich"
  ('Putin', P, 'Putin', 'all', False),  # "Mr.Putin"
  ('US', C, 'USA', 'all', True),  # "700 US dollars" (a currency)
 ],
 'kremlin/28197': [
  ('Russia', C, 'RUS', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Azerbaijan', C, 'AZE', 'all', False),
  ('Azerbaijani', C, 'AZE', 'all', False),
  ('Putin', P, 'Putin', 'all', False),
  ('Heidar Aliyev', P, 'Heidar Aliyev', 'all', False),
  ('Vladimir Rushailo', P, 'Vladimir Rushailo', 'all', False),
  ('Security Council', O, 'Security Council', 'all', False),  # "Russia’s Security Council"
  ('Baku', L, 'Baku', 'all', False),
 ],
 'kremlin/55390': [
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),  # also in "Direct Line with ..."
  ('Direct Line', O, 'Direct Line', 'all', True),  # an event (a broadcast)
  ('Astrakhan Region', L, 'Astrakhan Region', 'all', False),
  ('Alexander Zhilkin', P, 'Alexander Zhilkin', 'all', False),
  ('Zhilkin', P, 'Alexander Zhilkin', 'all', False),
  ('Caspian', L, 'Caspian', 'all', True),  # "the Caspian states"
  ('Chinese', C, 'CHN', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
 ],
 'kremlin/42463': [
  ('Putin', P, 'Putin', 'all', False),
  ('Niyazov', P, 'Niyazov', 'all', False),
  ('Central Asian', L, 'Central Asia', 'all', True),  # "the Central Asian region"
  ('Central Asia', L, 'Central Asia', 'all', False),
  ('Afghan', C, 'AFG', 'all', False),
  ('Russia', C, 'RUS', 'all', False),
  ('Turkmenistan', C, 'TKM', 'all', False),
  ('UN', O, 'United Nations', 'all', False),
  ('Security Council', O, 'UN Security Council', 'all', False),  # "the UN and its Security Council"
  ('Caspian Sea', L, 'Caspian Sea', 'all', False),
  ('Caspian', L, 'Caspian', 'all', True),  # "the Caspian states"
  ('Russian', C, 'RUS', 'all', False),
  ('Turkmen', C, 'TKM', 'all', False),
  ('Pushkin', P, 'Pushkin', 'all', False),  # a school named after him
  ('Ashgabat', L, 'Ashgabat', 'all', False),
 ],
 'kremlin/27766': [
  ('Kaliningrad Region', L, 'Kaliningrad Region', 'all', False),
  ('Chechnya', L, 'Chechnya', 'all', False),
  ('Belarusian', C, 'BLR', 'all', False),
  ('Parliamentary Assembly', O, 'PACE', 'all', False),
  ('Assembly', O, 'PACE', 'all', True),  # "the Assembly held meetings"
  ('PACE', O, 'PACE', 'all', False),
  ('Russian', C, 'RUS', 'all', False),
  ('Putin', P, 'Putin', 'all', False),
  ('Schieder', P, 'Schieder', 'all', False),
  ('Aller', P, 'Aller', 'all', False),
  ('Strasbourg', L, 'Strasbourg', 'all', False),
  ('Moscow', L, 'Moscow', 'all', False),
  ('Dubrovka Street', L, 'Dubrovka Street', 'all', True),  # a street
  ('Chechen', L, 'Chechnya', 'all', True),  # a regional demonym ("Chechen emissaries")
  ('Russia', C, 'RUS', 'all', False),  # "the Russia-EU summit"
  ('EU', O, 'European Union', 'all', False),
  ('Brussels', L, 'Brussels', 'all', False),
 ],
 'kremlin/34540': [
  ('Council for the Implementation of Priority National Projects', O,
   'Council for the Implementation of Priority National Projects', 'all', False),
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),
  ('Putin', P, 'Vladimir Putin', 'all', False),
  ('Dmitry Medvedev', P, 'Dmitry Medvedev', 'all', False),
  ('Medvedev', P, 'Dmitry Medvedev', 'all', False),
 ],
 'kremlin/41366': [
  ('Vladimir Putin', P, 'Vladimir Putin', 'all', False),
  ('Putin', P, 'Vladimir Putin', 'all', False),
 ],
}
# Occurrences skipped on purpose: none of the same type may overlap. A numbered
# entry counts the occurrences left over when it is placed.

# Selection (README, "Second blind held-out set"): documents of 1000-3000 bytes
# of text, not in gold.jsonl, heldout.jsonl, dev2.jsonl, ../quotes/gold.jsonl,
# ../quotes/heldout.jsonl or ../real/docs.jsonl (the golden samples), sorted by
# id per source, shuffled with one random.Random(SEED) in the order statedept,
# whitehouse, kremlin; the first seven news-like ones of each source in that
# order were taken. Skipped: state/340365 (a media note: event time, press
# access), wh/speeches-remarks/2021-03-30-...-ppp-extension-act-of-2021 and
# wh/speeches-remarks/2024-09-07-...-press-gaggle-pittsburgh-pa-2 (transcripts
# with speaker labels), wh/fact-sheets/2025-02-07-...-south-africa (a fact
# sheet of bullet points), kremlin/55792 and kremlin/59418 (speaker-labelled
# address and meeting transcript).
SEED = 20261129
SOURCES = ('statedept', 'whitehouse', 'kremlin')
EXCLUDE = ('corpora/entities/gold.jsonl', 'corpora/entities/heldout.jsonl',
           'corpora/entities/dev2.jsonl', 'corpora/quotes/gold.jsonl',
           'corpora/quotes/heldout.jsonl', 'corpora/real/docs.jsonl')


main(A, SOURCES, EXCLUDE, SEED, 3000, 20)
