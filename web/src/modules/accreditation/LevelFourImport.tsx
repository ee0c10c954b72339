import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SetSummary } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { isStale } from '../../shared/StaleNotice.tsx';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

/** Sets with a separate Mức 4 list (TT 17/18/19-2018). */
const WITH_LEVEL_FOUR = ['tt17-2018', 'tt18-2018', 'tt19-2018'];

/**
 * The department enters a set's Mức 4 criteria from the circular: one a line,
 * the whole list replaced, saved with its version (a stale save names who
 * saved and keeps the text typed).
 */
export function LevelFourImport({ sets }: { sets: readonly SetSummary[] }) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const choices = sets.filter((s) => WITH_LEVEL_FOUR.includes(s.id));
  const [setId, setSetId] = useState(choices[0]?.id ?? '');
  const key = ['accreditation', 'level4', setId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => accreditationApi.levelFour(setId),
    enabled: setId !== '',
  });
  const [form] = Form.useForm<{ source: string; lines: string }>();
  const [stale, setStale] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { source: string; lines: string }) =>
      accreditationApi.importLevelFour(setId, {
        source: v.source ?? '',
        lines: v.lines ?? '',
        version: list.data?.version ?? 0,
      }),
    onSuccess: (four) => {
      client.setQueryData(key, four);
      setStale(null);
      message.success(m.saved);
    },
    onError: (e) => {
      if (isStale(e)) {
        setStale(problemText(e));
        void client.invalidateQueries({ queryKey: key });
      } else message.error(problemToForm(e, form, ['source', 'lines']));
    },
  });
  if (!choices.length) return null;
  const four = list.data;
  return (
    <Card title={m.levelFourImportTitle} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          style={{ width: '100%' }}
          value={setId}
          onChange={(v) => setSetId(v)}
          options={choices.map((s) => ({ value: s.id, label: s.name }))}
          aria-label={m.set}
        />
        {four && (
          <>
            <Alert type="warning" message={four.note} description={four.article} />
            <Typography.Text type="secondary">
              {four.version === 0
                ? m.levelFourNotEntered
                : fill(m.levelFourVersion, {
                    version: four.version,
                    who: four.updatedBy ?? '',
                    at: four.updatedAt ? formatDate(four.updatedAt, true) : '',
                  })}
            </Typography.Text>
          </>
        )}
        {stale && <Alert type="warning" showIcon message={stale} description={m.textStaleKept} />}
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="source" label={m.levelFourSource}>
            <Input maxLength={500} placeholder={m.levelFourSourceExample} />
          </Form.Item>
          <Form.Item name="lines" label={m.levelFourLines} extra={m.levelFourLinesHint}>
            <Input.TextArea autoSize={{ minRows: 4 }} maxLength={100_000} />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending} disabled={!four}>
            {m.levelFourSave}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
