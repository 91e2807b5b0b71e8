/** The folder of a publication's page, which the site chose once for every key (see the context). */
import type { Site } from '../context.js';

/** The folder name of a publication's own page. */
export function pubSlug(site: Site, key: string): string {
  return site.pubSlugs.get(key) ?? key;
}
