/** Run records: what each InvokeFlow and flow execution did (docs/runs.md). */
export { MAX_RECORD_BYTES, type TruncatedValue } from './cap-record.js';
export type { RunCall, RunError, RunEvent, RunFilter, RunKind, RunNodeRecord, RunRecord } from './run-record.js';
export { RunRecorder, RUNS_PER_ACCOUNT, type RunListener, type RunStart } from './run-recorder.js';
export type { RunRecording } from './run-recording.js';
