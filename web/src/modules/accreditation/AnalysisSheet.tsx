import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Collapse, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type {
  CriterionView,
  CycleDetail,
  RequirementView,
} from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { isStale } from '../../shared/StaleNotice.tsx';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';
import { StaleSaveAlert } from './StaleSaveAlert.tsx';

type Fields = {
  meaning: string;
  questions: string;
  evidenceNeeded: string;
  evidenceIds: string[];
  sources: string;
  collectorMemberId: string | null;
};
const FIELD_NAMES: readonly string[] = [
  'meaning',
  'questions',
  'evidenceNeeded',
  'evidenceIds',
  'sources',
  'collectorMemberId',
];

function fieldsOf(r: RequirementView): Fields {
  const a = r.analysis;
  return {
    meaning: a.meaning,
    questions: a.questions,
    evidenceNeeded: a.evidenceNeeded,
    evidenceIds: a.evidence.map((e) => e.id),
    sources: a.sources,
    collectorMemberId: a.collector?.id ?? null,
  };
}

/**
 * The criterion analysis sheet (phiếu xác định nội hàm, CV 5932/BGDĐT-QLCL
 * Phụ lục 2; column names from third-party copies, docs/accreditation.md):
 * one form per requirement of the criterion.
 */
export function AnalysisSheet({
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
  const done = criterion.requirements.filter((r) => r.analysis.version > 0).length;
  return (
    <Collapse
      size="small"
      style={{ marginTop: 8 }}
      items={[
        {
          key: 'analysis',
          label: fill(m.analysisHeading, {
            code: criterion.code,
            done,
            total: criterion.requirements.length,
          }),
          children: (
            <Space
              direction="vertical"
              style={{ width: '100%' }}
              data-testid={`analysis-${criterion.code}`}
            >
              <Typography.Text type="secondary">{m.analysisHint}</Typography.Text>
              {criterion.requirements.map((r) => (
                <AnalysisRow
                  key={r.code}
                  cycle={cycle}
                  requirement={r}
                  onSaved={onSaved}
                  onReload={onReload}
                />
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

/**
 * One requirement's row, saved with the version it was loaded with. A save
 * refused as stale keeps what the member typed and says who saved the newer
 * version; they then save theirs as the next version or take the newer one.
 */
function AnalysisRow({
  cycle,
  requirement,
  onSaved,
  onReload,
}: {
  cycle: CycleDetail;
  requirement: RequirementView;
  onSaved: (c: CycleDetail) => void;
  onReload: () => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Fields>();
  const a = requirement.analysis;
  const [base, setBase] = useState(a.version);
  const [stale, setStale] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { fields: Fields; version: number }) =>
      accreditationApi.saveAnalysis(cycle.id, {
        requirementCode: requirement.code,
        meaning: v.fields.meaning ?? '',
        questions: v.fields.questions ?? '',
        evidenceNeeded: v.fields.evidenceNeeded ?? '',
        evidenceIds: v.fields.evidenceIds ?? [],
        sources: v.fields.sources ?? '',
        collectorMemberId: v.fields.collectorMemberId ?? null,
        version: v.version,
      }),
    onSuccess: (c) => {
      const saved = c.standards
        .flatMap((s) => s.criteria)
        .flatMap((x) => x.requirements)
        .find((x) => x.code === requirement.code);
      setBase(saved?.analysis.version ?? base + 1);
      setStale(null);
      onSaved(c);
      message.success(m.saved);
    },
    onError: (e) => {
      if (isStale(e)) {
        setStale(problemText(e));
        onReload();
      } else message.error(problemToForm(e, form, FIELD_NAMES));
    },
  });
  const takeTheirs = () => {
    form.setFieldsValue(fieldsOf(requirement));
    setBase(a.version);
    setStale(null);
  };
  const heading = `${m.criterionLevel} ${requirement.level} ${requirement.letter}) ${requirement.text}`;
  const saver =
    a.version > 0 && a.updatedBy
      ? fill(m.analysisSavedBy, {
          version: a.version,
          who: a.updatedBy,
          at: a.updatedAt ? formatDate(a.updatedAt, true) : '',
        })
      : m.analysisNotWritten;
  if (!cycle.canAssess)
    return (
      <div data-testid={`analysis-row-${requirement.code}`}>
        <Typography.Text strong>{heading}</Typography.Text>
        {(
          [
            [m.analysisMeaning, a.meaning],
            [m.analysisQuestions, a.questions],
            [
              m.analysisEvidenceNeeded,
              [a.evidenceNeeded, a.evidence.map((e) => e.code).join(', ')]
                .filter(Boolean)
                .join(' · '),
            ],
            [m.analysisSources, a.sources],
            [m.analysisCollector, a.collector?.fullName ?? ''],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <Typography.Text type="secondary">{label}: </Typography.Text>
            <span style={{ whiteSpace: 'pre-wrap' }}>{value || '—'}</span>
          </div>
        ))}
        <Typography.Text type="secondary">{saver}</Typography.Text>
      </div>
    );
  return (
    <Form
      form={form}
      name={`analysis-${requirement.code}`}
      layout="vertical"
      initialValues={fieldsOf(requirement)}
      onFinish={(v: Fields) => save.mutate({ fields: v, version: base })}
      data-testid={`analysis-row-${requirement.code}`}
      style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}
    >
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {heading}
      </Typography.Paragraph>
      {stale && (
        <StaleSaveAlert
          title={m.analysisStale}
          detail={stale}
          testId="analysis-stale"
          newerLoaded={a.version !== base}
          onSaveMine={() => save.mutate({ fields: form.getFieldsValue(), version: a.version })}
          onTakeTheirs={takeTheirs}
        />
      )}
      <Form.Item name="meaning" label={m.analysisMeaning}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="questions" label={m.analysisQuestions}>
        <Input.TextArea autoSize={{ minRows: 1 }} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="evidenceNeeded" label={m.analysisEvidenceNeeded}>
        <Input.TextArea autoSize={{ minRows: 1 }} maxLength={10_000} />
      </Form.Item>
      <Form.Item
        name="evidenceIds"
        label={m.analysisEvidenceLinked}
        extra={cycle.evidence.length === 0 ? m.analysisNoEvidence : undefined}
      >
        <Select
          mode="multiple"
          allowClear
          style={{ width: '100%' }}
          placeholder={m.analysisEvidencePick}
          optionFilterProp="label"
          options={cycle.evidence.map((e) => ({ value: e.id, label: `${e.code} ${e.title}` }))}
        />
      </Form.Item>
      <Form.Item name="sources" label={m.analysisSources}>
        <Input.TextArea autoSize={{ minRows: 1 }} maxLength={5_000} />
      </Form.Item>
      <Form.Item
        name="collectorMemberId"
        label={m.analysisCollector}
        extra={cycle.members.length === 0 ? m.analysisNoMembers : undefined}
      >
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: '100%' }}
          placeholder={m.analysisCollectorPick}
          options={cycle.members.map((x) => ({ value: x.id, label: x.fullName }))}
        />
      </Form.Item>
      <Space wrap>
        <Button htmlType="submit" loading={save.isPending}>
          {m.analysisSave}
        </Button>
        <Typography.Text type="secondary" data-testid="analysis-version">
          {saver}
        </Typography.Text>
      </Space>
    </Form>
  );
}
