/** One paragraph saying what a project holds, for `vita check` and the demo. */
import type { Graph } from '../resolve/graph.js';
import { printable } from '../text/printable.js';

export function describeProject(graph: Graph): string {
  const title = typeof graph.config.title === 'string' ? graph.config.title : (Object.values(graph.config.title)[0] ?? '');
  const count = (n: number, word: string, plural = word + 's') => `${n} ${n === 1 ? word : plural}`;
  const pubs = [...graph.publications.values()];
  const published = pubs.filter((p) => p.status === 'published' || p.status === 'accepted').length;
  const lines = [
    `${title}`,
    `  ${count(graph.people.size, 'person', 'people')}, ${count(pubs.length, 'publication')} (${published} published), ${count(graph.news.length, 'news item')}, ${count(graph.series.size, 'seminar series', 'seminar series')}, ${count(graph.events.size, 'event')}`,
  ];
  // What the owner writes, when there is some: said on a line of its own, so the line above stays as it was.
  const written = [[graph.pages.length, 'page'], [graph.posts.length, 'post'], [graph.projects.length, 'project']] as const;
  if (written.some(([n]) => n > 0)) lines.push(`  ${written.map(([n, word]) => count(n, word)).join(', ')}`);
  for (const p of graph.people.values()) {
    const other = Object.entries(p.names).filter(([, v]) => v !== p.name).map(([, v]) => v);
    lines.push(`  - ${p.name}${other.length ? ` (${other.join(', ')})` : ''}: ${count(p.publications.length, 'publication')}, ${count(p.talks.length, 'talk')}, ${count(p.students.length, 'student')}`);
  }
  // Names and titles come from the record: no control character of theirs reaches the terminal.
  return printable(lines.join('\n'));
}
