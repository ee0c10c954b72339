import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type { UnitSummary } from '../../../../src/modules/orgs/contract.ts';
import type {
  AssignBody,
  AssignmentList,
  AssignmentRow,
  CalendarEntryBody,
  CalendarWeek,
  IncomingDetail,
  IncomingPage,
  IncomingRow,
  NoticeList,
  OfficeSettings,
  OutgoingDetail,
  OutgoingPage,
  OutgoingRow,
  RegisteredIncoming,
  RegisteredOutgoing,
  RegisterIncomingBody,
  RegisterOutgoingBody,
  ReportBody,
  SettingsBody,
} from '../../../../src/modules/office/contract.ts';
import {
  CONFIDENTIALITIES,
  CONFIDENTIALITY_NAMES,
  DOCUMENT_TYPE_TABLES,
  DOCUMENT_TYPES,
  INCOMING_STATUS_NAMES,
  OUTGOING_STATUS_NAMES,
  RECIPIENT_STATUS_NAMES,
  URGENCIES,
  URGENCY_NAMES,
} from '../../../../src/modules/office/labels.ts';
import { api, ApiError } from '../../shared/api.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { messages } from './messages.ts';

const dmy = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');
const when = (ts: string | null, lang: string) =>
  ts
    ? new Date(ts).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
        timeZone: 'Asia/Ho_Chi_Minh',
      })
    : '';
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

function useErrorToast() {
  const { message } = AntApp.useApp();
  return (error: unknown) =>
    void message.error(error instanceof ApiError ? error.problem.detail : String(error));
}

function usePhone() {
  return !Grid.useBreakpoint().md;
}

// ---------------------------------------------------------------- incoming

function RegisterIncomingForm({ onDone }: { onDone: () => void }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const toast = useErrorToast();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RegisterIncomingBody>();
  const save = useMutation({
    mutationFn: (body: RegisterIncomingBody) =>
      api.post<RegisteredIncoming>('/api/office/incoming', body),
    onSuccess: (r) => {
      void message.success(fill(m.registered, { what: `${m.arrivalNumber} ${r.arrivalNumber}` }));
      form.resetFields();
      onDone();
    },
    onError: toast,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ type: 'CV', urgency: 'normal', confidentiality: 'normal', date: today() }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="senderName" label={m.sender} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="notation" label={m.number} rules={[{ required: true }]}>
          <Input placeholder="1234/BGDĐT-GDPT" />
        </Form.Item>
        <Form.Item name="type" label={m.type}>
          <Select
            style={{ width: 180 }}
            options={DOCUMENT_TYPES.map((t) => ({
              value: t,
              label: DOCUMENT_TYPE_TABLES[0].types[t][lang === 'vi' ? 'vi' : 'en'],
            }))}
          />
        </Form.Item>
        <Form.Item name="date" label={m.date} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </Space>
      <Form.Item name="subject" label={m.subject} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="urgency" label={m.urgency}>
          <Select
            style={{ width: 150 }}
            options={URGENCIES.map((u) => ({ value: u, label: URGENCY_NAMES[lang][u] }))}
          />
        </Form.Item>
        <Form.Item name="confidentiality" label={m.confidentiality}>
          <Select
            style={{ width: 150 }}
            options={CONFIDENTIALITIES.map((c) => ({
              value: c,
              label: CONFIDENTIALITY_NAMES[lang][c],
            }))}
          />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {m.registerIncoming}
      </Button>
    </Form>
  );
}

function AssignForm({ doc, onDone }: { doc: IncomingDetail; onDone: () => void }) {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const members = useQuery({
    queryKey: ['office', 'members'],
    queryFn: () => api.get<{ items: { id: string; fullName: string }[] }>('/api/office/members'),
  });
  const options = (members.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }));
  const assign = useMutation({
    mutationFn: (body: AssignBody) =>
      api.post<IncomingDetail>(`/api/office/incoming/${doc.id}/assign`, body),
    onSuccess: onDone,
    onError: toast,
  });
  return (
    <Form
      layout="vertical"
      initialValues={{ deadline: addDays(today(), 5), coUserIds: [] }}
      onFinish={(v: AssignBody) => assign.mutate(v)}
    >
      <Form.Item name="leadUserId" label={m.lead} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={options} />
      </Form.Item>
      <Form.Item name="coUserIds" label={m.coordinators}>
        <Select mode="multiple" optionFilterProp="label" options={options} />
      </Form.Item>
      <Form.Item name="instruction" label={m.instruction} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="deadline" label={m.deadline} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={assign.isPending}>
        {m.assign}
      </Button>
    </Form>
  );
}

function AssignmentTags({ a }: { a: AssignmentRow }) {
  const m = useMessages(messages);
  if (a.status === 'done') return <Tag color="green">{m.finished}</Tag>;
  if (a.overdue) return <Tag color="red">{m.overdue}</Tag>;
  if (a.dueSoon) return <Tag color="orange">{m.dueSoon}</Tag>;
  return null;
}

function IncomingDrawer({ id, me, onClose }: { id: string; me: Me; onClose: () => void }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const phone = usePhone();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: ['office', 'incoming', id],
    queryFn: () => api.get<IncomingDetail>(`/api/office/incoming/${id}`),
  });
  const d = detail.data;
  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 640} title={d?.notation ?? m.details}>
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={m.arrivalNumber}>
              {d.arrivalNumber} ({d.year})
            </Descriptions.Item>
            <Descriptions.Item label={m.sender}>{d.senderName}</Descriptions.Item>
            <Descriptions.Item label={m.date}>{dmy(d.date)}</Descriptions.Item>
            <Descriptions.Item label={m.subject}>{d.subject}</Descriptions.Item>
            <Descriptions.Item label={m.urgency}>
              {URGENCY_NAMES[lang][d.urgency]}
            </Descriptions.Item>
            <Descriptions.Item label={m.status}>
              {INCOMING_STATUS_NAMES[lang][d.status]}
            </Descriptions.Item>
            <Descriptions.Item label={m.registeredBy}>{d.registeredBy}</Descriptions.Item>
          </Descriptions>
          {d.assignments.map((a) => (
            <Descriptions key={a.id} column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={m.instruction}>{a.instruction}</Descriptions.Item>
              <Descriptions.Item label={m.lead}>{a.lead.fullName}</Descriptions.Item>
              {a.coordinators.length > 0 && (
                <Descriptions.Item label={m.coordinators}>
                  {a.coordinators.map((c) => c.fullName).join(', ')}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={m.deadline}>
                {dmy(a.deadline)} <AssignmentTags a={a} />
              </Descriptions.Item>
              {a.result && <Descriptions.Item label={m.result}>{a.result}</Descriptions.Item>}
            </Descriptions>
          ))}
          {me.permissions.includes('office.assign') &&
            (d.status === 'registered' || d.status === 'assigned') && (
              <div style={{ marginTop: 16 }}>
                <Typography.Title level={5}>{m.assign}</Typography.Title>
                <AssignForm
                  doc={d}
                  onDone={() => void client.invalidateQueries({ queryKey: ['office'] })}
                />
              </div>
            )}
        </>
      )}
    </Drawer>
  );
}

function IncomingTab({ me }: { me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['office', 'incoming', 'list', q],
    queryFn: () =>
      api.get<IncomingPage>(`/api/office/incoming${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder={m.search} allowClear onSearch={setQ} style={{ width: 260 }} />
        {me.permissions.includes('office.register') && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {m.registerIncoming}
          </Button>
        )}
        <Button href="/api/office/incoming/register.xlsx">{m.exportRegister}</Button>
      </Space>
      <Table<IncomingRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: m.arrivalNumber, dataIndex: 'arrivalNumber', width: 80 },
          { title: m.number, dataIndex: 'notation', width: 150 },
          { title: m.sender, dataIndex: 'senderName', width: 180 },
          { title: m.subject, dataIndex: 'subject' },
          {
            title: m.status,
            width: 160,
            render: (_, r) => (
              <Space size={4} wrap>
                {INCOMING_STATUS_NAMES[lang][r.status]}
                {r.urgency !== 'normal' && (
                  <Tag color="volcano">{URGENCY_NAMES[lang][r.urgency]}</Tag>
                )}
                {r.overdue && <Tag color="red">{m.overdue}</Tag>}
                {r.deadline && !r.overdue && <span>{dmy(r.deadline)}</span>}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={m.registerIncoming}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <RegisterIncomingForm
          onDone={() => {
            setAdding(false);
            void client.invalidateQueries({ queryKey: ['office'] });
          }}
        />
      </Modal>
      {open && <IncomingDrawer id={open} me={me} onClose={() => setOpen(null)} />}
    </>
  );
}

// ---------------------------------------------------------------- outgoing

function RecipientPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const m = useMessages(messages);
  const [options, setOptions] = useState<UnitSummary[]>([]);
  const [known, setKnown] = useState<Record<string, string>>({});
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      value={value}
      placeholder={m.searchRecipients}
      filterOption={false}
      onSearch={(q) => {
        if (q.trim().length < 2) return;
        void api.get<UnitSummary[]>(`/api/orgs/search?q=${encodeURIComponent(q)}`).then((r) => {
          setOptions(r);
          setKnown((k) => ({ ...k, ...Object.fromEntries(r.map((u) => [u.id, u.name])) }));
        });
      }}
      onChange={(ids: string[]) => onChange?.(ids)}
      options={[
        ...options.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` })),
        ...(value ?? [])
          .filter((v) => !options.some((o) => o.id === v))
          .map((v) => ({ value: v, label: known[v] ?? v })),
      ]}
      style={{ width: '100%' }}
    />
  );
}

type OutgoingForm = Omit<RegisterOutgoingBody, 'outsideRecipients'> & { outside?: string };

function RegisterOutgoingForm({ divisions, onDone }: { divisions: string[]; onDone: () => void }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const toast = useErrorToast();
  const { message } = AntApp.useApp();
  const save = useMutation({
    mutationFn: ({ outside, ...body }: OutgoingForm) =>
      api.post<RegisteredOutgoing>('/api/office/outgoing', {
        ...body,
        outsideRecipients: (outside ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: (r) => {
      void message.success(fill(m.registered, { what: r.notation }));
      onDone();
    },
    onError: toast,
  });
  return (
    <Form<OutgoingForm>
      layout="vertical"
      initialValues={{ type: 'CV', urgency: 'normal', confidentiality: 'normal', recipientIds: [] }}
      onFinish={(v) => save.mutate(v)}
    >
      <Space wrap>
        <Form.Item name="type" label={m.type}>
          <Select
            style={{ width: 180 }}
            options={DOCUMENT_TYPES.map((t) => ({
              value: t,
              label: `${DOCUMENT_TYPE_TABLES[0].types[t][lang === 'vi' ? 'vi' : 'en']} (${t})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="draftingUnit" label={m.draftingUnit}>
          <Select
            allowClear
            style={{ width: 140 }}
            options={divisions.map((d) => ({ value: d, label: d }))}
          />
        </Form.Item>
        <Form.Item name="urgency" label={m.urgency}>
          <Select
            style={{ width: 150 }}
            options={URGENCIES.map((u) => ({ value: u, label: URGENCY_NAMES[lang][u] }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="subject" label={m.subject} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="signerName" label={m.signer}>
        <Input />
      </Form.Item>
      <Form.Item name="recipientIds" label={m.recipients}>
        <RecipientPicker />
      </Form.Item>
      <Form.Item name="outside" label={m.outsideRecipients}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {m.registerOutgoing}
      </Button>
    </Form>
  );
}

function OutgoingDrawer({ id, me, onClose }: { id: string; me: Me; onClose: () => void }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const phone = usePhone();
  const toast = useErrorToast();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: ['office', 'outgoing', id],
    queryFn: () => api.get<OutgoingDetail>(`/api/office/outgoing/${id}`),
  });
  const d = detail.data;
  const refresh = () => void client.invalidateQueries({ queryKey: ['office'] });
  const sign = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      await api.post<OutgoingDetail>(`/api/office/outgoing/${id}/sign`, body);
      refresh();
    } catch (error) {
      toast(error);
    }
  };
  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 680} title={d?.notation ?? m.details}>
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={m.number}>{d.notation}</Descriptions.Item>
            <Descriptions.Item label={m.date}>{dmy(d.date)}</Descriptions.Item>
            <Descriptions.Item label={m.subject}>{d.subject}</Descriptions.Item>
            <Descriptions.Item label={m.status}>
              {OUTGOING_STATUS_NAMES[lang][d.status]}
            </Descriptions.Item>
            <Descriptions.Item label={m.signed}>
              {d.signedFile ? (
                <a href={`/api/office/outgoing/${d.id}/signed.pdf`}>
                  {m.downloadSigned} (SHA-256 {d.signedFile.sha256.slice(0, 16)}…)
                </a>
              ) : me.permissions.includes('office.sign') && d.status !== 'withdrawn' ? (
                <Upload
                  accept="application/pdf"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void sign(file);
                    return false;
                  }}
                >
                  <Button size="small">{m.signPdf}</Button>
                </Upload>
              ) : (
                m.none
              )}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {m.recipientStatus}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.recipientList}
            scroll={{ x: 480 }}
            columns={[
              {
                title: m.recipients,
                render: (_, r) => r.unit?.name ?? r.outsideName,
              },
              {
                title: m.status,
                width: 110,
                render: (_, r) => (
                  <Tag
                    color={
                      r.status === 'sent' ? 'default' : r.status === 'handled' ? 'green' : 'blue'
                    }
                  >
                    {RECIPIENT_STATUS_NAMES[lang][r.status]}
                  </Tag>
                ),
              },
              {
                title: m.sentAt,
                width: 170,
                render: (_, r) => when(r.handledAt ?? r.openedAt ?? r.receivedAt ?? r.sentAt, lang),
              },
            ]}
          />
          {me.permissions.includes('office.register') && d.status !== 'withdrawn' && (
            <Button
              danger
              style={{ marginTop: 16 }}
              onClick={() => {
                const reason = window.prompt(m.withdrawReason);
                if (reason)
                  void api
                    .post(`/api/office/outgoing/${d.id}/withdraw`, { reason })
                    .then(refresh, toast);
              }}
            >
              {m.withdraw}
            </Button>
          )}
        </>
      )}
    </Drawer>
  );
}

function OutgoingTab({ me, settings }: { me: Me; settings: OfficeSettings | undefined }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['office', 'outgoing', 'list', q],
    queryFn: () =>
      api.get<OutgoingPage>(`/api/office/outgoing${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder={m.search} allowClear onSearch={setQ} style={{ width: 260 }} />
        {me.permissions.includes('office.register') && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {m.registerOutgoing}
          </Button>
        )}
        <Button href="/api/office/outgoing/register.xlsx">{m.exportRegister}</Button>
      </Space>
      <Table<OutgoingRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: m.number, dataIndex: 'notation', width: 160 },
          { title: m.date, width: 110, render: (_, r) => dmy(r.date) },
          { title: m.subject, dataIndex: 'subject' },
          {
            title: m.recipientStatus,
            width: 120,
            render: (_, r) => (r.recipients ? `${r.received}/${r.recipients}` : ''),
          },
          {
            title: m.status,
            width: 140,
            render: (_, r) => (
              <Space size={4} wrap>
                {OUTGOING_STATUS_NAMES[lang][r.status]}
                {r.signed && <Tag color="blue">{m.signed}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={m.registerOutgoing}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <RegisterOutgoingForm
          divisions={settings?.divisions ?? []}
          onDone={() => {
            setAdding(false);
            void client.invalidateQueries({ queryKey: ['office'] });
          }}
        />
      </Modal>
      {open && <OutgoingDrawer id={open} me={me} onClose={() => setOpen(null)} />}
    </>
  );
}

// ---------------------------------------------------------------- tasks

function TasksTab() {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const client = useQueryClient();
  const [reporting, setReporting] = useState<AssignmentRow | null>(null);
  const tasks = useQuery({
    queryKey: ['office', 'assignments', 'mine'],
    queryFn: () => api.get<AssignmentList>('/api/office/assignments?who=mine'),
  });
  const notices = useQuery({
    queryKey: ['office', 'notices'],
    queryFn: () => api.get<NoticeList>('/api/office/notices'),
  });
  const report = useMutation({
    mutationFn: (body: ReportBody) =>
      api.post<AssignmentRow>(`/api/office/assignments/${reporting!.id}/report`, body),
    onSuccess: () => {
      setReporting(null);
      void client.invalidateQueries({ queryKey: ['office'] });
    },
    onError: toast,
  });
  return (
    <>
      {(notices.data?.items.length ?? 0) > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{m.notices}: </Typography.Text>
          {notices.data!.items.slice(0, 5).map((n) => (
            <div key={n.id}>
              <Tag color={n.kind === 'overdue' ? 'red' : 'orange'}>
                {n.kind === 'overdue' ? m.overdue : m.dueSoon}
              </Tag>
              {n.message}
            </div>
          ))}
        </div>
      )}
      <Table<AssignmentRow>
        rowKey="id"
        size="small"
        loading={tasks.isLoading}
        dataSource={tasks.data?.items ?? []}
        scroll={{ x: 640 }}
        columns={[
          { title: m.number, dataIndex: 'incomingNotation', width: 150 },
          { title: m.subject, dataIndex: 'incomingSubject' },
          { title: m.instruction, dataIndex: 'instruction' },
          {
            title: m.deadline,
            width: 150,
            render: (_, a) => (
              <Space size={4} wrap>
                {dmy(a.deadline)}
                <AssignmentTags a={a} />
              </Space>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, a) =>
              a.status === 'open' && (
                <Button size="small" onClick={() => setReporting(a)}>
                  {m.report}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={reporting !== null}
        title={reporting ? `${m.report}: ${reporting.incomingNotation}` : m.report}
        footer={null}
        onCancel={() => setReporting(null)}
        destroyOnHidden
      >
        <Form<ReportBody> layout="vertical" onFinish={(v) => report.mutate(v)}>
          <Form.Item name="progress" label={m.progress}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="result" label={m.result}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="done" valuePropName="checked">
            <Checkbox>{m.markDone}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={report.isPending}>
            {m.save}
          </Button>
        </Form>
      </Modal>
    </>
  );
}

// ---------------------------------------------------------------- calendar

function CalendarTab({ me }: { me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const toast = useErrorToast();
  const client = useQueryClient();
  const [day, setDay] = useState(today());
  const [adding, setAdding] = useState(false);
  const week = useQuery({
    queryKey: ['office', 'calendar', day],
    queryFn: () => api.get<CalendarWeek>(`/api/office/calendar?week=${day}`),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['office', 'calendar'] });
  const add = useMutation({
    mutationFn: (body: CalendarEntryBody) => api.post<CalendarWeek>('/api/office/calendar', body),
    onSuccess: () => {
      setAdding(false);
      refresh();
    },
    onError: toast,
  });
  const canEdit = me.permissions.includes('office.calendar');
  const w = week.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => setDay(addDays(day, -7))}>{m.prevWeek}</Button>
        <Typography.Text strong>
          {w ? fill(m.week, { from: dmy(w.weekStart) }) : ''}
        </Typography.Text>
        <Button onClick={() => setDay(addDays(day, 7))}>{m.nextWeek}</Button>
        <Tag color={w?.publishedAt ? 'green' : 'default'}>
          {w?.publishedAt ? fill(m.published, { at: when(w.publishedAt, lang) }) : m.notPublished}
        </Tag>
        {canEdit && <Button onClick={() => setAdding(true)}>{m.addEntry}</Button>}
        {canEdit && (
          <Button
            type="primary"
            onClick={() =>
              void api.post('/api/office/calendar/publish', { week: day }).then(refresh, toast)
            }
          >
            {m.publish}
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={week.isLoading}
        dataSource={w?.entries ?? []}
        scroll={{ x: 760 }}
        columns={[
          {
            title: m.day,
            width: 110,
            render: (_, e) =>
              `${new Date(`${e.day}T00:00:00Z`).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'short', timeZone: 'UTC' })} ${dmy(e.day)}`,
          },
          { title: m.time, dataIndex: 'startTime', width: 70 },
          {
            title: m.content,
            render: (_, e) => (
              <>
                {e.content} {e.changedAfterPublication && <Tag color="orange">{m.changed}</Tag>}
              </>
            ),
          },
          { title: m.chair, dataIndex: 'chair', width: 140 },
          { title: m.place, dataIndex: 'place', width: 160 },
          { title: m.preparingUnit, dataIndex: 'preparingUnit', width: 150 },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8 }}>
        {m.publicPage}: <code>/api/public/office/calendar/{me.orgUnit.code}</code>
      </Typography.Paragraph>
      <Modal
        open={adding}
        title={m.addEntry}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form<CalendarEntryBody>
          layout="vertical"
          initialValues={{ day, startTime: '08:00' }}
          onFinish={(v) => add.mutate(v)}
        >
          <Space wrap>
            <Form.Item name="day" label={m.day} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="startTime" label={m.time} rules={[{ required: true }]}>
              <Input type="time" />
            </Form.Item>
          </Space>
          <Form.Item name="content" label={m.content} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="chair" label={m.chair} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="place" label={m.place} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="participants" label={m.participants}>
            <Input />
          </Form.Item>
          <Form.Item name="preparingUnit" label={m.preparingUnit}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {m.save}
          </Button>
        </Form>
      </Modal>
    </>
  );
}

// ---------------------------------------------------------------- settings

function SettingsTab({ settings }: { settings: OfficeSettings }) {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { abbreviation: string; divisions?: string }) =>
      api.put<OfficeSettings>('/api/office/settings', {
        abbreviation: v.abbreviation,
        divisions: (v.divisions ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      } satisfies SettingsBody),
    onSuccess: () => {
      void message.success(m.save);
      void client.invalidateQueries({ queryKey: ['office', 'settings'] });
    },
    onError: toast,
  });
  return (
    <Form
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={{
        abbreviation: settings.abbreviation ?? '',
        divisions: settings.divisions.join(', '),
      }}
      onFinish={(v: { abbreviation: string; divisions?: string }) => save.mutate(v)}
    >
      <Form.Item name="abbreviation" label={m.abbreviation} rules={[{ required: true }]}>
        <Input placeholder="SGDĐT" />
      </Form.Item>
      <Form.Item name="divisions" label={m.divisions}>
        <Input placeholder="VP, GDPT, KHTC" />
      </Form.Item>
      <Typography.Paragraph>
        {m.certificate}:{' '}
        {settings.certificate
          ? `${settings.certificate.subject} (→ ${dmy(settings.certificate.notAfter)})`
          : m.noCertificate}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {m.save}
      </Button>
    </Form>
  );
}

export default function OfficePage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const settings = useQuery({
    queryKey: ['office', 'settings'],
    queryFn: () => api.get<OfficeSettings>('/api/office/settings'),
  });
  return (
    <>
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Tabs
        items={[
          { key: 'in', label: m.incoming, children: <IncomingTab me={me} /> },
          {
            key: 'out',
            label: m.outgoing,
            children: <OutgoingTab me={me} settings={settings.data} />,
          },
          { key: 'tasks', label: m.myTasks, children: <TasksTab /> },
          { key: 'calendar', label: m.calendar, children: <CalendarTab me={me} /> },
          ...(me.permissions.includes('office.settings') && settings.data
            ? [
                {
                  key: 'settings',
                  label: m.settings,
                  children: <SettingsTab settings={settings.data} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
