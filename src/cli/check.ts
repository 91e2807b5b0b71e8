/** `vita check`: every problem of a project at once, as text or JSON. */
import { formatJson, formatText } from '../diagnostics/format.js';
import { openProject } from '../index.js';
import { describeProject } from './summary.js';

export function runCheck(root: string, options: { format: 'text' | 'json' }): number {
  const { graph, diagnostics } = openProject(root);
  if (options.format === 'json') {
    process.stdout.write(formatJson(diagnostics.list));
  } else {
    const color = process.stdout.isTTY && !process.env.NO_COLOR;
    if (diagnostics.errorCount === 0) process.stdout.write(describeProject(graph) + '\n');
    process.stdout.write(formatText(diagnostics.list, { color }));
  }
  return diagnostics.errorCount > 0 ? 1 : 0;
}
