import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { EntryEvidenceFile } from '../../../../src/modules/admissions/contract.ts';
import { problemText } from '../../shared/api.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { admissionsApi, candidateApi } from './api.ts';
import { entryFamilyMessages } from './entryFamilyMessages.ts';
import { formatNumber } from './format.ts';
import { fill } from './messages.ts';

/**
 * The documents the campaign asks for (proof of residence, birth
 * certificate…): for each, the files the family uploaded (with the version
 * of the application they belong to), a link to open each, a remove button
 * until the deadline, and a file picker that uploads at once. Shown only
 * when the campaign asks for documents.
 */
export function EntryEvidenceCard({
  campaign,
  registered,
}: {
  campaign: string;
  /** The family has saved an application with a school (files belong to it). */
  registered: boolean;
}) {
  const m = useMessages(entryFamilyMessages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = ['admissions', campaign, 'entry-evidence'];
  const evidence = useQuery({ queryKey: key, queryFn: () => candidateApi.entryEvidence(campaign) });
  const data = evidence.data;
  if (!data || data.asked.length === 0) return null;

  const upload = async (kind: string, input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    const form = new FormData();
    // The kind before the file: the server reads the fields first.
    form.append('kind', kind);
    form.append('file', file);
    setBusy(kind);
    try {
      const sent = await candidateApi.uploadEntryEvidence(campaign, form);
      void message.success(fill(m.uploaded, { name: sent.fileName }));
      await client.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(null);
      input.value = '';
    }
  };
  const remove = async (f: EntryEvidenceFile) => {
    setError(null);
    try {
      await candidateApi.removeEntryEvidence(campaign, f.id);
      void message.success(fill(m.removed, { name: f.fileName }));
      await client.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(problemText(e));
    }
  };
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${formatNumber(lang, bytes / 1024 / 1024, 1)} MB`
      : `${formatNumber(lang, Math.max(1, Math.round(bytes / 1024)))} KB`;

  return (
    <Card title={m.evidenceTitle} size="small" style={{ marginBottom: 12 }} data-testid="evidence">
      <Typography.Paragraph type="secondary">{m.evidenceHint}</Typography.Paragraph>
      {!registered && <Alert type="info" message={m.evidenceFirst} style={{ marginBottom: 12 }} />}
      {!data.open && <Alert type="info" message={m.evidenceClosed} style={{ marginBottom: 12 }} />}
      {data.asked.map((kind) => {
        const files = data.files.filter((f) => f.kind === kind);
        const label = m[kind];
        return (
          <div key={kind} style={{ marginBottom: 16 }} data-testid={`evidence-${kind}`}>
            <Typography.Text strong>{label}</Typography.Text>
            <List
              size="small"
              locale={{ emptyText: m.none }}
              dataSource={files}
              renderItem={(f) => (
                <List.Item
                  actions={[
                    <a
                      key="open"
                      href={admissionsApi.entryEvidenceUrl(campaign, f.id)}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {m.open}
                    </a>,
                    ...(data.open
                      ? [
                          <Popconfirm
                            key="remove"
                            title={fill(m.removeConfirm, { name: f.fileName })}
                            onConfirm={() => void remove(f)}
                          >
                            <Button size="small" danger>
                              {m.remove}
                            </Button>
                          </Popconfirm>,
                        ]
                      : []),
                  ]}
                >
                  <span style={{ overflowWrap: 'anywhere' }}>
                    {f.fileName} · {size(f.size)} · {fill(m.ofVersion, { v: f.version })} ·{' '}
                    {formatDate(f.uploadedAt, true)}
                  </span>
                </List.Item>
              )}
            />
            {data.open && registered && (
              <Space wrap style={{ marginTop: 4 }}>
                <input
                  type="file"
                  accept="application/pdf,image/png,image/jpeg"
                  aria-label={fill(m.choose, { doc: label })}
                  disabled={busy !== null}
                  style={{ maxWidth: '100%' }}
                  onChange={(e) => void upload(kind, e.currentTarget)}
                />
                {busy === kind && <Typography.Text type="secondary">{m.uploading}</Typography.Text>}
              </Space>
            )}
          </div>
        );
      })}
      {error && <Alert type="error" role="alert" message={error} />}
    </Card>
  );
}
