import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Kysely table types. Distribution keys for a future Citus deployment are
 * documented in docs/SCHEMA.md; every large table carries one in its primary key.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type OrgUnitKind = 'department' | 'office' | 'commune' | 'school' | 'centre' | 'other';
export type SchoolLevel = 'preschool' | 'primary' | 'lower_secondary' | 'upper_secondary';
export type Ownership = 'public' | 'private';

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  /** Diacritics- and case-folded name and code, for search. */
  search_name: string;
  kind: OrgUnitKind;
  parent_id: string | null;
  /** Materialised path of ids, '/root/…/self/': a subtree is one prefix match. */
  path: string;
  depth: number;
  levels: ColumnType<SchoolLevel[], SchoolLevel[] | undefined, SchoolLevel[]>;
  ownership: Ownership | null;
  address: string | null;
  /** WGS 84 decimal degrees, both or neither, inside Viet Nam (migration 2026121090). */
  latitude: ColumnType<number | null, number | null | undefined, number | null>;
  longitude: ColumnType<number | null, number | null | undefined, number | null>;
  active: Generated<boolean>;
  merged_into_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Bumped by every UPDATE; a save from a form loaded at another version is refused (409). */
  version: Generated<number>;
}

export type Role =
  | 'department_admin'
  | 'department_staff'
  | 'office_staff'
  | 'school_admin'
  | 'school_staff'
  | 'teacher'
  | 'auditor';

export interface AppUserTable {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  role: Role;
  org_unit_id: string;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Bumped by every UPDATE; a save from a form loaded at another version is refused (409). */
  version: Generated<number>;
}

/** Where an account signed in from successfully: its usual addresses (IPv6 by /64). */
export interface SignInAddressTable {
  user_id: string;
  address: string;
  last_at: Generated<Date>;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  seq: Generated<string>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  ip: string | null;
  action: string;
  entity_type: string;
  /** '*' for an 'insert_many' entry: its rows' ids are in entity_ids. */
  entity_id: string;
  entity_ids: string[] | null;
  org_unit_id: string | null;
  before: Json | null;
  after: Json | null;
}

export type Gender = 'male' | 'female';
export type StudentStatus = 'studying' | 'transferred' | 'dropped_out' | 'graduated';

export interface ClassTable {
  school_id: string;
  id: string;
  school_year: string;
  name: string;
  /** 1–12; null for preschool age groups. */
  grade: number | null;
  sessions_per_day: Generated<number>;
  homeroom_staff_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Bumped by every UPDATE; a save from a form loaded at another version is refused (409). */
  version: Generated<number>;
}

export interface StudentTable {
  id: string;
  school_id: string;
  personal_id: string | null;
  student_code: string | null;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  search_name: string;
  birth_date: ColumnType<string, string, string>;
  gender: Gender;
  ethnicity: string | null;
  birth_place: string | null;
  address: string | null;
  guardian_name: string | null;
  phone: string | null;
  status: Generated<StudentStatus>;
  status_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Bumped by every UPDATE; a save from a form loaded at another version is refused (409). */
  version: Generated<number>;
}

export interface EnrolmentTable {
  student_id: string;
  school_year: string;
  school_id: string;
  class_id: string;
  created_at: Generated<Date>;
}

export type TransferStatus = 'requested' | 'accepted' | 'rejected' | 'cancelled';

export interface StudentTransferTable {
  student_id: string;
  id: string;
  school_year: string;
  from_school_id: string;
  from_class_id: string | null;
  to_school_id: string;
  to_class_id: string | null;
  status: Generated<TransferStatus>;
  reason: string;
  decision_number: string | null;
  decision_reason: string | null;
  requested_at: Generated<Date>;
  requested_by: string | null;
  requested_by_name: string;
  decided_at: Date | null;
  decided_by: string | null;
  decided_by_name: string | null;
  updated_at: Generated<Date>;
}

export interface PromotionRunTable {
  school_id: string;
  id: string;
  from_year: string;
  to_year: string;
  promoted: number;
  repeating: number;
  graduated: number;
  skipped: number;
  not_promoted: number;
  classes_created: number;
  details: Json;
  run_at: Generated<Date>;
  run_by: string | null;
  run_by_name: string;
}

export type StaffPosition = 'teacher' | 'manager' | 'staff';

export interface StaffTable {
  id: string;
  school_id: string;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  search_name: string;
  birth_date: ColumnType<string, string, string>;
  gender: Gender;
  personal_id: string | null;
  position: StaffPosition;
  main_subject: string | null;
  qualification: string | null;
  employment_type: string | null;
  /** The level taught in a multi-level school (migration 2026120231); null: the school's highest. */
  level_taught: ColumnType<SchoolLevel | null, SchoolLevel | null | undefined, SchoolLevel | null>;
  active: Generated<boolean>;
  /** Ngạch / hạng chức danh nghề nghiệp (migration 2026120280). */
  rank: ColumnType<string | null, string | null | undefined, string | null>;
  /** The day and reason the person left the school: a staff row is never deleted. */
  left_on: ColumnType<string | null, string | null | undefined, string | null>;
  leave_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Bumped by every UPDATE; a save from a form loaded at another version is refused (409). */
  version: Generated<number>;
}

/** A training entry of a staff member (bồi dưỡng, đào tạo; migration 2026120280), audited. */
export interface StaffTrainingTable {
  id: string;
  staff_id: string;
  school_id: string;
  from_date: ColumnType<string, string, string>;
  to_date: ColumnType<string | null, string | null | undefined, string | null>;
  content: string;
  certificate: string | null;
  created_at: Generated<Date>;
}

/** Per school year: national standard (0 = chưa đạt, Mức độ 1/2), accreditation (Cấp độ 0..4). */
export interface SchoolYearProfileTable {
  school_id: string;
  school_year: string;
  id: string;
  national_standard_level: number;
  national_standard_decision: string | null;
  national_standard_date: ColumnType<string | null, string | null, string | null>;
  accreditation_level: number;
  two_sessions_a_day: boolean;
  notes: string | null;
  /** The school's rule for the year: a homeroom teacher heads at most one class. */
  homeroom_one_class: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Bumped by every UPDATE; a save from a form loaded at another version is refused (409). */
  version: Generated<number>;
}

export type RoomType =
  | 'classroom'
  | 'subject_room'
  | 'library'
  | 'laboratory'
  | 'computer_room'
  | 'language_room'
  | 'multipurpose_hall'
  | 'equipment_room'
  | 'medical_room'
  | 'administration'
  | 'staff_room'
  | 'kitchen'
  | 'toilet'
  | 'other';
export type RoomCondition = 'solid' | 'semi_solid' | 'temporary';

/** Room counts per school, year, type and condition (cơ sở vật chất). */
export interface FacilityTable {
  school_id: string;
  school_year: string;
  room_type: RoomType;
  condition: RoomCondition;
  id: string;
  room_count: number;
  area_m2: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Bumped by every UPDATE; a save from a form loaded at another version is refused (409). */
  version: Generated<number>;
}

export type DiplomaType = 'upper_secondary' | 'lower_secondary';
export type DiplomaStatus = 'valid' | 'corrected' | 'revoked';

export interface IssuerKeyTable {
  id: string;
  authority_id: string;
  public_key: Uint8Array;
  private_key_pem: string;
  did: string;
  created_at: Generated<Date>;
  retired_at: Date | null;
}

export interface DiplomaCounterTable {
  authority_id: string;
  series: string;
  year: number;
  last_value: number;
}

export interface DiplomaTable {
  id: string;
  authority_id: string;
  diploma_type: DiplomaType;
  full_name: string;
  search_name: string;
  birth_date: ColumnType<string, string, string>;
  birth_place: string | null;
  gender: Gender;
  ethnicity: string | null;
  school_name: string;
  exam_council: string | null;
  graduation_year: number;
  decision_number: string;
  decision_date: ColumnType<string, string, string>;
  serial_number: string;
  register_number: string;
  register_year: number;
  issue_date: ColumnType<string, string, string>;
  signer_name: string;
  signer_title: string;
  notes: string | null;
  status: Generated<DiplomaStatus>;
  status_index: number;
  student_id: string | null;
  key_id: string;
  credential: Json;
  qr: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DiplomaEventTable {
  id: string;
  diploma_id: string;
  authority_id: string;
  kind: 'issue' | 'correction' | 'revocation' | 'copy';
  decision_number: string | null;
  decision_date: ColumnType<string | null, string | null, string | null>;
  reason: string | null;
  before: Json | null;
  after: Json | null;
  at: Generated<Date>;
}

/** A range of blank diploma forms (phôi) received: serials prefix + number padded to width. */
export interface DiplomaBlankRangeTable {
  id: string;
  authority_id: string;
  diploma_type: DiplomaType;
  prefix: string;
  width: number;
  first_number: number;
  last_number: number;
  received_on: ColumnType<string, string, string>;
  reference: string;
  notes: string | null;
  created_at: Generated<Date>;
}

/** A blank form that left the stock: on a diploma, or spoiled. */
export interface DiplomaBlankUseTable {
  id: string;
  authority_id: string;
  range_id: string;
  serial: string;
  kind: 'issued' | 'spoiled';
  diploma_id: string | null;
  reason: string | null;
  at: Generated<Date>;
}

export interface DiplomaRevokedSlotTable {
  authority_id: string;
  status_index: number;
}

/** Progress of a job of the queue (pg-boss keeps the job itself, schema pgboss). */
export interface JobProgressTable {
  job_id: string;
  done: number;
  total: number;
  message: string | null;
  updated_at: Generated<Date>;
}

/** An incoming student (admitted by a campaign) waiting for, or given, a class of the year. */
export interface RegistryIntakeTable {
  id: string;
  school_id: string;
  school_year: string;
  student_id: string;
  grade: number;
  /** Who sent them: `admissions:<campaign id>`. */
  source: string;
  /** The sender's own reference (the candidate code). */
  reference: string;
  class_id: string | null;
  received_at: Generated<Date>;
  assigned_at: Date | null;
}

export interface Database {
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  sign_in_address: SignInAddressTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  class: ClassTable;
  student: StudentTable;
  enrolment: EnrolmentTable;
  staff: StaffTable;
  staff_training: StaffTrainingTable;
  school_year_profile: SchoolYearProfileTable;
  facility: FacilityTable;
  student_transfer: StudentTransferTable;
  registry_intake: RegistryIntakeTable;
  promotion_run: PromotionRunTable;
  issuer_key: IssuerKeyTable;
  diploma_counter: DiplomaCounterTable;
  diploma: DiplomaTable;
  diploma_event: DiplomaEventTable;
  diploma_blank_range: DiplomaBlankRangeTable;
  diploma_blank_use: DiplomaBlankUseTable;
  diploma_revoked_slot: DiplomaRevokedSlotTable;
  job_progress: JobProgressTable;
  admission_campaign: AdmissionCampaignTable;
  admission_program: AdmissionProgramTable;
  admission_program_score: AdmissionProgramScoreTable;
  admission_specialised_result: AdmissionSpecialisedResultTable;
  admission_candidate: AdmissionCandidateTable;
  admission_current: AdmissionCurrentTable;
  admission_submission: AdmissionSubmissionTable;
  admission_session: AdmissionSessionTable;
  admission_result: AdmissionResultTable;
  admission_direct: AdmissionDirectTable;
  admission_priority_claim: AdmissionPriorityClaimTable;
  admission_entry_evidence: AdmissionEntryEvidenceTable;
  admission_entry_rules_change: AdmissionEntryRulesChangeTable;
  orgs_unit_v: OrgsUnitView;
  orgs_user_v: OrgsUserView;
  registry_class_v: RegistryClassView;
  registry_staff_v: RegistryStaffView;
  registry_school_year_v: RegistrySchoolYearView;
  registry_enrolment_v: RegistryEnrolmentView;
  registry_facility_v: RegistryFacilityView;
  registry_student_v: RegistryStudentView;
  registry_staff_person_v: RegistryStaffPersonView;
  indicator_plan: IndicatorPlanTable;
  indicator_target: IndicatorTargetTable;
  indicator_budget: IndicatorBudgetTable;
  registry_change: RegistryChangeTable;
  registry_change_v: RegistryChangeView;
  registry_student_movement_v: RegistryStudentMovementView;
  indicator_class_summary: IndicatorClassSummaryTable;
  indicator_summary_stamp: IndicatorSummaryStampTable;
  indicator_report: IndicatorReportTable;
  indicator_report_reminder: IndicatorReportReminderTable;
  student_diploma: StudentDiplomaView;
  entry_area: EntryAreaTable;
  entry_catchment: EntryCatchmentTable;
}

/** A view: the registry's read of a student's diplomas (the diploma module owns the table). */
export interface StudentDiplomaView {
  student_id: string;
  id: string;
  diploma_type: DiplomaType;
  serial_number: string;
  register_number: string;
  graduation_year: number;
  issue_date: ColumnType<string, never, never>;
  status: DiplomaStatus;
}

export type OrgUnit = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type OrgUnitUpdate = Updateable<OrgUnitTable>;
export type AppUser = Selectable<AppUserTable>;
export type AuditEntry = Selectable<AuditLogTable>;

// ---- E-office (migration 2026120220_office; issue #17) ----

type DateText = ColumnType<string, string, string>;

export interface OfficeUnitTable {
  /** The org unit. */
  id: string;
  abbreviation: string;
  divisions: ColumnType<string[], string[] | undefined, string[]>;
  updated_at: Generated<Date>;
}

export interface OfficeCounterTable {
  unit_id: string;
  register: 'outgoing' | 'incoming' | 'incoming_secret';
  year: number;
  last: number;
}

export interface OfficeFileTable {
  id: string;
  unit_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  // A Buffer on the server; typed by its base class so the web (which reads this file) needs no Node types.
  bytes: Uint8Array;
  created_at: Generated<Date>;
}

/** A document's file in the file store (migration 2026120261). */
export interface OfficeAttachmentTable {
  id: string;
  unit_id: string;
  document_kind: 'incoming' | 'outgoing' | 'draft';
  document_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  text_key: Generated<string>;
  uploaded_by: string;
  created_at: Generated<Date>;
}

/** The signatures found in an incoming document's PDF, verified on upload (migration 2026120540). */
export interface OfficeSignatureCheckTable {
  id: string;
  attachment_id: string;
  unit_id: string;
  document_id: string;
  status: 'none' | 'valid' | 'untrusted' | 'expired' | 'modified' | 'invalid';
  signature_count: number;
  report: Json;
  checked_at: Generated<Date>;
}

/** A root certificate the department trusts besides its own CA (migration 2026120540). */
export interface OfficeTrustedRootTable {
  id: string;
  unit_id: string;
  subject: string;
  sha256: string;
  certificate_pem: string;
  not_after: Date;
  added_by: string;
  created_at: Generated<Date>;
  removed_at: Date | null;
}

/** A PDF prepared for a signature made outside the server (migration 2026120920). */
export interface OfficeSignPrepareTable {
  id: string;
  unit_id: string;
  document_id: string;
  user_id: string;
  file_name: string;
  pdf: Uint8Array;
  byte_range: string;
  digest: string;
  certificate_pem: string | null;
  signed_attributes: Uint8Array | null;
  signing_time: Date;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export type OfficeDraftStatus =
  'draft' | 'review' | 'leader' | 'approved' | 'returned' | 'numbered' | 'issued';

/** An outgoing document before its number, and its approval (migration 2026120261). */
export interface OfficeDraftTable {
  id: string;
  unit_id: string;
  status: Generated<OfficeDraftStatus>;
  body: unknown;
  drafter_id: string | null;
  drafter_name: string;
  outgoing_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OfficeDraftStepTable {
  id: string;
  draft_id: string;
  unit_id: string;
  action: string;
  actor_id: string | null;
  actor_name: string;
  comment: Generated<string>;
  at: Generated<Date>;
}

export interface OfficeOutgoingTable {
  id: string;
  unit_id: string;
  year: number;
  number: number;
  notation: string;
  doc_type: string;
  subject: string;
  doc_date: DateText;
  drafting_unit: string | null;
  urgency: Generated<string>;
  confidentiality: Generated<string>;
  signer_name: string | null;
  status: Generated<'registered' | 'released' | 'withdrawn'>;
  file_id: string | null;
  signed_file_id: string | null;
  registered_by: string;
  search_key: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  withdrawn_at: Date | null;
}

export interface OfficeIncomingTable {
  id: string;
  unit_id: string;
  year: number;
  book: 'general' | 'secret';
  arrival_number: number;
  received_at: Timestamp;
  sender_name: string;
  sender_unit_id: string | null;
  outgoing_id: string | null;
  notation: string;
  doc_type: string;
  doc_date: DateText;
  subject: string;
  urgency: Generated<string>;
  confidentiality: Generated<string>;
  channel: 'system' | 'paper' | 'email' | 'edxml';
  file_id: string | null;
  status: Generated<'registered' | 'assigned' | 'done' | 'recalled'>;
  registered_by: string;
  search_key: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OfficeRecipientTable {
  id: string;
  outgoing_id: string;
  sender_unit_id: string;
  unit_id: string | null;
  outside_name: string | null;
  incoming_id: string | null;
  status: Generated<'sent' | 'received' | 'opened' | 'handled'>;
  sent_at: Generated<Date>;
  received_at: Timestamp | null;
  opened_at: Timestamp | null;
  handled_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface OfficeAssignmentTable {
  id: string;
  incoming_id: string;
  unit_id: string;
  lead_user_id: string;
  co_user_ids: ColumnType<string[], string[] | undefined, string[]>;
  instruction: string;
  deadline: DateText;
  assigned_by: string;
  assigned_at: Generated<Date>;
  status: Generated<'open' | 'done'>;
  progress: string | null;
  result: string | null;
  done_at: Timestamp | null;
  reminded_on: ColumnType<string | null, string | null | undefined, string | null>;
  overdue_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface OfficeNoticeTable {
  id: string;
  unit_id: string;
  user_id: string;
  assignment_id: string | null;
  kind: 'due_soon' | 'overdue';
  message: string;
  created_at: Generated<Date>;
}

export interface OfficeCalendarWeekTable {
  id: string;
  unit_id: string;
  week_start: DateText;
  published_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface OfficeCalendarEntryTable {
  id: string;
  unit_id: string;
  week_id: string;
  day: DateText;
  start_time: string;
  content: string;
  chair: string;
  place: string;
  participants: Generated<string>;
  preparing_unit: Generated<string>;
  notes: Generated<string>;
  changed_after_publication: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface OfficeCertificateTable {
  id: string;
  unit_id: string;
  role: 'ca' | 'unit';
  subject: string;
  certificate_pem: string;
  chain_pem: Generated<string>;
  private_key_pem: string;
  not_after: Timestamp;
  imported: Generated<boolean>;
  created_at: Generated<Date>;
  retired_at: Timestamp | null;
  updated_at: Generated<Date>;
}

// Declaration merging: the office tables join `Database` without editing its list.
export interface Database {
  office_unit: OfficeUnitTable;
  office_counter: OfficeCounterTable;
  office_file: OfficeFileTable;
  office_outgoing: OfficeOutgoingTable;
  office_incoming: OfficeIncomingTable;
  office_recipient: OfficeRecipientTable;
  office_assignment: OfficeAssignmentTable;
  office_notice: OfficeNoticeTable;
  office_calendar_week: OfficeCalendarWeekTable;
  office_calendar_entry: OfficeCalendarEntryTable;
  office_certificate: OfficeCertificateTable;
  office_attachment: OfficeAttachmentTable;
  office_draft: OfficeDraftTable;
  office_draft_step: OfficeDraftStepTable;
  office_signature_check: OfficeSignatureCheckTable;
  office_trusted_root: OfficeTrustedRootTable;
  office_sign_prepare: OfficeSignPrepareTable;
}

// Views published for reports (migrations 2026120230 by orgs, 2026120231 by
// the registry): the only way the indicators module reads their data.

/** Accounts as orgs publishes them to other modules (migration 2026120260). */
export interface OrgsUserView {
  id: string;
  full_name: string;
  org_unit_id: string;
  active: boolean;
}
export interface OrgsUnitView {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent_id: string | null;
  path: string;
  depth: number;
  levels: SchoolLevel[];
  ownership: Ownership | null;
  active: boolean;
  /** The unit's location, both or neither (migration 2026121090). */
  latitude: number | null;
  longitude: number | null;
}
export type SchoolType = 'ordinary' | 'boarding_ethnic' | 'semi_boarding_ethnic' | 'specialised';
export interface RegistryClassView {
  class_id: string;
  school_id: string;
  school_year: string;
  name: string;
  grade: number | null;
  level: SchoolLevel;
  sessions_per_day: number;
  /** Preschool classes only: nhóm trẻ or lớp mẫu giáo. */
  preschool_group: 'nursery' | 'kindergarten' | null;
  students: number;
}
export interface RegistryStaffView {
  staff_id: string;
  school_id: string;
  position: StaffPosition;
  main_subject: string | null;
  level_taught: SchoolLevel | null;
  active: boolean;
  gender: Gender;
  birth_date: ColumnType<string, string, string>;
}
export interface RegistrySchoolYearView {
  school_id: string;
  school_year: string;
  national_standard_level: number;
  accreditation_level: number;
  two_sessions_a_day: boolean;
  school_type: SchoolType;
}
export interface RegistryEnrolmentView {
  student_id: string;
  school_year: string;
  school_id: string;
  class_id: string;
  grade: number | null;
  gender: Gender;
  ethnicity: string | null;
  birth_date: ColumnType<string, string, string>;
  status: string;
}
export interface RegistryFacilityView {
  school_id: string;
  school_year: string;
  room_type: string;
  condition: 'solid' | 'semi_solid' | 'temporary';
  room_count: number;
}

// Published by the registry for the data-quality lists (migration 2026120233).
export interface RegistryStudentView {
  student_id: string;
  school_id: string;
  student_code: string | null;
  full_name: string;
  search_name: string;
  birth_date: ColumnType<string, string, string>;
  personal_id: string | null;
  status: string;
}
export interface RegistryStaffPersonView {
  staff_id: string;
  school_id: string;
  full_name: string;
  birth_date: ColumnType<string, string, string>;
  gender: Gender;
  position: StaffPosition;
  active: boolean;
}

// The indicators module's tables (migration 2026120232).
export interface IndicatorPlanTable {
  id: string;
  unit_id: string;
  name: string;
  decision: string;
  decision_date: ColumnType<Date, Date | string, Date | string>;
  created_at: Generated<Date>;
}
export interface IndicatorTargetTable {
  /** Audited by id, filed under the plan's unit (migration 2026120740). */
  id: Generated<string>;
  unit_id: string;
  plan_id: string;
  indicator_id: string;
  school_year: string;
  value: number;
}
export interface IndicatorBudgetTable {
  /** Audited by id (migration 2026120511). */
  id: Generated<string>;
  unit_id: string;
  year: number;
  education_spending: number;
  total_spending: number;
  /** Where the figures come from (the settlement or estimate document). */
  source: Generated<string>;
  updated_at: Generated<Date>;
}

// The registry's change feed for report summaries (migration 2026120270).
export interface RegistryChangeTable {
  id: Generated<string>;
  school_id: string;
  school_year: string;
  changed_at: Generated<Date>;
}
export interface RegistryChangeView {
  id: string;
  school_id: string;
  school_year: string;
  changed_at: Date;
}

// Students who left or moved in a year (registry, migration 2026120510).
export type StudentMovementKind = 'dropped_out' | 'left' | 'transfer_out' | 'transfer_in';
export interface RegistryStudentMovementView {
  school_id: string;
  school_year: string;
  grade: number | null;
  student_id: string;
  kind: StudentMovementKind;
}

// The indicators module's summary (migration 2026120271).
export interface IndicatorClassSummaryTable {
  school_id: string;
  school_year: string;
  /** 0 for preschool classes. */
  grade: number;
  level: SchoolLevel;
  sessions_per_day: number;
  /** '' outside preschool. */
  preschool_group: '' | 'nursery' | 'kindergarten';
  classes: number;
  students: number;
  classes_over_max: number;
  empty_classes: number;
  female_students: number;
  male_students: number;
  ethnic_minority_students: number;
}
export interface IndicatorSummaryStampTable {
  school_id: string;
  school_year: string;
  refreshed_at: Generated<Date>;
}

// The statistical reports (migration 2026120272).
export type ReportPeriod = 'start' | 'end';
export type ReportStatus = 'draft' | 'submitted' | 'approved';
export interface IndicatorReportTable {
  id: string;
  school_id: string;
  school_year: string;
  period: ReportPeriod;
  status: ReportStatus;
  /** Figures sogd does not hold, as the school entered them: { field: number }. */
  entered: ColumnType<Record<string, number>, string, string>;
  submitted_at: Date | null;
  submitted_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  updated_at: Generated<Date>;
}
export interface IndicatorReportReminderTable {
  school_id: string;
  school_year: string;
  period: ReportPeriod;
  reminded_on: ColumnType<string, string, string>;
}

// ---- Grade-10 admissions (migration 2026120210, docs/admissions.md) ----

export type AdmissionStatus = 'open' | 'allocated' | 'published';

export interface AdmissionCampaignTable {
  id: string;
  /** The department (or unit) running it: its subtree's schools take part. */
  org_unit_id: string;
  name: string;
  school_year: string;
  grade: number;
  opens_at: Timestamp;
  closes_at: Timestamp;
  confirm_by: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  max_preferences: number;
  /** D in hundredths (admissions-allocation.md). */
  rank_penalty: Generated<number>;
  ties: ColumnType<'admit-all' | 'tiebreak', 'admit-all' | 'tiebreak' | undefined>;
  status: Generated<AdmissionStatus>;
  allocated_at: Date | null;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
  /** Zones (migration 2026120250): preferences 1..zone_ranks in the candidate's zone; null: none. */
  zone_ranks: ColumnType<number | null, number | null | undefined, number | null>;
  /** The change window: registration ends, counts are published, changes from change_opens_at. */
  first_closes_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  change_opens_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The specialised stage (migration 2026120590): null until allocated. */
  specialised_status: ColumnType<
    'allocated' | 'published' | null,
    'allocated' | 'published' | null | undefined,
    'allocated' | 'published' | null
  >;
  specialised_confirm_by: ColumnType<Date | null, Date | null | undefined, Date | null>;
  specialised_allocated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** An entry-grade campaign's rules (migration 2026120710): JSON of EntryPriorityRules; null for grade 10. */
  entry_rules: ColumnType<EntryRulesJson | null, string | null | undefined, string | null>;
}

/** admission_campaign.entry_rules as stored (entry/rules.ts's EntryPriorityRules). */
export interface EntryRulesJson {
  order: ('permanent-residence' | 'sibling' | 'distance')[];
  seed: number;
  overflowInCommune: boolean;
  /** The documents the family uploads (migration 2026121020); absent: none asked. */
  documents?: EntryDocumentKind[];
}

export interface AdmissionProgramTable {
  campaign_id: string;
  id: string;
  school_id: string;
  quota: number;
  /** Input order (programs.csv rows keep it). */
  seq: number;
  admitted: number | null;
  /** Lowest admitted priority, hundredths. */
  cutoff: number | null;
  /** [0.25, 0.5, 1] points lower: how many more would reach it. */
  what_if: ColumnType<number[] | null, string | null, string | null>;
  zone: ColumnType<string | null, string | null | undefined, string | null>;
  /** Its stage: specialised and integrated programs are allocated first. */
  track: ColumnType<ProgramTrack, ProgramTrack | undefined, ProgramTrack>;
  /** Entry grades: a school outside zoning, open to applications from anywhere. */
  unzoned: ColumnType<boolean, boolean | undefined, boolean>;
  /** Entry grades (migration 2026121010): the school's number of entry-grade classes. */
  classes: ColumnType<number | null, number | null | undefined, number | null>;
  /** The seats editor's stale-save check. */
  version: Generated<number>;
}

export type ProgramTrack = 'regular' | 'specialised' | 'integrated';

/** A candidate's score for one program, where it differs from the general score (hundredths). */
export interface AdmissionProgramScoreTable {
  /** The candidate's id. */
  id: string;
  campaign_id: string;
  program: string;
  score: number;
  school_id: string;
}

/** The specialised stage's result and the candidate's answer to it. */
export interface AdmissionSpecialisedResultTable {
  campaign_id: string;
  /** The candidate's id. */
  id: string;
  program: string | null;
  rank: number | null;
  response: 'confirmed' | 'declined' | 'lapsed' | null;
  responded_at: Date | null;
  school_id: string | null;
}

export interface AdmissionCandidateTable {
  campaign_id: string;
  id: string;
  code: string;
  pin_hash: string;
  student_id: string | null;
  school_id: string;
  full_name: string;
  birth_date: ColumnType<string, string, string>;
  /** Admission score in hundredths, priority and bonus included. */
  score: number | null;
  created_at: Generated<Date>;
  zone: ColumnType<string | null, string | null | undefined, string | null>;
  /** A free candidate (no registry record): who recorded it. */
  added_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** A free candidate's gender, for the registry record (migration 2026120500); null otherwise. */
  gender: ColumnType<Gender | null, Gender | null | undefined, Gender | null>;
  /** Entry grades (migration 2026120710): the child's 12-digit personal id. */
  personal_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A grade-1 child outside the birth year: the reason the school recorded. */
  birth_year_exception: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who recorded the exception ("Full Name (username)") and when (migration 2026121010). */
  birth_year_exception_by: ColumnType<string | null, string | null | undefined, string | null>;
  birth_year_exception_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type EntryResidence = 'permanent' | 'temporary';

export interface AdmissionCurrentTable {
  candidate_id: string;
  campaign_id: string;
  version: Generated<number>;
  preferences: ColumnType<string[], string[] | undefined, string[]>;
  submitted_at: Date | null;
  /** Entry grades: the declared residence and its area (entry_area). */
  residence: ColumnType<
    EntryResidence | null,
    EntryResidence | null | undefined,
    EntryResidence | null
  >;
  area_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Entry grades: a sibling at a chosen school (its program) and the registry student found. */
  sibling_program: ColumnType<string | null, string | null | undefined, string | null>;
  sibling_student_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AdmissionSubmissionTable {
  candidate_id: string;
  version: number;
  campaign_id: string;
  preferences: string[];
  submitted_at: Timestamp;
  ip: string | null;
  /** The staff member who submitted for the family, when one did. */
  on_behalf_by: string | null;
  residence: ColumnType<
    EntryResidence | null,
    EntryResidence | null | undefined,
    EntryResidence | null
  >;
  area_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Entry grades: a sibling at a chosen school (its program) and the registry student found. */
  sibling_program: ColumnType<string | null, string | null | undefined, string | null>;
  sibling_student_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AdmissionSessionTable {
  token_hash: string;
  candidate_id: string;
  csrf_token: string;
  ip: string | null;
  expires_at: Timestamp;
}

export interface AdmissionResultTable {
  campaign_id: string;
  /** The candidate's id. */
  id: string;
  program: string | null;
  rank: number | null;
  round: ColumnType<
    'main' | 'top_up' | 'direct' | 'specialised',
    'main' | 'top_up' | 'direct' | 'specialised' | undefined,
    'main' | 'top_up' | 'direct' | 'specialised'
  >;
  response: 'confirmed' | 'declined' | 'lapsed' | null;
  responded_at: Date | null;
  school_id: string | null;
  /** When the hand-over sent this confirmed candidate to the registry (migration 2026120500). */
  handed_over_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Entry grades (migration 2026120710): an offer at a school the family did not choose. */
  overflow: ColumnType<boolean, boolean | undefined, boolean>;
  /** The admitting school checked the child's documents and confirms the admission. */
  documents_checked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  documents_checked_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A residential area (thôn / tổ dân phố) of a commune, for entry-grade catchments. */
export interface EntryAreaTable {
  id: string;
  commune_id: string;
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

/** A school serving an area for an entry grade (1 or 6). */
export interface EntryCatchmentTable {
  id: string;
  area_id: string;
  school_id: string;
  grade: 1 | 6;
}

// The accreditation module's tables (migration 2026120310, issue #18).
export type AccreditationStatus = 'in_progress' | 'submitted' | 'returned' | 'accepted';
export type CouncilRole = 'chair' | 'vice_chair' | 'secretary' | 'member';
export interface AccreditationCampaignTable {
  id: string;
  unit_id: string;
  name: string;
  set_id: string;
  school_year: string;
  evidence_format: string;
  created_by: string;
  created_at: Generated<Date>;
}
export interface AccreditationCycleTable {
  id: string;
  campaign_id: string;
  school_id: string;
  status: Generated<AccreditationStatus>;
  version: Generated<number>;
  submitted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  frozen_data: ColumnType<unknown, string | null, string | null> | null;
  created_at: Generated<Date>;
}
export interface AccreditationMemberTable {
  id: string;
  cycle_id: string;
  full_name: string;
  position: string | null;
  role: CouncilRole;
  user_id: string | null;
  criteria: Generated<string[]>;
  created_at: Generated<Date>;
}
export interface AccreditationEvidenceTable {
  id: string;
  cycle_id: string;
  code: string;
  box: number;
  criterion_code: string;
  number: number;
  title: string;
  issuer: string | null;
  issued_on: ColumnType<string, string, string> | null;
  kind: 'file' | 'link';
  sha256: string | null;
  size: ColumnType<string, number, number> | null;
  file_name: string | null;
  media_type: string | null;
  url: string | null;
  created_by: string;
  created_at: Generated<Date>;
}
export interface AccreditationRatingTable {
  cycle_id: string;
  requirement_code: string;
  met: boolean;
  justification: string;
  updated_by: string;
  updated_at: Generated<Date>;
}
export interface AccreditationCitationTable {
  cycle_id: string;
  requirement_code: string;
  evidence_id: string;
}
export interface AccreditationCriterionTextTable {
  cycle_id: string;
  criterion_code: string;
  description: Generated<string>;
  strengths: Generated<string>;
  weaknesses: Generated<string>;
  improvement_plan: Generated<string>;
  version: Generated<number>;
  updated_by: string;
  updated_at: Generated<Date>;
}
export interface AccreditationEventTable {
  id: string;
  cycle_id: string;
  kind: 'submitted' | 'returned' | 'accepted' | 'recognised';
  comment: string | null;
  actor: string;
  at: Generated<Date>;
}
export interface AccreditationRecognitionTable {
  id: string;
  cycle_id: string;
  school_id: string;
  accreditation_level: number;
  national_standard_level: number;
  decision: string;
  decided_on: ColumnType<string, string, string>;
  valid_until: ColumnType<string, string, string>;
  created_by: string;
  created_at: Generated<Date>;
}
export interface AccreditationExternalRatingTable {
  cycle_id: string;
  criterion_code: string;
  level: number;
  comment: Generated<string>;
  rated_by: string;
  updated_at: Generated<Date>;
}
export type PlanStep =
  'council' | 'plan' | 'evidence' | 'analysis' | 'rating' | 'report' | 'publish' | 'improve';
// The self-assessment plan's tasks (migration 2026120760).
export interface AccreditationPlanTaskTable {
  id: string;
  cycle_id: string;
  step: PlanStep;
  criterion_code: string | null;
  title: string;
  member_id: string | null;
  starts_on: ColumnType<string, string, string>;
  due_on: ColumnType<string, string, string>;
  done_at: Timestamp | null;
  done_by: string | null;
  created_by: string;
  created_at: Generated<Date>;
}
// The report text's versions and the council's comments (migration 2026120761).
export interface AccreditationTextVersionTable {
  cycle_id: string;
  criterion_code: string;
  version: number;
  description: string;
  strengths: string;
  weaknesses: string;
  improvement_plan: string;
  saved_by: string;
  saved_at: Generated<Date>;
}
export interface AccreditationCommentTable {
  id: string;
  cycle_id: string;
  criterion_code: string;
  parent_id: string | null;
  body: string;
  text_version: Generated<number>;
  author: string;
  created_at: Generated<Date>;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}
// The criterion analysis sheet (migration 2026120762).
export interface AccreditationAnalysisTable {
  cycle_id: string;
  requirement_code: string;
  meaning: Generated<string>;
  questions: Generated<string>;
  evidence_needed: Generated<string>;
  sources: Generated<string>;
  version: Generated<number>;
  updated_by: string;
  updated_at: Generated<Date>;
  /** Who collects the evidence (migration 2026120930). */
  collector_member_id: string | null;
}
// The analysis sheet's links to the cycle's evidence (migration 2026120930).
export interface AccreditationAnalysisEvidenceTable {
  cycle_id: string;
  requirement_code: string;
  evidence_id: string;
}
// Mức 4 criteria entered by the department per set (migration 2026120931).
export interface AccreditationLevel4ListTable {
  set_id: string;
  version: Generated<number>;
  source: string;
  updated_by: string;
  updated_at: Generated<Date>;
}
export interface AccreditationLevel4CriterionTable {
  set_id: string;
  code: string;
  position: number;
  text: string;
}
// Each saved version of a set's Mức 4 list (migration 2026121040).
export interface AccreditationLevel4VersionTable {
  set_id: string;
  version: number;
  source: string;
  saved_by: string;
  saved_at: Generated<Date>;
  criteria: ColumnType<{ code: string; text: string }[], string, string>;
}
// The external team's Mức 4 ratings (migration 2026121041).
export interface AccreditationExternalLevel4Table {
  cycle_id: string;
  code: string;
  met: boolean;
  comment: Generated<string>;
  rated_by: string;
  updated_at: Generated<Date>;
}
// The published results (migration 2026120763).
export interface AccreditationPublicationTable {
  id: string;
  cycle_id: string;
  school_id: string;
  cycle_version: number;
  note: Generated<string>;
  summary: ColumnType<unknown, string, string>;
  published_by: string;
  published_at: Generated<Date>;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
}
export interface Database {
  accreditation_external_rating: AccreditationExternalRatingTable;
  accreditation_publication: AccreditationPublicationTable;
  accreditation_analysis: AccreditationAnalysisTable;
  accreditation_analysis_evidence: AccreditationAnalysisEvidenceTable;
  accreditation_level4_list: AccreditationLevel4ListTable;
  accreditation_level4_criterion: AccreditationLevel4CriterionTable;
  accreditation_level4_version: AccreditationLevel4VersionTable;
  accreditation_external_level4: AccreditationExternalLevel4Table;
  accreditation_text_version: AccreditationTextVersionTable;
  accreditation_comment: AccreditationCommentTable;
  accreditation_plan_task: AccreditationPlanTaskTable;
  accreditation_campaign: AccreditationCampaignTable;
  accreditation_cycle: AccreditationCycleTable;
  accreditation_member: AccreditationMemberTable;
  accreditation_evidence: AccreditationEvidenceTable;
  accreditation_rating: AccreditationRatingTable;
  accreditation_citation: AccreditationCitationTable;
  accreditation_criterion_text: AccreditationCriterionTextTable;
  accreditation_event: AccreditationEventTable;
  accreditation_recognition: AccreditationRecognitionTable;
}

// Online public services (migration 2026120320, issue #19).

export type ApplicationStatus =
  'received' | 'additions' | 'handling' | 'approval' | 'done' | 'refused';

export interface ServicesCalendarDayTable {
  date: ColumnType<string, string, string>;
  kind: 'holiday' | 'workday';
  name: string;
  source: string | null;
  imported_at: Generated<Date>;
}

export interface ServicesOtpTable {
  id: string;
  email: string;
  personal_id: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface ServicesApplicationTable {
  id: string;
  code: string;
  procedure: string;
  authority_id: string;
  personal_id: string;
  full_name: string;
  birth_date: ColumnType<string, string, string>;
  email: string;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: ApplicationStatus;
  channel: Generated<'online' | 'counter'>;
  received_at: Timestamp;
  due_date: ColumnType<string, string, string>;
  stopped_at: Timestamp | null;
  days_left: number | null;
  diploma_id: string | null;
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  result_sha256: string | null;
  finished_at: Timestamp | null;
  finished_on_time: boolean | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ServicesDocumentTable {
  id: string;
  application_id: string;
  requirement: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: Generated<Date>;
}

export interface ServicesEventTable {
  id: string;
  application_id: string;
  kind: string;
  status: ApplicationStatus;
  note: string | null;
  actor: string;
  at: Generated<Date>;
}

export interface ServicesReminderTable {
  application_id: string;
  kind: 'due_soon' | 'overdue';
  day: ColumnType<string, string, string>;
}

// The paper copy's hand-over and the apology mailed (migration 2026120910).
export interface ServicesHandoverTable {
  id: string;
  application_id: string;
  authority_id: string;
  copy_number: string;
  received_by: string;
  receiver_document: string | null;
  handed_at: Timestamp;
  handed_by: string;
}

export interface ServicesApologyTable {
  id: string;
  application_id: string;
  authority_id: string;
  reason: string;
  new_date: ColumnType<string, string, string>;
  mailed_to: string;
  drafted_by: string;
  drafted_at: Timestamp;
}

export interface Database {
  services_handover: ServicesHandoverTable;
  services_apology: ServicesApologyTable;
  services_calendar_day: ServicesCalendarDayTable;
  services_otp: ServicesOtpTable;
  services_application: ServicesApplicationTable;
  services_document: ServicesDocumentTable;
  services_event: ServicesEventTable;
  services_reminder: ServicesReminderTable;
}

// Parent surveys (migration 2026120321, issue #19): anonymous by design.

export interface SurveyFormTable {
  id: string;
  title: string;
  school_year: string;
  scope_unit_id: string;
  sections: ColumnType<unknown, string, string>;
  status: 'draft' | 'open' | 'closed';
  created_by: string;
  created_at: Generated<Date>;
  /** The last day answers are taken, if set (migration 2026120520). */
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Rounds of one survey share it (migration 2026120521). */
  series: ColumnType<string | null, string | null | undefined, string | null>;
  /** Bumped by every save of the form (migration 2026120800, src/core/versions.ts). */
  version: Generated<number>;
}

/** Answers counted per school, question and value; question_id '' counts the answers (migration 2026120801). */
export interface SurveyTallyTable {
  survey_id: string;
  school_id: string;
  question_id: string;
  value: string;
  n: ColumnType<string, never, never>;
}

export interface SurveyCodeTable {
  code_hash: string;
  survey_id: string;
  school_id: string;
  class_name: string | null;
  used: Generated<boolean>;
}

export interface SurveyAnswerTable {
  id: string;
  survey_id: string;
  school_id: string;
  scores: ColumnType<Record<string, number | string>, string, string>;
}

export interface SurveyTextTable {
  id: string;
  survey_id: string;
  school_id: string;
  question_id: string;
  body: string;
  review: Generated<'pending' | 'approved' | 'rejected'>;
}

/**
 * Published by the surveys for the indicators (migration 2026120522): per
 * survey and school with at least 10 answers, the answers and the mean of
 * all 5-point answers; smaller groups are not in it.
 */
export interface SurveySchoolResultView {
  survey_id: string;
  series: string | null;
  school_year: string;
  status: 'open' | 'closed';
  school_id: string;
  answers: number;
  mean_score: number | null;
  title: string;
}

export interface Database {
  survey_form: SurveyFormTable;
  survey_tally: SurveyTallyTable;
  survey_code: SurveyCodeTable;
  survey_answer: SurveyAnswerTable;
  survey_text: SurveyTextTable;
  survey_school_result_v: SurveySchoolResultView;
}
/** Tuyển thẳng (migration 2026120250): admitted before the allocation, on a basis. */
export interface AdmissionDirectTable {
  /** The candidate's id. */
  id: string;
  campaign_id: string;
  program: string;
  basis: string;
  /** The candidate's school (audit scope). */
  school_id: string;
}

/** An entry-grade family's uploaded document (migration 2026121020); the bytes are in the file store. */
export interface AdmissionEntryEvidenceTable {
  id: string;
  candidate_id: string;
  campaign_id: string;
  /** The child's school: the audit's org unit. */
  school_id: string;
  kind: EntryDocumentKind;
  /** The application version in force when the file was uploaded. */
  version: number;
  file_sha256: string;
  file_name: string;
  file_size: ColumnType<number, number, number>;
  file_type: string;
  created_at: Generated<Date>;
}

/** One change of an entry campaign's rules (migration 2026121070). */
export interface AdmissionEntryRulesChangeTable {
  id: string;
  campaign_id: string;
  /** The campaign's unit: the audit's org unit. */
  org_unit_id: string;
  /** The campaign's version the change produced. */
  campaign_version: number;
  before: ColumnType<EntryRulesJson, string, never>;
  after: ColumnType<EntryRulesJson, string, never>;
  /** Required by the use case once registration has opened. */
  reason: string | null;
  after_opening: boolean;
  changed_by: string;
  changed_by_name: string;
  changed_at: Generated<Date>;
}

export type EntryDocumentKind = 'residence' | 'birth-certificate' | 'primary-record';

export interface AdmissionPriorityClaimTable {
  /** The candidate's id. */
  id: string;
  campaign_id: string;
  school_id: string;
  priority_group: 'none' | 'group1' | 'group2' | 'group3';
  prize: 'none' | 'first' | 'second' | 'third';
  file_sha256: string;
  file_name: string;
  file_size: ColumnType<number, number, number>;
  file_type: string | null;
  status: ColumnType<
    'pending' | 'accepted' | 'refused',
    'pending' | undefined,
    'pending' | 'accepted' | 'refused'
  >;
  note: string | null;
  checked_by: string | null;
  checked_at: Date | null;
  created_at: Generated<Date>;
}
