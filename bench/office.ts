/**
 * E-office benchmark (issue #17, "Speed"), on the PostgreSQL server
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * a fresh database is created and dropped), through the module's use cases:
 *   search  100,000 documents of the department (half outgoing, half
 *           incoming) with 300,000 attachments' text (about 150 words each),
 *           written in SQL; then 200 searches of each register after a
 *           warm-up (common and rare words, two or three words, part of a
 *           notation, a word found nowhere): p50/p95/p99, and EXPLAIN ANALYZE
 *           of the slowest kind; target p95 < 100 ms;
 *   send    one outgoing document to every school (1,500) by a recipient
 *           group, registered and sent in one transaction: wall time, then
 *           every receipt counted (1,500 incoming copies, 1,500 recipients
 *           "received"); 3 runs; target < 5 s;
 *   sign    a 20-page PDF signed with the unit's agency key (signPdf) and
 *           through the USB-token flow (prepare, a raw signature by a test
 *           key, complete with every check): 10 runs each after a warm-up;
 *           target < 1 s.
 *   npx tsx bench/office.ts [--quick] [--only search|send|sign] [--keep] [--reuse NAME]
 *   --quick: 10,000 documents, 30,000 attachments, 150 schools.
 *   --keep: the database is kept (its name printed), to EXPLAIN by hand.
 *   --reuse NAME: a database kept by an earlier run (same size) is migrated
 *           and measured again without writing anything (the full size takes
 *           ~11 min to write); it is kept. Only for search: send and sign
 *           write documents.
 */
import '../src/app/modules.ts';
import { generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import { loadavg } from 'node:os';
import type { KyselyPlugin } from 'kysely';
import pg from 'pg';
import PDFDocument from 'pdfkit';
import { Scope } from '../src/core/access/scope.ts';
import { systemActor } from '../src/db/actor.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import { seedDemo } from '../src/modules/demo/index.ts';
import { schoolYearOf } from '../src/modules/registry/index.ts';
import { issueDemoPersonCertificate } from '../src/modules/office/keys.ts';
import { listIncoming } from '../src/modules/office/list-incoming.ts';
import { listOutgoing } from '../src/modules/office/list-outgoing.ts';
import { registerOutgoing } from '../src/modules/office/register-outgoing.ts';
import { signPdf } from '../src/modules/office/sign-pdf.ts';
import {
  completeExternalSignature,
  prepareExternalSignature,
} from '../src/modules/office/signing/external-signature.ts';

const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const run = (part: string) => !ONLY || ONLY === part;
const reuseAt = process.argv.indexOf('--reuse');
const REUSE = reuseAt > 0 ? process.argv[reuseAt + 1] : undefined;
if (REUSE !== undefined && !/^sogd_bench_office_\d+$/.test(REUSE))
  throw new Error(`--reuse takes a database kept by this bench, not "${REUSE}"`);
const keep = process.argv.includes('--keep') || REUSE !== undefined;
const DOCUMENTS = quick ? 10_000 : 100_000;
const ATTACHMENTS_PER_DOCUMENT = 3;
const WORDS_PER_ATTACHMENT = 150;
const SCHOOLS = quick ? 150 : 1_500;
const QUERIES = 200;
const PASSPHRASE = 'khoa-ky-van-ban-bench-1';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = REUSE ?? `sogd_bench_office_${Date.now()}`;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1));
};
const summary = (values: number[]) =>
  `p50 ${percentile(values, 0.5)} ms, p95 ${percentile(values, 0.95)} ms, p99 ${percentile(values, 0.99)} ms, max ${percentile(values, 1)} ms (n=${values.length})`;

/** Diacritic-free Vietnamese syllables (as the search keys hold them), most common first. */
function vocabulary(): string[] {
  const common = [
    'van ban',
    'giao duc',
    'dao tao',
    'truong',
    'hoc sinh',
    'giao vien',
    'bao cao',
    'ke hoach',
    'thuc hien',
    'nam hoc',
    'so',
    'phong',
    'quyet dinh',
    'thong bao',
    'cong van',
    'de nghi',
    'to chuc',
    'kiem tra',
    'danh gia',
    'chat luong',
    'tuyen sinh',
    'lop',
    'chuong trinh',
    'hoat dong',
    'can bo',
    'quan ly',
    'tai chinh',
    'ngan sach',
    'co so vat chat',
    'thiet bi',
  ].flatMap((p) => p.split(' '));
  const initials = [
    'b',
    'c',
    'ch',
    'd',
    'g',
    'h',
    'k',
    'kh',
    'l',
    'm',
    'n',
    'ng',
    'nh',
    'ph',
    'qu',
    's',
    't',
    'th',
    'tr',
    'v',
    'x',
  ];
  const rhymes = [
    'a',
    'ai',
    'am',
    'an',
    'ang',
    'anh',
    'ao',
    'at',
    'ay',
    'e',
    'em',
    'en',
    'eo',
    'i',
    'ia',
    'ien',
    'ieu',
    'inh',
    'o',
    'oa',
    'oai',
    'oan',
    'oang',
    'oc',
    'oi',
    'om',
    'on',
    'ong',
    'u',
    'ua',
    'uan',
    'uc',
    'ui',
    'um',
    'un',
    'ung',
    'uong',
    'uy',
    'uyen',
    'uat',
  ];
  const all = new Set(common);
  for (const r of rhymes) for (const i of initials) all.add(`${i}${r}`);
  return [...all];
}

const pdfOf = (pages: number): Promise<Buffer> =>
  new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let p = 0; p < pages; p++) {
      if (p) doc.addPage();
      doc.fontSize(13).text(`Trang ${p + 1}. Nội dung văn bản hành chính của Sở. `.repeat(60));
    }
    doc.end();
  });

/**
 * The search's compiled statements (its SET LOCALs, the capped count, the
 * page), to EXPLAIN them with the settings the use case ran them with.
 */
let lastQueries: { sql: string; parameters: readonly unknown[] }[] = [];

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
if (!REUSE) await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString() });
const seeder = new pg.Client({ connectionString: url.toString() });
console.log(
  `office bench on ${database.describe}, ${quick ? 'quick' : 'full'}; load average ${load()}`,
);

try {
  await migrateToLatest(database.db);
  await seeder.connect();
  const year = schoolYearOf();
  if (!REUSE) {
    const seeded = await seedDemo(database.db, {
      schools: SCHOOLS,
      students: SCHOOLS * 10,
      schoolYear: year,
    });
    console.log(`seeded ${seeded.units} units in ${seeded.ms} ms`);
  } else console.log(`reusing ${name}`);
  const root = await database.db
    .selectFrom('orgs_unit_v')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const clerk = new Scope({
    id: '00000000-0000-7000-8000-000000000001',
    username: 'vanthu.bench',
    fullName: 'Văn thư (bench)',
    role: 'department_admin',
    orgUnitId: root.id,
    orgPath: root.path,
  });

  if (REUSE && ONLY !== 'search') throw new Error('--reuse goes with --only search');
  if (run('search')) {
    const started = performance.now();
    const vocab = vocabulary();
    if (!REUSE) {
      // Seeding only: no audit triggers for these rows (superuser session).
      await seeder.query(`SET session_replication_role = replica`);
      await seeder.query(`CREATE TEMP TABLE bench_vocab AS SELECT $1::text[] AS w, $2::int AS n`, [
        vocab,
        vocab.length,
      ]);
      // A word: skewed towards the common ones (index ~ n·u³).
      const word = `v.w[1 + floor(power(random(), 3) * v.n)::int]`;
      const words = (count: number, row: string) =>
        `array_to_string(ARRAY(SELECT ${word} FROM generate_series(1, ${count}) s WHERE ${row} IS NOT NULL), ' ')`;
      const half = DOCUMENTS / 2;
      await seeder.query(
        `INSERT INTO office_outgoing (id, unit_id, year, number, notation, doc_type, subject, doc_date,
         drafting_unit, status, registered_by, search_key)
       SELECT gen_random_uuid(), $1, 2017 + g % 5, g / 5 + 1,
              (g / 5 + 1) || '/QĐ-SGDĐT-' || (ARRAY['VP','GDPT','GDMN','KHTC'])[1 + g % 4],
              'QĐ', t.subject, make_date(2017 + g % 5, 1 + g % 12, 1 + g % 28),
              (ARRAY['VP','GDPT','GDMN','KHTC'])[1 + g % 4], 'released', 'bench',
              lower((g / 5 + 1) || '/qd-sgddt-' || (ARRAY['vp','gdpt','gdmn','khtc'])[1 + g % 4]) || ' ' || t.subject
       FROM generate_series(0, $2 - 1) g CROSS JOIN bench_vocab v
       CROSS JOIN LATERAL (SELECT ${words(12, 'g')} AS subject) t`,
        [root.id, half],
      );
      await seeder.query(
        `INSERT INTO office_incoming (id, unit_id, year, book, arrival_number, received_at, sender_name,
         notation, doc_type, doc_date, subject, channel, status, registered_by, search_key)
       SELECT gen_random_uuid(), $1, 2017 + g % 5, 'general', g / 5 + 1,
              make_date(2017 + g % 5, 1 + g % 12, 1 + g % 28)::timestamptz,
              'Ủy ban nhân dân tỉnh', (g / 5 + 1) || '/UBND-VX', 'CV', make_date(2017 + g % 5, 1 + g % 12, 1 + g % 28),
              t.subject, 'paper', 'registered', 'bench',
              (g / 5 + 1) || '/ubnd-vx ' || t.subject || ' uy ban nhan dan tinh'
       FROM generate_series(0, $2 - 1) g CROSS JOIN bench_vocab v
       CROSS JOIN LATERAL (SELECT ${words(12, 'g')} AS subject) t`,
        [root.id, half],
      );
      for (const [kind, table] of [
        ['outgoing', 'office_outgoing'],
        ['incoming', 'office_incoming'],
      ] as const)
        await seeder.query(
          `INSERT INTO office_attachment (id, unit_id, document_kind, document_id, file_name, media_type,
           size, sha256, text_key, uploaded_by)
         SELECT gen_random_uuid(), d.unit_id, $1, d.id, 'tep-' || k || '.pdf', 'application/pdf',
                4096, md5(random()::text) || md5(random()::text), t.text_key, 'bench'
         FROM ${table} d CROSS JOIN generate_series(1, ${ATTACHMENTS_PER_DOCUMENT}) k CROSS JOIN bench_vocab v
         CROSS JOIN LATERAL (SELECT ${words(WORDS_PER_ATTACHMENT, 'k + length(d.subject)')} AS text_key) t`,
          [kind],
        );
      // The documents' search vectors (migration 2026121030): written by
      // triggers in the app, which this seeding session does not fire; the
      // migration's backfill, outgoing first (received copies copy theirs).
      await seeder.query(
        `UPDATE office_outgoing SET search_tsv = office_outgoing_tsv(id, search_key)`,
      );
      await seeder.query(
        `UPDATE office_incoming SET search_tsv = office_incoming_tsv(id, search_key, outgoing_id)`,
      );
      await seeder.query(`VACUUM ANALYZE office_outgoing, office_incoming, office_attachment`);
    }
    const counts = await seeder.query<{ d: string; a: string; mb: string }>(
      `SELECT (SELECT count(*) FROM office_outgoing) + (SELECT count(*) FROM office_incoming) AS d,
              (SELECT count(*) FROM office_attachment) AS a,
              round(pg_total_relation_size('office_attachment') / 1048576.0) AS mb`,
    );
    console.log(
      `search: ${counts.rows[0]!.d} documents, ${counts.rows[0]!.a} attachments (${counts.rows[0]!.mb} MB with indexes) written in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${load()}`,
    );

    // The queries people type: by kind, so the slow kind shows.
    const rare = vocab.slice(-200);
    const common = vocab.slice(0, 40);
    const pick = (list: string[], i: number) => list[(i * 7919) % list.length]!;
    const kinds: Record<string, (i: number) => string> = {
      'one common word': (i) => pick(common, i),
      'one rare word': (i) => pick(rare, i),
      'two words': (i) => `${pick(common, i)} ${pick(rare, i + 3)}`,
      'three words': (i) => `${pick(common, i)} ${pick(common, i + 5)} ${pick(rare, i + 1)}`,
      'part of a notation': (i) => `${(i % 900) + 1}/QĐ-SGDĐT`,
      'a word found nowhere': (i) => `khongcotu${i}`,
    };
    const captured = database.db.withPlugin({
      transformQuery: (args) => {
        const compiled = database.db.getExecutor().compileQuery(args.node, args.queryId);
        if (/search_tsv @@|^SET LOCAL/.test(compiled.sql))
          lastQueries.push({ sql: compiled.sql, parameters: compiled.parameters });
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    } satisfies KyselyPlugin);
    for (const [register, list] of [
      ['outgoing', listOutgoing],
      ['incoming', listIncoming],
    ] as const) {
      for (let i = 0; i < 10; i++) await list(captured, clerk, { q: kinds['two words']!(i) });
      const all: number[] = [];
      const byKind: Record<string, number[]> = {};
      const slowest: Record<string, { ms: number; q: string }> = {};
      for (let i = 0; i < QUERIES; i++) {
        const kind = Object.keys(kinds)[i % Object.keys(kinds).length]!;
        const q = kinds[kind]!(i);
        const t = performance.now();
        const page = await list(captured, clerk, { q });
        const ms = performance.now() - t;
        if (i < 6)
          console.log(
            `  ${register} "${q}": ${page.totalCapped ? 'more than ' : ''}${page.total} found`,
          );
        all.push(ms);
        (byKind[kind] ??= []).push(ms);
        if (!slowest[kind] || ms > slowest[kind].ms) slowest[kind] = { ms, q };
      }
      console.log(`search ${register}: ${summary(all)}; load average ${load()}`);
      for (const [kind, values] of Object.entries(byKind))
        console.log(
          `  ${kind}: p50 ${percentile(values, 0.5)} ms, p95 ${percentile(values, 0.95)} ms`,
        );
      const worst = Object.entries(slowest).sort((a, b) => b[1].ms - a[1].ms)[0]!;
      // The plans of the slowest kind, of a very common word and of a rare one.
      for (const [label, q] of [
        [`the slowest kind (${worst[0]})`, worst[1].q],
        ['a very common word', common[0]!],
        ['a rare word', rare[0]!],
      ] as const) {
        lastQueries = [];
        await list(captured, clerk, { q });
        // As the use case ran them: its SET LOCALs replayed in one transaction.
        await seeder.query('BEGIN');
        for (const { sql: text, parameters } of lastQueries) {
          if (text.startsWith('SET LOCAL')) {
            await seeder.query(text);
            continue;
          }
          const plan = await seeder.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (ANALYZE, BUFFERS) ${text}`,
            [...parameters],
          );
          const what = /by_words/.test(text) ? 'capped count' : 'page';
          console.log(`  EXPLAIN ANALYZE, ${label}, "${q}", ${what}:`);
          for (const r of plan.rows) console.log(`    ${r['QUERY PLAN']}`);
        }
        await seeder.query('ROLLBACK');
      }
      // Deeper pages of a word in half the register (past the walk: the bitmaps).
      const deep: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await list(captured, clerk, { q: common[0]!, page: 5 + (i % 4) });
        deep.push(performance.now() - t);
      }
      console.log(
        `  "${common[0]!}" pages 5-8: p50 ${percentile(deep, 0.5)} ms, p95 ${percentile(deep, 0.95)} ms`,
      );
    }
  }

  if (run('send')) {
    const schools = await database.db
      .selectFrom('orgs_unit_v')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'school')
      .executeTakeFirstOrThrow();
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      const sent = await registerOutgoing(database.db, clerk, {
        type: 'CV',
        subject: `Về việc triển khai nhiệm vụ năm học (lần ${r + 1})`,
        draftingUnit: 'VP',
        recipientIds: [],
        recipientGroups: [{ rootId: root.id }],
        outsideRecipients: [],
      });
      const ms = performance.now() - t;
      times.push(ms);
      const receipts = await database.db
        .selectFrom('office_recipient')
        .select((eb) => [
          eb.fn.countAll<string>().as('all'),
          eb.fn.count<string>('incoming_id').as('copies'),
        ])
        .where('outgoing_id', '=', sent.id)
        .where('status', '=', 'received')
        .executeTakeFirstOrThrow();
      const copies = await database.db
        .selectFrom('office_incoming')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('outgoing_id', '=', sent.id)
        .executeTakeFirstOrThrow();
      console.log(
        `send to ${schools.n} schools (run ${r + 1}): ${(ms / 1000).toFixed(2)} s; ${receipts.all} recipients received, ${copies.n} incoming copies; load average ${load()}`,
      );
    }
    console.log(
      `send: best ${(Math.min(...times) / 1000).toFixed(2)} s, worst ${(Math.max(...times) / 1000).toFixed(2)} s`,
    );
  }

  if (run('sign')) {
    const pdf = await pdfOf(20);
    const system = { system: systemActor('bench') };
    await signPdf(database.db, system, { unitId: root.id, pdf, passphrase: PASSPHRASE });
    const agency: number[] = [];
    for (let r = 0; r < 10; r++) {
      const t = performance.now();
      await signPdf(database.db, system, { unitId: root.id, pdf, passphrase: PASSPHRASE });
      agency.push(performance.now() - t);
    }
    console.log(
      `sign a 20-page PDF (${(pdf.length / 1024).toFixed(0)} KB) with the agency key: ${summary(agency)}; load average ${load()}`,
    );
    // The token flow: a person's key, its certificate issued by the demo CA.
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const certificate = await issueDemoPersonCertificate(
      database.db,
      systemActor('bench'),
      PASSPHRASE,
      {
        commonName: 'Người ký (bench)',
        organisation: 'Sở (bench)',
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
    );
    const external: number[] = [];
    for (let r = 0; r < 11; r++) {
      const doc = await registerOutgoing(database.db, clerk, {
        type: 'CV',
        subject: `Về việc ký bằng thiết bị (${r})`,
        draftingUnit: 'VP',
        recipientIds: [],
        outsideRecipients: ['Ủy ban nhân dân tỉnh'],
      });
      const t = performance.now();
      const prepared = await prepareExternalSignature(database.db, clerk, doc.id, {
        upload: () =>
          Promise.resolve({
            pdf,
            fileName: 'van-ban.pdf',
            certificate: Buffer.from(certificate),
          }),
      });
      const signature = rsaSign(
        'sha256',
        Buffer.from(prepared.signedAttributes!, 'base64'),
        privateKey,
      );
      await completeExternalSignature(database.db, clerk, doc.id, {
        prepareId: prepared.prepareId,
        signature: signature.toString('base64'),
        certificates: [certificate],
      });
      if (r > 0) external.push(performance.now() - t);
    }
    console.log(
      `sign a 20-page PDF through prepare + token + complete (checks included): ${summary(external)}; load average ${load()}`,
    );
  }
} finally {
  await seeder.end().catch(() => {});
  await database.close();
  if (keep) console.log(`kept database ${name}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
