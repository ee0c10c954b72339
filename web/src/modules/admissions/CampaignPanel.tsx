import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ImportSummary, IssueAnswer } from '../../../../src/modules/admissions/contract.ts';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { problemText } from '../../shared/api.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { CampaignExtras } from './CampaignExtras.tsx';
import { EntryCampaignExtras } from './EntryCampaignExtras.tsx';
import { HandOver } from './HandOver.tsx';
import { AdmittedTable, CandidatesTable, ProgramsTable } from './CampaignTables.tsx';
import { formatNumber, parseVietnameseDateTime } from './format.ts';
import { fill, messages } from './messages.ts';

/** "P1,THPT01,40" lines → rows; blank lines skipped. */
function lines(text: string): string[][] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split(',').map((c) => c.trim()));
}

/** One campaign for staff: its state, the actions the caller may take, programs, candidates, admitted. */
export function Campaign({ id, me }: { id: string; me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const canManage = me.permissions.includes('admissions.manage');
  const schools = me.permissions.includes('admissions.candidates');
  const [error, setError] = useState<string | null>(null);
  const [slips, setSlips] = useState<IssueAnswer | null>(null);
  const [programsText, setProgramsText] = useState('');
  const [scoresText, setScoresText] = useState('');
  const [specialisedBy, setSpecialisedBy] = useState('');
  const detail = useQuery({
    queryKey: ['admissions', id],
    queryFn: () => admissionsApi.campaign(id),
  });
  const candidates = useQuery({
    queryKey: ['admissions', id, 'candidates'],
    queryFn: () => admissionsApi.candidates(id),
    enabled: schools,
  });
  const admitted = useQuery({
    queryKey: ['admissions', id, 'admitted'],
    queryFn: () => admissionsApi.admitted(id),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['admissions', id] });
  const act = async (work: () => Promise<string>) => {
    setError(null);
    try {
      void message.success(await work());
      await refresh();
    } catch (e) {
      setError(problemText(e));
    }
  };
  const summaryText = (s: ImportSummary) =>
    s.errors
      ? `${fill(m.rowsRefused, s)} ${s.problems.map((p) => `(${p.row}) ${p.message}`).join(' ')}`
      : fill(m.rowsSaved, s);
  const programRows = () =>
    lines(programsText).map(([program = '', schoolCode = '', quota = '', fourth = '']) => ({
      program,
      schoolCode,
      quota,
      // Entry grades: the fourth column marks a school outside zoning (1); grade 10: the track.
      ...(fourth ? (entry ? { unzoned: fourth } : { track: fourth }) : {}),
    }));
  const scoreRows = () =>
    lines(scoresText).map(([code = '', score = '', program = '']) => ({
      code,
      score,
      ...(program ? { program } : {}),
    }));
  const importRows = async (kind: 'programs' | 'scores') => {
    setError(null);
    try {
      const s =
        kind === 'programs'
          ? await admissionsApi.importPrograms(id, { rows: programRows() })
          : await admissionsApi.importScores(id, { rows: scoreRows() });
      if (s.errors) setError(summaryText(s));
      else void message.success(summaryText(s));
      await refresh();
    } catch (e) {
      setError(problemText(e));
    }
  };
  const d = detail.data;
  // An entry-grade campaign (grade 1, 6) is run with admissions.entry (a commune's officer too).
  const entry = d !== undefined && d.grade !== 10;
  const manage = canManage || (entry && me.permissions.includes('admissions.entry'));
  if (detail.error) return <Alert type="error" message={detail.error.message} />;
  if (!d) return null;
  const staged = d.programs.some((p) => p.track && p.track !== 'regular');
  return (
    <>
      <Card
        size="small"
        title={d.name}
        style={{ marginBottom: 12 }}
        extra={
          <Link to={entry ? `/tuyen-sinh-dau-cap/${d.id}` : `/tuyen-sinh-10/${d.id}`}>
            {m.publicPage}
          </Link>
        }
      >
        <Space wrap>
          <Tag color={d.status === 'open' ? 'green' : 'blue'} data-testid="campaign-status">
            {m[d.status]}
          </Tag>
          <span>
            {m.opens}: {formatDate(d.opensAt, true)}
          </span>
          <span>
            {m.closes}: {formatDate(d.closesAt, true)}
          </span>
          <span>
            {fill(m.totals, {
              candidates: formatNumber(lang, d.candidates),
              registered: formatNumber(lang, d.registered),
              scored: formatNumber(lang, d.scored),
            })}
          </span>
        </Space>
        <Space wrap style={{ marginTop: 12 }}>
          {schools && d.status === 'open' && (
            <Button
              onClick={() =>
                void act(async () => {
                  const r = await admissionsApi.issue(id);
                  setSlips(r);
                  return fill(m.issued, r);
                })
              }
            >
              {m.issue}
            </Button>
          )}
          {manage && staged && d.status === 'open' && d.specialisedStatus !== 'published' && (
            <Button
              onClick={() =>
                void act(async () =>
                  fill(m.allocatedSummary, await admissionsApi.allocateSpecialised(id)),
                )
              }
            >
              {m.allocateSpecialised}
            </Button>
          )}
          {manage && staged && d.specialisedStatus === 'allocated' && (
            <Space.Compact>
              <Input
                aria-label={m.specialisedDeadlineField}
                placeholder="dd/mm/yyyy HH:mm"
                style={{ width: 170 }}
                value={specialisedBy}
                onChange={(e) => setSpecialisedBy(e.target.value)}
              />
              <Button
                disabled={!parseVietnameseDateTime(specialisedBy)}
                onClick={() =>
                  void act(async () => {
                    const c = await admissionsApi.publishSpecialised(
                      id,
                      parseVietnameseDateTime(specialisedBy)!,
                    );
                    return fill(m.specialisedPublished, {
                      when: formatDate(c.specialisedConfirmBy ?? '', true),
                    });
                  })
                }
              >
                {m.publishSpecialised}
              </Button>
            </Space.Compact>
          )}
          {manage && d.status !== 'published' && (
            <Button
              onClick={() =>
                void act(async () => fill(m.allocatedSummary, await admissionsApi.allocate(id)))
              }
            >
              {m.allocate}
            </Button>
          )}
          {manage && d.status === 'allocated' && (
            <Button
              type="primary"
              onClick={() => void act(async () => (await admissionsApi.publish(id), m.published))}
            >
              {m.publish}
            </Button>
          )}
          {manage && d.status === 'published' && (
            <Button
              onClick={() => void act(async () => fill(m.offered, await admissionsApi.topUp(id)))}
            >
              {m.topUpRun}
            </Button>
          )}
        </Space>
        {manage && staged && d.status === 'open' && (
          <Alert type="info" message={m.specialisedStage} style={{ marginTop: 12 }} />
        )}
        {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
      </Card>
      {slips && slips.slips.length > 0 && (
        <Card size="small" title={m.pinsOnce} style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey="code"
            data-testid="slips"
            scroll={{ x: 'max-content' }}
            dataSource={slips.slips}
            columns={[
              { title: m.code, dataIndex: 'code' },
              { title: m.pin, dataIndex: 'pin' },
              { title: m.candidate, dataIndex: 'fullName' },
              { title: m.school, dataIndex: 'schoolCode' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={m.programs} style={{ marginBottom: 12 }}>
        <ProgramsTable programs={d.programs} />
        {manage && d.status === 'open' && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">
              {entry ? m.entryProgramsHint : m.programsHint}
            </Typography.Text>
            <Input.TextArea
              aria-label={m.programs}
              rows={4}
              value={programsText}
              onChange={(e) => setProgramsText(e.target.value)}
              placeholder="THPT-LeQuyDon,THPT01,630"
            />
            <Button style={{ marginTop: 8 }} onClick={() => void importRows('programs')}>
              {m.importPrograms}
            </Button>
          </div>
        )}
        {manage && !entry && d.status !== 'published' && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{m.scoresHint}</Typography.Text>
            <Input.TextArea
              aria-label={m.score}
              rows={4}
              value={scoresText}
              onChange={(e) => setScoresText(e.target.value)}
              placeholder="27000001,27.50"
            />
            <Button style={{ marginTop: 8 }} onClick={() => void importRows('scores')}>
              {m.importScores}
            </Button>
          </div>
        )}
      </Card>
      {entry ? (
        <EntryCampaignExtras
          campaign={d}
          admitted={admitted.data ?? []}
          schools={schools}
          manage={manage}
          records={me.orgUnit.kind === 'school'}
        />
      ) : (
        <CampaignExtras campaign={d} manage={manage} schools={schools} />
      )}
      {manage && d.status === 'published' && <HandOver campaign={d} />}
      {schools && (
        <Card
          size="small"
          title={m.candidates}
          style={{ marginBottom: 12 }}
          extra={<a href={admissionsApi.candidatesXlsxUrl(id)}>{m.downloadXlsx}</a>}
        >
          <CandidatesTable rows={candidates.data ?? []} />
        </Card>
      )}
      {(admitted.data?.length ?? 0) > 0 && (
        <Card
          size="small"
          title={m.admittedList}
          extra={<a href={admissionsApi.admittedXlsxUrl(id)}>{m.downloadXlsx}</a>}
        >
          <AdmittedTable rows={admitted.data ?? []} />
        </Card>
      )}
    </>
  );
}
