/**
 * The public services' routes as the pages call them: each function names
 * the route as the server declares it and answers its contract's type. The
 * two PDFs (receipt, result) are POSTed with fetch and come back as files.
 */
import type { z } from 'zod';
import type {
  ActionBody,
  ApologyBody,
  ApplicantQuery,
  ApplicationDetail,
  applicationPage,
  HandoverBody,
  ApplyBody,
  listQuery,
  OtpBody,
  ProcedureInfo,
  PublicStatus,
  Receipt,
  StatsAnswer,
} from '../../../../src/modules/services/contract.ts';
import {
  ApiError,
  requestHeaders,
  route,
  serverSaid,
  uploadUrl,
  url,
  type QueryOf,
} from '../../shared/api.ts';

async function postForFile(
  path: string,
  body: ApplicantQuery | ApologyBody,
  params: Record<string, string> = {},
): Promise<Blob> {
  const response = await fetch(uploadUrl(path, params), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...requestHeaders() },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as {
      title?: string;
      detail?: string;
    };
    throw new ApiError({
      title: problem.title ?? serverSaid(response.status).title,
      detail: problem.detail ?? serverSaid(response.status).detail,
      status: response.status,
    });
  }
  return response.blob();
}

export const servicesApi = {
  procedures: () => route.get<{ items: ProcedureInfo[] }>('/api/public/services/procedures'),
  sendOtp: (body: OtpBody) =>
    route.post<{ sent: true; expiresInMinutes: number }>('/api/public/services/otp', body),
  apply: (body: ApplyBody) => route.post<Receipt>('/api/public/services/applications', body),
  status: (body: ApplicantQuery) =>
    route.post<PublicStatus>('/api/public/services/applications/status', body),
  receipt: (body: ApplicantQuery) => postForFile('/api/public/services/applications/receipt', body),
  result: (body: ApplicantQuery) => postForFile('/api/public/services/applications/result', body),
  list: (query: QueryOf<z.input<typeof listQuery>>) =>
    route.get<z.infer<typeof applicationPage>>('/api/services/applications', { query }),
  application: (id: string) =>
    route.get<ApplicationDetail>('/api/services/applications/:id', { params: { id } }),
  act: (id: string, body: ActionBody) =>
    route.post<ApplicationDetail>('/api/services/applications/:id/actions', body, {
      params: { id },
    }),
  /** The paper copy handed over at the desk. */
  handover: (id: string, body: HandoverBody) =>
    route.post<ApplicationDetail>('/api/services/applications/:id/handover', body, {
      params: { id },
    }),
  /** The apology and new appointment of an overdue application (PDF). */
  apology: (id: string, body: ApologyBody) =>
    postForFile('/api/services/applications/:id/apology.pdf', body, { id }),
  /** The link of the month's statistics as xlsx. */
  statisticsXlsxUrl: (month: string) => url('/api/services/statistics.xlsx', {}, { month }),
  statistics: (month?: string) =>
    route.get<StatsAnswer>('/api/services/statistics', { query: { month } }),
};

/** Saves a blob as a file download. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
