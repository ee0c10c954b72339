import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Collapse, Form, Input, Typography } from 'antd';
import type { CriterionView, CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

type Fields = {
  description: string;
  strengths: string;
  weaknesses: string;
  improvementPlan: string;
};

/** Part II of the report for one criterion, saved with the version it was loaded with (409 if stale). */
export function CriterionTextForm({
  cycle,
  criterion,
  onSaved,
}: {
  cycle: CycleDetail;
  criterion: CriterionView;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const t = criterion.text;
  const save = useMutation({
    mutationFn: (v: Fields) =>
      accreditationApi.saveText(cycle.id, {
        criterionCode: criterion.code,
        ...v,
        version: t.version,
      }),
    onSuccess: (c) => {
      onSaved(c);
      message.success(m.saved);
    },
    onError: (e) => message.error(problemText(e)),
  });
  const fields: [keyof Fields, string][] = [
    ['description', m.description],
    ['strengths', m.strengths],
    ['weaknesses', m.weaknesses],
    ['improvementPlan', m.improvementPlan],
  ];
  return (
    <Collapse
      size="small"
      style={{ marginTop: 8 }}
      items={[
        {
          key: 'text',
          label: `${m.reportText} ${criterion.code}`,
          children: cycle.canAssess ? (
            <Form layout="vertical" initialValues={t} onFinish={(v: Fields) => save.mutate(v)}>
              {fields.map(([name, label]) => (
                <Form.Item key={name} name={name} label={label}>
                  <Input.TextArea
                    autoSize={{ minRows: 2 }}
                    maxLength={name === 'description' ? 50000 : 20000}
                  />
                </Form.Item>
              ))}
              <Button htmlType="submit" loading={save.isPending}>
                {m.saveText}
              </Button>
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
          ),
        },
      ]}
    />
  );
}
