import { useMutation } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

/** The result the school published (công bố / công khai), and the principal's publish or withdraw. */
export function PublishPanel({
  cycle,
  onSaved,
}: {
  cycle: CycleDetail;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const [note, setNote] = useState('');
  const publish = useMutation({
    mutationFn: () => accreditationApi.publish(cycle.id, { note }),
    onSuccess: (c) => {
      setNote('');
      onSaved(c);
      message.success(m.publishedOk);
    },
    onError: (e) => message.error(problemText(e)),
  });
  const withdraw = useMutation({
    mutationFn: () => accreditationApi.withdrawPublication(cycle.id),
    onSuccess: onSaved,
    onError: (e) => message.error(problemText(e)),
  });
  const p = cycle.publication;
  if (!p && !cycle.canPublish) return null;
  const level = (n: number) => (n === 0 ? m.levelNone : m.levelN.replace('{n}', String(n)));
  return (
    <Card size="small" title={m.publication}>
      {p ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {m.publishedOn} {formatDate(p.publishedAt, true)} · {p.publishedBy} ·{' '}
            {level(p.summary.level)}
          </Typography.Text>
          {p.note && <Typography.Text type="secondary">{p.note}</Typography.Text>}
          {p.outdated && <Alert type="warning" showIcon message={m.publicationOutdated} />}
          <a href={`/cong-khai-kiem-dinh?truong=${encodeURIComponent(cycle.school.code)}`}>
            {m.publicPage}
          </a>
        </Space>
      ) : (
        <Typography.Text type="secondary">{m.notPublished}</Typography.Text>
      )}
      {cycle.canPublish && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input
            aria-label={m.publishNote}
            placeholder={m.publishNote}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Space wrap>
            <Popconfirm title={m.publishConfirm} onConfirm={() => publish.mutate()}>
              <Button type="primary" loading={publish.isPending}>
                {p ? m.republish : m.publish}
              </Button>
            </Popconfirm>
            {p && (
              <Popconfirm title={m.withdrawConfirm} onConfirm={() => withdraw.mutate()}>
                <Button danger loading={withdraw.isPending}>
                  {m.withdraw}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
      )}
    </Card>
  );
}
