import type { Tx } from '../../db/actor.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { insertBlankRange, insertBlankUses } from './repo.ts';

/**
 * The demo department's stock of blank forms (phôi): 5,000 upper-secondary
 * forms A0260001–A0265000 received in August of the demo school year, the
 * first one recorded spoiled, so that the blank-forms page shows a delivery,
 * a spoiled form and the next form to print on, and every diploma issued in
 * the demo takes a serial from it.
 */
export async function seedDiplomasDemo(
  tx: Tx,
  departmentId: string,
  schoolYear: string,
): Promise<void> {
  const rangeId = uuidv7();
  await insertBlankRange(tx, {
    id: rangeId,
    authority_id: departmentId,
    diploma_type: 'upper_secondary',
    prefix: 'A',
    width: 7,
    first_number: 260001,
    last_number: 265000,
    received_on: `${schoolYear.slice(0, 4)}-08-15`,
    reference: 'Phiếu xuất kho phôi số 15/PX-SGDĐT (dữ liệu mẫu)',
    notes: null,
  });
  await insertBlankUses(tx, [
    {
      authority_id: departmentId,
      range_id: rangeId,
      serial: 'A0260001',
      kind: 'spoiled',
      diploma_id: null,
      reason: 'In lệch dòng khi in thử (dữ liệu mẫu)',
    },
  ]);
}
