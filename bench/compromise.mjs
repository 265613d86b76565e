// Peer benchmark for bench/extract.lua: compromise (a rule-based NLP
// library) does comparable work on the same texts: numbers (with values),
// places and people.  Reads JSON lines {"text": ...} from the file given,
// prints one JSON line with bytes, seconds and counts.
import fs from 'node:fs';
import nlp from 'compromise';

const path = process.argv[2];
const rounds = Number(process.argv[3] || 1);
const texts = fs.readFileSync(path, 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l).text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

let numbers = 0, places = 0, people = 0;
const t0 = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const t of texts) {
    const doc = nlp(t);
    numbers += doc.numbers().json().length;
    places += doc.places().json().length;
    people += doc.people().json().length;
  }
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({bytes: bytes * rounds, seconds, numbers, places, people}));
