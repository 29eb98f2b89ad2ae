// A Lambda handler that waits for the test to open its gate: a test holds a flow run inside a node, changes the
// emulator meanwhile, and then lets the run go on. arm() gives the next call's gate: `entered` resolves when that
// call waits, open() lets it return.
let next;

export function arm() {
  let enter;
  let open;
  const entered = new Promise((resolve) => (enter = resolve));
  const opened = new Promise((resolve) => (open = resolve));
  next = { enter, opened };
  return { entered, open: () => open() };
}

export async function handler(event) {
  const gate = next;
  gate?.enter();
  await gate?.opened;
  return event?.node?.inputs?.[0]?.value ?? {};
}
