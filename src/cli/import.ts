/** `vita import <source> [--into project] [--kind K] [--dry-run] [--offline] [--mailto email]`: prints the report; exit 1 on errors. */
import { importSource } from '../import/index.js';
import type { SourceKind } from '../import/bundle.js';
import { progressBar } from '../import/progress.js';
import { exitStatus, formatReport } from '../import/report.js';

export interface ImportCommandOptions {
  into?: string;
  kind?: SourceKind;
  dryRun?: boolean;
  offline?: boolean;
  mailto?: string;
}

export async function runImport(source: string, options: ImportCommandOptions = {}): Promise<number> {
  const result = await importSource(source, {
    into: options.into ?? '.',
    kind: options.kind,
    dryRun: options.dryRun,
    offline: options.offline,
    mailto: options.mailto,
    progress: progressBar(process.stderr),
  });
  process.stdout.write(formatReport(result, { color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
  return exitStatus(result);
}
