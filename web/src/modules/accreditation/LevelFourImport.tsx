import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { LevelFourView, SetSummary } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { isStale } from '../../shared/StaleNotice.tsx';
import { accreditationApi } from './api.ts';
import { LevelFourHistory } from './LevelFourHistory.tsx';
import { messages } from './messages.ts';
import { StaleSaveAlert } from './StaleSaveAlert.tsx';

/** Sets with a separate Mức 4 list (TT 17/18/19-2018). */
const WITH_LEVEL_FOUR = ['tt17-2018', 'tt18-2018', 'tt19-2018'];

type Fields = { source: string; lines: string };

/** The list as the form edits it: one criterion a line, numbered (placeholders: empty). */
function fieldsOf(four: LevelFourView): Fields {
  if (four.version === 0) return { source: '', lines: '' };
  return {
    source: four.source ?? '',
    lines: four.criteria.map((c, i) => `${i + 1}. ${c.text ?? ''}`).join('\n'),
  };
}

/**
 * The department enters a set's Mức 4 criteria from the circular: one a line,
 * the whole list replaced, saved with the version the form was loaded with.
 * A stale save names who saved, keeps the text typed, and offers to save it as
 * the next version or take the newer one; every version is in the history.
 */
export function LevelFourImport({ sets }: { sets: readonly SetSummary[] }) {
  const m = useMessages(messages);
  const choices = sets.filter((s) => WITH_LEVEL_FOUR.includes(s.id));
  const [setId, setSetId] = useState(choices[0]?.id ?? '');
  const list = useQuery({
    queryKey: ['accreditation', 'level4', setId],
    queryFn: () => accreditationApi.levelFour(setId),
    enabled: setId !== '',
  });
  if (!choices.length) return null;
  const four = list.data;
  return (
    <Card title={m.levelFourImportTitle} size="small" data-testid="level-four-import">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          style={{ width: '100%' }}
          value={setId}
          onChange={(v) => setSetId(v)}
          options={choices.map((s) => ({ value: s.id, label: s.name }))}
          aria-label={m.set}
        />
        {four && four.setId === setId && <LevelFourEditor key={setId} four={four} />}
      </Space>
    </Card>
  );
}

function LevelFourEditor({ four }: { four: LevelFourView }) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const key = ['accreditation', 'level4', four.setId];
  const [form] = Form.useForm<Fields>();
  // The version the form's text is based on (the query's copy may be newer after a stale save).
  const [base, setBase] = useState(four.version);
  const [stale, setStale] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { fields: Fields; version: number }) =>
      accreditationApi.importLevelFour(four.setId, {
        source: v.fields.source ?? '',
        lines: v.fields.lines ?? '',
        version: v.version,
      }),
    onSuccess: (saved) => {
      client.setQueryData(key, saved);
      void client.invalidateQueries({ queryKey: ['accreditation', 'level4-versions', four.setId] });
      setBase(saved.version);
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
  const takeTheirs = () => {
    form.setFieldsValue(fieldsOf(four));
    setBase(four.version);
    setStale(null);
  };
  return (
    <>
      <Alert type="warning" message={four.note} description={four.article} />
      <Space wrap>
        <Typography.Text type="secondary" data-testid="level-four-version">
          {four.version === 0
            ? m.levelFourNotEntered
            : fill(m.levelFourVersion, {
                version: four.version,
                who: four.updatedBy ?? '',
                at: four.updatedAt ? formatDate(four.updatedAt, true) : '',
              })}
        </Typography.Text>
        {four.version > 0 && <LevelFourHistory setId={four.setId} />}
      </Space>
      {stale && (
        <StaleSaveAlert
          title={m.levelFourStale}
          detail={stale}
          testId="level-four-stale"
          newerLoaded={four.version !== base}
          onSaveMine={() => save.mutate({ fields: form.getFieldsValue(), version: four.version })}
          onTakeTheirs={takeTheirs}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={fieldsOf(four)}
        onFinish={(v: Fields) => save.mutate({ fields: v, version: base })}
      >
        <Form.Item name="source" label={m.levelFourSource}>
          <Input maxLength={500} placeholder={m.levelFourSourceExample} />
        </Form.Item>
        <Form.Item name="lines" label={m.levelFourLines} extra={m.levelFourLinesHint}>
          <Input.TextArea autoSize={{ minRows: 4 }} maxLength={100_000} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending}>
          {m.levelFourSave}
        </Button>
      </Form>
    </>
  );
}
