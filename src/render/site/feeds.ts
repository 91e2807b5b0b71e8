/** Atom feeds of news: the site's (/news/atom.xml) and each person's (/people/<id>/atom.xml), made with `feed`. */
import { Feed } from 'feed';
import type { News, Post } from '../../resolve/graph.js';
import { plainText, renderInline, renderMarkdown } from '../markdown.js';
import { absoluteUrl, markdownFor, paths, url, type Site } from './context.js';
import { escapeHtml } from './html.js';
import { projectFileUrl } from './parts/files.js';
import { hasNewsPage, newsHeadline } from './parts/news.js';
import { firstParagraph, postPath } from './parts/writing.js';

/** The date of a news item as an instant: "2026-02" is read as the first of the month, UTC. */
function newsDate(date: string): Date {
  const [y, m = 1, d = 1] = date.split('-').map(Number) as [number, number?, number?];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Feeds need absolute addresses: without the site's address (baseUrl) there are none, and no links to them. */
export function hasFeeds(site: Site): boolean {
  return site.absoluteBase !== undefined && site.graph.news.length > 0;
}

function link(site: Site, path: string): string {
  return absoluteUrl(site, path) ?? url(site, path);
}

export function newsFeed(site: Site, title: string, items: News[], feedPath: string, pagePath: string): string {
  // The feed changes only when the news does: `updated` is the newest item's date, never the build time.
  const updated = items[0] ? newsDate(items[0].date) : new Date(Date.UTC(2000, 0, 1));
  const feed = new Feed({
    id: link(site, pagePath),
    title,
    link: link(site, pagePath),
    language: site.lang,
    updated,
    generator: 'vita',
    feedLinks: { atom: link(site, feedPath) },
    copyright: title,
  });
  for (const item of items) {
    const anchor = hasNewsPage(item) ? paths.newsItem(item.id) : `${paths.news()}#news-${item.id}`;
    const rewrite = (u: string) => {
      const local = projectFileUrl(site, u, 'news');
      return site.absoluteBase && local.startsWith('/') ? new URL(local, site.absoluteBase).href : local;
    };
    const headline = newsHeadline(item);
    feed.addItem({
      id: link(site, anchor),
      // Atom's title is declared HTML (type="html"): text from the record is escaped so a reader shows it as written.
      title: escapeHtml(plainText(headline)),
      link: link(site, anchor),
      date: newsDate(item.date),
      content: (item.title ? `<p>${renderInline(item.title, markdownFor(site, { rewriteUrl: rewrite })).value}</p>` : '') + renderMarkdown(item.body ?? '', markdownFor(site, { rewriteUrl: rewrite })).value,
    });
  }
  return feed.atom1();
}

/** The blog's feed needs the site's address too, and at least one post. */
export function hasPostsFeed(site: Site): boolean {
  return site.absoluteBase !== undefined && site.graph.posts.length > 0;
}

/** The Atom feed of the posts (/posts/atom.xml): each post whole, its links absolute. */
export function postsFeed(site: Site, title: string, posts: readonly Post[]): string {
  const updated = posts[0] ? newsDate(posts[0].date) : new Date(Date.UTC(2000, 0, 1));
  const feed = new Feed({
    id: link(site, paths.posts()),
    title,
    link: link(site, paths.posts()),
    language: site.lang,
    updated,
    generator: 'vita',
    feedLinks: { atom: link(site, paths.postsFeed()) },
    copyright: title,
  });
  for (const post of posts) {
    const dir = post.file.split('/').slice(0, -1).join('/');
    const rewrite = (u: string) => {
      const local = u.startsWith('#') ? u : projectFileUrl(site, u, dir);
      return site.absoluteBase && local.startsWith('/') ? new URL(local, site.absoluteBase).href : local;
    };
    const summary = post.summary ?? firstParagraph(post.body.text);
    feed.addItem({
      id: link(site, postPath(post)),
      title: escapeHtml(plainText(post.title)),
      link: link(site, postPath(post)),
      date: newsDate(post.date),
      description: summary ? escapeHtml(plainText(summary)) : undefined,
      author: post.authors.map((id) => ({ name: site.graph.people.get(id)?.name ?? id })),
      // `feed` escapes "&" in the category's attribute but not "<", which XML forbids there.
      category: post.tags.map((tag) => ({ name: tag.replace(/[<>]/g, '') })),
      content: renderMarkdown(post.body.text, { rewriteUrl: rewrite }).value,
    });
  }
  return feed.atom1();
}
