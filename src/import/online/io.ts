/** What a service's reader uses: answers through the HTTP client, notes on what failed, the progress bar. */
import { note, type ImportBundle, type Progress } from '../bundle.js';
import type { HttpClient } from './http.js';
import type { Draft } from './records.js';
import { EXAMPLES } from './spec.js';

export interface ServiceResult {
  drafts: Draft[];
  /** The person the query is about (an ORCID, a DBLP or OpenAlex author), when the service names them. */
  person?: { name: string; links: Record<string, string>; homepage?: string };
  /** For file names: publications/imported-<label>.yaml. */
  label: string;
  /** A title for a project the import creates, when there is no person to name it after. */
  title?: string;
}

export class OnlineIo {
  constructor(
    readonly client: HttpClient,
    readonly progress: Progress,
    readonly bundle: ImportBundle,
  ) {}

  /** The body at `url`, or undefined with a note saying why not (missing from the cache offline, not found, failed). */
  async text(url: string, ref: string, options: { notFound?: string } = {}): Promise<string | undefined> {
    const answer = await this.client.get(url);
    if (answer.ok) return answer.body;
    if (answer.reason === 'offline') {
      note(this.bundle, 'error', { file: ref }, 'offline-missing', `--offline: the cache has no answer for ${url}`, `import once with a network (without --offline) to fetch it into imports/cache/${this.client.kind}/.`);
    } else if (answer.reason === 'not-found') {
      note(this.bundle, 'warning', { file: ref }, 'not-found', options.notFound ?? `${this.client.kind} has nothing at ${url} (${answer.message})`, EXAMPLES[this.client.kind]);
    } else {
      note(this.bundle, 'error', { file: ref }, 'online-failed', `${this.client.kind} could not be reached for ${url}: ${answer.message}`, 'check the network and import again: what was already fetched is kept in the cache.');
    }
    return undefined;
  }

  /** A response that is not what the service sends: said plainly, with the start of what came. */
  malformed(ref: string, url: string, why: string): void {
    note(this.bundle, 'error', { file: ref }, 'bad-response', `the answer of ${this.client.kind} for ${url} could not be read: ${why}`, `if it is in imports/cache/${this.client.kind}/, delete that file and import again.`);
  }

  problem(ref: string, message: string, severity: 'info' | 'warning' = 'warning', hint?: string): void {
    note(this.bundle, severity, { file: ref }, severity === 'info' ? 'left-out' : 'online-entry', message, hint);
  }

  pageSize(fallback: number): number {
    return this.client.settings.pageSize ?? fallback;
  }
}
