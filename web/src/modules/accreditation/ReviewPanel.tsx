import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Input, List, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

const EVENT_LABELS = {
  submitted: { vi: 'Trường nộp', en: 'Submitted' },
  returned: { vi: 'Trả lại', en: 'Returned' },
  accepted: { vi: 'Chấp nhận', en: 'Accepted' },
  recognised: { vi: 'Công nhận', en: 'Recognised' },
} as const;

/** Submission by the school, review by the commune or department, and the history with comments. */
export function ReviewPanel({
  cycle,
  onSaved,
}: {
  cycle: CycleDetail;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: (what: 'submit' | 'return' | 'accept') => {
      const body = { comment, version: cycle.version };
      if (what === 'submit') return accreditationApi.submit(cycle.id, body);
      return what === 'return'
        ? accreditationApi.returnCycle(cycle.id, body)
        : accreditationApi.accept(cycle.id, body);
    },
    onSuccess: (c) => {
      setComment('');
      onSaved(c);
    },
    onError: (e) => message.error(problemText(e)),
  });
  const lang = m === messages.vi ? 'vi' : 'en';
  return (
    <Card size="small" title={`${m.review} · ${m.report}`}>
      <Space wrap style={{ marginBottom: 8 }}>
        <a href={accreditationApi.reportUrl(cycle.id, 'docx')}>{m.downloadDocx}</a>
        <a href={accreditationApi.reportUrl(cycle.id, 'pdf')}>{m.downloadPdf}</a>
      </Space>
      {(cycle.canSubmit || cycle.canReview) && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={m.comment}
            placeholder={m.comment}
            autoSize={{ minRows: 2 }}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Space wrap>
            {cycle.canSubmit && (
              <Popconfirm title={m.submitConfirm} onConfirm={() => act.mutate('submit')}>
                <Button type="primary" loading={act.isPending}>
                  {m.submit}
                </Button>
              </Popconfirm>
            )}
            {cycle.canReview && (
              <>
                <Button danger loading={act.isPending} onClick={() => act.mutate('return')}>
                  {m.returnCycle}
                </Button>
                <Button type="primary" loading={act.isPending} onClick={() => act.mutate('accept')}>
                  {m.accept}
                </Button>
              </>
            )}
          </Space>
        </Space>
      )}
      {cycle.events.length > 0 && (
        <List
          header={m.history}
          size="small"
          dataSource={cycle.events}
          renderItem={(e) => (
            <List.Item>
              {formatDate(e.at, true)} · {EVENT_LABELS[e.kind][lang]} · {e.actor}
              {e.comment ? `: ${e.comment}` : ''}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
