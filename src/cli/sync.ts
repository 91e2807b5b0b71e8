/** `vita sync [project] [--write] [--offline] [--person id] [--mailto email] [--format text|json]`: exit 1 on errors. */
import { progressBar } from '../import/progress.js';
import { syncRecord, type SyncOptions } from '../import/sync/index.js';
import { formatSyncReport, syncExitStatus, syncJson } from '../import/sync/report.js';

export interface SyncCommandOptions extends Omit<SyncOptions, 'project' | 'progress'> {
  format?: 'text' | 'json';
}

export async function runSync(project: string, options: SyncCommandOptions = {}): Promise<number> {
  const { format, ...rest } = options;
  const result = await syncRecord({ ...rest, project, progress: progressBar(process.stderr) });
  process.stdout.write(format === 'json' ? syncJson(result) : formatSyncReport(result, { color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
  return syncExitStatus(result);
}
