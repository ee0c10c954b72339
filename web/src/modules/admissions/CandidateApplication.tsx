import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type {
  ApplicationAnswer,
  CountsAnswer,
  PublicCampaign,
} from '../../../../src/modules/admissions/contract.ts';
import { problemText } from '../../shared/api.ts';
import { useMessages } from '../../shared/i18n.ts';
import { isStale } from '../../shared/StaleNotice.tsx';
import { VersionHistory } from './VersionHistory.tsx';
import { admissionsApi, candidateApi } from './api.ts';
import { messages } from './messages.ts';

/** The candidate's ranked preferences: change, withdraw, every earlier version. */
export function MyApplication({
  campaign,
  application,
  programs,
}: {
  campaign: PublicCampaign;
  application: ApplicationAnswer;
  programs: CountsAnswer['programs'];
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const current = application.preferences.map((p) => p.program);
  const [choices, setChoices] = useState<(string | undefined)[] | null>(null);
  const shown = choices ?? current;
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const now = Date.now();
  const open =
    campaign.status === 'open' &&
    now >= Date.parse(campaign.opensAt) &&
    now < Date.parse(campaign.closesAt);
  const reload = async () => {
    setChoices(null);
    await client.invalidateQueries({ queryKey: ['admissions', campaign.id, 'application'] });
  };
  const send = async (preferences: string[]) => {
    setError(null);
    setStale(false);
    try {
      const r =
        preferences.length === 0
          ? await candidateApi.withdraw(campaign.id, { baseVersion: application.version })
          : await candidateApi.submit(campaign.id, {
              preferences,
              baseVersion: application.version,
            });
      void message.success(`${m.saved} ${r.version}`);
      await reload();
    } catch (e) {
      if (isStale(e)) {
        setStale(true);
        await reload();
      } else setError(problemText(e));
    }
  };
  const options = programs.map((p) => ({
    value: p.program,
    label: `${p.program} — ${p.schoolName} (${m.quota} ${p.quota})`,
  }));
  return (
    <Card
      title={`${m.myApplication}: ${application.candidate.fullName} (${application.candidate.code})`}
      size="small"
      style={{ marginBottom: 12 }}
      extra={<span data-testid="version">{`${m.version} ${application.version}`}</span>}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="stale-notice"
          message={m.staleTitle}
          description={m.staleHint}
          style={{ marginBottom: 12 }}
        />
      )}
      {!open && <Alert type="info" message={m.closed} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {Array.from({ length: campaign.maxPreferences }, (_, i) => (
          <Select
            key={i}
            aria-label={`${m.preference} ${i + 1}`}
            data-testid={`preference-${i + 1}`}
            placeholder={`${m.preference} ${i + 1}: ${m.choose}`}
            allowClear
            disabled={!open}
            value={shown[i]}
            options={options}
            style={{ width: '100%' }}
            onChange={(v?: string) => {
              const next = [...shown];
              next[i] = v;
              setChoices(next);
            }}
          />
        ))}
      </Space>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
      <Space style={{ marginTop: 12 }} wrap>
        <Button
          type="primary"
          disabled={!open}
          onClick={() => void send(shown.filter((x): x is string => Boolean(x)))}
        >
          {m.save}
        </Button>
        <Popconfirm title={m.withdrawConfirm} onConfirm={() => void send([])} disabled={!open}>
          <Button danger disabled={!open || current.length === 0}>
            {m.withdraw}
          </Button>
        </Popconfirm>
      </Space>
      {application.version > 0 && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <a href={admissionsApi.receiptUrl(campaign.id)} data-testid="receipt">
            {m.receipt}
          </a>
        </Typography.Paragraph>
      )}
      <VersionHistory
        versions={application.history}
        describe={(h) =>
          h.preferences.length
            ? h.preferences.map((p) => `NV${p.rank} ${p.program}`).join(', ')
            : m.withdrawn
        }
        labels={m}
      />
    </Card>
  );
}
