/**
 * Entry-grade assignment benchmark (issue #15: "assignment for 160,000
 * children over 800 schools under 10 s"). A generated province: 200
 * communes of 4 zoned schools (plus 40 unzoned ones), each child living in
 * an area served by one or two schools, seats at 105 % of the children
 * overall but unevenly spread, so that popular schools are oversubscribed
 * and the overflow offers run. Times assignEntry in-process (building the
 * engine's instance, the allocation, the cutoff ranks), 3 runs.
 *
 *   npx tsx bench/entry-assign.ts [--children N] [--schools N]
 */
import {
  assignEntry,
  type EntryChild,
  type EntrySchool,
} from '../src/modules/admissions/entry/assign.ts';

const argValue = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CHILDREN = argValue('--children', 160_000);
const ZONED = argValue('--schools', 800);

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r = rng(15);
const communes = Math.max(1, Math.round(ZONED / 4));
const schools: EntrySchool[] = [];
const weights: number[] = [];
for (let s = 0; s < ZONED; s++) {
  const commune = s % communes;
  schools.push({
    id: `TH${String(s).padStart(4, '0')}`,
    communeCode: `X${String(commune).padStart(3, '0')}`,
    seats: 0,
    unzoned: false,
    location: {
      lat: 20.5 + (commune % 20) * 0.05 + r() * 0.04,
      lon: 106 + Math.floor(commune / 20) * 0.05 + r() * 0.04,
    },
  });
  weights.push(0.5 + r());
}
for (let u = 0; u < ZONED / 20; u++)
  schools.push({
    id: `CLC${String(u).padStart(3, '0')}`,
    communeCode: `X${String(u % communes).padStart(3, '0')}`,
    seats: 0,
    unzoned: true,
    location: null,
  });
const totalWeight = weights.reduce((a, b) => a + b, 0);
const zonedSeats = Math.round(CHILDREN * 1.0);
schools.forEach((s, i) => {
  s.seats = s.unzoned
    ? 35
    : Math.round((zonedSeats * (0.6 + 0.8 * r()) * weights[i]!) / totalWeight);
});

const children: EntryChild[] = [];
for (let c = 0; c < CHILDREN; c++) {
  const home = Math.floor(r() * ZONED);
  const second = r() < 0.3 ? (home + communes) % ZONED : -1; // some areas served by two schools of a commune
  const catchment = [schools[home]!.id, ...(second >= 0 ? [schools[second]!.id] : [])];
  const unzoned = r() < 0.05 ? [schools[ZONED + Math.floor(r() * (ZONED / 20))]!.id] : [];
  const own = second >= 0 && r() < 0.5 ? [catchment[1]!, catchment[0]!] : catchment;
  const h = schools[home]!.location!;
  children.push({
    id: `${String(c).padStart(7, '0')}`,
    communeCode: schools[home]!.communeCode,
    catchmentSchools: catchment,
    choices: [...unzoned, ...own],
    permanentResidence: r() < 0.8,
    siblingSchools: r() < 0.15 ? [catchment[0]!] : [],
    home: { lat: h.lat + (r() - 0.5) * 0.02, lon: h.lon + (r() - 0.5) * 0.02 },
  });
}

const times: number[] = [];
let summary = '';
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const result = assignEntry(schools, children, {
    order: ['permanent-residence', 'sibling', 'distance'],
    seed: 2027,
    overflowInCommune: true,
  });
  times.push(performance.now() - started);
  const placed = result.assignments.filter((a) => a.school).length;
  const overflow = result.assignments.filter((a) => a.overflow).length;
  const full = result.cutoffs.filter((c) => c.admitted === c.seats).length;
  summary = `${CHILDREN} children, ${schools.length} schools: ${placed} placed, ${overflow} by overflow offer, ${full} schools full; engine ${result.allocateMs.toFixed(0)} ms`;
}
console.log(summary);
console.log(`assignEntry wall: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}`);
