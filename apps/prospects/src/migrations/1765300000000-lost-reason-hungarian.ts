import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"prospects"';

// A snapshot of the default reasons' labels when this migration was written (a migration never changes its effect).
const DEFAULT_HUNGARIAN: readonly [code: string, english: string, hungarian: string][] = [
  ['no_budget', 'No budget', 'Nincs rá keret'],
  ['chose_competitor', 'Chose a competitor', 'Versenytársat választott'],
  ['no_decision_maker', 'No decision-maker reached', 'Nem értük el a döntéshozót'],
  ['not_a_fit', 'Not a fit for our product', 'Nem illik a termékünkhöz'],
  ['no_response', 'No response', 'Nem válaszolt'],
  ['offer_rejected', 'Offer rejected at its defence', 'Az ajánlatot a megvédésén elutasította'],
  ['other', 'Other', 'Egyéb'],
];

/**
 * Lost reasons get a Hungarian label beside the English one (`label`). The seeded defaults get theirs, but only
 * where the admin has not renamed the reason: a Hungarian label of another wording would contradict it.
 */
export class LostReasonHungarian1765300000000 implements MigrationInterface {
  name = 'LostReasonHungarian1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.lost_reason ADD COLUMN label_hu text`);
    for (const [code, english, hungarian] of DEFAULT_HUNGARIAN) {
      await runner.query(`UPDATE ${S}.lost_reason SET label_hu = $3 WHERE code = $1 AND label = $2`, [
        code,
        english,
        hungarian,
      ]);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.lost_reason DROP COLUMN label_hu`);
  }
}
