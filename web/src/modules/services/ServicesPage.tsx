import { Alert, Button, Card, Drawer, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type {
  ApplicationAction,
  ApplicationDetail,
  ApplicationRow,
} from '../../../../src/modules/services/contract.ts';
import { ACTION_LABELS, STATUS_LABELS } from '../../../../src/modules/services/labels.ts';
import { problemText } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { parseVietnameseDate } from '../../../../src/lib/dates.ts';
import { saveBlob, servicesApi } from './api.ts';
import { dmy, fill, messages, when } from './messages.ts';
import { StatisticsCard } from './StatisticsCard.tsx';

/** Which actions each status offers (the server checks each one again). */
const NEXT: Record<string, ApplicationAction[]> = {
  received: ['hand_over', 'request_additions', 'refuse'],
  additions: ['additions_received', 'refuse'],
  handling: ['submit', 'request_additions', 'refuse'],
  approval: ['approve', 'return', 'refuse'],
};

/** The one-stop desk, the division and the leader: lists, one application, its next step. */
export default function ServicesPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const [filter, setFilter] = useState<'all' | 'soon' | 'overdue'>('all');
  const [rows, setRows] = useState<ApplicationRow[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<ApplicationDetail | null>(null);
  const [note, setNote] = useState('');
  const [newDate, setNewDate] = useState('');
  const [receivedBy, setReceivedBy] = useState('');
  const [receiverDocument, setReceiverDocument] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  // Only the newest list's answer is shown: switching the filter quickly could
  // otherwise let the previous filter's late answer replace the rows.
  const latestList = useRef(0);
  const load = useCallback(() => {
    const asked = ++latestList.current;
    servicesApi.list({ due: filter === 'all' ? undefined : filter }).then((r) => {
      if (asked === latestList.current) setRows(r.items);
    }, setError);
  }, [filter]);
  useEffect(load, [load]);
  if (error) return <ErrorResult error={error} />;

  const act = async (action: ApplicationAction) => {
    if (!open) return;
    setActionError(null);
    try {
      const next = await servicesApi.act(open.id, {
        action,
        note: note || undefined,
        version: open.version,
      });
      setOpen(next);
      setNote('');
      load();
    } catch (e) {
      setActionError(problemText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{m.staffTitle}</Typography.Title>
      <Card>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          options={[
            { value: 'all', label: m.all },
            { value: 'soon', label: m.dueSoon },
            { value: 'overdue', label: m.overdue },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Table<ApplicationRow>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          dataSource={rows}
          locale={{ emptyText: m.noApplications }}
          onRow={(r) => ({
            onClick: () => void servicesApi.application(r.id).then(setOpen, setError),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: m.code, dataIndex: 'code' },
            { title: m.applicant, dataIndex: 'fullName' },
            { title: m.status, render: (_, r) => STATUS_LABELS[lang][r.status] },
            {
              title: m.due,
              render: (_, r) => (
                <span>
                  {dmy(r.dueDate)} {r.overdue && <Tag color="red">{m.overdue}</Tag>}
                </span>
              ),
            },
          ]}
        />
      </Card>
      {me.permissions.includes('services.read') && <StatisticsCard />}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open?.code}
        width={Math.min(560, window.innerWidth)}
      >
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{open.fullName}</Typography.Text>
            <Typography.Text>
              {m.status}: {STATUS_LABELS[lang][open.status]} · {m.due}: {dmy(open.dueDate)}
            </Typography.Text>
            {open.diplomaFound && <Tag color="green">{m.diplomaFound}</Tag>}
            {typeof open.result?.note === 'string' && (
              <Alert type="success" message={fill(m.done, { what: open.result.note })} />
            )}
            {open.paperPending && me.permissions.includes('services.receive') && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Tag color="orange">{m.paperPending}</Tag>
                <Input
                  aria-label={m.receivedBy}
                  placeholder={m.receivedBy}
                  value={receivedBy}
                  onChange={(e) => setReceivedBy(e.target.value)}
                />
                <Input
                  aria-label={m.receiverDocument}
                  placeholder={m.receiverDocument}
                  value={receiverDocument}
                  onChange={(e) => setReceiverDocument(e.target.value)}
                />
                <Button
                  onClick={() => {
                    setActionError(null);
                    void servicesApi
                      .handover(open.id, {
                        receivedBy,
                        receiverDocument: receiverDocument || undefined,
                        version: open.version,
                      })
                      .then(
                        (next) => {
                          setOpen(next);
                          setReceivedBy('');
                          setReceiverDocument('');
                        },
                        (e: unknown) => setActionError(problemText(e)),
                      );
                  }}
                >
                  {m.handOverPaper}
                </Button>
              </Space>
            )}
            {open.handover && (
              <Alert
                type="info"
                message={fill(m.handedOver, {
                  number: open.handover.copyNumber,
                  who: open.handover.receivedBy,
                  at: when(open.handover.handedAt),
                  by: open.handover.handedBy,
                })}
              />
            )}
            {open.apology && (
              <Alert
                type="info"
                message={fill(m.apologyMailed, {
                  email: open.apology.mailedTo,
                  at: when(open.apology.draftedAt),
                  date: dmy(open.apology.newDate),
                })}
              />
            )}
            <ul style={{ paddingLeft: 18 }}>
              {open.events.map((e, i) => (
                <li key={i}>
                  {when(e.at)} · {STATUS_LABELS[lang][e.status]} · {e.actor}
                  {e.note ? ` — ${e.note}` : ''}
                </li>
              ))}
            </ul>
            {(NEXT[open.status] ?? []).length > 0 && (
              <>
                <Input.TextArea
                  aria-label={m.note}
                  placeholder={m.note}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  rows={2}
                />
                <Space wrap>
                  {(NEXT[open.status] ?? []).map((a) => (
                    <Button
                      key={a}
                      type={a === 'refuse' ? 'default' : 'primary'}
                      danger={a === 'refuse'}
                      onClick={() => void act(a)}
                    >
                      {ACTION_LABELS[lang][a]}
                    </Button>
                  ))}
                </Space>
              </>
            )}
            {open.overdue && (
              <Space wrap>
                <Input
                  aria-label={m.newDate}
                  placeholder={m.newDate}
                  value={newDate}
                  onChange={(e) => setNewDate(e.target.value)}
                  style={{ width: 140 }}
                />
                <Button
                  onClick={() => {
                    setActionError(null);
                    void servicesApi
                      .apology(open.id, {
                        reason: note || m.defaultApologyReason,
                        newDate: parseVietnameseDate(newDate) ?? newDate,
                      })
                      .then(
                        (b) => saveBlob(b, `phieu-xin-loi-${open.code}.pdf`),
                        (e: unknown) => setActionError(problemText(e)),
                      );
                  }}
                >
                  {m.apology}
                </Button>
              </Space>
            )}
            {actionError && <Alert type="error" message={actionError} />}
          </Space>
        )}
      </Drawer>
    </Space>
  );
}
