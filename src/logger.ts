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

/**
 * Fields that request, node and Lambda-output lines restate in their message (src/server/request-log.ts,
 * src/flows/executor/node-log.ts, src/fakes/lambda-console.ts): in a terminal one line per request reads best;
 * the JSON form keeps them all.
 */
const RESTATED = 'operation,status,outcome,durationMs,caller,errorType,requestId,node,nodeType,lambda,lambdaRequestId,stream';

export function createLogger(level = 'info', pretty = process.stdout.isTTY === true): Logger {
  if (pretty && hasPretty()) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: `pid,hostname,${RESTATED}` } },
    });
  }
  return pino({ level });
}
