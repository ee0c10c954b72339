import type { Migration } from 'kysely/migration';
import * as orgsUsersAudit from './2026112401_orgs_users_audit.ts';
import * as registryBase from './2026112402_registry_base.ts';
import * as diplomas from './2026112403_diplomas.ts';
import * as schoolYearProfile from './2026112501_school_year_profile.ts';
import * as transfers from './2026112502_transfers.ts';
import * as registrySearch from './2026112503_registry_search.ts';
import * as auditFastPath from './2026112504_audit_fast_path.ts';
import * as recordVersions from './2026120102_record_versions.ts';
import * as signInThrottle from './2026120103_sign_in_throttle.ts';
import * as jobProgress from './2026120105_job_progress.ts';
import * as admissionsCampaigns from './2026120210_admissions_campaigns.ts';
import * as office from './2026120220_office.ts';
import * as orgsReportViews from './2026120230_orgs_report_views.ts';
import * as registryReportViews from './2026120231_registry_report_views.ts';
import * as indicators from './2026120232_indicators.ts';
import * as registryQualityViews from './2026120233_registry_quality_views.ts';
import * as homeroomOneClass from './2026120240_homeroom_one_class.ts';
import * as schoolListCounts from './2026120241_school_list_counts.ts';
import * as orgsUserView from './2026120260_orgs_user_view.ts';
import * as officeDocuments from './2026120261_office_documents.ts';
import * as studentDiplomaView from './2026120242_student_diploma_view.ts';
import * as admissionsRules from './2026120250_admissions_rules.ts';
import * as registryChangeFeed from './2026120270_registry_change_feed.ts';
import * as indicatorSummary from './2026120271_indicator_summary.ts';
import * as indicatorReports from './2026120272_indicator_reports.ts';
import * as staffRecord from './2026120280_staff_record.ts';
import * as diplomaBlankForms from './2026120300_diploma_blank_forms.ts';
import * as diplomaSerialUpper from './2026120301_diploma_serial_upper.ts';
import * as accreditation from './2026120310_accreditation.ts';
import * as accreditationExternal from './2026120311_accreditation_external.ts';
import * as accreditationPlan from './2026120760_accreditation_plan.ts';
import * as accreditationTextHistory from './2026120761_accreditation_text_history.ts';
import * as accreditationAnalysis from './2026120762_accreditation_analysis.ts';
import * as accreditationPublication from './2026120763_accreditation_publication.ts';
import * as services from './2026120320_services.ts';
import * as surveys from './2026120321_surveys.ts';
import * as entryCatchments from './2026120330_entry_catchments.ts';
import * as admissionsEntryCampaigns from './2026120710_admissions_entry_campaigns.ts';
import * as registryIntake from './2026120400_registry_intake.ts';
import * as admissionsHandOver from './2026120500_admissions_hand_over.ts';
import * as registryStudentMovement from './2026120510_registry_student_movement_view.ts';
import * as indicatorBudgetAudit from './2026120511_indicator_budget_audit.ts';
import * as indicatorPlanAudit from './2026120740_indicator_plan_audit.ts';
import * as surveyClose from './2026120520_survey_close.ts';
import * as surveySeries from './2026120521_survey_series.ts';
import * as surveyResultsView from './2026120522_survey_results_view.ts';
import * as officeSignatureChecks from './2026120540_office_signature_checks.ts';
import * as admissionsSpecialisedStage from './2026120590_admissions_specialised_stage.ts';
import * as officeEdxmlChannel from './2026120780_office_edxml_channel.ts';
import * as officeSignPrepare from './2026120920_office_sign_prepare.ts';
import * as officeSearchVectors from './2026120921_office_search_vectors.ts';
import * as surveyFormVersion from './2026120800_survey_form_version.ts';
import * as surveyTally from './2026120801_survey_tally.ts';
import * as servicesHandoverApology from './2026120910_services_handover_apology.ts';
import * as accreditationAnalysisLinks from './2026120930_accreditation_analysis_links.ts';
import * as accreditationLevel4 from './2026120931_accreditation_level4.ts';
import * as surveyResultsViewTitle from './2026120950_survey_results_view_title.ts';
import * as entryStaffWeb from './2026121010_entry_staff_web.ts';
import * as admissionsEntryEvidence from './2026121020_admissions_entry_evidence.ts';
import * as officeDocumentSearch from './2026121030_office_document_search.ts';
import * as accreditationLevel4History from './2026121040_accreditation_level4_history.ts';
import * as accreditationExternalLevel4 from './2026121041_accreditation_external_level4.ts';
import * as admissionsEntryRulesHistory from './2026121070_admissions_entry_rules_history.ts';
import * as admissionsEntrySibling from './2026121080_admissions_entry_sibling.ts';
import * as orgUnitLocation from './2026121090_org_unit_location.ts';

/** Every migration, in order. Names start with a timestamp; they only move forward. */
export const migrations: Record<string, Migration> = {
  '2026112401_orgs_users_audit': orgsUsersAudit,
  '2026112402_registry_base': registryBase,
  '2026112403_diplomas': diplomas,
  '2026112501_school_year_profile': schoolYearProfile,
  '2026112502_transfers': transfers,
  '2026112503_registry_search': registrySearch,
  '2026112504_audit_fast_path': auditFastPath,
  '2026120102_record_versions': recordVersions,
  '2026120103_sign_in_throttle': signInThrottle,
  '2026120105_job_progress': jobProgress,
  '2026120210_admissions_campaigns': admissionsCampaigns,
  '2026120220_office': office,
  '2026120230_orgs_report_views': orgsReportViews,
  '2026120231_registry_report_views': registryReportViews,
  '2026120232_indicators': indicators,
  '2026120233_registry_quality_views': registryQualityViews,
  '2026120240_homeroom_one_class': homeroomOneClass,
  '2026120241_school_list_counts': schoolListCounts,
  '2026120242_student_diploma_view': studentDiplomaView,
  '2026120250_admissions_rules': admissionsRules,
  '2026120260_orgs_user_view': orgsUserView,
  '2026120261_office_documents': officeDocuments,
  '2026120270_registry_change_feed': registryChangeFeed,
  '2026120271_indicator_summary': indicatorSummary,
  '2026120272_indicator_reports': indicatorReports,
  '2026120280_staff_record': staffRecord,
  '2026120300_diploma_blank_forms': diplomaBlankForms,
  '2026120301_diploma_serial_upper': diplomaSerialUpper,
  '2026120310_accreditation': accreditation,
  '2026120311_accreditation_external': accreditationExternal,
  '2026120320_services': services,
  '2026120321_surveys': surveys,
  '2026120330_entry_catchments': entryCatchments,
  '2026120400_registry_intake': registryIntake,
  '2026120500_admissions_hand_over': admissionsHandOver,
  '2026120510_registry_student_movement_view': registryStudentMovement,
  '2026120511_indicator_budget_audit': indicatorBudgetAudit,
  '2026120520_survey_close': surveyClose,
  '2026120521_survey_series': surveySeries,
  '2026120522_survey_results_view': surveyResultsView,
  '2026120540_office_signature_checks': officeSignatureChecks,
  '2026120590_admissions_specialised_stage': admissionsSpecialisedStage,
  '2026120710_admissions_entry_campaigns': admissionsEntryCampaigns,
  '2026120740_indicator_plan_audit': indicatorPlanAudit,
  '2026120760_accreditation_plan': accreditationPlan,
  '2026120761_accreditation_text_history': accreditationTextHistory,
  '2026120762_accreditation_analysis': accreditationAnalysis,
  '2026120763_accreditation_publication': accreditationPublication,
  '2026120780_office_edxml_channel': officeEdxmlChannel,
  '2026120800_survey_form_version': surveyFormVersion,
  '2026120801_survey_tally': surveyTally,
  '2026120910_services_handover_apology': servicesHandoverApology,
  '2026120920_office_sign_prepare': officeSignPrepare,
  '2026120921_office_search_vectors': officeSearchVectors,
  '2026120930_accreditation_analysis_links': accreditationAnalysisLinks,
  '2026120931_accreditation_level4': accreditationLevel4,
  '2026120950_survey_results_view_title': surveyResultsViewTitle,
  '2026121010_entry_staff_web': entryStaffWeb,
  '2026121020_admissions_entry_evidence': admissionsEntryEvidence,
  '2026121030_office_document_search': officeDocumentSearch,
  '2026121040_accreditation_level4_history': accreditationLevel4History,
  '2026121041_accreditation_external_level4': accreditationExternalLevel4,
  '2026121070_admissions_entry_rules_history': admissionsEntryRulesHistory,
  '2026121080_admissions_entry_sibling': admissionsEntrySibling,
  '2026121090_org_unit_location': orgUnitLocation,
};
