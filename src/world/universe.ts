/**
 * Everything the emulator knows: the per-account-and-region worlds of Bedrock resources, and the fake AWS around
 * them that fixtures declare (IAM identities and roles, S3, Lambda, Lex, model rules).
 */
import { freezeDeep } from '../immutable.js';
import { createWorld, type World } from './world.js';
import type {
  AgentFixture,
  IdentityFixture,
  KnowledgeBaseFixture,
  LambdaFixture,
  LexBotFixture,
  ModelRulesFixture,
  RoleFixture,
} from '../fixtures/schema.js';

export interface Bucket {
  name: string;
  account: string;
  region: string;
  objects: Map<string, Uint8Array>;
}

export interface LambdaFunction extends LambdaFixture {
  arn: string;
  account: string;
  region: string;
  /** Absolute path of `handler`, resolved against the fixture file that declared it. */
  handlerPath?: string;
}

export interface LexBot extends LexBotFixture {
  aliasArn: string;
  account: string;
  region: string;
}

/** Fake data behind fixture-declared knowledge bases and agents (their API records live in the world). */
export type KnowledgeBaseDocuments = NonNullable<KnowledgeBaseFixture['documents']>;
export type AgentResponses = NonNullable<AgentFixture['responses']>;

export interface Universe {
  /** Defaults for requests that carry no credentials (IAM mode off) and for fixture entries. */
  defaultAccount: string;
  defaultRegion: string;
  worlds: Map<string, World>;
  identities: Map<string, IdentityFixture>;
  roles: Map<string, RoleFixture>;
  buckets: Map<string, Bucket>;
  lambdaFunctions: Map<string, LambdaFunction>;
  lexBots: Map<string, LexBot>;
  /** Knowledge-base documents keyed by `account/region/knowledgeBaseId`. */
  knowledgeBaseDocuments: Map<string, KnowledgeBaseDocuments>;
  /** Agent response rules keyed by `account/region/agentId`. */
  agentResponses: Map<string, AgentResponses>;
  models: ModelRulesFixture[];
}

const DEFAULT_ACCOUNT = '123456789012';
const DEFAULT_REGION = 'us-east-1';

export function createUniverse(): Universe {
  return {
    defaultAccount: DEFAULT_ACCOUNT,
    defaultRegion: DEFAULT_REGION,
    worlds: new Map(),
    identities: new Map(),
    roles: new Map(),
    buckets: new Map(),
    lambdaFunctions: new Map(),
    lexBots: new Map(),
    knowledgeBaseDocuments: new Map(),
    agentResponses: new Map(),
    models: [],
  };
}

export const scopedKey = (account: string, region: string, id: string) => `${account}/${region}/${id}`;

/** The world of an account and region, created on first use (AWS accounts have every region). */
/**
 * Every well-formed region names a world of its own, created on first use; a client cycling through region names
 * must not grow memory without bound. Far more than the AWS regions times a test's accounts.
 */
export const MAX_WORLDS = 1_000;

export const hasWorld = (universe: Universe, account: string, region: string): boolean => universe.worlds.has(`${account}/${region}`);

export function worldOf(universe: Universe, account: string, region: string): World {
  const key = `${account}/${region}`;
  let world = universe.worlds.get(key);
  if (!world) {
    world = createWorld(account, region);
    universe.worlds.set(key, world);
  }
  return world;
}

/**
 * A deep copy to stage fixtures on: all-or-nothing loading swaps it in only when every entry applied. The copy's
 * flow definitions are frozen again, as the originals were (structuredClone keeps what is shared shared).
 */
export function cloneUniverse(universe: Universe): Universe {
  const clone = structuredClone(universe);
  for (const world of clone.worlds.values()) {
    for (const flow of world.flows.values()) {
      freezeDeep(flow.definition);
      freezeDeep(flow.prepared?.definition);
      for (const version of Object.values(flow.versions)) freezeDeep(version.definition);
    }
  }
  return clone;
}
