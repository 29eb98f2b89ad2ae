/**
 * Asks a real model (a fixture's `models[].backend`, docs/models.md) over HTTP with undici. Never throws: the
 * result is the answer or what went wrong, for the node to turn into the in-stream error AWS would send. The
 * request ends at the backend's timeout, when the run stops (`signal`), or once the reply passes
 * MAX_BACKEND_REPLY_BYTES, so no backend can hold a run or fill the emulator's memory.
 */
import type { ModelBackendFixture } from '../fixtures/schema.js';
import { CHAT_PATH, parseAnswer, requestBody, type BackendAnswer, type BackendRequest } from './model-backend-wire.js';
import { readCapped } from './read-capped.js';

export const DEFAULT_BACKEND_TIMEOUT_MS = 120_000;

/** Far above any model's output token limit in text; a reply past it is cut off unread. */
export const MAX_BACKEND_REPLY_BYTES = 4 * 1024 * 1024;

/** How much of an error reply the failure quotes. */
const QUOTED_ERROR_CHARS = 300;

export type BackendResult =
  | { readonly ok: true; readonly answer: BackendAnswer; readonly latencyMs: number }
  | { readonly ok: false; readonly reason: 'timeout' | 'throttled' | 'failed' | 'stopped'; readonly detail: string };

const failed = (reason: 'timeout' | 'throttled' | 'failed' | 'stopped', detail: string): BackendResult => ({ ok: false, reason, detail });

/** The URL the request goes to: the base URL without a trailing slash, then the type's path. */
export const chatUrl = (backend: ModelBackendFixture) => backend.url.replace(/\/+$/, '') + CHAT_PATH[backend.type];

export async function callModelBackend(
  backend: ModelBackendFixture,
  request: BackendRequest,
  stopped: AbortSignal,
  now: () => number,
): Promise<BackendResult> {
  const timeoutMs = backend.timeoutMs ?? DEFAULT_BACKEND_TIMEOUT_MS;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (backend.apiKeyEnv !== undefined) {
    const key = process.env[backend.apiKeyEnv];
    if (!key) return failed('failed', `the environment variable ${backend.apiKeyEnv} (apiKeyEnv) is not set`);
    headers.authorization = `Bearer ${key}`;
  }
  const where = `${backend.type} backend ${backend.model}`;
  const started = now();
  try {
    // Loaded on first use, as for Lambda URLs (src/fakes/lambda.ts): most fixtures have no backend.
    const { request: send } = await import('undici');
    const response = await send(chatUrl(backend), {
      method: 'POST',
      headers,
      body: JSON.stringify(requestBody(backend.type, backend.model, request)),
      signal: AbortSignal.any([stopped, AbortSignal.timeout(timeoutMs)]),
    });
    const text = await readCapped(response.body, MAX_BACKEND_REPLY_BYTES);
    if (text === undefined) return failed('failed', `the ${where} answered more than ${MAX_BACKEND_REPLY_BYTES} bytes`);
    if (response.statusCode < 200 || response.statusCode > 299) {
      const quoted = text.length > QUOTED_ERROR_CHARS ? `${text.slice(0, QUOTED_ERROR_CHARS)}…` : text;
      const detail = `the ${where} answered HTTP ${response.statusCode}${quoted ? `: ${quoted}` : ''}`;
      return failed(response.statusCode === 429 ? 'throttled' : 'failed', detail);
    }
    const answer = parseAnswer(backend.type, parseJson(text));
    if (typeof answer === 'string') return failed('failed', `the ${where} answered, but ${answer}`);
    return { ok: true, answer, latencyMs: Math.max(0, Math.round(now() - started)) };
  } catch (err) {
    if (stopped.aborted) return failed('stopped', 'the run stopped');
    if ((err as Error).name === 'TimeoutError') return failed('timeout', `the ${where} did not answer within ${timeoutMs} ms`);
    return failed('failed', `the ${where} could not be reached: ${(err as Error).message}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
