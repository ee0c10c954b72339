import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { SchoolFacilities } from '../../../../src/modules/registry/contract.ts';
import {
  ROOM_CONDITION_LABELS,
  ROOM_CONDITION_LABELS_EN,
  ROOM_TYPE_LABELS,
  ROOM_TYPE_LABELS_EN,
} from '../../../../src/modules/registry/labels.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { fill as fillIn } from './messages.ts';
import { pageMessages } from './pageMessages.ts';
import { ApiError, problemText } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatNumber, NumberInput } from '../../shared/NumberInput.tsx';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';
import { registryApi, registryFiles } from './api.ts';
import type { SchoolTabProps } from './SchoolsPage.tsx';

type FacilityItem = SchoolFacilities['items'][number];
/** A row of the form: a count or area being typed may be empty. */
interface FacilityRow {
  key: number;
  roomType: string;
  condition: string;
  count: number | null;
  areaM2: number | null;
}

/** The school's rooms of a year by type and condition, edited as a table. */
export function FacilitiesTab({ schoolId, year, canWrite }: SchoolTabProps) {
  const { message } = App.useApp();
  const { lang } = useI18n();
  const m = useMessages(pageMessages);
  const roomTypes = Object.entries(lang === 'vi' ? ROOM_TYPE_LABELS : ROOM_TYPE_LABELS_EN);
  const conditions = Object.entries(
    lang === 'vi' ? ROOM_CONDITION_LABELS : ROOM_CONDITION_LABELS_EN,
  );
  const client = useQueryClient();
  const [rows, setRows] = useState<FacilityRow[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const facilities = useQuery({
    queryKey: ['school-facilities', schoolId, year],
    queryFn: () => registryApi.facilities(schoolId, year),
  });
  const fill = (items: FacilityItem[]) => {
    setRows(items.map(({ version: _version, ...item }, key) => ({ ...item, key })));
    setErrors([]);
    setStale(false);
  };
  useEffect(() => fill(facilities.data?.items ?? []), [facilities.data]);
  const reload = async () => fill((await facilities.refetch()).data?.items ?? []);
  if (facilities.error) return <ErrorResult error={facilities.error} />;
  const update = (key: number, patch: Partial<FacilityRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () =>
    setRows((rs) => [
      ...rs,
      {
        key: Math.max(-1, ...rs.map((r) => r.key)) + 1,
        roomType: 'classroom',
        condition: 'solid',
        count: 0,
        areaM2: null,
      },
    ]);
  const save = async () => {
    // A number the field could not read (NaN) is named here; nothing is sent.
    const unread = rows.flatMap((r, i) => [
      ...(Number.isNaN(r.count) ? [fillIn(m.badCount, { n: i + 1 }, 'vi')] : []),
      ...(Number.isNaN(r.areaM2) ? [fillIn(m.badArea, { n: i + 1 }, 'vi')] : []),
    ]);
    if (unread.length) return setErrors(unread);
    setSaving(true);
    setErrors([]);
    try {
      const saved = await registryApi.saveFacilities(schoolId, year, {
        items: rows.map((r) => ({
          roomType: r.roomType,
          condition: r.condition,
          count: r.count ?? 0,
          areaM2: r.areaM2,
        })),
        // The rows this form was loaded with: a 409 if someone changed them since.
        versions: (facilities.data?.items ?? []).map(({ roomType, condition, version }) => ({
          roomType,
          condition,
          version,
        })),
      });
      void message.success(m.facilitiesSaved);
      // The answer is the rows as saved (their new versions), so the form is current at once and
      // the save button need not wait on a reload (which may take a while on a slow machine).
      client.setQueryData(['school-facilities', schoolId, year], saved);
      void client.invalidateQueries({ queryKey: ['school-facilities', schoolId, year] });
    } catch (e) {
      if (isStale(e)) setStale(true);
      else if (e instanceof ApiError && e.problem.errors?.length)
        setErrors(e.problem.errors.map((x) => x.message));
      else void message.error(problemText(e));
    } finally {
      setSaving(false);
    }
  };
  const sum = (condition?: string) =>
    rows
      .filter((r) => !condition || r.condition === condition)
      .reduce((s, r) => s + (Number.isNaN(r.count) ? 0 : (r.count ?? 0)), 0);
  const area =
    Math.round(rows.reduce((s, r) => s + (Number.isNaN(r.areaM2) ? 0 : (r.areaM2 ?? 0)), 0) * 10) /
    10;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {canWrite && <Button onClick={add}>{m.addRow}</Button>}
        {canWrite && (
          <Button type="primary" onClick={() => void save()} loading={saving}>
            {m.saveFacilities}
          </Button>
        )}
        <Button href={registryFiles.schoolFacilities(schoolId, year)}>{m.exportXlsx}</Button>
      </Space>
      {stale && <StaleNotice onReload={() => void reload()} loading={facilities.isFetching} />}
      {errors.length > 0 && (
        <Alert
          type="error"
          data-testid="facility-errors"
          message={m.notSaved}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        rowKey="key"
        size="small"
        loading={facilities.isFetching}
        dataSource={rows}
        scroll={{ x: true }}
        pagination={false}
        columns={[
          { title: m.no, key: 'n', render: (_v, _r, i) => i + 1, width: 40 },
          {
            title: m.roomType,
            render: (_v, r) => (
              <Select
                value={r.roomType}
                disabled={!canWrite}
                onChange={(v: string) => update(r.key, { roomType: v })}
                options={roomTypes.map(([value, label]) => ({ value, label }))}
                style={{ width: 170 }}
                popupMatchSelectWidth={false}
                aria-label={m.roomTypeAria}
              />
            ),
          },
          {
            title: m.condition,
            render: (_v, r) => (
              <Select
                value={r.condition}
                disabled={!canWrite}
                onChange={(v: string) => update(r.key, { condition: v })}
                options={conditions.map(([value, label]) => ({ value, label }))}
                style={{ width: 115 }}
                aria-label={m.conditionAria}
              />
            ),
          },
          {
            title: m.rooms,
            render: (_v, r) => (
              <NumberInput
                value={r.count}
                min={0}
                max={10000}
                precision={0}
                disabled={!canWrite}
                onChange={(v) => update(r.key, { count: v })}
                aria-label={fillIn(m.roomsRowAria, { n: rows.indexOf(r) + 1 }, lang)}
                style={{ width: 72 }}
              />
            ),
          },
          {
            title: m.area,
            render: (_v, r) => (
              <NumberInput
                value={r.areaM2}
                min={0}
                max={1_000_000}
                precision={1}
                disabled={!canWrite}
                onChange={(v) => update(r.key, { areaM2: v })}
                aria-label={fillIn(m.areaRowAria, { n: rows.indexOf(r) + 1 }, lang)}
                style={{ width: 90 }}
              />
            ),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_v: unknown, r: FacilityRow) => (
                    <Button
                      size="small"
                      danger
                      onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                    >
                      {m.remove}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <strong>{m.total}</strong>{' '}
              {fillIn(
                m.totalsByCondition,
                { solid: sum('solid'), semi: sum('semi_solid'), temporary: sum('temporary') },
                'vi',
              )}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              <strong data-testid="facility-total">{formatNumber(sum(), 0)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4}>
              <span data-testid="facility-area">{formatNumber(area, 1)}</span>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Space>
  );
}
