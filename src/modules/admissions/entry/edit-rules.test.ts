import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, scopeAt } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../../db/connection.ts';
import { makePersonalId } from '../../../lib/personal-id.ts';
import { addFreeCandidate } from '../add-free-candidate.ts';
import { allocateCampaign } from '../allocate-campaign.ts';
import { candidateSignIn, requireCandidate, resetCandidateThrottle } from '../candidate-session.ts';
import type { CampaignSummary, EntryRulesHistory } from '../contract.ts';
import { editCatchment } from './edit-catchment.ts';
import { editEntryRules } from './edit-rules.ts';
import { submitEntryApplication } from './submit-entry.ts';

/**
 * Changing an entry campaign's rules after creation (issue #15): free before
 * registration opens; after, only with a reason, recorded in the history
 * (who, when, before, after, reason) and shown to families; never after the
 * allocation; a save from an older form is refused and writes nothing.
 */
let database: TestDatabase;
let db: Db;
let app: App;
let ids: Record<string, string>;
let officer: Client;
let otherOfficer: Client;
let officerScope: Scope;
const YEAR = '2027-2028';
const HOUR = 3_600_000;
const PASSWORD = 'mat-khau-rat-dai-1';
const dir = mkdtempSync(join(tmpdir(), 'sogd-entry-rules-'));

async function send(client: Client, method: 'PUT' | 'GET', url: string, payload?: unknown) {
  const r = await app.inject({
    method,
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    ...(payload !== undefined && { payload: payload as object }),
  });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
}
const paths = (body: unknown) =>
  ((body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

async function create(opensInHours: number, closesInHours: number): Promise<CampaignSummary> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions/campaigns',
    headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken },
    payload: {
      name: `Tuyển sinh lớp 1 (${opensInHours})`,
      schoolYear: YEAR,
      grade: 1,
      opensAt: new Date(Date.now() + opensInHours * HOUR).toISOString(),
      closesAt: new Date(Date.now() + closesInHours * HOUR).toISOString(),
      confirmBy: new Date(Date.now() + (closesInHours + 48) * HOUR).toISOString(),
      schoolIds: [ids.TH1!],
      entryRules: {
        order: ['permanent-residence', 'sibling', 'distance'],
        seed: 11,
        documents: [],
      },
    },
  });
  expect(r.statusCode).toBe(201);
  return r.json<CampaignSummary>();
}

const rules = (c: CampaignSummary, change: Record<string, unknown>) => ({
  order: c.entryRules!.order,
  seed: c.entryRules!.seed,
  overflowInCommune: c.entryRules!.overflowInCommune,
  documents: c.entryRules!.documents ?? [],
  version: c.version,
  ...change,
});

beforeAll(async () => {
  resetCandidateThrottle();
  database = await freshDatabase();
  db = database.db;
  ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'X02', name: 'Xã Hai', kind: 'commune', parent: 'SGD' },
    { code: 'TH1', name: 'Tiểu học Một', kind: 'school', parent: 'X01', levels: ['primary'] },
  ]);
  await makeUser(db, ids.X01!, 'office_staff', 'xa1.rules', PASSWORD);
  await makeUser(db, ids.X02!, 'office_staff', 'xa2.rules', PASSWORD);
  app = await buildApp({ db, webDir: null });
  officer = await signIn(app, 'xa1.rules', PASSWORD);
  otherOfficer = await signIn(app, 'xa2.rules', PASSWORD);
  officerScope = await scopeAt(db, ids.X01!, 'office_staff');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('before registration opens', () => {
  it('changes freely, without a reason, and records the change', async () => {
    const c = await create(24, 48);
    const url = `/api/admissions/campaigns/${c.id}/entry-rules`;
    const saved = await send(
      officer,
      'PUT',
      url,
      rules(c, {
        order: ['sibling', 'permanent-residence'],
        seed: 12345,
        overflowInCommune: false,
        documents: ['birth-certificate', 'residence'],
      }),
    );
    expect(saved.status).toBe(200);
    const after = saved.body as unknown as CampaignSummary;
    expect(after.version).toBe(c.version + 1);
    // Documents are kept in the catalogue's order, whatever order the form sent.
    expect(after.entryRules).toEqual({
      order: ['sibling', 'permanent-residence'],
      seed: 12345,
      overflowInCommune: false,
      documents: ['residence', 'birth-certificate'],
    });
    // Families read the rules in force on the public campaign.
    const pub = await app.inject({ url: `/api/public/admissions/${c.id}` });
    expect(pub.json<{ entryRules: unknown }>().entryRules).toEqual(after.entryRules);
    const history = await send(officer, 'GET', `${url}/history`);
    expect(history.status).toBe(200);
    const [change, ...rest] = history.body as unknown as EntryRulesHistory;
    expect(rest).toHaveLength(0);
    expect(change).toMatchObject({
      by: 'Người dùng xa1.rules (xa1.rules)',
      reason: null,
      afterOpening: false,
      version: c.version + 1,
      before: { order: ['permanent-residence', 'sibling', 'distance'], seed: 11, documents: [] },
      after: after.entryRules,
    });
    // A change before opening is not on the families' page.
    const publicHistory = await app.inject({
      url: `/api/public/admissions/${c.id}/entry-rules/history`,
    });
    expect(publicHistory.json()).toEqual([]);
    // Audited: the campaign's row (its rules before and after) and the history row, by the officer.
    const audited = await db
      .selectFrom('audit_log')
      .select(['entity_type', 'action', 'actor_name', 'before', 'after'])
      .where('entity_type', 'in', ['admission_campaign', 'admission_entry_rules_change'])
      .where('entity_id', 'in', [c.id, change!.id])
      .where('action', '!=', 'insert')
      .execute();
    const campaignEntry = audited.find((a) => a.entity_type === 'admission_campaign');
    expect(campaignEntry?.actor_name).toBe('Người dùng xa1.rules (xa1.rules)');
    expect(JSON.stringify(campaignEntry?.after)).toContain('12345');
    const inserted = await db
      .selectFrom('audit_log')
      .select('entity_type')
      .where('entity_type', '=', 'admission_entry_rules_change')
      .where('entity_id', '=', change!.id)
      .execute();
    expect(inserted).toHaveLength(1);
  });

  it('writes nothing for a save that changes nothing, and refuses a stale save', async () => {
    const c = await create(24, 48);
    const url = `/api/admissions/campaigns/${c.id}/entry-rules`;
    const same = await send(officer, 'PUT', url, rules(c, {}));
    expect(same.status).toBe(200);
    expect((same.body as unknown as CampaignSummary).version).toBe(c.version);
    expect((await send(officer, 'GET', `${url}/history`)).body).toEqual([]);
    // Two forms opened at the same version: the first save wins, the second is refused.
    const first = await send(officer, 'PUT', url, rules(c, { seed: 1 }));
    expect(first.status).toBe(200);
    const stale = await send(officer, 'PUT', url, rules(c, { seed: 2, overflowInCommune: false }));
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('urn:sogd:problem:stale-version');
    expect(String(stale.body.detail)).toContain(`phiên bản ${c.version}`);
    const now = (await send(officer, 'GET', `/api/admissions/campaigns/${c.id}`))
      .body as unknown as CampaignSummary;
    expect(now.entryRules).toMatchObject({ seed: 1, overflowInCommune: true });
    expect((await send(officer, 'GET', `${url}/history`)).body).toHaveLength(1);
  });

  it('refuses a criterion twice, another commune, and a grade-10 campaign', async () => {
    const c = await create(24, 48);
    const url = `/api/admissions/campaigns/${c.id}/entry-rules`;
    const twice = await send(officer, 'PUT', url, rules(c, { order: ['sibling', 'sibling'] }));
    expect(twice.status).toBe(400);
    expect(paths(twice.body)).toEqual(['body.order']);
    const outsider = await send(otherOfficer, 'PUT', url, rules(c, { seed: 5 }));
    expect(outsider.status).toBe(403);
    expect((await send(otherOfficer, 'GET', `${url}/history`)).status).toBe(403);
    const unchanged = (await send(officer, 'GET', `/api/admissions/campaigns/${c.id}`))
      .body as unknown as CampaignSummary;
    expect(unchanged.version).toBe(c.version);
    expect(unchanged.entryRules!.seed).toBe(11);
  });
});

describe('once registration has opened', () => {
  let campaign: CampaignSummary;
  let url: string;

  it('refuses a change without a reason (422), and records one with a reason', async () => {
    campaign = await create(-1, 2);
    url = `/api/admissions/campaigns/${campaign.id}/entry-rules`;
    const none = await send(officer, 'PUT', url, rules(campaign, { documents: ['residence'] }));
    expect(none.status).toBe(422);
    expect(paths(none.body)).toEqual(['body.reason']);
    expect(String(none.body.detail)).toContain('đã mở đăng ký');
    const short = await send(
      officer,
      'PUT',
      url,
      rules(campaign, { documents: ['residence'], reason: '  ngắn  ' }),
    );
    expect(short.status).toBe(422);
    const english = await app.inject({
      method: 'PUT',
      url,
      headers: {
        cookie: officer.cookie,
        'x-csrf-token': officer.csrfToken,
        'accept-language': 'en',
      },
      payload: rules(campaign, { documents: ['residence'] }),
    });
    expect(english.json<{ detail: string }>().detail).toContain('every change needs a reason');
    // Nothing was written by the refusals.
    expect((await send(officer, 'GET', `${url}/history`)).body).toEqual([]);
    const reason = 'Công văn 12/UBND-VHXH: bổ sung giấy xác nhận cư trú';
    const ok = await send(
      officer,
      'PUT',
      url,
      rules(campaign, { documents: ['residence'], reason: `  ${reason} ` }),
    );
    expect(ok.status).toBe(200);
    campaign = ok.body as unknown as CampaignSummary;
    expect(campaign.entryRules!.documents).toEqual(['residence']);
    const [change] = (await send(officer, 'GET', `${url}/history`))
      .body as unknown as EntryRulesHistory;
    expect(change).toMatchObject({
      reason,
      afterOpening: true,
      by: 'Người dùng xa1.rules (xa1.rules)',
      before: { documents: [] },
      after: { documents: ['residence'] },
    });
    expect(Date.now() - new Date(change!.at).getTime()).toBeLessThan(60_000);
    // Families see the change, its reason and when, but not who.
    const pub = await app.inject({
      url: `/api/public/admissions/${campaign.id}/entry-rules/history`,
    });
    const publicChanges = pub.json<EntryRulesHistory>();
    expect(publicChanges).toHaveLength(1);
    expect(publicChanges[0]).toMatchObject({
      reason,
      by: null,
      after: { documents: ['residence'] },
    });
  });

  it('keeps the seed once registration has closed, and changes nothing after the allocation', async () => {
    // One child registers, so that the campaign can be allocated.
    await editCatchment(db, officerScope, ids.X01!, {
      areaCode: 'T1',
      areaName: 'Thôn Một',
      grade: 1,
      schoolCode: 'TH1',
      serves: true,
    });
    await send(officer, 'PUT', `/api/admissions/campaigns/${campaign.id}/seats/${ids.TH1!}`, {
      classes: 1,
      seats: 30,
      version: 1,
    });
    const slip = await addFreeCandidate(
      db,
      await scopeAt(db, ids.TH1!, 'school_staff'),
      campaign.id,
      {
        fullName: 'Lê Minh An',
        birthDate: '2021-03-01',
        personalId: makePersonalId(31, 2021, 'male', 1),
      },
    );
    const { token, csrfToken } = await candidateSignIn(db, {
      campaignId: campaign.id,
      code: slip.code,
      pin: slip.pin,
      ip: '198.51.100.9',
    });
    const child = await requireCandidate(db, {
      campaignId: campaign.id,
      token,
      csrf: csrfToken,
      write: true,
      ip: null,
    });
    const area = await db
      .selectFrom('entry_area')
      .select('id')
      .where('code', '=', 'T1')
      .executeTakeFirstOrThrow();
    await submitEntryApplication(db, child, {
      residence: 'permanent',
      areaId: area.id,
      schools: ['TH1'],
      baseVersion: 0,
      receivedAt: new Date(),
    });
    const afterClose = new Date(new Date(campaign.closesAt).getTime() + 60_000);
    const current = (await send(officer, 'GET', `/api/admissions/campaigns/${campaign.id}`))
      .body as unknown as CampaignSummary;
    const reason = 'Thay đổi sau khi đóng đăng ký';
    const seed = await editEntryRules(
      db,
      officerScope,
      campaign.id,
      { ...rules(current, { seed: 999, reason }) },
      afterClose,
    ).catch((e: unknown) => e);
    expect(seed).toBeInstanceOf(AppError);
    expect((seed as AppError).status).toBe(409);
    expect((seed as AppError).errors.map((e) => e.path)).toEqual(['body.seed']);
    // The order may still change with a reason before the allocation.
    const order = await editEntryRules(
      db,
      officerScope,
      campaign.id,
      { ...rules(current, { order: ['permanent-residence'], reason }) },
      afterClose,
    );
    expect(order.entryRules!.order).toEqual(['permanent-residence']);
    await allocateCampaign(db, officerScope, campaign.id, { outDir: dir, now: afterClose });
    const allocated = (await send(officer, 'GET', `/api/admissions/campaigns/${campaign.id}`))
      .body as unknown as CampaignSummary;
    expect(allocated.status).toBe('allocated');
    const late = await send(
      officer,
      'PUT',
      url,
      rules(allocated, { overflowInCommune: false, reason: 'Sửa sau khi đã xét tuyển' }),
    );
    expect(late.status).toBe(409);
    expect(String(late.body.detail)).toContain('đã xét tuyển');
    const history = (await send(officer, 'GET', `${url}/history`))
      .body as unknown as EntryRulesHistory;
    expect(history.map((h) => h.after.order)).toEqual([
      ['permanent-residence'],
      ['permanent-residence', 'sibling', 'distance'],
    ]);
  });
});
