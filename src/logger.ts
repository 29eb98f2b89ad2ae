/** pino: JSON lines, pretty when stdout is a terminal (and pino-pretty is installed). */
import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

const hasPretty = () => {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
};

export function createLogger(level = 'info', pretty = process.stdout.isTTY === true): Logger {
  if (pretty && hasPretty()) {
    return pino({ level, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } });
  }
  return pino({ level });
}
