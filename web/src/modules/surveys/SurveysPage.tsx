import {
  App as AntApp,
  Button,
  Descriptions,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type {
  ResultsAnswer,
  SurveyDetail,
  SurveySummary,
  TrendAnswer,
} from '../../../../src/modules/surveys/contract.ts';
import { SURVEY_STATUS_LABELS } from '../../../../src/modules/surveys/labels.ts';
import { problemText } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { surveysApi } from './api.ts';
import { dmy, messages, when } from './messages.ts';
import { SurveyBuilder } from './SurveyBuilder.tsx';
import { SurveyResults } from './SurveyResults.tsx';
import { TrendCard } from './TrendCard.tsx';

const STATUS_COLOURS = { draft: 'default', open: 'green', closed: 'red' } as const;

/** Surveys reaching one's unit and their results per school (groups under 10 hidden). */
export default function SurveysPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const [surveys, setSurveys] = useState<SurveySummary[]>([]);
  const [chosen, setChosen] = useState<string | undefined>();
  const [results, setResults] = useState<ResultsAnswer | null>(null);
  const [trend, setTrend] = useState<TrendAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** The builder's drawer: closed (undefined), a new form (null), or the form edited. */
  const [building, setBuilding] = useState<SurveyDetail | null | undefined>(undefined);
  const manage = me.permissions.includes('surveys.manage');
  const load = useCallback(
    (keep?: string) =>
      surveysApi.list().then((r) => {
        setSurveys(r.items);
        setChosen(keep ?? r.items[0]?.id);
      }, setError),
    [],
  );
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (!chosen) return;
    surveysApi.results(chosen).then(setResults, setError);
    surveysApi.trend(chosen).then(setTrend, setError);
  }, [chosen]);
  if (error) return <ErrorResult error={error} />;
  const survey = surveys.find((s) => s.id === chosen);
  const editForm = async (id: string) => {
    try {
      setBuilding(await surveysApi.get(id));
    } catch (e) {
      void message.error(problemText(e));
    }
  };
  const saved = async (id: string) => {
    setBuilding(undefined);
    void message.success(m.saved);
    await load(id);
    setResults(await surveysApi.results(id));
    setTrend(await surveysApi.trend(id));
  };
  const closeSurvey = async (id: string) => {
    try {
      await surveysApi.close(id);
      void message.success(m.closedDone);
      await load(id);
      setResults(await surveysApi.results(id));
    } catch (e) {
      void message.error(problemText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>{m.staffTitle}</Typography.Title>
        {manage && (
          <Button type="primary" onClick={() => setBuilding(null)}>
            {m.newSurvey}
          </Button>
        )}
      </Space>
      <Select
        style={{ width: '100%', maxWidth: 520 }}
        value={chosen}
        onChange={setChosen}
        options={surveys.map((s) => ({ value: s.id, label: `${s.title} (${s.schoolYear})` }))}
      />
      {survey && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={m.status}>
            <Tag color={STATUS_COLOURS[survey.status]}>
              {SURVEY_STATUS_LABELS[lang][survey.status]}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={m.scope}>{survey.scope.name}</Descriptions.Item>
          <Descriptions.Item label={m.endsOn}>
            {survey.endsOn ? dmy(survey.endsOn) : m.noEnd}
          </Descriptions.Item>
          {survey.closedAt && (
            <Descriptions.Item label={m.closedAt}>{when(survey.closedAt)}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      {survey && manage && survey.status !== 'closed' && (
        <Space wrap>
          <Button onClick={() => void editForm(survey.id)}>{m.editSurvey}</Button>
          {survey.status === 'open' && (
            <Popconfirm
              title={m.closeConfirm}
              okText={m.close}
              onConfirm={() => void closeSurvey(survey.id)}
            >
              <Button danger>{m.close}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {building !== undefined && (
        <SurveyBuilder
          survey={building}
          onClose={() => setBuilding(undefined)}
          onSaved={(id) => void saved(id)}
        />
      )}
      {results && (
        <SurveyResults
          results={results}
          extra={
            <Space wrap>
              <Button href={surveysApi.resultsXlsxUrl(results.survey.id)}>{m.exportXlsx}</Button>
              {me.permissions.includes('indicators.read') && (
                <Link to={`/chi-tieu?year=${results.survey.schoolYear}`}>{m.toIndicators}</Link>
              )}
            </Space>
          }
        />
      )}
      {trend && <TrendCard trend={trend} />}
    </Space>
  );
}
