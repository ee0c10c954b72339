import { Alert, Button, Card, Descriptions, Form, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PublicDiploma } from '../../../../src/modules/diplomas/contract.ts';
import { problemText } from '../../shared/api.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { diplomasApi } from './api.ts';
import { DATE_RULE_LABELS, DIPLOMA_TYPE_NAMES, diplomaMessages } from './messages.ts';

/** The public lookup: the exact number, full name and date of birth, never a part of them. */
export default function LookupPage() {
  const { t: common, lang, setLang } = useI18n();
  const t = useMessages(diplomaMessages);
  const status = {
    valid: <Tag color="green">{t.publicValid}</Tag>,
    corrected: <Tag color="blue">{t.publicCorrected}</Tag>,
    revoked: <Tag color="red">{t.publicRevoked}</Tag>,
  };
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
      <Card
        title={t.lookupTitle}
        extra={
          <Button size="small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
            {common.language}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t.lookupIntro}</Typography.Paragraph>
        <Radio.Group
          value={by}
          onChange={(e) => setBy(e.target.value as typeof by)}
          style={{ marginBottom: 16 }}
        >
          <Radio value="serial">{t.serial}</Radio>
          <Radio value="registerNumber">{t.registerEntry}</Radio>
        </Radio.Group>
        <Form
          layout="vertical"
          onFinish={(v: { number: string; fullName: string; birthDate: string }) => void submit(v)}
        >
          <Form.Item
            label={by === 'serial' ? t.serialNumber : t.registerEntry}
            name="number"
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label={t.fullName} name="fullName" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label={t.birthDateTyped}
            name="birthDate"
            rules={dateRules(DATE_RULE_LABELS.birthDate, { required: true, notFuture: true })}
          >
            <DateInput placeholder="15/03/2008" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t.lookUp}
          </Button>
          <Link to="/xac-minh" style={{ marginLeft: 16 }}>
            {t.verifyByQr}
          </Link>
        </Form>
        {error && <Alert type="error" message={error} style={{ marginTop: 16 }} role="alert" />}
        {result && result.length === 0 && (
          <Alert type="warning" style={{ marginTop: 16 }} message={t.lookupNone} />
        )}
        {result?.map((d) => (
          <Card key={d.serialNumber} style={{ marginTop: 16 }} data-testid="lookup-result">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t.status}>{status[d.status]}</Descriptions.Item>
              <Descriptions.Item label={t.fullName}>{d.fullName}</Descriptions.Item>
              <Descriptions.Item label={t.diploma}>
                {DIPLOMA_TYPE_NAMES[lang][d.diplomaType]}
              </Descriptions.Item>
              <Descriptions.Item label={t.school}>{d.schoolName}</Descriptions.Item>
              <Descriptions.Item label={t.graduationYear}>{d.graduationYear}</Descriptions.Item>
              <Descriptions.Item label={t.serial}>{d.serialNumber}</Descriptions.Item>
            </Descriptions>
          </Card>
        ))}
      </Card>
    </div>
  );
}
