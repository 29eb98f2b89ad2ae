// A Lambda handler for the robustness tests: sleeps `sleepMs` (from its first input, default 40 ms) and counts its
// calls, so a test can see whether runs whose client went away keep calling Lambdas. It passes `sleepMs` on, so
// a second Lambda fed by this one sleeps as long.
export const counters = { started: 0, finished: 0 };

export async function handler(event) {
  counters.started++;
  const sleepMs = Number(event?.node?.inputs?.[0]?.value?.sleepMs ?? 40);
  await new Promise((resolve) => setTimeout(resolve, sleepMs));
  counters.finished++;
  return { sleepMs, slept: true };
}
