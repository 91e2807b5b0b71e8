/** `vita check`: every problem of a project at once (the record's and its theme's), as text or JSON. */
import { formatJson, formatText } from '../diagnostics/format.js';
import { openProject, sortDiagnostics } from '../index.js';
import { loadTheme } from '../render/site/theme.js';
import { describeProject } from './summary.js';

export async function runCheck(root: string, options: { format: 'text' | 'json' }): Promise<number> {
  const { graph, diagnostics } = openProject(root);
  const theme = await loadTheme(root);
  const list = sortDiagnostics([...diagnostics.list, ...(theme?.diagnostics ?? [])]);
  const errors = list.filter((d) => d.severity === 'error').length;
  if (options.format === 'json') {
    process.stdout.write(formatJson(list));
  } else {
    const color = process.stdout.isTTY && !process.env.NO_COLOR;
    if (errors === 0) process.stdout.write(describeProject(graph) + '\n');
    process.stdout.write(formatText(list, { color }));
  }
  return errors > 0 ? 1 : 0;
}
