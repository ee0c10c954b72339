import type { ProgressLine } from '../../../src/modules/registry/contract.ts';
import { connectionLost, requestHeaders, type Problem } from './api.ts';

/**
 * POST with upload progress (fetch cannot report it), then the answer's
 * NDJSON lines as they arrive. Resolves with the last line, or with the
 * problem+json of a refusal (403, 400) made before the stream started.
 */
export function uploadWithProgress(
  url: string,
  body: FormData,
  onUpload: (percent: number) => void,
  onLine: (line: ProgressLine) => void,
): Promise<{ last: ProgressLine | null; problem: Partial<Problem> | null; status: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let last: ProgressLine | null = null;
    const drain = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      let end: number;
      while ((end = text.indexOf('\n', seen)) >= 0) {
        const line = JSON.parse(text.slice(seen, end)) as ProgressLine;
        seen = end + 1;
        last = line;
        onLine(line);
      }
    };
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(requestHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onUpload(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onprogress = drain;
    xhr.onload = () => {
      drain();
      let problem: Partial<Problem> | null = null;
      if (xhr.status !== 200)
        try {
          problem = JSON.parse(xhr.responseText) as Partial<Problem>;
        } catch {
          problem = null;
        }
      resolve({ last, problem, status: xhr.status });
    };
    xhr.onerror = () => reject(new Error(connectionLost()));
    xhr.send(body);
  });
}
