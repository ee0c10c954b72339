import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { PublicCampaign } from '../../../../src/modules/admissions/contract.ts';
import type {
  EntryApplicationAnswer,
  EntryAreaList,
  EntryCountsAnswer,
} from '../../../../src/modules/admissions/contract.ts';
import { checkVietnameseDate } from '../../../../src/lib/dates.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { isStale } from '../../shared/StaleNotice.tsx';
import { VersionHistory } from './VersionHistory.tsx';
import { admissionsApi, candidateApi } from './api.ts';
import { entryFamilyMessages } from './entryFamilyMessages.ts';
import { showAtFields } from './fieldErrors.ts';
import { entryMessages, fill } from './messages.ts';

interface Typed {
  residence?: 'permanent' | 'temporary';
  commune?: string;
  areaId?: string;
  schools: (string | undefined)[];
  hasSibling?: boolean;
  siblingSchool?: string;
  siblingPersonalId?: string;
  siblingBirthDate?: string;
}

type Version = Pick<EntryApplicationAnswer, 'residence' | 'areaId' | 'schools' | 'sibling'>;

/**
 * The family's registration: the residence (permanent or temporary, commune
 * then village / residential group from the campaign's areas) and the school
 * among those serving the area, or a school outside zoning. Each save is a
 * version; a save from a stale page is refused (409): the newer version is
 * shown and what was typed stays in the fields.
 */
export function EntryApplicationCard({
  campaign,
  application,
  schools,
}: {
  campaign: PublicCampaign;
  application: EntryApplicationAnswer;
  schools: EntryCountsAnswer['schools'];
}) {
  const m = useMessages(entryMessages);
  const f = useMessages(entryFamilyMessages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Typed>();
  const areas = useQuery({
    queryKey: ['admissions', campaign.id, 'areas'],
    queryFn: () => admissionsApi.entryAreas(campaign.id),
  });
  const areaList = useMemo<EntryAreaList>(() => areas.data ?? [], [areas.data]);
  const initial = (a: Version): Typed => ({
    residence: a.residence ?? undefined,
    areaId: a.areaId ?? undefined,
    commune: areaList.find((x) => x.id === a.areaId)?.communeCode,
    schools: a.schools.length ? a.schools : [undefined],
    hasSibling: a.sibling !== null,
    siblingSchool: a.sibling ?? undefined,
  });
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<EntryApplicationAnswer | null>(null);
  const commune = Form.useWatch('commune', form);
  const areaId = Form.useWatch('areaId', form);
  const chosen = Form.useWatch('schools', form);
  const hasSibling = Form.useWatch('hasSibling', form);
  // The sibling criterion is asked only where the commune's rules use it (or one was declared).
  const asksSibling =
    (campaign.entryRules?.order.includes('sibling') ?? false) || application.sibling !== null;
  const now = Date.now();
  const open =
    campaign.status === 'open' &&
    now >= Date.parse(campaign.opensAt) &&
    now < Date.parse(campaign.closesAt);
  const communes = [...new Map(areaList.map((a) => [a.communeCode, a.communeName])).entries()];
  const area = areaList.find((a) => a.id === areaId);
  const serving = new Set(area?.schools ?? []);
  const unserved = area !== undefined && serving.size === 0;
  // Zoned schools serving the area, then schools outside zoning; an unserved area: every school
  // (the server keeps those of the area's commune).
  const options = schools
    .filter((s) => !area || unserved || s.unzoned || serving.has(s.program))
    .map((s) => ({
      value: s.program,
      label: s.unzoned ? `${s.schoolName} (${m.unzoned})` : s.schoolName,
    }));
  const nameOf = (program: string) =>
    schools.find((s) => s.program === program)?.schoolName ?? program;
  const describe = (v: Version) =>
    v.schools.length === 0
      ? m.withdrawn
      : [
          v.residence ? m[v.residence] : '',
          areaList.find((a) => a.id === v.areaId)?.name ?? '',
          v.schools.map(nameOf).join(', '),
          v.sibling ? fill(m.siblingAt, { school: nameOf(v.sibling) }) : '',
        ]
          .filter(Boolean)
          .join(' · ');
  const reload = async () => {
    await client.invalidateQueries({ queryKey: ['admissions', campaign.id, 'entry-application'] });
  };
  const fields = {
    'body.residence': 'residence',
    'body.areaId': 'areaId',
    'body.schools': 'schools',
    'body.sibling.school': 'siblingSchool',
    'body.sibling.personalId': 'siblingPersonalId',
    'body.sibling.birthDate': 'siblingBirthDate',
  };
  // Unticked: no sibling; ticked with the school kept and no id typed: the declared one is kept
  // (the server never sends the sibling's id back); otherwise the new declaration.
  const siblingOf = (typed: Typed) => {
    if (!typed.hasSibling) return null;
    const personalId = typed.siblingPersonalId?.trim() ?? '';
    if (!personalId && typed.siblingSchool === application.sibling) return undefined;
    const date = checkVietnameseDate(typed.siblingBirthDate ?? '', m.siblingBirthDate, 'vi');
    return {
      school: typed.siblingSchool!,
      personalId,
      birthDate: date.ok ? date.iso : (typed.siblingBirthDate ?? ''),
    };
  };
  const save = async (typed: Typed) => {
    setError(null);
    setStale(null);
    try {
      const r = await candidateApi.submitEntry(campaign.id, {
        residence: typed.residence!,
        areaId: typed.areaId!,
        schools: typed.schools.filter((s): s is string => Boolean(s)),
        sibling: siblingOf(typed),
        baseVersion: application.version,
      });
      void message.success(fill(m.saved, { v: r.version }));
      // The sibling's id is checked and kept by the server: not left in the form.
      form.setFieldsValue({ siblingPersonalId: undefined, siblingBirthDate: undefined });
      await reload();
    } catch (e) {
      if (isStale(e)) {
        // The newer version is shown; the fields keep what the family typed.
        const newer = await candidateApi.entryApplication(campaign.id);
        setStale(newer);
        client.setQueryData(['admissions', campaign.id, 'entry-application'], newer);
      } else {
        const placed = showAtFields(form, e, fields);
        // A field error of body.schools.0 is put at the first school field.
        setError(placed);
      }
    }
  };
  const withdraw = async () => {
    setError(null);
    try {
      const r = await candidateApi.withdraw(campaign.id, { baseVersion: application.version });
      void message.success(fill(m.saved, { v: r.version }));
      form.setFieldsValue({ schools: [undefined] });
      await reload();
    } catch (e) {
      if (isStale(e)) {
        setStale(await candidateApi.entryApplication(campaign.id));
        await reload();
      } else setError(showAtFields(form, e, fields));
    }
  };
  if (!areas.data) return null;
  return (
    <Card
      title={m.myChild}
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="entry-application"
      extra={<span data-testid="version">{`${m.version} ${application.version}`}</span>}
    >
      <Typography.Paragraph strong data-testid="child">
        {application.child.fullName} · {formatDate(application.child.birthDate)} ·{' '}
        {application.child.code}
      </Typography.Paragraph>
      {!application.child.eligible && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={m.notEligible}
          description={application.child.problem}
        />
      )}
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="stale-notice"
          style={{ marginBottom: 12 }}
          message={m.staleTitle}
          description={fill(m.staleHint, {
            v: stale.version,
            at: stale.submittedAt ? formatDate(stale.submittedAt, true) : '—',
            what: describe(stale),
          })}
        />
      )}
      {!open && <Alert type="info" message={m.closed} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!open}
        initialValues={initial(application)}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          label={m.residenceKind}
          name="residence"
          rules={[{ required: true, message: m.required }]}
        >
          <Radio.Group
            options={[
              { value: 'permanent', label: m.permanent },
              { value: 'temporary', label: m.temporary },
            ]}
          />
        </Form.Item>
        {communes.length > 1 && (
          <Form.Item label={m.commune} name="commune">
            <Select
              aria-label={m.commune}
              placeholder={m.chooseCommune}
              options={communes.map(([code, name]) => ({ value: code, label: name }))}
              onChange={() => form.setFieldsValue({ areaId: undefined })}
            />
          </Form.Item>
        )}
        <Form.Item label={m.area} name="areaId" rules={[{ required: true, message: m.required }]}>
          <Select
            aria-label={m.area}
            data-testid="area"
            showSearch
            optionFilterProp="label"
            placeholder={m.chooseArea}
            options={areaList
              .filter((a) => communes.length <= 1 || !commune || a.communeCode === commune)
              .map((a) => ({
                value: a.id,
                label: communes.length > 1 && !commune ? `${a.name} — ${a.communeName}` : a.name,
              }))}
          />
        </Form.Item>
        {unserved && (
          <Alert type="info" showIcon message={m.unservedArea} style={{ marginBottom: 12 }} />
        )}
        <Form.List name="schools">
          {(items) =>
            items.map((item, i) => (
              <Form.Item
                key={item.key}
                label={campaign.maxPreferences > 1 ? fill(m.choiceN, { n: i + 1 }) : m.choice}
                name={item.name}
                rules={i === 0 ? [{ required: true, message: m.required }] : []}
              >
                <Select
                  aria-label={
                    campaign.maxPreferences > 1 ? fill(m.choiceN, { n: i + 1 }) : m.choice
                  }
                  data-testid={`school-${i + 1}`}
                  placeholder={area ? m.chooseSchool : m.areaFirst}
                  disabled={!open || !area}
                  allowClear={i > 0}
                  options={options}
                  onChange={() => {
                    if (i === items.length - 1 && items.length < campaign.maxPreferences)
                      form.setFieldsValue({ schools: [...(chosen ?? []), undefined] });
                  }}
                />
              </Form.Item>
            ))
          }
        </Form.List>
        {asksSibling && (
          <>
            <Form.Item name="hasSibling" valuePropName="checked">
              <Checkbox data-testid="has-sibling">{m.siblingAsk}</Checkbox>
            </Form.Item>
            {hasSibling && (
              <>
                <Typography.Paragraph type="secondary">{m.siblingHint}</Typography.Paragraph>
                <Form.Item
                  label={m.siblingSchool}
                  name="siblingSchool"
                  rules={[{ required: true, message: m.required }]}
                >
                  <Select
                    aria-label={m.siblingSchool}
                    placeholder={m.siblingSchoolPick}
                    data-testid="sibling-school"
                    options={(chosen ?? [])
                      .filter((p): p is string => Boolean(p))
                      .map((p) => ({ value: p, label: nameOf(p) }))}
                  />
                </Form.Item>
                <Space wrap align="start">
                  <Form.Item
                    label={m.siblingPersonalId}
                    name="siblingPersonalId"
                    extra={application.sibling ? m.siblingKept : undefined}
                    rules={[
                      { pattern: /^\d{12}$/, message: m.personalIdBad },
                      ({ getFieldValue }) => ({
                        required: getFieldValue('siblingSchool') !== application.sibling,
                        message: m.required,
                      }),
                    ]}
                  >
                    <Input
                      inputMode="numeric"
                      maxLength={12}
                      style={{ width: 170 }}
                      data-testid="sibling-personal-id"
                    />
                  </Form.Item>
                  <Form.Item
                    label={m.siblingBirthDate}
                    name="siblingBirthDate"
                    dependencies={['siblingPersonalId']}
                    rules={[
                      ...dateRules(m.siblingBirthDate, { notFuture: true }),
                      ({ getFieldValue }) => ({
                        required: Boolean(getFieldValue('siblingPersonalId')),
                        message: m.required,
                      }),
                    ]}
                  >
                    <DateInput style={{ width: 130 }} data-testid="sibling-birth-date" />
                  </Form.Item>
                </Space>
              </>
            )}
          </>
        )}
        {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 12 }} />}
        <Space wrap>
          <Button type="primary" htmlType="submit">
            {m.save}
          </Button>
          <Popconfirm title={m.withdrawConfirm} onConfirm={() => void withdraw()} disabled={!open}>
            <Button danger disabled={!open || application.schools.length === 0}>
              {m.withdraw}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
      {application.version > 0 && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <a href={admissionsApi.entryReceiptUrl(campaign.id)} data-testid="entry-receipt">
            {f.entryReceipt}
          </a>
        </Typography.Paragraph>
      )}
      <VersionHistory versions={application.history} describe={describe} labels={m} />
    </Card>
  );
}
