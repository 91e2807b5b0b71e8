/** Where a project's site is written, read before the project is opened. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_FILE } from '../load/project.js';

/** vita.yaml's output folder, read before the build opens the project (a broken vita.yaml is reported by the build). */
export function configuredOutput(root: string): string {
  try {
    const config = parse(readFileSync(join(root, CONFIG_FILE), 'utf8')) as { output?: unknown } | null;
    if (config && typeof config.output === 'string' && config.output.trim()) return config.output;
  } catch {
    // no or unreadable vita.yaml: the build says so
  }
  return '_site';
}
