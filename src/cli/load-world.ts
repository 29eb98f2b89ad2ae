/** The world `validate` checks against: the fixtures given, their Lambda handler modules imported. */
import { Emulator } from '../emulator.js';
import type { FixtureDocument } from '../fixtures/schema.js';
import { createLogger } from '../logger.js';
import { fixturesAsUsage } from './usage.js';

/** The fixtures' world; a fixture that does not load is a usage mistake here, not a flow error (exit 2, not 1). */
export function loadWorld(fixtures: (string | FixtureDocument)[]): Promise<Emulator> {
  return fixturesAsUsage(async () => {
    const emulator = new Emulator({ fixtures }, createLogger('error', false));
    await emulator.importHandlers();
    return emulator;
  });
}
