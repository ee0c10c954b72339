import { Button, Checkbox, Form, InputNumber, Radio, Space, Typography } from 'antd';
import {
  ENTRY_CRITERIA,
  ENTRY_CRITERION_LABELS,
  type EntryCriterion,
} from '../../../../src/modules/admissions/labels.ts';
import { fill, useI18n, useMessages } from '../../shared/i18n.ts';
import { entryFamilyMessages } from './entryFamilyMessages.ts';
import { entryStaffMessages } from './entryStaffMessages.ts';

/** The kinds of the contract's `entryRules.documents`, in the order the form lists them. */
export const DOCUMENTS = ['residence', 'birth-certificate', 'primary-record'] as const;
export type EntryDocumentKind = (typeof DOCUMENTS)[number];

/** The lottery's seed range (contract.ts entryRules.seed). */
export const SEED_MAX = 2_147_483_647;

/**
 * An entry campaign's rules as form fields, named `documents`, `order`,
 * `seed` and `overflow`: the new-campaign form and the rules card's edit
 * (EntryRules.tsx) share them. `seedRequired`: an empty seed is refused
 * (at creation an empty one is drawn); `seedLocked`: registration has
 * closed, the seed is shown and cannot change (entry/edit-rules.ts).
 */
export function EntryRulesFields({
  seedRequired = false,
  seedLocked = false,
}: {
  seedRequired?: boolean;
  seedLocked?: boolean;
}) {
  const m = useMessages(entryStaffMessages);
  const f = useMessages(entryFamilyMessages);
  return (
    <>
      <Form.Item
        label={m.documents}
        name="documents"
        extra={m.documentsHint}
        data-testid="entry-documents"
      >
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={DOCUMENTS.map((d) => ({ value: d, label: f[d] }))}
        />
      </Form.Item>
      <Form.Item label={m.order} name="order" extra={m.orderHint}>
        <PriorityOrder />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item
          label={m.seed}
          name="seed"
          extra={seedLocked ? m.rulesSeedLocked : m.seedHint}
          rules={[
            {
              validator: (_r, value: number | null | undefined) =>
                value == null
                  ? seedRequired
                    ? Promise.reject(new Error(m.seedBad))
                    : Promise.resolve()
                  : Number.isInteger(value) && value >= 0 && value <= SEED_MAX
                    ? Promise.resolve()
                    : Promise.reject(new Error(m.seedBad)),
            },
          ]}
        >
          <InputNumber
            min={0}
            max={SEED_MAX}
            precision={0}
            disabled={seedLocked}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item label={m.overflow} name="overflow" extra={m.overflowHint}>
          <Radio.Group
            options={[
              { value: true, label: m.overflowYes },
              { value: false, label: m.overflowNo },
            ]}
          />
        </Form.Item>
      </Space>
    </>
  );
}

/**
 * The commune's priority order (entry/rules.ts): the criteria used, in order,
 * each with up and down buttons, then those not used. An earlier criterion
 * outweighs all later ones together; the ties left go to the lottery.
 */
export function PriorityOrder({
  value = [],
  onChange,
}: {
  value?: EntryCriterion[];
  onChange?: (v: EntryCriterion[]) => void;
}) {
  const m = useMessages(entryStaffMessages);
  const { lang } = useI18n();
  const unused = ENTRY_CRITERIA.filter((c) => !value.includes(c));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange?.(next);
  };
  const row = (c: EntryCriterion, i: number | null) => {
    const label = ENTRY_CRITERION_LABELS[c][lang];
    return (
      <div
        key={c}
        data-testid={`criterion-${c}`}
        style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}
      >
        <Checkbox
          checked={i !== null}
          onChange={(e) =>
            onChange?.(e.target.checked ? [...value, c] : value.filter((x) => x !== c))
          }
        >
          {i !== null ? `${i + 1}. ${label}` : label}
        </Checkbox>
        {i !== null && (
          <Space size={4}>
            <Button
              size="small"
              disabled={i === 0}
              aria-label={fill(m.moveUp, { criterion: label })}
              onClick={() => move(i, -1)}
            >
              ↑
            </Button>
            <Button
              size="small"
              disabled={i === value.length - 1}
              aria-label={fill(m.moveDown, { criterion: label })}
              onClick={() => move(i, 1)}
            >
              ↓
            </Button>
          </Space>
        )}
      </div>
    );
  };
  return (
    <div data-testid="entry-order" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      {value.map((c, i) => row(c, i))}
      {unused.map((c) => row(c, null))}
      {value.length === 0 && <Typography.Text type="secondary">{m.orderNone}</Typography.Text>}
    </div>
  );
}
