/**
 * Faults injected into what a run's nodes call (docs/faults.md): the emulator's fault rules are wired in through
 * OperationContext.faults, like the role's checks (role-checks.ts). Asked once a call is authorized: a denied call
 * fails as AWS would fail it, whatever the rules say.
 */
import type { AwsError } from '../../protocol/errors.js';

export interface CallFault {
  /** The rule that fired (logs, docs/faults.md). */
  readonly ruleId: string;
  /** The call fails with this error, in-stream (after latencyMs, when both are set). */
  readonly error?: AwsError;
  /** The call takes this much longer. */
  readonly latencyMs?: number;
}

export interface CallFaults {
  /** The fault for one call the execution role is about to make, if a rule fires for it. */
  forCall(action: string, resource: string): CallFault | undefined;
}
