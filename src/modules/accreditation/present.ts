/** Answers built from rows and a standard set (no queries here). */
import type { Scope } from '../../core/access/scope.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import type {
  Campaign,
  CycleDetail,
  LevelFourView,
  PublishedSummary,
  SetSummary,
} from './contract.ts';
import type { CampaignRecord } from './access.ts';
import type { CycleRow } from './repo.ts';
import { criterionLevel, evaluateSchool, evaluateWithLevelFour } from './rules.ts';
import { criteriaOf } from './sets/index.ts';
import type { StandardSet } from './sets/types.ts';

export function presentSet(set: StandardSet): SetSummary {
  return {
    id: set.id,
    name: set.name,
    legalBasis: [...set.legalBasis],
    effectiveFrom: set.effectiveFrom,
    effectiveTo: set.effectiveTo,
    schoolLevels: [...set.schoolLevels],
    source: set.source,
    confidence: set.confidence,
    confidenceNote: set.confidenceNote,
    standards: set.standards.length,
    criteria: criteriaOf(set).length,
    criterionLevels: set.criterionLevels,
    rules: set.rules.map((r) => ({ level: r.level, article: r.article, confirmed: r.confirmed })),
  };
}

export function presentCampaign(c: CampaignRecord, set: StandardSet): Campaign {
  return {
    id: c.id,
    name: c.name,
    set: presentSet(set),
    schoolYear: c.school_year,
    evidenceFormat: c.evidence_format,
    unit: { id: c.unit_id, code: c.unit_code, name: c.unit_name },
    createdAt: c.created_at.toISOString(),
  };
}

export interface CycleContent {
  ratings: { requirement_code: string; met: boolean; justification: string }[];
  citations: { requirement_code: string; id: string; code: string }[];
  members: {
    id: string;
    full_name: string;
    position: string | null;
    role: CycleDetail['members'][number]['role'];
    criteria: string[];
  }[];
  evidence: {
    id: string;
    code: string;
    title: string;
    issuer: string | null;
    issued_on: string | null;
    kind: 'file' | 'link';
    file_name: string | null;
    size: string | null;
    sha256: string | null;
    url: string | null;
    criterion_code: string;
  }[];
  texts: {
    criterion_code: string;
    description: string;
    strengths: string;
    weaknesses: string;
    improvement_plan: string;
    version: number;
  }[];
  events: {
    kind: CycleDetail['events'][number]['kind'];
    comment: string | null;
    actor: string;
    at: Date;
  }[];
  external: { criterion_code: string; level: number; comment: string; rated_by: string }[];
  /** The external team's Mức 4 ratings (migration 2026121041). */
  externalFour: { code: string; met: boolean; comment: string; rated_by: string }[];
  plan: {
    id: string;
    step: CycleDetail['plan'][number]['step'];
    criterion_code: string | null;
    title: string;
    member_id: string | null;
    starts_on: string;
    due_on: string;
    done_at: Date | null;
    done_by: string | null;
  }[];
  comments: {
    id: string;
    criterion_code: string;
    parent_id: string | null;
    body: string;
    text_version: number;
    author: string;
    created_at: Date;
    resolved_at: Date | null;
    resolved_by: string | null;
  }[];
  analyses: {
    requirement_code: string;
    meaning: string;
    questions: string;
    evidence_needed: string;
    sources: string;
    version: number;
    collector_member_id: string | null;
    updated_by: string;
    updated_at: Date;
  }[];
  analysisEvidence: { requirement_code: string; id: string; code: string }[];
  publication: {
    note: string;
    summary: unknown;
    published_by: string;
    published_at: Date;
    cycle_version: number;
  } | null;
  /** sogd's figures now (null once the cycle's are frozen). */
  liveFigures: unknown;
  /** The set's Mức 4 list (the department's, or placeholders; null: none). */
  levelFour: LevelFourView | null;
}

/** Criterion levels from the ratings (a requirement not rated is not met). */
export function criterionLevels(
  set: StandardSet,
  ratings: CycleContent['ratings'],
): Map<string, number> {
  const met = new Set(ratings.filter((r) => r.met).map((r) => r.requirement_code));
  return new Map(criteriaOf(set).map((c) => [c.code, criterionLevel(c, (code) => met.has(code))]));
}

export function presentCycle(
  scope: Scope,
  cycle: CycleRow,
  campaign: CampaignRecord,
  set: StandardSet,
  content: CycleContent,
): CycleDetail {
  const rated = new Map(content.ratings.map((r) => [r.requirement_code, r]));
  const cited = new Map<string, { id: string; code: string }[]>();
  for (const c of content.citations) {
    const list = cited.get(c.requirement_code) ?? [];
    list.push({ id: c.id, code: c.code });
    cited.set(c.requirement_code, list);
  }
  const levels = criterionLevels(set, content.ratings);
  const texts = new Map(content.texts.map((t) => [t.criterion_code, t]));
  const analysed = new Map(content.analyses.map((a) => [a.requirement_code, a]));
  const analysisLinks = new Map<string, { id: string; code: string }[]>();
  for (const l of content.analysisEvidence) {
    const list = analysisLinks.get(l.requirement_code) ?? [];
    list.push({ id: l.id, code: l.code });
    analysisLinks.set(l.requirement_code, list);
  }
  const memberName = new Map(content.members.map((m) => [m.id, m.full_name]));
  const external = new Map(content.external.map((e) => [e.criterion_code, e]));
  const externalLevels = new Map(
    criteriaOf(set).map((c) => [c.code, external.get(c.code)?.level ?? 0]),
  );
  const citedBy = new Map<string, Set<string>>();
  for (const c of content.citations) {
    const criterion = c.requirement_code.split('.M')[0]!;
    const set = citedBy.get(c.id) ?? new Set<string>();
    set.add(criterion);
    citedBy.set(c.id, set);
  }
  const editable = cycle.status === 'in_progress' || cycle.status === 'returned';
  const today = todayInVietnam();
  const base = evaluateSchool(set, levels);
  const four = content.levelFour;
  const evaluation = evaluateWithLevelFour(
    base,
    set.levelFour,
    four?.criteria ?? [],
    (code) => rated.get(code)?.met === true,
  );
  // The team's conclusion by the same rules: its criterion levels, then Mức 4
  // from its own Mức 4 ratings (Mức 3 and every Mức 4 criterion met; not checked
  // against TT 17/18/19-2018, as for the school's).
  const externalFour = new Map(content.externalFour.map((e) => [e.code, e]));
  const externalEvaluation =
    content.external.length || content.externalFour.length
      ? evaluateWithLevelFour(
          evaluateSchool(set, externalLevels),
          set.levelFour,
          four?.criteria ?? [],
          (code) => externalFour.get(code)?.met === true,
        )
      : null;
  const own = scope.user.orgUnitId === cycle.school_id;
  return {
    id: cycle.id,
    campaign: presentCampaign(campaign, set),
    school: { id: cycle.school_id, code: cycle.school_code, name: cycle.school_name },
    status: cycle.status,
    version: cycle.version,
    standards: set.standards.map((s) => ({
      code: s.code,
      name: s.name,
      criteria: s.criteria.map((c) => {
        const t = texts.get(c.code);
        const x = external.get(c.code);
        return {
          code: c.code,
          name: c.name,
          level: levels.get(c.code) ?? 0,
          assignedTo: content.members
            .filter((m) => m.criteria.includes(c.code))
            .map((m) => m.full_name),
          requirements: c.levels.flatMap((reqs, i) =>
            reqs.map((r) => ({
              code: r.code,
              level: i + 1,
              letter: r.letter,
              text: r.text,
              met: rated.get(r.code)?.met ?? null,
              justification: rated.get(r.code)?.justification ?? '',
              evidence: cited.get(r.code) ?? [],
              analysis: presentAnalysis(
                analysed.get(r.code),
                analysisLinks.get(r.code) ?? [],
                memberName,
              ),
            })),
          ),
          text: {
            description: t?.description ?? '',
            strengths: t?.strengths ?? '',
            weaknesses: t?.weaknesses ?? '',
            improvementPlan: t?.improvement_plan ?? '',
            version: t?.version ?? 0,
          },
          external: x ? { level: x.level, comment: x.comment, ratedBy: x.rated_by } : null,
          differs: x !== undefined && x.level !== (levels.get(c.code) ?? 0),
        };
      }),
    })),
    evaluation,
    levelFour: four
      ? {
          ...four,
          open: base.level >= four.level - 1,
          criteria: four.criteria.map((c) => ({
            ...c,
            met: rated.get(c.code)?.met ?? null,
            justification: rated.get(c.code)?.justification ?? '',
            evidence: cited.get(c.code) ?? [],
            ...presentExternalFour(externalFour.get(c.code), rated.get(c.code)?.met ?? null),
          })),
        }
      : null,
    externalEvaluation,
    members: content.members.map((m) => ({
      id: m.id,
      fullName: m.full_name,
      position: m.position,
      role: m.role,
      criteria: m.criteria,
    })),
    comments: content.comments.map((c) => ({
      id: c.id,
      criterionCode: c.criterion_code,
      parentId: c.parent_id,
      body: c.body,
      textVersion: c.text_version,
      author: c.author,
      at: c.created_at.toISOString(),
      resolvedAt: c.resolved_at ? c.resolved_at.toISOString() : null,
      resolvedBy: c.resolved_by,
    })),
    publication: content.publication
      ? {
          summary: content.publication.summary as PublishedSummary,
          note: content.publication.note,
          publishedBy: content.publication.published_by,
          publishedAt: content.publication.published_at.toISOString(),
          outdated: publishedDiffers(
            content.publication.summary as PublishedSummary,
            levels,
            evaluation.level,
          ),
        }
      : null,
    plan: content.plan.map((t) => {
      const m = content.members.find((x) => x.id === t.member_id);
      return {
        id: t.id,
        step: t.step,
        criterionCode: t.criterion_code,
        title: t.title,
        member: m ? { id: m.id, fullName: m.full_name, role: m.role } : null,
        startsOn: t.starts_on,
        dueOn: t.due_on,
        doneAt: t.done_at ? t.done_at.toISOString() : null,
        doneBy: t.done_by,
        overdue: !t.done_at && t.due_on < today,
      };
    }),
    evidence: content.evidence.map((e) => ({
      id: e.id,
      code: e.code,
      title: e.title,
      issuer: e.issuer,
      issuedOn: e.issued_on,
      kind: e.kind,
      fileName: e.file_name,
      size: e.size === null ? null : Number(e.size),
      sha256: e.sha256,
      url: e.url,
      criterionCode: e.criterion_code,
      citedBy: [...(citedBy.get(e.id) ?? [])].sort(compareCodes),
    })),
    events: content.events.map((e) => ({ ...e, at: e.at.toISOString() })),
    frozenData: cycle.frozen_data ?? null,
    liveFigures: cycle.frozen_data ? null : content.liveFigures,
    // Only the school's own accounts rate and submit (access.ts requireOwnSchool):
    // the department's administrator holds both permissions but acts on no cycle.
    canAssess: own && editable && scope.can('accreditation.assess'),
    canSubmit: own && editable && scope.can('accreditation.submit'),
    canReview: cycle.status === 'submitted' && scope.can('accreditation.review'),
    canPlan: own && cycle.status !== 'accepted' && scope.can('accreditation.submit'),
    canTrack: own && scope.can('accreditation.assess'),
    canPublish: own && scope.can('accreditation.submit'),
    canComment: own && editable && scope.can('accreditation.assess'),
    canSeeCopies: scope.can('accreditation.review'),
  };
}

/** The published result no longer matches the ratings (the school's or a criterion's level). */
function publishedDiffers(
  published: PublishedSummary,
  levels: ReadonlyMap<string, number>,
  level: number,
): boolean {
  return (
    published.level !== level ||
    published.criteria.length !== levels.size ||
    published.criteria.some((c) => levels.get(c.code) !== c.level)
  );
}

function presentExternalFour(
  x: CycleContent['externalFour'][number] | undefined,
  schoolMet: boolean | null,
) {
  return {
    external: x ? { met: x.met, comment: x.comment, ratedBy: x.rated_by } : null,
    // A criterion the school has not rated counts as not met, as in the rule.
    differs: x !== undefined && x.met !== (schoolMet === true),
  };
}

function presentAnalysis(
  a: CycleContent['analyses'][number] | undefined,
  evidence: { id: string; code: string }[],
  memberName: ReadonlyMap<string, string>,
) {
  const collector = a?.collector_member_id;
  return {
    meaning: a?.meaning ?? '',
    questions: a?.questions ?? '',
    evidenceNeeded: a?.evidence_needed ?? '',
    sources: a?.sources ?? '',
    evidence,
    collector: collector ? { id: collector, fullName: memberName.get(collector) ?? '' } : null,
    version: a?.version ?? 0,
    updatedBy: a?.updated_by ?? null,
    updatedAt: a ? a.updated_at.toISOString() : null,
  };
}

/** `1.2` before `1.10`. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
