/** The surveys' routes as the pages call them, typed by the contract. */
import type {
  AnswerBody,
  PublicForm,
  ResultsAnswer,
  SurveySummary,
} from '../../../../src/modules/surveys/contract.ts';
import { route } from '../../shared/api.ts';

export const surveysApi = {
  form: (code: string) => route.post<PublicForm>('/api/public/surveys/form', { code }),
  answer: (body: AnswerBody) => route.post<{ accepted: true }>('/api/public/surveys/answers', body),
  list: () => route.get<{ items: SurveySummary[] }>('/api/surveys'),
  results: (id: string) => route.get<ResultsAnswer>('/api/surveys/:id/results', { params: { id } }),
};
