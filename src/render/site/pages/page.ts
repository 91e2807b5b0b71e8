/**
 * A page written by hand: pages/<path>.md at /<path>/, or a person's people/<id>/<name>.md at /people/<id>/<name>/,
 * a tab beside their About, Publications and CV. Citations and math work as in a research statement.
 */
import type { SitePage } from '../../../resolve/graph.js';
import { plainText } from '../../markdown.js';
import { localText, paths, personOf, type Site } from '../context.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import { shortName } from '../parts/person-name.js';
import { personHeader } from '../parts/person-header.js';
import { menuPages, writtenLang, writtenText } from '../parts/writing.js';

/** The navigation key of a hand-written page. */
export function pageNavKey(page: SitePage): string {
  return `page:${page.id}`;
}

export function ownPage(site: Site, page: SitePage): Page {
  const title = localText(site, page.title);
  const text = writtenText(site, page.body, { lang: writtenLang(site, page.lang) });
  const person = page.person ? personOf(site, page.person) : undefined;
  const head = person ? personHeader(site, person, title, pageNavKey(page)) : html`<header class="page-head"><h1>${title}</h1></header>`;
  const body = html`<article class="own-page${page.layout === 'wide' ? ' wide' : ''}">
${head}
${text.body}
${text.references ?? ''}
</article>`;
  const inMenu = !page.person && menuPages(site).includes(page);
  // A person's page is theirs: on a personal site the owner's pages are in the navigation, a member's under Group.
  const nav = person ? (site.owner === person.id ? pageNavKey(page) : 'group') : inMenu ? pageNavKey(page) : undefined;
  return {
    path: paths.page(page.id),
    title: person ? `${title} · ${shortName(site, person)}` : title,
    description: page.description ? plainText(page.description) : undefined,
    body,
    nav,
    wide: page.layout === 'wide',
  };
}
