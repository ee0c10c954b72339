import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type {
  ReceiveBlanksBody,
  SpoilBlankBody,
} from '../../../../src/modules/diplomas/contract.ts';
import type { DIPLOMA_TYPES } from '../../../../src/modules/diplomas/labels.ts';
import { DateInput, dateRules, todayTyped } from '../../shared/DateInput.tsx';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { diplomasApi } from './api.ts';
import {
  DATE_RULE_LABELS,
  DIPLOMA_TYPE_NAMES,
  diplomaMessages,
  diplomaTypeOptions,
} from './messages.ts';

/**
 * The stock of blank forms (phôi): deliveries received by serial range,
 * forms printed on and spoiled, what is left and the next form; receiving a
 * range and recording a spoiled form.
 */
export function BlankFormsDialog({
  authorityId,
  canWrite,
  open,
  onClose,
}: {
  authorityId: string;
  canWrite: boolean;
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(diplomaMessages);
  const { lang } = useI18n();
  /** A count as the page's language writes it (5.000 / 5,000). */
  const num = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [receiveForm] = Form.useForm<Omit<ReceiveBlanksBody, 'authorityId'>>();
  const [spoilForm] = Form.useForm<Omit<SpoilBlankBody, 'authorityId'>>();
  const [error, setError] = useState<string | null>(null);
  const stock = useQuery({
    queryKey: ['diploma-blanks', authorityId],
    queryFn: () => diplomasApi.blanks(authorityId),
    enabled: open,
  });
  const run = async (
    form: typeof receiveForm | typeof spoilForm,
    call: () => Promise<unknown>,
    done: string,
  ) => {
    setError(null);
    try {
      client.setQueryData(['diploma-blanks', authorityId], await call());
      form.resetFields();
      void message.success(done);
    } catch (e) {
      setError(problemToForm(e, form));
    }
  };
  const data = stock.data;
  return (
    <Modal
      open={open}
      title={t.blankForms}
      onCancel={onClose}
      footer={null}
      width={860}
      destroyOnHidden
    >
      {stock.error && <ErrorResult error={stock.error} />}
      {data && data.types.length === 0 && <Alert type="info" message={t.noBlanks} />}
      {data && data.types.length > 0 && (
        <Table
          size="small"
          rowKey="diplomaType"
          data-testid="blank-stock"
          pagination={false}
          scroll={{ x: true }}
          dataSource={data.types}
          columns={[
            {
              title: t.diplomaType,
              dataIndex: 'diplomaType',
              render: (v: (typeof DIPLOMA_TYPES)[number]) => DIPLOMA_TYPE_NAMES[lang][v],
            },
            { title: t.received, dataIndex: 'received', align: 'right', render: num },
            { title: t.used, dataIndex: 'issued', align: 'right', render: num },
            { title: t.spoiled, dataIndex: 'spoiled', align: 'right', render: num },
            { title: t.remaining, dataIndex: 'remaining', align: 'right', render: num },
            { title: t.next, dataIndex: 'next', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
      {data && data.ranges.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.ranges}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: true }}
            dataSource={data.ranges}
            columns={[
              {
                title: `${t.firstSerial} – ${t.lastSerial}`,
                render: (_: unknown, r) => `${r.firstSerial} – ${r.lastSerial}`,
              },
              { title: t.received, dataIndex: 'count', align: 'right', render: num },
              { title: t.used, dataIndex: 'issued', align: 'right', render: num },
              { title: t.spoiled, dataIndex: 'spoiled', align: 'right', render: num },
              {
                title: t.receivedOn,
                dataIndex: 'receivedOn',
                responsive: ['sm'],
                render: (d: string) => formatDate(d),
              },
              { title: t.reference, dataIndex: 'reference', responsive: ['md'] },
            ]}
          />
        </>
      )}
      {data && data.spoiledForms.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.spoiledForms}
          </Typography.Title>
          <Table
            size="small"
            rowKey="serial"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={data.spoiledForms}
            columns={[
              { title: t.serial, dataIndex: 'serial' },
              { title: t.reason, dataIndex: 'reason' },
              {
                title: t.at,
                dataIndex: 'at',
                responsive: ['sm'],
                render: (d: string) => formatDate(d, true),
              },
            ]}
          />
        </>
      )}
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 16 }} />}
      {canWrite && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.receive}
          </Typography.Title>
          <Form
            form={receiveForm}
            layout="vertical"
            initialValues={{ diplomaType: 'upper_secondary', receivedOn: todayTyped() }}
            onFinish={(v) =>
              void run(
                receiveForm,
                () => diplomasApi.receiveBlanks({ ...v, authorityId }),
                t.receivedDone,
              )
            }
          >
            <Space wrap align="end">
              <Form.Item label={t.diplomaType} name="diplomaType">
                <Select
                  style={{ width: 260, maxWidth: '100%' }}
                  options={diplomaTypeOptions(lang)}
                />
              </Form.Item>
              <Form.Item label={t.firstSerial} name="firstSerial" rules={[{ required: true }]}>
                <Input placeholder="A0012000" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item label={t.lastSerial} name="lastSerial" rules={[{ required: true }]}>
                <Input placeholder="A0012999" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item
                label={t.receivedOn}
                name="receivedOn"
                rules={dateRules(DATE_RULE_LABELS.receivedOn, { required: true, notFuture: true })}
              >
                <DateInput style={{ width: 140 }} />
              </Form.Item>
              <Form.Item label={t.reference} name="reference" rules={[{ required: true }]}>
                <Input style={{ width: 240, maxWidth: '100%' }} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit">
                  {t.receive}
                </Button>
              </Form.Item>
            </Space>
          </Form>
          <Typography.Title level={5}>{t.spoil}</Typography.Title>
          <Form
            form={spoilForm}
            layout="vertical"
            onFinish={(v) =>
              void run(
                spoilForm,
                () => diplomasApi.spoilBlank({ ...v, authorityId }),
                t.spoiledDone,
              )
            }
          >
            <Space wrap align="end">
              <Form.Item label={t.spoilSerial} name="serial" rules={[{ required: true }]}>
                <Input style={{ width: 160 }} />
              </Form.Item>
              <Form.Item label={t.reason} name="reason" rules={[{ required: true, min: 3 }]}>
                <Input style={{ width: 280, maxWidth: '100%' }} />
              </Form.Item>
              <Form.Item>
                <Button danger htmlType="submit">
                  {t.spoil}
                </Button>
              </Form.Item>
            </Space>
          </Form>
        </>
      )}
    </Modal>
  );
}
