/** What a project already holds, read with the project's own loader: the import merges into this. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { loadProject, CONFIG_FILE } from '../load/project.js';
import type { ConfigInput, EventInput, NewsInput, PersonInput, PublicationInput } from '../schema/index.js';
import { validateProject } from '../validate/index.js';

export interface Existing<T> {
  id: string;
  file: string;
  line?: number;
  value: T;
}

export interface ProjectState {
  root: string;
  /** The folder exists. */
  exists: boolean;
  /** It has a vita.yaml: a project to merge into. */
  isProject: boolean;
  /** Every file, project-relative (hidden folders excluded, as the loader lists them). */
  files: Set<string>;
  config?: ConfigInput;
  publications: Existing<PublicationInput>[];
  people: Existing<PersonInput>[];
  news: Existing<NewsInput>[];
  events: (Existing<EventInput> & { series: string })[];
  series: Set<string>;
}

export function readProjectState(rootPath: string): ProjectState {
  const root = resolve(rootPath);
  const state: ProjectState = { root, exists: false, isProject: false, files: new Set(), publications: [], people: [], news: [], events: [], series: new Set() };
  if (!existsSync(root) || !statSync(root).isDirectory()) return state;
  state.exists = true;
  const diagnostics = new Diagnostics();
  const loaded = loadProject(root, diagnostics);
  state.files = new Set(loaded.files);
  state.isProject = state.files.has(CONFIG_FILE);
  if (!state.isProject) return state;
  const valid = validateProject(loaded, diagnostics);
  state.config = valid.config?.value;
  const at = <T>(r: { id: string; file: string; value: T; locate(path: (string | number)[]): { line: number } | undefined }): Existing<T> => ({ id: r.id, file: r.file, line: r.locate([])?.line, value: r.value });
  state.publications = valid.publications.map(at);
  state.people = valid.people.map(at);
  state.news = valid.news.map(at);
  state.events = valid.events.map((e) => ({ ...at(e), series: e.value.series ?? e.file.split('/')[1] ?? '' }));
  state.series = new Set([...valid.series.map((s) => s.id), ...[...state.files].filter((f) => /^seminars\/[^/]+\/series\.ya?ml$/.test(f)).map((f) => f.split('/')[1]!)]);
  return state;
}

/** The email that puts requests in the services' polite pools: the one given, $VITA_MAILTO, else the owner's (or the group lead's). */
export function contactEmail(
  given: string | undefined,
  config: { owner?: string; group?: { lead?: string } } | undefined,
  people: readonly { id: string; value: { email?: unknown } }[],
): string | undefined {
  if (given) return given;
  if (process.env.VITA_MAILTO) return process.env.VITA_MAILTO;
  const id = config?.owner ?? config?.group?.lead;
  const email = people.find((p) => p.id === id)?.value.email;
  return typeof email === 'string' && email.includes('@') ? email : undefined;
}
