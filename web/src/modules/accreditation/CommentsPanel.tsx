import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CycleDetail, TextComment } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

/** The council's comment threads on a criterion's text: open or resolved, with replies. */
export function CommentsPanel({
  cycle,
  criterionCode,
  onSaved,
}: {
  cycle: CycleDetail;
  criterionCode: string;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState('');
  const [replies, setReplies] = useState<Record<string, string>>({});
  const mine = cycle.comments.filter((c) => c.criterionCode === criterionCode);
  const threads = mine.filter((c) => c.parentId === null);
  const post = useMutation({
    mutationFn: (v: { body: string; parentId?: string }) =>
      accreditationApi.addComment(cycle.id, {
        criterionCode,
        body: v.body,
        parentId: v.parentId ?? null,
      }),
    onSuccess: (c, v) => {
      if (v.parentId) setReplies((r) => ({ ...r, [v.parentId!]: '' }));
      else setDraft('');
      onSaved(c);
    },
    onError: (e) => message.error(problemText(e)),
  });
  const resolve = useMutation({
    mutationFn: (v: { id: string; resolved: boolean }) =>
      accreditationApi.resolveComment(cycle.id, v.id, v.resolved),
    onSuccess: onSaved,
    onError: (e) => message.error(problemText(e)),
  });
  const line = (c: TextComment) => (
    <div key={c.id}>
      <Typography.Text strong>{c.author}</Typography.Text>{' '}
      <Typography.Text type="secondary">
        {formatDate(c.at, true)} · {m.onVersion} {c.textVersion}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
        {c.body}
      </Typography.Paragraph>
    </div>
  );
  return (
    <Card size="small" title={m.comments} data-testid={`comments-${criterionCode}`}>
      {threads.length === 0 && <Typography.Text type="secondary">{m.noComments}</Typography.Text>}
      {threads.map((t) => (
        <Card
          key={t.id}
          size="small"
          style={{ marginBottom: 8 }}
          data-testid="comment-thread"
          title={
            t.resolvedAt ? (
              <Tag color="green">{m.resolved}</Tag>
            ) : (
              <Tag color="orange">{m.threadOpen}</Tag>
            )
          }
          extra={
            cycle.canComment && (
              <Button
                size="small"
                loading={resolve.isPending}
                onClick={() => resolve.mutate({ id: t.id, resolved: !t.resolvedAt })}
              >
                {t.resolvedAt ? m.reopen : m.resolve}
              </Button>
            )
          }
        >
          {line(t)}
          <div style={{ paddingLeft: 12 }}>{mine.filter((r) => r.parentId === t.id).map(line)}</div>
          {t.resolvedAt && (
            <Typography.Text type="secondary">
              {m.resolvedBy} {t.resolvedBy} · {formatDate(t.resolvedAt, true)}
            </Typography.Text>
          )}
          {cycle.canComment && (
            <Space.Compact style={{ width: '100%', marginTop: 4 }}>
              <Input
                aria-label={m.reply}
                placeholder={m.reply}
                maxLength={5000}
                value={replies[t.id] ?? ''}
                onChange={(e) => setReplies((r) => ({ ...r, [t.id]: e.target.value }))}
              />
              <Button
                disabled={!(replies[t.id] ?? '').trim()}
                onClick={() => post.mutate({ body: replies[t.id] ?? '', parentId: t.id })}
              >
                {m.send}
              </Button>
            </Space.Compact>
          )}
        </Card>
      ))}
      {cycle.canComment && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={m.newComment}
            placeholder={m.newComment}
            autoSize={{ minRows: 2 }}
            maxLength={5000}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <Button
            disabled={!draft.trim()}
            loading={post.isPending}
            onClick={() => post.mutate({ body: draft })}
          >
            {m.addComment}
          </Button>
        </Space>
      )}
    </Card>
  );
}
