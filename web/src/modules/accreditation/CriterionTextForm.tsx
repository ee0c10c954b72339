import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Collapse, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CriterionView, CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { useMessages } from '../../shared/i18n.ts';
import { isStale } from '../../shared/StaleNotice.tsx';
import { accreditationApi } from './api.ts';
import { CommentsPanel } from './CommentsPanel.tsx';
import { messages } from './messages.ts';
import { StaleSaveAlert } from './StaleSaveAlert.tsx';
import { TextVersions } from './TextVersions.tsx';

type Fields = {
  description: string;
  strengths: string;
  weaknesses: string;
  improvementPlan: string;
};

/**
 * Part II of the report for one criterion, saved with the version it was
 * loaded with. A save refused as stale (someone saved since) keeps what the
 * member wrote in the form: they look at the newer version, then either save
 * theirs as the next version or take the newer one — never an unseen overwrite.
 */
export function CriterionTextForm({
  cycle,
  criterion,
  onSaved,
  onReload,
}: {
  cycle: CycleDetail;
  criterion: CriterionView;
  onSaved: (c: CycleDetail) => void;
  onReload: () => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const t = criterion.text;
  const [form] = Form.useForm<Fields>();
  // The version the form's text is based on (the page's copy may be newer after a reload).
  const [base, setBase] = useState(t.version);
  const [stale, setStale] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { fields: Fields; version: number }) =>
      accreditationApi.saveText(cycle.id, {
        criterionCode: criterion.code,
        ...v.fields,
        version: v.version,
      }),
    onSuccess: (c) => {
      const saved = c.standards.flatMap((s) => s.criteria).find((x) => x.code === criterion.code);
      setBase(saved?.text.version ?? base + 1);
      setStale(null);
      onSaved(c);
      message.success(m.saved);
    },
    onError: (e) => {
      if (isStale(e)) {
        setStale(problemText(e));
        onReload();
      } else message.error(problemText(e));
    },
  });
  const takeTheirs = () => {
    form.setFieldsValue({
      description: t.description,
      strengths: t.strengths,
      weaknesses: t.weaknesses,
      improvementPlan: t.improvementPlan,
    });
    setBase(t.version);
    setStale(null);
  };
  const fields: [keyof Fields, string][] = [
    ['description', m.description],
    ['strengths', m.strengths],
    ['weaknesses', m.weaknesses],
    ['improvementPlan', m.improvementPlan],
  ];
  const open = cycle.comments.filter(
    (x) => x.criterionCode === criterion.code && x.parentId === null && x.resolvedAt === null,
  ).length;
  return (
    <Collapse
      size="small"
      style={{ marginTop: 8 }}
      items={[
        {
          key: 'text',
          label: `${m.reportText} ${criterion.code}${open ? ` · ${open} ${m.openComments}` : ''}`,
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              {cycle.canAssess ? (
                <Form
                  form={form}
                  layout="vertical"
                  initialValues={t}
                  onFinish={(v: Fields) => save.mutate({ fields: v, version: base })}
                >
                  {stale && (
                    <StaleSaveAlert
                      title={m.textStale}
                      detail={stale}
                      testId="text-stale"
                      newerLoaded={t.version !== base}
                      onSaveMine={() =>
                        save.mutate({ fields: form.getFieldsValue(), version: t.version })
                      }
                      onTakeTheirs={takeTheirs}
                    />
                  )}
                  {fields.map(([name, label]) => (
                    <Form.Item key={name} name={name} label={label}>
                      <Input.TextArea
                        autoSize={{ minRows: 2 }}
                        maxLength={name === 'description' ? 50000 : 20000}
                      />
                    </Form.Item>
                  ))}
                  <Space wrap>
                    <Button htmlType="submit" loading={save.isPending}>
                      {m.saveText}
                    </Button>
                    <Typography.Text type="secondary">
                      {m.textVersion} {base}
                    </Typography.Text>
                  </Space>
                </Form>
              ) : (
                fields.map(([name, label]) => (
                  <div key={name}>
                    <Typography.Text strong>{label}</Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                      {t[name] || '—'}
                    </Typography.Paragraph>
                  </div>
                ))
              )}
              {t.version > 0 && <TextVersions cycleId={cycle.id} criterionCode={criterion.code} />}
              <CommentsPanel cycle={cycle} criterionCode={criterion.code} onSaved={onSaved} />
            </Space>
          ),
        },
      ]}
    />
  );
}
