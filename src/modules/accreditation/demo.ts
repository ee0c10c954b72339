/**
 * The demo's accreditation: a campaign on TT 18/2018 for the department's
 * secondary schools, and the first lower-secondary school's cycle under way
 * (council, evidence links, standard 1 rated, one criterion's text), so that
 * the progress list and a cycle page show something at the first start.
 */
import { Scope } from '../../core/access/scope.ts';
import type { Role } from '../../db/schema.ts';
import { systemActor, type Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { addLinkEvidence } from './add-link-evidence.ts';
import { addMember } from './add-member.ts';
import { createCampaign } from './create-campaign.ts';
import { openCycle } from './open-cycle.ts';
import { rateRequirement } from './rate-requirement.ts';
import { firstSchool } from './repo.ts';
import { saveCriterionTextUseCase } from './save-criterion-text.ts';

const TASK = 'tạo dữ liệu kiểm định mẫu';

class DemoScope extends Scope {
  override get actor(): Actor {
    return systemActor(TASK);
  }
}

function scopeAt(unit: { id: string; path: string }, role: Role): Scope {
  return new DemoScope({
    id: '00000000-0000-0000-0000-000000000000',
    username: 'sogd',
    fullName: 'dữ liệu mẫu',
    role,
    orgUnitId: unit.id,
    orgPath: unit.path,
  });
}

export async function seedAccreditationDemo(
  db: Db,
  department: { id: string; path: string },
  schoolYear: string,
): Promise<{ campaign: string; cycle: string | null }> {
  const campaign = await createCampaign(db, scopeAt(department, 'department_admin'), {
    name: `Tự đánh giá trường THCS, THPT năm học ${schoolYear}`,
    setId: 'tt18-2018',
    schoolYear,
  });
  const school = await firstSchool(db, department.path, ['lower_secondary']);
  if (!school) return { campaign: campaign.id, cycle: null };
  const principal = scopeAt(school, 'school_admin');
  const cycle = await openCycle(db, principal, { campaignId: campaign.id, schoolId: school.id });
  const members = [
    { fullName: 'Nguyễn Văn Hùng', position: 'Hiệu trưởng', role: 'chair', criteria: [] },
    {
      fullName: 'Trần Thị Mai',
      position: 'Phó hiệu trưởng',
      role: 'vice_chair',
      criteria: ['1.1', '1.2', '1.3', '1.4', '1.5'],
    },
    {
      fullName: 'Lê Thị Hoa',
      position: 'Văn thư',
      role: 'secretary',
      criteria: ['1.6', '1.7', '1.8', '1.9', '1.10'],
    },
  ] as const;
  for (const m of members)
    await addMember(db, principal, {
      cycleId: cycle.id,
      member: { ...m, criteria: [...m.criteria] },
    });
  const links = [
    ['1.1', 'Kế hoạch chiến lược phát triển nhà trường giai đoạn 2025-2030'],
    ['1.1', 'Nghị quyết hội đồng trường thông qua kế hoạch chiến lược'],
    ['1.2', 'Quyết định thành lập hội đồng trường'],
  ] as const;
  const codes: string[] = [];
  for (const [criterionCode, title] of links) {
    const item = await addLinkEvidence(db, principal, {
      cycleId: cycle.id,
      evidence: {
        title,
        criterionCode,
        issuer: 'Nhà trường',
        url: 'https://example.vn/minh-chung',
      },
    });
    codes.push(item.code);
  }
  for (const criterion of ['1.1', '1.2', '1.3', '1.4', '1.5'])
    for (const level of [1, 2])
      await rateRequirement(db, principal, {
        cycleId: cycle.id,
        rating: {
          requirementCode: `${criterion}.M${level}.a`,
          met: level === 1 || criterion !== '1.3',
          justification:
            level === 1 || criterion !== '1.3'
              ? `Đạt theo ${criterion === '1.2' ? codes[2] : codes[0]}.`
              : 'Chưa có đủ hồ sơ hoạt động của các đoàn thể.',
        },
      });
  await saveCriterionTextUseCase(db, principal, {
    cycleId: cycle.id,
    text: {
      criterionCode: '1.1',
      description: `Nhà trường có kế hoạch chiến lược giai đoạn 2025-2030 ${codes[0]}, được hội đồng trường thông qua ${codes[1]} và công khai trên trang thông tin điện tử.`,
      strengths: 'Kế hoạch phù hợp định hướng phát triển giáo dục của địa phương.',
      weaknesses: 'Việc rà soát, điều chỉnh kế hoạch hằng năm chưa có biên bản đầy đủ.',
      improvementPlan:
        'Từ năm học tới, hội đồng trường rà soát kế hoạch vào tháng 9 và lập biên bản.',
      version: 0,
    },
  });
  return { campaign: campaign.id, cycle: cycle.id };
}
