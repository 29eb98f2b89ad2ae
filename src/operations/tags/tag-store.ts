/** Tags live in one store keyed by ARN, so every taggable resource type is served the same way. */
import type { World } from '../../world/world.js';

export function addTags(world: World, arn: string, tags: Record<string, string> | undefined): void {
  if (!tags || Object.keys(tags).length === 0) return;
  world.tags.set(arn, { ...world.tags.get(arn), ...tags });
}

export function removeTags(world: World, arn: string, keys: readonly string[]): void {
  const current = world.tags.get(arn);
  if (!current) return;
  for (const k of keys) delete current[k];
}

/** Forgets the tags of a deleted resource and of everything under its ARN (a flow's aliases, a prompt's versions). */
export function dropTags(world: World, arn: string): void {
  for (const key of world.tags.keys()) {
    if (key === arn || key.startsWith(`${arn}/`) || key.startsWith(`${arn}:`)) world.tags.delete(key);
  }
}
