import { List, Space, Tag, Typography } from 'antd';
import type {
  CampaignDetail,
  EntryRulesChange,
} from '../../../../src/modules/admissions/contract.ts';
import { ENTRY_CRITERION_LABELS } from '../../../../src/modules/admissions/labels.ts';
import { fill, formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { entryFamilyMessages } from './entryFamilyMessages.ts';
import { entryStaffMessages } from './entryStaffMessages.ts';

// Apart from EntryRules.tsx (the staff's form), so that the families' page shows the history
// without loading the staff's forms.

export type EntryRules = NonNullable<CampaignDetail['entryRules']>;

/** The rules as words: order, seed, overflow, documents (the card, the history lines). */
export function useDescribe() {
  const m = useMessages(entryStaffMessages);
  const f = useMessages(entryFamilyMessages);
  const { lang } = useI18n();
  return {
    order: (r: EntryRules) =>
      r.order.length
        ? r.order.map((c, i) => `${i + 1}. ${ENTRY_CRITERION_LABELS[c][lang]}`).join('; ')
        : m.rulesNoCriterion,
    overflow: (r: EntryRules) => (r.overflowInCommune ? m.overflowYes : m.overflowNo),
    documents: (r: EntryRules) =>
      r.documents?.length ? r.documents.map((d) => f[d]).join(', ') : m.rulesNoDocuments,
    seed: (r: EntryRules) => String(r.seed),
  };
}

/**
 * Every change of the rules, newest first: when, who (null on the public
 * page), the reason, and each field that changed, before → after.
 */
export function RulesHistory({ changes }: { changes: EntryRulesChange[] }) {
  const m = useMessages(entryStaffMessages);
  const describe = useDescribe();
  if (changes.length === 0)
    return <Typography.Text type="secondary">{m.rulesNoHistory}</Typography.Text>;
  const fields = [
    [m.order, describe.order],
    [m.seed, describe.seed],
    [m.overflow, describe.overflow],
    [m.documents, describe.documents],
  ] as const;
  return (
    <List
      size="small"
      data-testid="entry-rules-history"
      dataSource={changes}
      renderItem={(c) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <span>
              <b>{formatDate(c.at, true)}</b>
              {c.by ? ` · ${c.by}` : ''}
              {c.afterOpening && (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  {m.rulesAfterOpening}
                </Tag>
              )}
            </span>
            {fields
              .filter(([, text]) => text(c.before) !== text(c.after))
              .map(([field, text]) => (
                <span key={field}>
                  {fill(m.rulesChangeLine, { field, before: text(c.before), after: text(c.after) })}
                </span>
              ))}
            {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}
