/** The running vita's package name and version, read once from its package.json. */
import { readFileSync } from 'node:fs';
import { VITA_ROOT } from '../load/vita-folder.js';

/** The folder of the running vita: the one holding package.json, dist/ and schema/. */
export { VITA_ROOT };

const pkg = JSON.parse(readFileSync(new URL('package.json', VITA_ROOT), 'utf8')) as { name: string; version: string };

/** The name vita is published under (the command is `vita` whatever this is). */
export const PACKAGE_NAME: string = pkg.name;
export const VERSION: string = pkg.version;
