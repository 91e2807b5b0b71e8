/** The validated record: each kind's list, each record still knowing where it was written. */
import type { Span } from '../diagnostics/diagnostic.js';
import type { DataPath, LoadedProject, ProseSection } from '../load/record.js';
import type { ValidMetrics } from './metrics.js';
import type { ConfigInput, EventInput, NewsInput, PersonInput, PostInput, ProjectInput, PublicationInput, SeriesInput, SitePageInput } from '../schema/index.js';

/** A validated record that still knows where it was written. */
export interface Located<T> {
  id: string;
  file: string;
  value: T;
  locate(path: DataPath): Span | undefined;
}

export interface ValidRecord {
  root: string;
  config: Located<ConfigInput> | undefined;
  people: Located<PersonInput>[];
  publications: Located<PublicationInput>[];
  /**
   * Validated with a cache: the places in `publications` that now hold another publication, when `publications` is
   * the last list updated in place (the others are the last ones); undefined when the list is new.
   */
  replaced?: number[];
  news: Located<NewsInput>[];
  series: Located<SeriesInput>[];
  events: Located<EventInput>[];
  pages: Located<SitePageInput>[];
  posts: Located<PostInput>[];
  projects: Located<ProjectInput>[];
  prose: ProseSection[];
  files: string[];
  /** The citation counts of metrics/citations.yaml that are right (see metrics.ts). */
  metrics?: ValidMetrics;
}

export function emptyRecord(project: LoadedProject): ValidRecord {
  return { root: project.root, config: undefined, people: [], publications: [], news: [], series: [], events: [], pages: [], posts: [], projects: [], prose: project.prose, files: project.files };
}

/** Puts a valid record in its list; the last config wins. */
export function place(out: ValidRecord, kind: LoadedProject['records'][number]['kind'], valid: Located<unknown>): void {
  switch (kind) {
    case 'config':
      out.config = valid as Located<ConfigInput>;
      break;
    case 'person':
      out.people.push(valid as Located<PersonInput>);
      break;
    case 'publication':
      out.publications.push(valid as Located<PublicationInput>);
      break;
    case 'news':
      out.news.push(valid as Located<NewsInput>);
      break;
    case 'series':
      out.series.push(valid as Located<SeriesInput>);
      break;
    case 'event':
      out.events.push(valid as Located<EventInput>);
      break;
    case 'page':
      out.pages.push(valid as Located<SitePageInput>);
      break;
    case 'post':
      out.posts.push(valid as Located<PostInput>);
      break;
    case 'project':
      out.projects.push(valid as Located<ProjectInput>);
      break;
  }
}
