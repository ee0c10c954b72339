import { z } from 'zod';

/** The entry-grade catchments' requests and answers (shared with the web). */

export const catchmentImportQuery = z.object({ dryRun: z.enum(['0', '1']).default('0') });

export const catchmentImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  communes: z.number().int(),
  areasAdded: z.number().int(),
  areasUpdated: z.number().int(),
  links: z.number().int(),
  areasUnserved: z.array(z.string()),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() }),
  ),
});
export type CatchmentImportAnswer = z.infer<typeof catchmentImportResult>;

export const communeParams = z.object({ communeId: z.uuid() });

export const catchmentAreaList = z.array(
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    home: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    schools: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        grade: z.union([z.literal(1), z.literal(6)]),
      }),
    ),
  }),
);
export type CatchmentAreaList = z.infer<typeof catchmentAreaList>;
