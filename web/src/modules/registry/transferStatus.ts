import type { TransferStatus } from '../../../../src/modules/registry/contract.ts';
import type { transferMessages } from './transferMessages.ts';

type TransferText = Record<keyof (typeof transferMessages)['vi'], string>;

/** A transfer's status as the transfer pages show it: its label and its tag's colour. */
export function transferStatus(status: TransferStatus, m: TransferText): [string, string] {
  const table: Record<TransferStatus, [string, string]> = {
    requested: [m.statusRequested, 'processing'],
    accepted: [m.statusAccepted, 'success'],
    rejected: [m.statusRejected, 'error'],
    cancelled: [m.statusCancelled, 'default'],
  };
  return table[status];
}
