/**
 * The department's administrative procedures (thủ tục hành chính) as data,
 * published on the public page in plain Vietnamese. National codes are those
 * of the National Public Service Portal's list for education (provincial
 * level). Documents that sogd or a national database already holds are
 * marked `heldBy` and are not asked for (the 2025 "data replaces paper"
 * resolution: items the national databases hold are dropped from dossiers).
 * `deadline` names the rule of docs/formats/services.md (rules.ts); a
 * procedure without one is listed but not yet taken online.
 */

export interface ProcedureDocument {
  id: string;
  name: string;
  /** Who already holds it; the applicant is not asked for it. */
  heldBy?: string;
  /** Asked for only in some cases. */
  when?: string;
}

export interface Procedure {
  /** The contract's PROC, also the URL's name. */
  id: string;
  nationalCode: string | null;
  name: string;
  field: string;
  /**
   * The division that handles it (cơ quan/đơn vị trực tiếp thực hiện in the
   * published procedure), which the monthly statistics are also counted by.
   * Departments name their divisions differently (Phòng Quản lý chất lượng,
   * Phòng Khảo thí và Quản lý chất lượng giáo dục…): a province edits it here.
   */
  division: string;
  legalBasis: string[];
  applicants: string;
  documents: ProcedureDocument[];
  fee: string;
  steps: string[];
  deadline: string | null;
  /** Plain words for the deadline, as the public page shows it. */
  deadlineText: string;
  /** `full`: online end to end (toàn trình); `partial`: the result or a step needs a visit. */
  online: 'full' | 'partial' | 'none';
  /** What sogd does with the approved result. */
  result: 'diploma_copy' | 'diploma_correction' | 'decision' | 'letter';
}

const DIPLOMA_BASIS = [
  'Thông tư 21/2019/TT-BGDĐT ban hành Quy chế quản lý bằng tốt nghiệp trung học cơ sở, bằng tốt nghiệp trung học phổ thông, văn bằng giáo dục đại học và chứng chỉ của hệ thống giáo dục quốc dân',
  'Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính',
];

export const PROCEDURES: readonly Procedure[] = [
  {
    id: 'ban-sao-van-bang',
    nationalCode: '3.000465',
    name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
    field: 'Văn bằng, chứng chỉ',
    division: 'Phòng Quản lý chất lượng',
    legalBasis: DIPLOMA_BASIS,
    applicants:
      'Người được cấp bằng tốt nghiệp THCS, THPT do Sở hoặc trường trong tỉnh cấp; hoặc người đại diện theo pháp luật, người được ủy quyền, cha, mẹ, con, vợ, chồng… của người đó.',
    documents: [
      { id: 'don', name: 'Đơn đề nghị cấp bản sao (khai trực tuyến trên trang này)' },
      {
        id: 'can-cuoc',
        name: 'Căn cước, căn cước công dân hoặc hộ chiếu',
        heldBy: 'Cơ sở dữ liệu quốc gia về dân cư (đối chiếu số định danh cá nhân)',
      },
      {
        id: 'uy-quyen',
        name: 'Giấy ủy quyền hoặc giấy tờ chứng minh quan hệ',
        when: 'khi người nộp không phải người được cấp văn bằng',
      },
    ],
    fee: 'Theo mức phí cấp bản sao từ sổ gốc hiện hành; nộp trực tuyến hoặc khi nhận bản giấy.',
    steps: [
      'Nộp hồ sơ trực tuyến, xác nhận bằng mã gửi qua thư điện tử.',
      'Bộ phận một cửa kiểm tra hồ sơ; yêu cầu bổ sung nếu thiếu.',
      'Phòng chuyên môn đối chiếu sổ gốc, lập bản sao, vào sổ cấp bản sao.',
      'Lãnh đạo Sở phê duyệt; bản sao có chữ ký số được trả trực tuyến theo mã hồ sơ, bản giấy nếu có đề nghị.',
    ],
    deadline: 'ban-sao-van-bang',
    deadlineText:
      'Trong ngày làm việc nhận hồ sơ; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.',
    online: 'full',
    result: 'diploma_copy',
  },
  {
    id: 'chinh-sua-van-bang',
    nationalCode: '3.000466',
    name: 'Chỉnh sửa nội dung văn bằng, chứng chỉ',
    field: 'Văn bằng, chứng chỉ',
    division: 'Phòng Quản lý chất lượng',
    legalBasis: [DIPLOMA_BASIS[0]!],
    applicants:
      'Người được cấp văn bằng có thông tin cần chỉnh sửa do thay đổi hoặc cải chính hộ tịch, xác định lại dân tộc, giới tính…',
    documents: [
      { id: 'don', name: 'Đơn đề nghị chỉnh sửa văn bằng (khai trực tuyến trên trang này)' },
      { id: 'quyet-dinh', name: 'Quyết định thay đổi, cải chính hộ tịch hoặc giấy tờ tương ứng' },
      {
        id: 'khai-sinh',
        name: 'Giấy khai sinh',
        heldBy: 'Cơ sở dữ liệu hộ tịch điện tử',
      },
      {
        id: 'van-ban-goc',
        name: 'Văn bằng đề nghị chỉnh sửa',
        heldBy: 'Sổ gốc văn bằng của Sở (sogd)',
      },
    ],
    fee: 'Không thu phí.',
    steps: [
      'Nộp hồ sơ trực tuyến và tải lên quyết định thay đổi, cải chính hộ tịch.',
      'Bộ phận một cửa kiểm tra hồ sơ; yêu cầu bổ sung nếu thiếu.',
      'Phòng chuyên môn đối chiếu sổ gốc, dự thảo quyết định chỉnh sửa.',
      'Lãnh đạo Sở ký quyết định; sổ gốc được chỉnh sửa và văn bằng được cấp lại.',
    ],
    deadline: 'chinh-sua-van-bang',
    deadlineText: '05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.',
    online: 'partial',
    result: 'diploma_correction',
  },
  {
    id: 'cong-nhan-van-bang-nuoc-ngoai',
    nationalCode: null,
    name: 'Công nhận văn bằng tốt nghiệp THCS, THPT do cơ sở giáo dục nước ngoài cấp',
    field: 'Văn bằng, chứng chỉ',
    division: 'Phòng Quản lý chất lượng',
    legalBasis: [
      'Thông tư 13/2021/TT-BGDĐT quy định điều kiện, trình tự, thủ tục công nhận văn bằng do cơ sở giáo dục nước ngoài cấp',
      'Thông tư 07/2024/TT-BGDĐT sửa đổi, bổ sung Thông tư 13/2021/TT-BGDĐT',
    ],
    applicants: 'Người có văn bằng tốt nghiệp THCS, THPT do cơ sở giáo dục nước ngoài cấp.',
    documents: [
      { id: 'don', name: 'Đơn đề nghị công nhận (khai trực tuyến trên trang này)' },
      { id: 'van-bang', name: 'Bản sao văn bằng và bảng điểm, kèm bản dịch sang tiếng Việt' },
      {
        id: 'uy-quyen',
        name: 'Văn bản ủy quyền xác minh thông tin văn bằng',
        when: 'khi cần xác minh với cơ sở cấp bằng',
      },
    ],
    fee: 'Không thu phí; chi phí xác minh (nếu có) theo cơ sở cấp văn bằng.',
    steps: [
      'Nộp hồ sơ trực tuyến và tải lên văn bằng, bảng điểm, bản dịch.',
      'Bộ phận một cửa kiểm tra hồ sơ; yêu cầu bổ sung nếu thiếu.',
      'Phòng chuyên môn xem xét, xác minh khi cần.',
      'Lãnh đạo Sở ký văn bản công nhận; kết quả trả trực tuyến theo mã hồ sơ.',
    ],
    deadline: 'cong-nhan-van-bang-nuoc-ngoai',
    deadlineText:
      '20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; đến 45 ngày làm việc nếu phải xác minh ở nước ngoài.',
    online: 'full',
    result: 'letter',
  },
  {
    id: 'hoc-lai-truong-khac',
    nationalCode: '1.001088',
    name: 'Xin học lại tại trường khác đối với học sinh trung học',
    field: 'Giáo dục trung học',
    division: 'Phòng Giáo dục Trung học',
    legalBasis: ['Quy định về chuyển trường và tiếp nhận học sinh học tại trường trung học'],
    applicants: 'Học sinh trung học (cha, mẹ hoặc người giám hộ nộp thay).',
    documents: [
      { id: 'don', name: 'Đơn xin học lại' },
      { id: 'hoc-ba', name: 'Học bạ', heldBy: 'Hồ sơ học sinh trong sogd' },
    ],
    fee: 'Không thu phí.',
    steps: ['Nộp hồ sơ.', 'Sở xem xét, giới thiệu về trường tiếp nhận.'],
    deadline: null,
    deadlineText: 'Chưa nhận trực tuyến: thời hạn sẽ được công bố khi thủ tục được đưa lên.',
    online: 'none',
    result: 'letter',
  },
  {
    id: 'cho-phep-truong-thpt-hoat-dong',
    nationalCode: '1.012953',
    name: 'Cho phép trường trung học phổ thông hoạt động giáo dục',
    field: 'Cơ sở giáo dục',
    division: 'Phòng Giáo dục Trung học',
    legalBasis: [
      'Nghị định 125/2024/NĐ-CP quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục',
    ],
    applicants: 'Trường trung học phổ thông đã có quyết định thành lập hoặc cho phép thành lập.',
    documents: [
      { id: 'to-trinh', name: 'Tờ trình đề nghị cho phép hoạt động giáo dục' },
      { id: 'minh-chung', name: 'Hồ sơ minh chứng điều kiện hoạt động' },
    ],
    fee: 'Không thu phí.',
    steps: ['Nộp hồ sơ.', 'Sở thẩm định, kiểm tra thực tế.', 'Giám đốc Sở quyết định.'],
    deadline: null,
    deadlineText: 'Chưa nhận trực tuyến: thời hạn sẽ được công bố khi thủ tục được đưa lên.',
    online: 'none',
    result: 'decision',
  },
];

export function procedureById(id: string): Procedure | undefined {
  return PROCEDURES.find((p) => p.id === id);
}
