/** The admin JSON the pages read; the admin-token cookie travels by itself (same origin). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new HttpError(res.status, body?.message ?? body?.Message ?? `HTTP ${res.status}`);
  return body as T;
}

export const getJson = async <T,>(path: string): Promise<T> => answer<T>(await fetch(path, { credentials: 'same-origin' }));

/** The workbench header tells the server this POST comes from its own page (src/ui/admin-auth.ts). */
export const postJson = async <T,>(path: string, body: unknown): Promise<T> =>
  answer<T>(
    await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-bfe-workbench': '1' },
      body: JSON.stringify(body),
    }),
  );

export interface Flow {
  account: string;
  region: string;
  id: string;
  arn: string;
  name: string;
  description?: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  definition?: import('../../generated/types.js').FlowDefinition;
  validations: { message: string; severity: string; type?: string; details?: Record<string, unknown> }[];
  versions: { version: string; status: string; createdAt: string; definition?: import('../../generated/types.js').FlowDefinition }[];
  aliases: { id: string; arn: string; name: string; flowVersion: string }[];
}

export interface Decision {
  time: string;
  principal: string;
  action: string;
  resource: string;
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  enforced: boolean;
  explanation: Record<string, unknown>;
}

export interface Principals {
  identities: { arn: string; accessKeyId: string; policies: unknown[]; managedPolicies: string[]; permissionsBoundary?: unknown }[];
  roles: { arn: string; trustPolicy?: unknown; policies: unknown[]; managedPolicies: string[]; permissionsBoundary?: unknown }[];
}

export const flowKey = (f: Pick<Flow, 'account' | 'region' | 'id'>) => `${f.account}/${f.region}/${f.id}`;

/** The definition a run ran: its version's, or the draft's for DRAFT (TSTALIASID). */
export function definitionFor(flow: Flow, version: string | undefined) {
  if (!version || version === 'DRAFT') return flow.definition;
  return flow.versions.find((v) => v.version === version)?.definition ?? flow.definition;
}

export const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** GET /_emulator/iam/flow-role-policy (src/access/flow-role-policy.ts). */
export interface RolePolicies {
  policy: unknown;
  trustPolicy: unknown;
}

/** GET /_emulator/ui/api/role-gaps (src/access/flow-role-gaps.ts). */
export interface RoleGaps {
  roleArn: string;
  roleMissing?: string;
  trust?: string;
  missing: { action: string; resource: string; why: string }[];
}

/** A query string of the defined values only. */
export const query = (values: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined)).toString();
