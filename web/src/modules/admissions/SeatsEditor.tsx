import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SeatRow } from '../../../../src/modules/admissions/contract.ts';
import { ApiError, problemText } from '../../shared/api.ts';
import { fill, useI18n, useMessages } from '../../shared/i18n.ts';
import { NumberInput, type NumberValue } from '../../shared/NumberInput.tsx';
import { isStale } from '../../shared/StaleNotice.tsx';
import { admissionsApi } from './api.ts';
import { entryStaffMessages } from './entryStaffMessages.ts';
import { formatNumber } from './format.ts';

/**
 * Per school of the commune: its entry-grade classes and seats in one open
 * grade-1 or grade-6 campaign. The seats are the campaign's program quota
 * (one source of truth, docs/entry-enrolment.md); each row saves with the
 * version it loaded, and a stale save (409) shows the newer values and keeps
 * what was typed.
 */
export function SeatsEditor({ communeId }: { communeId: string }) {
  const m = useMessages(entryStaffMessages);
  const campaigns = useQuery({
    queryKey: ['admissions', 'campaigns'],
    queryFn: () => admissionsApi.campaigns(),
  });
  const open = (campaigns.data ?? []).filter(
    (c) => (c.grade === 1 || c.grade === 6) && c.status === 'open',
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const campaignId = open.some((c) => c.id === chosen) ? chosen : (open[0]?.id ?? null);
  const seats = useQuery({
    queryKey: ['admissions', campaignId, 'seats', communeId],
    queryFn: () => admissionsApi.seats(campaignId!, communeId),
    enabled: campaignId !== null,
  });
  return (
    <Card size="small" title={m.seatsTitle} style={{ marginBottom: 12 }} data-testid="seats">
      <Typography.Paragraph type="secondary">{m.seatsHint}</Typography.Paragraph>
      {campaigns.data && open.length === 0 && <Alert type="info" message={m.noEntryCampaign} />}
      {open.length > 0 && (
        <Select
          style={{ minWidth: 260, maxWidth: '100%', marginBottom: 12 }}
          aria-label={m.campaign}
          data-testid="seats-campaign"
          value={campaignId ?? undefined}
          onChange={setChosen}
          options={open.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      {seats.error && <Alert type="error" message={problemText(seats.error)} />}
      {campaignId && seats.data && (
        <Table
          size="small"
          rowKey={(r) => r.school.id}
          scroll={{ x: 'max-content' }}
          pagination={false}
          dataSource={seats.data}
          locale={{ emptyText: m.noSchools }}
          columns={[
            {
              title: m.school,
              key: 'school',
              render: (_: unknown, r: SeatRow) => (
                <Space direction="vertical" size={0}>
                  <span>
                    {r.school.name} ({r.school.code})
                  </span>
                  <Space size={4} wrap>
                    {r.program === null && <Tag>{m.notTakingPart}</Tag>}
                    {r.servesCommune && <Tag color="blue">{m.servesHint}</Tag>}
                  </Space>
                </Space>
              ),
            },
            {
              title: `${m.classes} / ${m.seats}`,
              key: 'edit',
              render: (_: unknown, r: SeatRow) => (
                <SeatLine
                  key={`${campaignId}-${r.school.id}`}
                  campaignId={campaignId}
                  communeId={communeId}
                  row={r}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** One school's classes and seats, with the version its form loaded. */
function SeatLine({
  campaignId,
  communeId,
  row,
}: {
  campaignId: string;
  communeId: string;
  row: SeatRow;
}) {
  const m = useMessages(entryStaffMessages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [classes, setClasses] = useState<NumberValue>(row.classes);
  const [seats, setSeats] = useState<NumberValue>(row.seats);
  const [version, setVersion] = useState<number | null>(row.version);
  const [newer, setNewer] = useState<SeatRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [classSize, setClassSize] = useState(row.classSize);
  const whole = (v: NumberValue, max: number) =>
    v !== null && Number.isInteger(v) && v >= 0 && v <= max;
  const save = async () => {
    setError(null);
    if (!whole(classes, 200)) return setError(m.classesBad);
    if (!whole(seats, 20_000)) return setError(m.seatsBad);
    setSaving(true);
    try {
      const saved = await admissionsApi.saveSeats(campaignId, row.school.id, {
        classes: classes!,
        seats: seats!,
        version,
      });
      setVersion(saved.version);
      setClassSize(saved.classSize);
      setNewer(null);
      void message.success(fill(m.saved, { school: row.school.name }));
      await client.invalidateQueries({ queryKey: ['admissions', campaignId] });
    } catch (e) {
      if (isStale(e)) {
        // The newer values are shown; the typed ones stay, and the next save is against them.
        const fresh = (await admissionsApi.seats(campaignId, communeId)).find(
          (r) => r.school.id === row.school.id,
        );
        setNewer(fresh ?? null);
        setVersion(fresh?.version ?? null);
        await client.invalidateQueries({ queryKey: ['admissions', campaignId, 'seats'] });
      } else if (e instanceof ApiError && e.problem.errors?.length)
        setError(e.problem.errors.map((p) => p.message).join(' '));
      else setError(problemText(e));
    } finally {
      setSaving(false);
    }
  };
  const shown = (v: number | null) => (v === null ? m.staleNone : formatNumber(lang, v));
  // Seats per class as typed, against the class-size maximum in force (entry/class-size.ts):
  // a warning only, the seats are the commune's decision.
  const perClass =
    classes !== null && seats !== null && classes > 0 ? Math.ceil(seats / classes) : null;
  const over = perClass !== null && perClass > classSize.maxPerClass;
  return (
    <div data-testid={`seat-${row.school.code}`}>
      <Space wrap size={4}>
        <NumberInput
          aria-label={`${m.classes} ${row.school.code}`}
          precision={0}
          min={0}
          max={200}
          style={{ width: 70 }}
          value={classes}
          onChange={setClasses}
        />
        <NumberInput
          aria-label={`${m.seats} ${row.school.code}`}
          precision={0}
          min={0}
          max={20_000}
          style={{ width: 90 }}
          value={seats}
          onChange={setSeats}
        />
        <Button size="small" type="primary" loading={saving} onClick={() => void save()}>
          {m.save}
        </Button>
      </Space>
      {perClass !== null && (
        <div data-testid={`per-class-${row.school.code}`} style={{ marginTop: 4, maxWidth: 360 }}>
          <Typography.Text type={over ? 'warning' : 'secondary'}>
            {fill(over ? m.perClassOver : m.perClass, {
              n: formatNumber(lang, perClass),
              max: formatNumber(lang, classSize.maxPerClass),
              source: classSize.source,
            })}
          </Typography.Text>
        </div>
      )}
      {newer && (
        <Alert
          type="warning"
          role="alert"
          data-testid="stale-seats"
          style={{ marginTop: 4, maxWidth: 360 }}
          message={fill(m.staleSeats, {
            classes: shown(newer.classes),
            seats: shown(newer.seats),
            version: String(newer.version ?? '—'),
          })}
        />
      )}
      {error && (
        <Alert type="error" role="alert" style={{ marginTop: 4, maxWidth: 360 }} message={error} />
      )}
    </div>
  );
}
