import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import type {
  CatchmentAreaList,
  CatchmentEditInput,
  CatchmentImportAnswer,
} from '../../../../src/modules/admissions/contract.ts';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { ApiError, problemText } from '../../shared/api.ts';
import { fill, useI18n, useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { showAtFields } from './fieldErrors.ts';
import { SeatsEditor } from './SeatsEditor.tsx';
import { entryMessages } from './messages.ts';

type Area = CatchmentAreaList[number];

/**
 * The commune's (or the department's) catchments for grade 1 and grade 6:
 * import the workbook (checked first, every error with its row and column,
 * nothing saved until there are none), and edit on the web: a school added to
 * or removed from an area, a new area added.
 */
export default function CatchmentsPage({ me }: { me: Me }) {
  const m = useMessages(entryMessages);
  // Every commune of the caller's subtree at any depth (a commune's officer: their own).
  const communes = useQuery({
    queryKey: ['admissions', 'communes', me.orgUnit.id],
    queryFn: () => admissionsApi.communes(),
  });
  const options = (communes.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.name} (${u.code})${u.parentName ? ` — ${u.parentName}` : ''}`,
  }));
  const [selected, setSelected] = useState<string | null>(null);
  const commune = selected ?? options[0]?.value ?? null;
  return (
    <div>
      <Typography.Title level={3}>{m.catchmentsTitle}</Typography.Title>
      <CatchmentImport />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 260, maxWidth: '100%' }}
          loading={communes.isLoading}
          aria-label={m.commune}
          data-testid="commune"
          showSearch
          optionFilterProp="label"
          value={commune ?? undefined}
          onChange={setSelected}
          options={options}
          placeholder={m.chooseCommune}
        />
      </Space>
      {commune && <SeatsEditor communeId={commune} />}
      {commune && <CommuneCatchments communeId={commune} />}
    </div>
  );
}

function CatchmentImport() {
  const m = useMessages(entryMessages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CatchmentImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (dryRun: boolean) => {
    setError(null);
    if (!file) return setError(m.chooseFileFirst);
    const form = new FormData();
    form.append('file', file);
    try {
      const r = await admissionsApi.importCatchments(form, dryRun);
      setReport(r);
      if (!dryRun) {
        void message.success(
          fill(m.importDone, { rows: r.rows, added: r.areasAdded, links: r.links }, lang),
        );
        await client.invalidateQueries({ queryKey: ['admissions', 'catchments'] });
      }
    } catch (e) {
      // A file with errors answers 422 with the same report.
      if (e instanceof ApiError && e.status === 422) setReport(e.body as CatchmentImportAnswer);
      else setError(problemText(e));
    }
  };
  return (
    <Card size="small" title={m.importTitle} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary">{m.importHint}</Typography.Paragraph>
      <Space wrap>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setReport(null);
          }}
        >
          <Button>{m.pickFile}</Button>
        </Upload>
        <Button onClick={() => void send(true)}>{m.check}</Button>
        <Button
          type="primary"
          disabled={!report || !report.dryRun || report.errors.length > 0}
          onClick={() => void send(false)}
        >
          {m.importNow}
        </Button>
      </Space>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
      {report && (
        <div style={{ marginTop: 12 }} data-testid="import-report">
          <Alert
            type={report.errors.length ? 'error' : 'success'}
            message={
              report.errors.length
                ? fill(m.importErrors, { n: report.errors.length }, lang)
                : fill(
                    report.dryRun ? m.importReady : m.importDone,
                    {
                      rows: report.rows,
                      added: report.areasAdded,
                      updated: report.areasUpdated,
                      links: report.links,
                    },
                    lang,
                  )
            }
            description={
              report.areasUnserved.length
                ? fill(m.nowUnserved, { codes: report.areasUnserved.join(', ') })
                : undefined
            }
          />
          {report.errors.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              dataSource={report.errors}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: m.row, dataIndex: 'row', width: 64 },
                { title: m.column, dataIndex: 'column', render: (c: string | null) => c ?? '—' },
                // The server's message (row, column, what was expected), as it wrote it.
                { title: m.error, dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}

function CommuneCatchments({ communeId }: { communeId: string }) {
  const m = useMessages(entryMessages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CatchmentEditInput>();
  const [error, setError] = useState<string | null>(null);
  const key = ['admissions', 'catchments', communeId];
  const list = useQuery({ queryKey: key, queryFn: () => admissionsApi.catchments(communeId) });
  const edit = async (body: CatchmentEditInput, done: string) => {
    setError(null);
    try {
      await admissionsApi.editCatchment(communeId, body);
      void message.success(done);
      await client.invalidateQueries({ queryKey: key });
      return true;
    } catch (e) {
      setError(
        showAtFields(form, e, {
          'body.areaCode': 'areaCode',
          'body.areaName': 'areaName',
          'body.schoolCode': 'schoolCode',
          'body.grade': 'grade',
        }),
      );
      return false;
    }
  };
  const schoolsOf = (area: Area, grade: 1 | 6) => {
    const listed = area.schools.filter((s) => s.grade === grade);
    if (listed.length === 0)
      return <Typography.Text type="secondary">{m.noSchool}</Typography.Text>;
    return (
      <Space wrap size={[4, 4]}>
        {listed.map((s) => (
          <Tag key={s.id} data-testid={`link-${area.code}-${grade}-${s.code}`}>
            {s.name} ({s.code}){' '}
            <Popconfirm
              title={fill(m.removeConfirm, { school: s.name, area: area.name, grade })}
              onConfirm={() =>
                void edit(
                  { areaCode: area.code, grade, schoolCode: s.code, serves: false },
                  fill(m.removed, { school: s.name, area: area.name }),
                )
              }
            >
              <Button type="link" size="small" danger aria-label={`${m.remove} ${s.code}`}>
                {m.remove}
              </Button>
            </Popconfirm>
          </Tag>
        ))}
      </Space>
    );
  };
  return (
    <>
      <Card size="small" title={m.addSchool} style={{ marginBottom: 12 }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ grade: 1 }}
          onFinish={(v) =>
            void edit(
              { ...v, areaName: v.areaName?.trim() || undefined, serves: true },
              fill(m.added, { school: v.schoolCode, area: v.areaCode }),
            ).then((ok) => ok && form.resetFields(['schoolCode']))
          }
        >
          <Space wrap align="start">
            <Form.Item
              label={m.areaCode}
              name="areaCode"
              rules={[{ required: true, message: m.required }]}
            >
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item label={m.areaName} name="areaName" extra={m.areaNameHint}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={m.grade} name="grade">
              <Select
                aria-label={m.grade}
                style={{ width: 100 }}
                options={[
                  { value: 1, label: m.grade1 },
                  { value: 6, label: m.grade6 },
                ]}
              />
            </Form.Item>
            <Form.Item
              label={m.schoolCode}
              name="schoolCode"
              rules={[{ required: true, message: m.required }]}
            >
              <Input style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit">
            {m.addSchool}
          </Button>
        </Form>
        {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
      </Card>
      <Card size="small" style={{ marginBottom: 12 }}>
        {list.error && <Alert type="error" message={problemText(list.error)} />}
        <Table
          size="small"
          rowKey="id"
          data-testid="catchments"
          scroll={{ x: 'max-content' }}
          loading={list.isLoading}
          dataSource={list.data ?? []}
          locale={{ emptyText: m.noAreas }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: m.areaCode, dataIndex: 'code' },
            { title: m.areaName, dataIndex: 'name' },
            { title: m.schoolsGrade1, key: 'g1', render: (_: unknown, a: Area) => schoolsOf(a, 1) },
            { title: m.schoolsGrade6, key: 'g6', render: (_: unknown, a: Area) => schoolsOf(a, 6) },
          ]}
        />
      </Card>
    </>
  );
}
