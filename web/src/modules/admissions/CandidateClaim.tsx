import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, problemText } from '../../shared/api.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { candidateApi } from './api.ts';
import { formatNumber } from './format.ts';
import { messages } from './messages.ts';

/** The family's priority or bonus claim: group, prize and an evidence file; its school's answer. */
export function CandidateClaim({ campaign, open }: { campaign: string; open: boolean }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const client = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const claim = useQuery({
    queryKey: ['admissions', campaign, 'claim'],
    queryFn: async () => {
      try {
        return await candidateApi.priorityClaim(campaign);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  const submit = async (v: { group?: string; prize?: string }) => {
    setError(null);
    const chosen = file.current?.files?.[0];
    if (!chosen) return setError(m.claimFile);
    // The fields go before the file: the server reads them first.
    const form = new FormData();
    form.append('group', v.group ?? 'none');
    form.append('prize', v.prize ?? 'none');
    form.append('file', chosen);
    setBusy(true);
    try {
      await candidateApi.sendPriorityClaim(campaign, form);
      // Not awaited: the button is free at once; the claim's state reloads behind it.
      void client.invalidateQueries({ queryKey: ['admissions', campaign, 'claim'] });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  const c = claim.data;
  const options = (
    keys: readonly ('none' | 'group1' | 'group2' | 'group3' | 'first' | 'second' | 'third')[],
  ) => keys.map((k) => ({ value: k, label: m[k] }));
  return (
    <Card title={m.claimTitle} size="small" style={{ marginBottom: 12 }}>
      {c && (
        <Typography.Paragraph>
          {c.file.name} · {formatNumber(lang, c.points, 2)} ·{' '}
          <Tag
            color={c.status === 'accepted' ? 'green' : c.status === 'refused' ? 'red' : undefined}
          >
            {m[`claim_${c.status}`]}
          </Tag>
          {c.note ? ` ${c.note}` : ''}
        </Typography.Paragraph>
      )}
      {open && (
        <Form
          layout="vertical"
          onFinish={(v: { group?: string; prize?: string }) => void submit(v)}
        >
          <Form.Item label={m.claimGroup} name="group" initialValue="none">
            <Select options={options(['none', 'group1', 'group2', 'group3'])} />
          </Form.Item>
          <Form.Item label={m.claimPrize} name="prize" initialValue="none">
            <Select options={options(['none', 'first', 'second', 'third'])} />
          </Form.Item>
          <Form.Item label={m.claimFile}>
            <input ref={file} type="file" accept="application/pdf,image/png,image/jpeg" />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {m.claimSend}
          </Button>
        </Form>
      )}
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
