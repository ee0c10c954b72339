import type { TransferStatus } from '../../../../src/modules/registry/contract.ts';
import { STUDENT_STATUS_LABELS } from '../../../../src/modules/registry/labels.ts';

/** A transfer's status as the transfer pages show it: its label and its tag's colour. */
export const TRANSFER_STATUS: Record<TransferStatus, [string, string]> = {
  requested: ['Chờ xử lý', 'processing'],
  accepted: ['Đã tiếp nhận', 'success'],
  rejected: ['Bị từ chối', 'error'],
  cancelled: ['Đã huỷ', 'default'],
};

/** Student statuses by value; a value the table does not know is shown as it is. */
export const STUDENT_STATUS: Record<string, string> = STUDENT_STATUS_LABELS;
