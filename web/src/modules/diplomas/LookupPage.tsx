import { Alert, Button, Card, Descriptions, Form, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PublicDiploma } from '../../../../src/modules/diplomas/contract.ts';
import { DIPLOMA_TYPE_LABELS } from '../../../../src/modules/diplomas/labels.ts';
import { problemText } from '../../shared/api.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { diplomasApi } from './api.ts';

const STATUS = {
  valid: <Tag color="green">Hợp lệ</Tag>,
  corrected: <Tag color="blue">Hợp lệ (đã chỉnh sửa theo quyết định)</Tag>,
  revoked: <Tag color="red">Đã bị thu hồi</Tag>,
};

export default function LookupPage() {
  const [by, setBy] = useState<'serial' | 'registerNumber'>('serial');
  const [result, setResult] = useState<PublicDiploma[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: { number: string; fullName: string; birthDate: string }) => {
    setError(null);
    try {
      const r = await diplomasApi.lookup({
        [by]: values.number,
        fullName: values.fullName,
        birthDate: values.birthDate,
      });
      setResult(r.diplomas);
    } catch (e) {
      setResult(null);
      setError(problemText(e));
    }
  };
  return (
    <div style={{ maxWidth: 640, margin: '0 auto', padding: 16 }}>
      <Card title="Tra cứu văn bằng tốt nghiệp">
        <Typography.Paragraph type="secondary">
          Nhập số hiệu (hoặc số vào sổ gốc), họ tên và ngày sinh đúng như trên văn bằng. Không tra
          cứu theo một phần thông tin.
        </Typography.Paragraph>
        <Radio.Group
          value={by}
          onChange={(e) => setBy(e.target.value as typeof by)}
          style={{ marginBottom: 16 }}
        >
          <Radio value="serial">Số hiệu</Radio>
          <Radio value="registerNumber">Số vào sổ gốc</Radio>
        </Radio.Group>
        <Form
          layout="vertical"
          onFinish={(v: { number: string; fullName: string; birthDate: string }) => void submit(v)}
        >
          <Form.Item
            label={by === 'serial' ? 'Số hiệu văn bằng' : 'Số vào sổ gốc'}
            name="number"
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="Ngày sinh (dd/mm/yyyy)"
            name="birthDate"
            rules={dateRules('Ngày sinh', { required: true, notFuture: true })}
          >
            <DateInput placeholder="15/03/2008" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            Tra cứu
          </Button>
          <Link to="/xac-minh" style={{ marginLeft: 16 }}>
            Xác minh bằng mã QR
          </Link>
        </Form>
        {error && <Alert type="error" message={error} style={{ marginTop: 16 }} role="alert" />}
        {result && result.length === 0 && (
          <Alert
            type="warning"
            style={{ marginTop: 16 }}
            message="Không tìm thấy văn bằng khớp với thông tin đã nhập."
          />
        )}
        {result?.map((d) => (
          <Card key={d.serialNumber} style={{ marginTop: 16 }} data-testid="lookup-result">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="Tình trạng">{STATUS[d.status]}</Descriptions.Item>
              <Descriptions.Item label="Họ và tên">{d.fullName}</Descriptions.Item>
              <Descriptions.Item label="Văn bằng">
                {DIPLOMA_TYPE_LABELS[d.diplomaType]}
              </Descriptions.Item>
              <Descriptions.Item label="Trường">{d.schoolName}</Descriptions.Item>
              <Descriptions.Item label="Năm tốt nghiệp">{d.graduationYear}</Descriptions.Item>
              <Descriptions.Item label="Số hiệu">{d.serialNumber}</Descriptions.Item>
            </Descriptions>
          </Card>
        ))}
      </Card>
    </div>
  );
}
