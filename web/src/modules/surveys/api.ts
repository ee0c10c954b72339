/** The surveys' routes as the pages call them, typed by the contract. */
import type {
  AnswerBody,
  CreateSurveyBody,
  EditSurveyBody,
  SurveyDetail,
  PublicForm,
  ResultsAnswer,
  SurveySummary,
  TrendAnswer,
} from '../../../../src/modules/surveys/contract.ts';
import { route, url } from '../../shared/api.ts';

export const surveysApi = {
  form: (code: string) => route.post<PublicForm>('/api/public/surveys/form', { code }),
  answer: (body: AnswerBody) => route.post<{ accepted: true }>('/api/public/surveys/answers', body),
  create: (body: CreateSurveyBody) => route.post<{ id: string }>('/api/surveys', body),
  get: (id: string) => route.get<SurveyDetail>('/api/surveys/:id', { params: { id } }),
  edit: (id: string, body: EditSurveyBody) =>
    route.patch<SurveyDetail>('/api/surveys/:id', body, { params: { id } }),
  open: (id: string) => route.post<SurveyDetail>('/api/surveys/:id/open', {}, { params: { id } }),
  list: () => route.get<{ items: SurveySummary[] }>('/api/surveys'),
  results: (id: string) => route.get<ResultsAnswer>('/api/surveys/:id/results', { params: { id } }),
  trend: (id: string) => route.get<TrendAnswer>('/api/surveys/:id/trend', { params: { id } }),
  /** The link of the results as xlsx (the same scope and hiding as the page). */
  resultsXlsxUrl: (id: string) => url('/api/surveys/:id/results.xlsx', { id }),
  close: (id: string) =>
    route.post<SurveySummary>('/api/surveys/:id/close', {}, { params: { id } }),
};
