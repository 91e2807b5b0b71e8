/** News items: a date, a headline, nested points, and links to the papers and people they are about. */
import type { News } from '../../../resolve/graph.js';
import { renderInline, renderMarkdown } from '../../markdown.js';
import { contentLang, paths, markdownFor, url, type Site } from '../context.js';
import { html, type Html } from '../html.js';
import { projectFileUrl } from './files.js';
import { inlineOnce } from '../memo.js';
import { personRef } from './person-name.js';
import { pubSlug } from './publications.js';
import { newsInfo, themed } from './themed.js';

/** One news item; a theme may override it (`newsItem`). */
export function newsItem(site: Site, item: News, options: { showPeople?: boolean } = {}): Html {
  if (site.overrides?.newsItem === undefined) return defaultNewsItem(site, item, options);
  return themed(site, 'newsItem', () => ({ news: newsInfo(site, item), showPeople: options.showPeople ?? false }), () => defaultNewsItem(site, item, options), { subject: `news ${item.id}` });
}

/**
 * Whether a news item has a page of its own (/news/<id>/): when its text goes on well beyond its headline, as a
 * report of an event or a longer announcement does; the list then shows the headline and the first paragraph.
 */
export function hasNewsPage(item: News): boolean {
  const blocks = (item.body ?? '').trim().split(/\n\s*\n/).filter((b) => b.trim());
  const rest = item.title ? blocks : blocks.slice(1);
  return rest.length >= 3 || rest.join('\n\n').length > 400;
}

function defaultNewsItem(site: Site, item: News, options: { showPeople?: boolean }): Html {
  const rewrite = (u: string) => projectFileUrl(site, u, 'news');
  const page = hasNewsPage(item);
  const blocks = (item.body?.trim() ?? '').split(/\n\s*\n/);
  // A long item shows its headline (linked to its page) and its first paragraph here.
  const body = page ? blocks.slice(0, item.title ? 1 : 2).join('\n\n') : (item.body?.trim() ?? '');
  const pubs = item.publications.map((k) => site.graph.publications.get(k)).filter((p) => p !== undefined);
  const people = options.showPeople ? item.people : [];
  return html`<li class="news-item" id="news-${item.id}"${item.lang ? html` lang="${item.lang}"` : ''}>
<time datetime="${item.date}">${item.date}</time>
<div class="news-body">
${item.title ? html`<p class="news-title">${page ? html`<a href="${url(site, paths.newsItem(item.id))}">${renderInline(item.title, markdownFor(site, { rewriteUrl: rewrite }))}</a>` : renderInline(item.title, markdownFor(site, { rewriteUrl: rewrite }))}</p>` : ''}
${body ? renderMarkdown(body, markdownFor(site, { rewriteUrl: rewrite, headingStart: 4 })) : ''}
${page ? html`<p class="read-more"><a href="${url(site, paths.newsItem(item.id))}">${site.t.readMore}<span class="visually-hidden">: ${newsHeadline(item)}</span> →</a></p>` : ''}
${pubs.length || people.length
    ? html`<p class="news-refs">${pubs.map(
        (p) => html`<a class="news-ref" href="${url(site, paths.publication(pubSlug(site, p.id)))}">${p.venue?.short ? html`<span class="badge">${p.venue.short}</span> ` : ''}${inlineOnce(site, p.title)}</a>`,
      )}${people.length ? html`<span class="news-people">${people.map((id, i) => html`${i ? ', ' : ''}${personRef(site, { name: id, person: id })}`)}</span>` : ''}</p>`
    : ''}
</div>
</li>`;
}

export function newsList(site: Site, items: News[], options: { showPeople?: boolean } = {}): Html {
  const lang = contentLang(site);
  return html`<ul class="news"${lang ? html` lang="${lang}"` : ''}>${items.map((n) => newsItem(site, n, options))}</ul>`;
}

/** The headline of an item as plain text: its title, or the first line of its body. */
export function newsHeadline(item: News): string {
  if (item.title) return item.title;
  const first = (item.body ?? '').trim().split(/\n\s*\n/)[0] ?? '';
  return first.replace(/\s+/g, ' ').trim();
}
