import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Empty,
  List,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type { IncomingStudentRow } from '../../../../src/modules/registry/contract.ts';
import { problemText } from '../../shared/api.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { initialSchool, SchoolPicker } from '../../shared/SchoolPicker.tsx';
import { registryApi } from './api.ts';
import { fill, registryMessages } from './messages.ts';
import { SchoolYearSelect } from './SchoolYearSelect.tsx';

/**
 * The school year admissions hand students over for: the one starting this
 * calendar year (in June–August that is next year's; from September the
 * current one).
 */
const intakeYear = (now = new Date()) => `${now.getFullYear()}-${now.getFullYear() + 1}`;

/**
 * "Học sinh chờ xếp lớp": the students an admissions campaign sent to the
 * school for a year (docs/schools.md, "Học sinh chờ xếp lớp"), as cards that fit a phone;
 * the clerk selects several of one grade and puts them in a class of that
 * grade (POST /api/registry/schools/:id/incoming/assign).
 */
export default function IncomingStudentsPage({ me }: { me: Me }) {
  const m = useMessages(registryMessages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const canWrite = me.permissions.includes('registry.write');
  const [school, setSchool] = useState(initialSchool(me));
  const [year, setYear] = useState(intakeYear());
  const [waitingOnly, setWaitingOnly] = useState(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [classId, setClassId] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const incoming = useQuery({
    queryKey: ['incoming', school?.id, year],
    queryFn: () => registryApi.incomingStudents(school!.id, year),
    enabled: !!school,
  });
  const classes = useQuery({
    queryKey: ['classes', school?.id, year],
    queryFn: () => registryApi.unitClasses(school!.id, year),
    enabled: !!school && canWrite,
  });
  const all = incoming.data ?? [];
  const rows = waitingOnly ? all.filter((r) => !r.classId) : all;
  const chosen = all.filter((r) => selected.has(r.id));
  const grades = [...new Set(chosen.map((r) => r.grade))];
  const grade = grades.length === 1 ? grades[0] : undefined;
  const classOptions = useMemo(
    () =>
      (classes.data ?? [])
        .filter((c) => grade !== undefined && c.grade === grade)
        .map((c) => ({
          value: c.id,
          label: `${c.name} (${c.studentCount.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} HS)`,
        })),
    [classes.data, grade, lang],
  );

  const reset = (change: () => void) => {
    change();
    setSelected(new Set());
    setClassId(undefined);
    setError(null);
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
    setClassId(undefined);
  };
  const assign = async () => {
    if (!school || !classId) return;
    setError(null);
    setBusy(true);
    try {
      const done = await registryApi.assignIncoming(school.id, {
        classId,
        intakeIds: [...selected],
      });
      const name = classes.data?.find((c) => c.id === classId)?.name ?? '';
      void message.success(fill(m.incomingAssigned, { n: done.assigned, class: name }, lang));
      setSelected(new Set());
      setClassId(undefined);
      // Not awaited: the button is free at once; the list and the classes reload behind it.
      void client.invalidateQueries({ queryKey: ['incoming', school.id, year] });
      void client.invalidateQueries({ queryKey: ['classes', school.id, year] });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  const waiting = all.filter((r) => !r.classId).length;
  const allShownSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <Card title={m.incomingTitle}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{m.incomingIntro}</Typography.Text>
        <Space wrap>
          <SchoolPicker me={me} value={school} onChange={(s) => reset(() => setSchool(s))} />
          <SchoolYearSelect
            value={year}
            onChange={(y) => reset(() => setYear(y))}
            ariaLabel={m.schoolYear}
          />
          <Space>
            <Switch
              checked={waitingOnly}
              onChange={(on) => reset(() => setWaitingOnly(on))}
              aria-label={m.incomingWaitingOnly}
            />
            <span>{m.incomingWaitingOnly}</span>
          </Space>
        </Space>
        {incoming.error && <Alert type="error" message={problemText(incoming.error)} />}
        {school && incoming.data && (
          <Typography.Text data-testid="incoming-count">
            {fill(m.incomingCount, { waiting, total: all.length }, lang)}
          </Typography.Text>
        )}
        {canWrite && rows.length > 0 && (
          <AssignBar
            m={m}
            lang={lang}
            selectedCount={chosen.length}
            allShownSelected={allShownSelected}
            onSelectAll={(on) => setSelected(new Set(on ? rows.map((r) => r.id) : []))}
            mixed={grades.length > 1}
            grade={grade}
            year={year}
            classOptions={classOptions}
            classesLoading={classes.isFetching}
            classId={classId}
            onClass={setClassId}
            busy={busy}
            onAssign={() => void assign()}
          />
        )}
        {error && <Alert type="error" role="alert" message={error} />}
        {school && incoming.data && rows.length === 0 && <Empty description={m.incomingNone} />}
        {rows.length > 0 && (
          <List
            data-testid="incoming-list"
            dataSource={rows}
            renderItem={(r) => (
              <IncomingCard
                row={r}
                m={m}
                canWrite={canWrite}
                checked={selected.has(r.id)}
                onCheck={(on) => toggle(r.id, on)}
              />
            )}
          />
        )}
      </Space>
    </Card>
  );
}

type Texts = (typeof registryMessages)['vi'];

function IncomingCard(props: {
  row: IncomingStudentRow;
  m: Texts;
  canWrite: boolean;
  checked: boolean;
  onCheck: (on: boolean) => void;
}) {
  const { row: r, m } = props;
  const body = (
    <div>
      <div style={{ fontWeight: 600 }}>{r.fullName}</div>
      <Space wrap size={[8, 0]} style={{ color: '#666', fontSize: 13 }}>
        <span>{formatDate(r.birthDate)}</span>
        <span>{r.gender === 'male' ? m.male : m.female}</span>
        <span>
          {m.incomingGrade} {r.grade}
        </span>
        <span>
          {m.incomingCode} {r.reference}
        </span>
        <span>
          {m.incomingReceived} {formatDate(r.receivedAt)}
        </span>
      </Space>
      <div style={{ marginTop: 4 }}>
        {r.className ? (
          <Tag color="green">
            {m.className} {r.className}
          </Tag>
        ) : (
          <Tag color="orange">{m.incomingWaiting}</Tag>
        )}
      </div>
    </div>
  );
  return (
    <List.Item style={{ padding: '8px 0' }}>
      {props.canWrite ? (
        <Checkbox
          checked={props.checked}
          onChange={(e) => props.onCheck(e.target.checked)}
          aria-label={r.fullName}
          style={{ alignItems: 'flex-start', width: '100%' }}
        >
          {body}
        </Checkbox>
      ) : (
        body
      )}
    </List.Item>
  );
}

function AssignBar(props: {
  m: Texts;
  lang: 'vi' | 'en';
  selectedCount: number;
  allShownSelected: boolean;
  onSelectAll: (on: boolean) => void;
  mixed: boolean;
  grade: number | undefined;
  year: string;
  classOptions: { value: string; label: string }[];
  classesLoading: boolean;
  classId: string | undefined;
  onClass: (id: string) => void;
  busy: boolean;
  onAssign: () => void;
}) {
  const { m, lang } = props;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Checkbox
          checked={props.allShownSelected}
          onChange={(e) => props.onSelectAll(e.target.checked)}
        >
          {m.selectAll}
        </Checkbox>
        <span>{fill(m.incomingSelected, { n: props.selectedCount }, lang)}</span>
      </Space>
      {props.mixed && <Alert type="warning" message={m.incomingMixed} />}
      {props.grade !== undefined && !props.classesLoading && props.classOptions.length === 0 && (
        <Alert
          type="info"
          message={fill(m.incomingNoClass, { grade: props.grade, year: props.year }, lang)}
        />
      )}
      {props.grade !== undefined && (
        <Space wrap>
          <Select
            style={{ width: 240, maxWidth: '100%' }}
            aria-label={fill(m.incomingPickClass, { grade: props.grade }, lang)}
            placeholder={fill(m.incomingPickClass, { grade: props.grade }, lang)}
            value={props.classId}
            onChange={props.onClass}
            loading={props.classesLoading}
            options={props.classOptions}
          />
          <Button
            type="primary"
            disabled={!props.classId}
            loading={props.busy}
            onClick={props.onAssign}
          >
            {m.incomingAssign}
          </Button>
        </Space>
      )}
    </Space>
  );
}
