import { workerData } from 'node:worker_threads';
import { serveToParent } from '../../../lib/worker-stream.ts';
import { checkStudentRows, type StudentCheckInput } from './student-rows.ts';

// A large student list read and checked off the main thread (see import-students.ts).
const { input, context } = (workerData as { data: StudentCheckInput }).data;
await serveToParent(
  checkStudentRows(
    typeof input === 'string'
      ? input
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength),
    context,
  ),
  // A first load's encoded rows move to the writing thread without a copy.
  (event) =>
    event.kind === 'batch' && event.encoded
      ? [
          event.encoded.students.buffer as ArrayBuffer,
          event.encoded.enrolments.buffer as ArrayBuffer,
        ]
      : [],
);
