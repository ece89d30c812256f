import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"approvals"';

/**
 * What an approver approves must never change under them: the subject snapshot, the facts the chain was resolved
 * from, and the chain itself are frozen by triggers; requests and steps are never deleted.
 */
export class FrozenRequests1764300100000 implements MigrationInterface {
  name = 'FrozenRequests1764300100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION ${S}.approval_request_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'approval requests are never deleted';
        END IF;
        IF (OLD.id, OLD.subject_kind, OLD.subject_id, OLD.subject_version, OLD.requester_id, OLD.unit_id, OLD.amount,
            OLD.discount_percent, OLD.snapshot, OLD.policy_version, OLD.step_count, OLD.requested_at, OLD.opened_at)
           IS DISTINCT FROM
           (NEW.id, NEW.subject_kind, NEW.subject_id, NEW.subject_version, NEW.requester_id, NEW.unit_id, NEW.amount,
            NEW.discount_percent, NEW.snapshot, NEW.policy_version, NEW.step_count, NEW.requested_at, NEW.opened_at) THEN
          RAISE EXCEPTION 'the snapshot and facts of an approval request are frozen';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER approval_request_frozen BEFORE UPDATE OR DELETE ON ${S}.approval_request
      FOR EACH ROW EXECUTE FUNCTION ${S}.approval_request_frozen()`);
    await runner.query(`
      CREATE FUNCTION ${S}.approval_step_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'approval steps are never deleted';
        END IF;
        IF (OLD.request_id, OLD.step_index, OLD.policy_step_index, OLD.approver_user_id, OLD.approver_role,
            OLD.approver_unit_id, OLD.escalate_user_id, OLD.escalate_role, OLD.escalate_unit_id, OLD.due_after_minutes,
            OLD.escalation_grace_minutes)
           IS DISTINCT FROM
           (NEW.request_id, NEW.step_index, NEW.policy_step_index, NEW.approver_user_id, NEW.approver_role,
            NEW.approver_unit_id, NEW.escalate_user_id, NEW.escalate_role, NEW.escalate_unit_id, NEW.due_after_minutes,
            NEW.escalation_grace_minutes) THEN
          RAISE EXCEPTION 'the approval chain of a request is frozen';
        END IF;
        -- A decided step stays decided.
        IF OLD.decided_by IS NOT NULL AND (OLD.decided_by, OLD.on_behalf_of, OLD.decided_at, OLD.comment, OLD.status)
           IS DISTINCT FROM (NEW.decided_by, NEW.on_behalf_of, NEW.decided_at, NEW.comment, NEW.status) THEN
          RAISE EXCEPTION 'a decision on an approval step is final';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER approval_step_frozen BEFORE UPDATE OR DELETE ON ${S}.approval_step
      FOR EACH ROW EXECUTE FUNCTION ${S}.approval_step_frozen()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER approval_step_frozen ON ${S}.approval_step`);
    await runner.query(`DROP TRIGGER approval_request_frozen ON ${S}.approval_request`);
    await runner.query(`DROP FUNCTION ${S}.approval_step_frozen(), ${S}.approval_request_frozen()`);
  }
}
