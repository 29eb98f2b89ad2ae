/**
 * Bounds on the work of one run, so that a hostile or runaway definition cannot hold the emulator: node runs,
 * value sizes and wall time, plus the defaults AWS documents for loops and Lambda.
 */
export interface RunLimits {
  /** Node runs per invocation, counting every iteration of every node. */
  maxNodeRuns: number;
  /** Serialized size of any one node output. */
  maxValueBytes: number;
  /** Wall time of one run (AWS: an InvokeFlow run times out after one hour). */
  maxRunMs: number;
  /** LoopController.maxIterations when the definition omits it (the model's default). */
  defaultMaxIterations: number;
  /** Lambda functions without a fixture `timeoutMs` (Lambda's own default is 3 s; flows wait up to 30 s). */
  lambdaTimeoutMs: number;
  inlineCodeTimeoutMs: number;
  /** What one InlineCode child may write (stdout, stderr and its result together) before it is killed. */
  inlineCodeMaxOutputBytes: number;
  /** How long an InvokeFlow run waits for the user's answer to a multi-turn question. */
  pausedTtlMs: number;
  /**
   * Bytes one InvokeFlow run may stream (event-stream frames, trace included). AWS documents no such cap; without
   * one a loop echoing large values with enableTrace streams gigabytes. The run ends with an in-stream
   * serviceQuotaExceededException at the first event past it.
   */
  maxStreamedBytes: number;
  /** Bytes of events one flow execution (StartFlowExecution) may record; its records stay in memory until evicted. */
  maxRecordedBytes: number;
  /** A run that has not waited on I/O for this long yields to the event loop, so other requests are served. */
  timeSliceMs: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  maxNodeRuns: 1_000,
  maxValueBytes: 1024 * 1024,
  maxRunMs: 60 * 60 * 1000,
  defaultMaxIterations: 10,
  lambdaTimeoutMs: 30_000,
  inlineCodeTimeoutMs: 30_000,
  inlineCodeMaxOutputBytes: 4 * 1024 * 1024,
  pausedTtlMs: 60 * 60 * 1000,
  maxStreamedBytes: 64 * 1024 * 1024,
  maxRecordedBytes: 8 * 1024 * 1024,
  timeSliceMs: 10,
};
