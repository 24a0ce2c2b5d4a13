#!/usr/bin/env node
// Times one peer library on a JSONL sample ({"id","date","text"} per line).
//
//   node run-peer.js PEER SAMPLE.jsonl [BUDGET_SECONDS]
//
// PEER: chrono | compromise | wink | recognizers. Loading the library and
// building its models, reading the sample and a warm-up on the first
// documents (JIT) are not timed. The timed loop runs the peer's analysis over
// the documents in order until all are done or BUDGET_SECONDS (default 300)
// have passed; MB/s is computed on the documents it finished. Prints one JSON
// object on stdout.
'use strict';
const fs = require('fs');
const path = require('path');

const [peer, samplePath, budgetArg] = process.argv.slice(2);
if (!peer || !samplePath) {
  console.error('usage: run-peer.js chrono|compromise|wink|recognizers SAMPLE.jsonl [BUDGET_SECONDS]');
  process.exit(2);
}
const budgetSeconds = Number(budgetArg || 300);
const here = __dirname;
const version = (name) =>
  JSON.parse(fs.readFileSync(path.join(here, 'node_modules', name, 'package.json'))).version;

// Each peer: load() builds everything once; work(text, date) analyses one
// document and returns how many items it found (so the work is not dead code).
const peers = {
  chrono: {
    what: 'dates and times',
    packages: ['chrono-node'],
    load() {
      const chrono = require('chrono-node');
      return (text, date) => chrono.parse(text, date).length;
    },
  },
  compromise: {
    what: 'people, places, organisations, numbers, money, dates',
    packages: ['compromise', 'compromise-dates', 'compromise-numbers'],
    load() {
      const nlp = require('compromise');
      nlp.plugin(require('compromise-dates'));
      nlp.plugin(require('compromise-numbers'));
      return (text, date) => {
        const doc = nlp(text);
        const opts = { today: date.toISOString().slice(0, 10) };
        return doc.people().length + doc.places().length + doc.organizations().length +
          doc.numbers().length + doc.money().length + doc.dates(opts).get().length;
      };
    },
  },
  wink: {
    what: 'tokens, sentences, entities',
    packages: ['wink-nlp', 'wink-eng-lite-web-model'],
    load() {
      const winkNLP = require('wink-nlp');
      const model = require('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      const its = nlp.its;
      return (text) => {
        const doc = nlp.readDoc(text);
        const entities = doc.entities().out(its.detail);
        return doc.tokens().length() + doc.sentences().length() + entities.length;
      };
    },
  },
  recognizers: {
    what: 'numbers, dates and times (per paragraph)',
    packages: ['@microsoft/recognizers-text-suite'],
    load() {
      // The suite's recognize*() functions rebuild their models on every
      // call; its own dependencies expose the recognizers, built once here.
      const { Culture } = require('@microsoft/recognizers-text-suite');
      const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
      const { DateTimeRecognizer } = require('@microsoft/recognizers-text-date-time');
      const numbers = new NumberRecognizer(Culture.English).getNumberModel();
      const dates = new DateTimeRecognizer(Culture.English).getDateTimeModel();
      // The models are meant for utterances and slow down sharply on long
      // inputs, so each paragraph (line) is one call, as a user would do.
      return (text, date) => {
        let n = 0;
        for (const line of text.split('\n')) {
          if (!line.trim()) continue;
          n += numbers.parse(line).length + dates.parse(line, date).length;
        }
        return n;
      };
    },
  },
};

const spec = peers[peer];
if (!spec) {
  console.error(`run-peer.js: unknown peer ${peer}`);
  process.exit(2);
}

let t = process.hrtime.bigint();
const work = spec.load();
const loadSeconds = Number(process.hrtime.bigint() - t) / 1e9;

const docs = [];
for (const line of fs.readFileSync(samplePath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const j = JSON.parse(line);
  const date = j.date ? new Date(String(j.date).slice(0, 10) + 'T12:00:00Z') : new Date('2020-01-01T12:00:00Z');
  docs.push({ text: j.text, date: isNaN(date) ? new Date('2020-01-01T12:00:00Z') : date });
}

// Warm-up: the first few documents, not timed, so the JIT has compiled the
// hot paths (and lazily built tables exist) before the clock starts.
const warmup = Math.min(5, docs.length);
let warmSink = 0;
t = process.hrtime.bigint();
for (let i = 0; i < warmup; ++i) warmSink += work(docs[i].text, docs[i].date);
const warmSeconds = Number(process.hrtime.bigint() - t) / 1e9;

let items = 0, bytes = 0, done = 0;
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
const deadline = start + BigInt(Math.round(budgetSeconds * 1e9));
for (const d of docs) {
  items += work(d.text, d.date);
  bytes += Buffer.byteLength(d.text, 'utf8');
  ++done;
  if (process.hrtime.bigint() > deadline) break;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);  // whole process: includes GC threads
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

console.log(JSON.stringify({
  peer,
  what: spec.what,
  versions: Object.fromEntries(spec.packages.map((p) => [p, version(p)])),
  node: process.version,
  documents: done,
  of_documents: docs.length,
  bytes,
  seconds: Number(seconds.toFixed(3)),
  mb_per_s: Number((bytes / 1e6 / seconds).toFixed(3)),
  docs_per_s: Number((done / seconds).toFixed(1)),
  cpu_seconds: Number(cpuSeconds.toFixed(3)),
  mb_per_cpu_s: Number((bytes / 1e6 / cpuSeconds).toFixed(3)),
  items,
  load_seconds: Number(loadSeconds.toFixed(3)),
  warmup_seconds: Number(warmSeconds.toFixed(3)),
  warmup_items: warmSink,
  peak_rss_mb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
  budget_hit: done < docs.length,
}));
