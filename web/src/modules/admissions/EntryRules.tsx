import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { CampaignDetail } from '../../../../src/modules/admissions/contract.ts';
import type { EntryCriterion } from '../../../../src/modules/admissions/labels.ts';
import { problemText } from '../../shared/api.ts';
import { fill, useMessages } from '../../shared/i18n.ts';
import { isStale } from '../../shared/StaleNotice.tsx';
import { admissionsApi } from './api.ts';
import { entryStaffMessages } from './entryStaffMessages.ts';
import { showAtFields } from './fieldErrors.ts';
import { RulesHistory, useDescribe, type EntryRules } from './EntryRulesHistory.tsx';
import { EntryRulesFields, type EntryDocumentKind } from './EntryRulesFields.tsx';

interface Typed {
  order: EntryCriterion[];
  seed: number;
  overflow: boolean;
  documents: EntryDocumentKind[];
  reason?: string;
}

/** The server's minimum (entry/edit-rules.ts REASON_MIN). */
const REASON_MIN = 10;

/**
 * An entry campaign's assignment rules for the staff who run it (issue #15,
 * entry/edit-rules.ts): the rules in force, a form to change them (free
 * before registration opens, with a reason after; the seed fixed once
 * registration has closed; nothing after the assignment), and every change
 * made since creation, who and when, before and after. A save from a page
 * left open while someone else changed the rules is refused (409): the rules
 * in force are reloaded and what was typed stays in the form.
 */
export function EntryRulesCard({
  campaign,
  manage,
}: {
  campaign: CampaignDetail;
  manage: boolean;
}) {
  const m = useMessages(entryStaffMessages);
  const describe = useDescribe();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Typed>();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const history = useQuery({
    queryKey: ['admissions', campaign.id, 'entry-rules-history'],
    queryFn: () => admissionsApi.entryRulesHistory(campaign.id),
  });
  const rules = campaign.entryRules;
  if (!rules) return null;
  const now = Date.now();
  const opened = now >= Date.parse(campaign.opensAt);
  const closed = now >= Date.parse(campaign.closesAt);
  const locked = campaign.status !== 'open';
  const initial = (r: EntryRules): Typed => ({
    order: [...r.order],
    seed: r.seed,
    overflow: r.overflowInCommune,
    documents: [...(r.documents ?? [])],
  });
  const save = async (typed: Typed) => {
    setError(null);
    setStale(false);
    try {
      const saved = await admissionsApi.editEntryRules(campaign.id, {
        order: typed.order,
        seed: typed.seed,
        overflowInCommune: typed.overflow,
        documents: typed.documents,
        reason: typed.reason?.trim() ? typed.reason.trim() : null,
        version: campaign.version,
      });
      void message.success(fill(m.rulesSaved, { v: saved.version }));
      setEditing(false);
      form.resetFields();
      await client.invalidateQueries({ queryKey: ['admissions', campaign.id] });
    } catch (e) {
      if (isStale(e)) {
        // The rules in force (and the version) are reloaded above; the form keeps what was typed.
        setStale(true);
        await client.invalidateQueries({ queryKey: ['admissions', campaign.id] });
      } else
        setError(
          showAtFields(form, e, {
            'body.order': 'order',
            'body.seed': 'seed',
            'body.overflowInCommune': 'overflow',
            'body.documents': 'documents',
            'body.reason': 'reason',
          }),
        );
    }
  };
  return (
    <Card
      size="small"
      title={m.rulesTitle}
      style={{ marginBottom: 12 }}
      data-testid="entry-rules"
      extra={
        manage &&
        !locked &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            {m.rulesEdit}
          </Button>
        )
      }
    >
      <Descriptions column={1} size="small" layout="vertical" data-testid="entry-rules-now">
        <Descriptions.Item label={m.order}>{describe.order(rules)}</Descriptions.Item>
        <Descriptions.Item label={m.seed}>{describe.seed(rules)}</Descriptions.Item>
        <Descriptions.Item label={m.overflow}>{describe.overflow(rules)}</Descriptions.Item>
        <Descriptions.Item label={m.documents}>{describe.documents(rules)}</Descriptions.Item>
      </Descriptions>
      {manage && locked && <Typography.Text type="secondary">{m.rulesLocked}</Typography.Text>}
      {editing && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={initial(rules)}
          onFinish={(v) => void save(v)}
        >
          {stale && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              data-testid="rules-stale"
              style={{ marginBottom: 12 }}
              message={m.rulesStale}
            />
          )}
          <EntryRulesFields seedRequired seedLocked={closed} />
          {opened && (
            <Form.Item
              label={m.rulesReason}
              name="reason"
              extra={m.rulesReasonHint}
              rules={[
                { required: true, whitespace: true, message: m.rulesReasonShort },
                { min: REASON_MIN, message: m.rulesReasonShort },
              ]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          )}
          {error && (
            <Alert type="error" role="alert" message={error} style={{ marginBottom: 12 }} />
          )}
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {m.rulesSave}
            </Button>
            <Button
              onClick={() => {
                setEditing(false);
                setStale(false);
                setError(null);
              }}
            >
              {m.cancel}
            </Button>
          </Space>
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {m.rulesHistory}
      </Typography.Title>
      {history.error && <Alert type="error" message={problemText(history.error)} />}
      {history.data && <RulesHistory changes={history.data} />}
    </Card>
  );
}
