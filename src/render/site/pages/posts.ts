/**
 * The blog: a page per post (/posts/<year>/<slug>/, a person's under /people/<id>/posts/), the list of all posts a
 * page of ten at a time, a page per tag and the list of tags, and each person's posts beside their other pages.
 */
import type { Person, Post } from '../../../resolve/graph.js';
import { plainText, renderInline } from '../../markdown.js';
import { absoluteUrl, paths, url, type Site } from '../context.js';
import { hasPostsFeed } from '../feeds.js';
import { html, type Html } from '../html.js';
import type { Page } from '../layout.js';
import { personPath, shortName } from '../parts/person-name.js';
import { personHeader } from '../parts/person-header.js';
import {
  firstParagraph,
  POSTS_PER_PAGE,
  postList,
  postMeta,
  postPageCount,
  postPath,
  postStream,
  postTags,
  tagLinks,
  writtenLang,
  writtenText,
} from '../parts/writing.js';

function feedHead(site: Site): Html | undefined {
  return hasPostsFeed(site) ? html`<link rel="alternate" type="application/atom+xml" title="${site.t.blog}" href="${url(site, paths.postsFeed())}">` : undefined;
}

function feedLink(site: Site): Html {
  return hasPostsFeed(site) ? html`<p class="see-also"><a href="${url(site, paths.tags())}">${site.t.tags}</a> · <a href="${url(site, paths.postsFeed())}">${site.t.feed}</a></p>` : html`<p class="see-also"><a href="${url(site, paths.tags())}">${site.t.tags}</a></p>`;
}

/** Page `n` (from 1) of the list of all posts. */
export function postsPage(site: Site, n: number): Page {
  const t = site.t;
  const total = postPageCount(site);
  const posts = site.graph.posts.slice((n - 1) * POSTS_PER_PAGE, n * POSTS_PER_PAGE);
  const pager =
    total > 1
      ? html`<nav class="pager" aria-label="${t.pagination}">
${n > 1 ? html`<a rel="prev" href="${url(site, paths.postsPage(n - 1))}">← ${t.newerPosts}</a>` : html`<span></span>`}
<span class="muted">${t.pageOf(n, total)}</span>
${n < total ? html`<a rel="next" href="${url(site, paths.postsPage(n + 1))}">${t.olderPosts} →</a>` : html`<span></span>`}
</nav>`
      : '';
  const body = html`<header class="page-head"><h1>${t.blog}</h1>${n > 1 ? html`<p class="subtitle">${t.pageOf(n, total)}</p>` : ''}</header>
${feedLink(site)}
${postList(site, posts)}
${pager}`;
  // A list: the posts' own pages are what search finds.
  return { path: paths.postsPage(n), title: n > 1 ? `${t.blog} · ${t.pageOf(n, total)}` : t.blog, body, nav: 'blog', head: feedHead(site), unsearchable: true };
}

/** The posts with one tag. */
export function tagPage(site: Site, tagSlug: string): Page {
  const t = site.t;
  const entry = postTags(site).get(tagSlug)!;
  const body = html`<header class="page-head"><p class="kicker"><a href="${url(site, paths.posts())}">${t.blog}</a></p><h1>${t.taggedWith(entry.tag)}</h1></header>
${postList(site, entry.posts)}
<p class="see-also"><a href="${url(site, paths.tags())}">${t.tags}</a> · <a href="${url(site, paths.posts())}">${t.allPosts}</a></p>`;
  return { path: paths.tag(tagSlug), title: t.taggedWith(entry.tag), body, nav: 'blog', head: feedHead(site), unsearchable: true };
}

/** Every tag, with how many posts carry it. */
export function tagsPage(site: Site): Page {
  const t = site.t;
  const tags = [...postTags(site)];
  const body = html`<header class="page-head"><p class="kicker"><a href="${url(site, paths.posts())}">${t.blog}</a></p><h1>${t.tags}</h1></header>
<ul class="tag-list">${tags.map(([key, { tag, posts }]) => html`<li><a href="${url(site, paths.tag(key))}">${tag}</a> <span class="muted">${posts.length}</span></li>`)}</ul>`;
  return { path: paths.tags(), title: t.tags, body, nav: 'blog', unsearchable: true };
}

/** A person's posts, beside their other pages. */
export function personPostsPage(site: Site, person: Person, posts: readonly Post[]): Page {
  const t = site.t;
  const body = html`${personHeader(site, person, t.blog, 'posts')}
${postList(site, posts)}`;
  return { path: paths.personPosts(person.id), title: `${t.blog} · ${shortName(site, person)}`, body, nav: site.owner === person.id ? 'blog' : 'group', head: feedHead(site), unsearchable: true };
}

export function postPage(site: Site, post: Post): Page {
  const t = site.t;
  const lang = writtenLang(site, post.lang);
  const text = writtenText(site, post.body, { lang, listed: post.publications });
  const stream = postStream(site, post);
  const at = stream.indexOf(post);
  const newer = at > 0 ? stream[at - 1] : undefined;
  const older = at >= 0 ? stream[at + 1] : undefined;
  const person = post.person ? site.graph.people.get(post.person) : undefined;
  const kicker = person
    ? html`<a href="${url(site, personPath(site, person.id))}">${shortName(site, person)}</a> · <a href="${url(site, paths.personPosts(person.id))}">${t.blog}</a>`
    : html`<a href="${url(site, paths.posts())}">${t.blog}</a>`;
  const body = html`<article class="post"${lang ? html` lang="${lang}"` : ''}>
<header class="page-head">
<p class="kicker">${kicker}</p>
<h1>${renderInline(post.title)}</h1>
${postMeta(site, post, { authors: !site.owner || post.authors.some((a) => a !== site.owner) })}
${post.tags.length ? html`<p class="post-tags">${tagLinks(site, post.tags)}</p>` : ''}
</header>
${text.body}
${text.references ?? ''}
${newer || older
    ? html`<nav class="post-nav" aria-label="${t.morePosts}">
${newer ? html`<a rel="prev" href="${url(site, postPath(newer))}"><span class="muted">${t.newerPost}</span> ${renderInline(newer.title)}</a>` : html`<span></span>`}
${older ? html`<a rel="next" href="${url(site, postPath(older))}"><span class="muted">${t.olderPost}</span> ${renderInline(older.title)}</a>` : html`<span></span>`}
</nav>`
    : ''}
</article>`;
  const summary = post.summary ?? firstParagraph(post.body.text);
  return {
    path: postPath(post),
    title: plainText(post.title),
    description: summary ? plainText(summary).slice(0, 300) : undefined,
    body,
    ogType: 'article',
    nav: person && site.owner !== person.id ? 'group' : 'blog',
    head: feedHead(site),
    data: [
      {
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        headline: plainText(post.title),
        datePublished: post.date,
        url: absoluteUrl(site, postPath(post)),
        author: post.authors.map((id) => ({ '@type': 'Person', name: site.graph.people.get(id)?.name ?? id, url: absoluteUrl(site, personPath(site, id)) })),
        keywords: post.tags.length ? post.tags.join(', ') : undefined,
      },
    ],
  };
}
