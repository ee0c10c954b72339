import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type {
  CampaignDetail,
  ImportSummary,
  PriorityClaim,
  Slip,
} from '../../../../src/modules/admissions/contract.ts';
import { parseVietnameseDate } from '../../../../src/lib/dates.ts';
import { problemText } from '../../shared/api.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { formatNumber } from './format.ts';
import { fill, messages } from './messages.ts';

/** "a,b,c" lines → cells; blank lines skipped. */
const cells = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split(',').map((c) => c.trim()));

/**
 * The campaign's lists beyond programs and scores: the department's zones
 * and direct admission list (while open), a school's free candidates and
 * the priority claims it checks.
 */
export function CampaignExtras({
  campaign,
  manage,
  schools,
}: {
  campaign: CampaignDetail;
  manage: boolean;
  schools: boolean;
}) {
  const m = useMessages(messages);
  const open = campaign.status === 'open';
  return (
    <>
      {manage && open && (
        <Card size="small" title={m.directAndZones} style={{ marginBottom: 12 }}>
          <RowsImport
            label={m.directList}
            hint={m.directHint}
            placeholder="27000012,THPT-LeQuyDon,Điều 14 khoản 1 điểm b; QĐ 12/QĐ-SGDĐT"
            send={(text) =>
              admissionsApi.importDirect(campaign.id, {
                rows: cells(text).map(([code = '', program = '', ...basis]) => ({
                  code,
                  program,
                  basis: basis.join(','),
                })),
              })
            }
          />
          {campaign.zoneRanks !== null && (
            <RowsImport
              label={m.zones}
              hint={fill(m.zonesHint, { n: campaign.zoneRanks })}
              placeholder="27000012,KV1"
              send={(text) =>
                admissionsApi.importZones(campaign.id, {
                  rows: cells(text).map(([code = '', zone = '']) => ({ code, zone })),
                })
              }
            />
          )}
        </Card>
      )}
      {schools && open && <FreeCandidate campaignId={campaign.id} />}
      {schools && <Claims campaignId={campaign.id} />}
    </>
  );
}

function RowsImport(props: {
  label: string;
  hint: string;
  placeholder: string;
  send: (text: string) => Promise<ImportSummary>;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      const s = await props.send(text);
      if (s.errors)
        setError(
          `${fill(m.rowsRefused, s)} ${s.problems.map((p) => `(${p.row}) ${p.message}`).join(' ')}`,
        );
      else {
        void message.success(fill(m.rowsSaved, s));
        await client.invalidateQueries({ queryKey: ['admissions'] });
      }
    } catch (e) {
      setError(problemText(e));
    }
  };
  return (
    <div style={{ marginBottom: 12 }}>
      <Input.TextArea
        aria-label={props.label}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={props.placeholder}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Button onClick={() => void submit()}>{props.label}</Button>
        <span style={{ color: '#888' }}>{props.hint}</span>
      </Space>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 8 }} />}
    </div>
  );
}

interface FreeForm {
  fullName: string;
  /** dd/mm/yyyy as typed. */
  birthDate: string;
  gender: 'male' | 'female';
}

function FreeCandidate({ campaignId }: { campaignId: string }) {
  const m = useMessages(messages);
  const client = useQueryClient();
  const [slip, setSlip] = useState<Slip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FreeForm) => {
    setError(null);
    try {
      setSlip(
        await admissionsApi.addFreeCandidate(campaignId, {
          fullName: v.fullName,
          birthDate: parseVietnameseDate(v.birthDate.trim()) ?? v.birthDate,
          gender: v.gender,
        }),
      );
      await client.invalidateQueries({ queryKey: ['admissions', campaignId, 'candidates'] });
    } catch (e) {
      setError(problemText(e));
    }
  };
  return (
    <Card size="small" title={m.freeCandidate} style={{ marginBottom: 12 }}>
      <Form layout="inline" onFinish={(v: FreeForm) => void submit(v)}>
        <Form.Item label={m.candidate} name="fullName" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label={m.birthDate}
          name="birthDate"
          rules={dateRules(m.birthDateLabel, { required: true, notFuture: true })}
        >
          <DateInput style={{ width: 120 }} />
        </Form.Item>
        {/* The registry's record of the student needs it at the hand-over. */}
        <Form.Item label={m.gender} name="gender" rules={[{ required: true }]}>
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'male', label: m.male },
              { value: 'female', label: m.female },
            ]}
          />
        </Form.Item>
        <Button htmlType="submit">{m.addFree}</Button>
      </Form>
      {slip && (
        <Alert
          type="success"
          style={{ marginTop: 8 }}
          message={`${m.code} ${slip.code} · ${m.pin} ${slip.pin} — ${m.pinsOnce}`}
        />
      )}
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}

function Claims({ campaignId }: { campaignId: string }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const claims = useQuery({
    queryKey: ['admissions', campaignId, 'claims'],
    queryFn: () => admissionsApi.priorityClaims(campaignId),
  });
  const check = async (code: string, accept: boolean) => {
    setError(null);
    const note = accept ? undefined : (window.prompt(m.refuseReason) ?? '');
    if (!accept && !note) return;
    try {
      await admissionsApi.checkClaim(campaignId, code, { accept, ...(note ? { note } : {}) });
      await client.invalidateQueries({ queryKey: ['admissions', campaignId, 'claims'] });
    } catch (e) {
      setError(problemText(e));
    }
  };
  if (!claims.data?.length) return null;
  return (
    <Card size="small" title={m.claims} style={{ marginBottom: 12 }}>
      <Table
        size="small"
        rowKey="code"
        scroll={{ x: 'max-content' }}
        dataSource={claims.data}
        columns={[
          { title: m.code, dataIndex: 'code' },
          { title: m.candidate, dataIndex: 'fullName' },
          {
            title: m.claimPoints,
            dataIndex: 'points',
            align: 'right',
            render: (n: number) => formatNumber(lang, n, 2),
          },
          {
            title: m.evidence,
            key: 'file',
            render: (_: unknown, c: PriorityClaim) => (
              <a
                href={admissionsApi.evidenceUrl(campaignId, c.code)}
                target="_blank"
                rel="noreferrer"
              >
                {c.file.name}
              </a>
            ),
          },
          {
            title: m.status,
            key: 'status',
            render: (_: unknown, c: PriorityClaim) => (
              <Space wrap>
                <Tag
                  color={
                    c.status === 'accepted' ? 'green' : c.status === 'refused' ? 'red' : undefined
                  }
                >
                  {m[`claim_${c.status}`]}
                </Tag>
                <Button size="small" onClick={() => void check(c.code, true)}>
                  {m.accept}
                </Button>
                <Button size="small" danger onClick={() => void check(c.code, false)}>
                  {m.refuse}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
