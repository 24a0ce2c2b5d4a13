# GUM gold JSONL -> "word<TAB>BIO label" lines (blank line between sentences) for
# train_ner, from the named-mention `core` spans; outermost span wins when they nest.
# The 20 official dev documents (listed in the README) are skipped in train mode.
#   gum_to_bio.py GOLD.jsonl README.md OUT train|dev [K/N]
# With K/N (cross-validation of the tagger on train documents only), train
# writes the train documents whose index modulo N is not K, and `fold` writes
# (as BIO lines) those whose index modulo N is K.
import json,sys,re
gold, readme_path, out, mode = sys.argv[1:5]  # mode: train (BIO lines) | dev (the dev records) | fold
fold=tuple(map(int,sys.argv[5].split('/'))) if len(sys.argv)>5 else None
readme=open(readme_path).read()
dev=set(re.findall(r'GUM_\w+', readme.split('Official dev documents')[1].split('##')[0]))
assert len(dev)==20, len(dev)
TYPES={'person':'PER','organization':'ORG','place':'LOC'}
train_index=-1
with open(out,'w') as o:
  for line in open(gold):
    d=json.loads(line)
    if (d['id'] in dev) != (mode=='dev'): continue
    if fold:
      train_index+=1
      if (train_index%fold[1]==fold[0]) != (mode=='fold'): continue
    if mode=='dev': o.write(line); continue
    sp=d['spans']
    toks=[s for s in sp if s['type']=='token']
    sents=[s for s in sp if s['type']=='sentence']
    ents=[]
    for s in sp:
      if s['type'] in TYPES and s.get('extra',{}).get('core'):
        c=s['extra']['core']; ents.append((c['begin'],c['end'],TYPES[s['type']]))
    ents.sort(key=lambda e:(e[0],-(e[1]-e[0])))
    lab={}
    taken=[]
    for b,e,t in ents:
      if any(b<te and tb<e for tb,te in taken): continue
      taken.append((b,e))
      first=True
      for tk in toks:
        if tk['begin']>=b and tk['begin']<e:
          lab[tk['begin']]=('B-' if first else 'I-')+t; first=False
    ti=0
    for s in sents:
      for tk in toks:
        if s['begin']<=tk['begin']<s['end']:
          w=d['text'].encode()[tk['begin']:tk['end']].decode()
          w=re.sub(r"(['\u2019]s|['\u2019])$","",w) or w
          o.write(w+'\t'+lab.get(tk['begin'],'O')+'\n')
      o.write('\n')
