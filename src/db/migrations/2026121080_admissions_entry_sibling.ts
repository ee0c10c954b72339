import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Entry grades, the sibling criterion (issue #15, docs/entry-enrolment.md
// "Siblings"): a version of a family's registration may declare a brother or
// sister studying at one of the chosen schools. sibling_program is that
// school's program in the campaign; sibling_student_id the registry student
// found by the personal id and date of birth the family gave (checked when
// the version was submitted; no foreign key: the registry is another
// module's table). Both null, or both set.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['admission_current', 'admission_submission'])
    await sql`
      ALTER TABLE ${sql.table(table)}
        ADD COLUMN sibling_program text,
        ADD COLUMN sibling_student_id uuid,
        ADD CONSTRAINT ${sql.id(`${table}_sibling_both`)}
          CHECK ((sibling_program IS NULL) = (sibling_student_id IS NULL))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['admission_current', 'admission_submission'])
    await sql`
      ALTER TABLE ${sql.table(table)}
        DROP CONSTRAINT ${sql.id(`${table}_sibling_both`)},
        DROP COLUMN sibling_student_id,
        DROP COLUMN sibling_program`.execute(db);
}
