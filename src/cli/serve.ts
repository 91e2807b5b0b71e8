/** `vita serve [folder]`: serves a built site under the path it was built for, until interrupted. */
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONFIG_FILE } from '../load/project.js';
import { builtBase, normaliseBase, startStaticServer } from '../serve/static.js';
import { configuredOutput } from './output.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  baseUrl?: string;
}

export async function runServe(folder: string | undefined, options: ServeOptions): Promise<number> {
  const port = options.port === undefined ? 4321 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`vita: --port takes a number from 0 to 65535, not "${options.port}"\n`);
    return 2;
  }
  // A project folder (or none, in a project) means its output folder.
  let site = folder ?? '.';
  if (existsSync(join(site, CONFIG_FILE))) site = join(site, configuredOutput(site));
  else if (folder === undefined) site = '_site';
  if (!existsSync(join(site, 'index.html')) || !statSync(site).isDirectory()) {
    process.stderr.write(`vita serve: "${site}" holds no built site (no index.html)\n  hint: build it first with "vita build", or name the folder: vita serve path/to/_site\n`);
    return 1;
  }
  const base = options.baseUrl ? normaliseBase(options.baseUrl) : builtBase(site);
  let server;
  try {
    server = await startStaticServer(site, { base, port, host: options.host });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(`vita: cannot serve on ${options.host ?? '127.0.0.1'}:${port}${code === 'EADDRINUSE' ? ': the port is in use (try --port 0 for any free one)' : `: ${(err as Error).message}`}\n`);
    return 1;
  }
  process.stderr.write(`vita serve: ${relative(process.cwd(), site) || '.'} at ${server.url} (Ctrl-C to stop)\n`);
  if (base !== '/') process.stderr.write(`  the site was built for ${base}, so it is served there; open the address above.\n`);
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
