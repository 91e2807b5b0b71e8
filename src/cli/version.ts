/** The running vita's package name and version, read once from its package.json. */
import { readFileSync } from 'node:fs';

/** The folder of the running vita: the one holding package.json, dist/ and schema/. */
export const VITA_ROOT = new URL('../../', import.meta.url);

const pkg = JSON.parse(readFileSync(new URL('package.json', VITA_ROOT), 'utf8')) as { name: string; version: string };

/** The name vita is published under (the command is `vita` whatever this is). */
export const PACKAGE_NAME: string = pkg.name;
export const VERSION: string = pkg.version;
