/**
 * The environment keys of an IAM request context (README, IAM behaviour): the same for a signed request
 * (src/server/request-context.ts) and for the workbench's unsigned Try it (src/ui/try-invoke.ts).
 */
import type { ContextValue } from '../iam/index.js';

export function environmentContext(now: number, region: string): Record<string, ContextValue> {
  return {
    'aws:CurrentTime': new Date(now).toISOString(),
    'aws:EpochTime': Math.floor(now / 1000),
    // Always false: the emulator is plain HTTP.
    'aws:SecureTransport': false,
    'aws:RequestedRegion': region,
  };
}
