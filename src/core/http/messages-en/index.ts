/**
 * The English catalogue of problem texts (issue 13, item 17): Vietnamese
 * template → English template, `{}` where the Vietnamese source interpolates
 * (`{2}` in the English picks a part by position when the order differs).
 * Data only, one file per module beside the module's name so that a module's
 * texts are reviewed together; problem-language.ts applies it, and
 * src/core/http/problem-english.test.ts fails on any text written in src/
 * that has no entry here.
 */
import { ACCREDITATION_EN } from './accreditation.ts';
import { ADMISSIONS_EN } from './admissions.ts';
import { CORE_EN } from './core.ts';
import { DIPLOMAS_EN } from './diplomas.ts';
import { INDICATORS_EN } from './indicators.ts';
import { OFFICE_EN } from './office.ts';
import { ORGS_EN } from './orgs.ts';
import { REGISTRY_EN } from './registry.ts';
import { SERVICES_EN } from './services.ts';
import { SURVEYS_EN } from './surveys.ts';

export const PROBLEMS_EN: Readonly<Record<string, string>> = {
  ...CORE_EN,
  ...ORGS_EN,
  ...REGISTRY_EN,
  ...ADMISSIONS_EN,
  ...DIPLOMAS_EN,
  ...INDICATORS_EN,
  ...OFFICE_EN,
  ...ACCREDITATION_EN,
  ...SURVEYS_EN,
  ...SERVICES_EN,
};
