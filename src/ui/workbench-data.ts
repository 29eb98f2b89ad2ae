/**
 * What the workbench's pages read (GET /_emulator/ui/api/flows and …/principals): every flow of every world with its
 * versions, aliases, definitions and PrepareFlow validations, and the identities and roles with their policies.
 * Secrets never leave: the browser shows who can do what, not how to sign as them.
 */
import type { Universe } from '../world/universe.js';
import type { FlowDefinitionData, FlowValidationData } from '../world/records.js';

export interface WorkbenchFlow {
  account: string;
  region: string;
  id: string;
  arn: string;
  name: string;
  description?: string;
  status: string;
  executionRoleArn: string;
  createdAt: string;
  updatedAt: string;
  definition?: FlowDefinitionData;
  validations: FlowValidationData[];
  versions: { version: string; status: string; createdAt: string; definition?: FlowDefinitionData }[];
  aliases: { id: string; arn: string; name: string; flowVersion: string }[];
}

export function workbenchFlows(universe: Universe): WorkbenchFlow[] {
  const flows: WorkbenchFlow[] = [];
  for (const world of universe.worlds.values()) {
    for (const flow of world.flows.values()) {
      flows.push({
        account: world.account,
        region: world.region,
        id: flow.id,
        arn: flow.arn,
        name: flow.name,
        ...(flow.description !== undefined ? { description: flow.description } : {}),
        status: flow.status,
        executionRoleArn: flow.executionRoleArn,
        createdAt: flow.createdAt,
        updatedAt: flow.updatedAt,
        ...(flow.definition ? { definition: flow.definition } : {}),
        validations: flow.validations ?? [],
        versions: Object.values(flow.versions).map((v) => ({
          version: v.version,
          status: v.status,
          createdAt: v.createdAt,
          ...(v.definition ? { definition: v.definition } : {}),
        })),
        aliases: Object.values(flow.aliases).map((a) => ({
          id: a.id,
          arn: a.arn,
          name: a.name,
          flowVersion: a.routingConfiguration[0]?.flowVersion ?? 'DRAFT',
        })),
      });
    }
  }
  return flows;
}

export interface WorkbenchPrincipals {
  identities: { arn: string; accessKeyId: string; policies: unknown[]; managedPolicies: string[]; permissionsBoundary?: unknown }[];
  roles: { arn: string; trustPolicy?: unknown; policies: unknown[]; managedPolicies: string[]; permissionsBoundary?: unknown }[];
}

export function workbenchPrincipals(universe: Universe): WorkbenchPrincipals {
  return {
    identities: [...universe.identities.values()].map((i) => ({
      arn: i.arn,
      accessKeyId: i.accessKeyId,
      policies: [...(i.policies ?? []), ...(i.sessionPolicies ?? [])],
      managedPolicies: i.managedPolicies ?? [],
      ...(i.permissionsBoundary ? { permissionsBoundary: i.permissionsBoundary } : {}),
    })),
    roles: [...universe.roles.values()].map((r) => ({
      arn: r.arn,
      ...(r.trustPolicy ? { trustPolicy: r.trustPolicy } : {}),
      policies: r.policies ?? [],
      managedPolicies: r.managedPolicies ?? [],
      ...(r.permissionsBoundary ? { permissionsBoundary: r.permissionsBoundary } : {}),
    })),
  };
}
