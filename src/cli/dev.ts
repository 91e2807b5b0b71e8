/** `vita dev`: serve, watch, reload; runs until interrupted. */
import { startDevServer } from '../serve/dev.js';

export async function runDev(root: string, options: { port?: string; host?: string }): Promise<number> {
  const port = options.port === undefined ? 4321 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`vita: --port takes a number from 0 to 65535, not "${options.port}"\n`);
    return 2;
  }
  process.stderr.write(`vita dev: reading and checking ${root === '.' ? 'the project' : root} ...\n`);
  let server;
  try {
    server = await startDevServer(root, { port, host: options.host });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(`vita: cannot serve on ${options.host ?? '127.0.0.1'}:${port}${code === 'EADDRINUSE' ? ': the port is in use (try --port 0 for any free one)' : `: ${(err as Error).message}`}\n`);
    return 1;
  }
  process.stderr.write(`vita dev: serving ${root} at ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
