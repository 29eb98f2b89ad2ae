// Preloaded (--require) into a CLI child: the first file written under BFE_CRASH_SAVE_DIR gets half its bytes,
// then the process is SIGKILLed — a crash in the middle of the --state-file save, at the worst moment, every time.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const folder = process.env.BFE_CRASH_SAVE_DIR;
const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function crashing(file, data, ...rest) {
  if (folder && typeof file === 'string' && file.startsWith(folder)) {
    const text = String(data);
    writeFileSync.call(fs, file, text.slice(0, text.length >> 1));
    process.kill(process.pid, 'SIGKILL');
  }
  return writeFileSync.call(this, file, data, ...rest);
};
// ES modules import fs's named exports: make them see the patched function.
syncBuiltinESMExports();
