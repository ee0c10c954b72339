import { Alert, Button, Descriptions, Form, Input, Space, Timeline } from 'antd';
import { useState } from 'react';
import type { ApplicantQuery, PublicStatus } from '../../../../src/modules/services/contract.ts';
import { STATUS_LABELS } from '../../../../src/modules/services/labels.ts';
import { problemText } from '../../shared/api.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { saveBlob, servicesApi } from './api.ts';
import { dmy, messages, when } from './messages.ts';

/** Status by application code and personal id; the result's download once issued. */
export function TrackPanel() {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const [query, setQuery] = useState<ApplicantQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const look = async (v: ApplicantQuery) => {
    setError(null);
    try {
      setStatus(await servicesApi.status(v));
      setQuery(v);
    } catch (e) {
      setStatus(null);
      setError(problemText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form
        layout="vertical"
        onFinish={(v: ApplicantQuery) => void look(v)}
        style={{ maxWidth: 560 }}
      >
        <Form.Item label={m.code} name="code" rules={[{ required: true }]}>
          <Input placeholder="DVC-261202-XXXXXX" autoCapitalize="characters" />
        </Form.Item>
        <Form.Item
          label={m.personalId}
          name="personalId"
          rules={[{ required: true, pattern: /^\d{12}$/ }]}
        >
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {m.lookUp}
        </Button>
      </Form>
      {error && <Alert type="error" message={error} />}
      {status && query && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={m.code}>{status.code}</Descriptions.Item>
            <Descriptions.Item label={m.procedure}>{status.procedureName}</Descriptions.Item>
            <Descriptions.Item label={m.status}>
              {STATUS_LABELS[lang][status.status]}
            </Descriptions.Item>
            <Descriptions.Item label={m.receivedAt}>{when(status.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={m.due}>{dmy(status.dueDate)}</Descriptions.Item>
          </Descriptions>
          {status.clockStopped && <Alert type="warning" message={m.clockStopped} />}
          <Timeline
            items={status.events.map((e) => ({
              children: `${when(e.at)} · ${STATUS_LABELS[lang][e.status]}${e.note ? ` — ${e.note}` : ''}`,
            }))}
          />
          {status.resultReady && (
            <Button
              type="primary"
              onClick={() =>
                void servicesApi.result(query).then(
                  (b) => saveBlob(b, `ket-qua-${status.code}.pdf`),
                  (e: unknown) => setError(problemText(e)),
                )
              }
            >
              {m.downloadResult}
            </Button>
          )}
        </>
      )}
    </Space>
  );
}
