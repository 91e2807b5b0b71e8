/**
 * What the owner writes beyond the record, as pages show it: hand-written pages, posts and projects, and the
 * links between them and the people and publications they name. Their text is rendered as a research statement
 * is: `[@key]` citations numbered in the order they are first cited, linked to the references listed under it.
 */
import { numberPublications, replaceCitations } from '../../../resolve/citations.js';
import type { Post, Project, Prose, SitePage } from '../../../resolve/graph.js';
import { renderInline, renderMarkdown } from '../../markdown.js';
import { contentLang, localText, paths, slug, url, type Site } from '../context.js';
import { html, type Html } from '../html.js';
import { memo, memoShared } from '../memo.js';
import { isProjectPath, projectFileUrl } from './files.js';
import { personRef } from './person-name.js';
import { pictureFor } from './picture.js';
import { publicationList } from './publications.js';

/** A hand-written text with its references: the body, and the list of what it cites (undefined when it cites nothing). */
export interface WrittenText {
  body: Html;
  references: Html | undefined;
}

/** A page's, post's or project's text: links to project files made into site links, citations numbered and linked. */
export function writtenText(site: Site, prose: Prose, options: { lang?: string; listed?: readonly string[] } = {}): WrittenText {
  const dir = prose.file.split('/').slice(0, -1).join('/');
  // One list under the text: the publications the record lists for it (a project's, a post's), then those it cites.
  const listed = options.listed ?? [];
  const keys = [...listed, ...prose.cites.filter((k) => !listed.includes(k))];
  const pubs = keys.map((k) => site.graph.publications.get(k)).filter((p) => p !== undefined);
  const numbers = numberPublications(pubs.map((p) => p.id), 'ascending');
  const text = pubs.length
    ? replaceCitations(prose.text, numbers, (cited) => cited.map((c) => (c.number === undefined ? `[?${c.key}]` : `[\\[${c.number}\\]](#pub-${c.number})`)).join(''))
    : prose.text;
  const rendered = renderMarkdown(text, { rewriteUrl: (u) => rewriteLink(site, u, dir), minHeading: 2 });
  const lang = options.lang ?? contentLang(site);
  const body = html`<div class="prose"${lang ? html` lang="${lang}"` : ''}>${rendered}</div>`;
  const references = pubs.length
    ? html`<section id="${listed.length ? 'publications' : 'references'}" class="references"><h2>${listed.length ? site.t.publications : site.t.references}</h2>${publicationList(site, pubs, { numbers, groupBy: 'none', headingLevel: 3 })}</section>`
    : undefined;
  return { body, references };
}

/**
 * A link in the owner's text: a file of the project becomes its copy in the site; a page of the site, written as
 * its folder ("/join/", "/posts/"), stays in the language of the page it is on.
 */
function rewriteLink(site: Site, target: string, dir: string): string {
  if (target.startsWith('#') || !isProjectPath(target)) return target;
  const path = target.split(/[?#]/)[0]!;
  if (path.startsWith('/') && path.endsWith('/')) return url(site, path) + target.slice(path.length);
  return projectFileUrl(site, target, dir);
}

/** The language to mark a record's text with on this page, when it differs from the page's. */
export function writtenLang(site: Site, lang: string | undefined): string | undefined {
  if (lang) return lang === site.lang ? undefined : lang;
  return contentLang(site);
}

/** Minutes a reader takes, as blogs count them: 220 words a minute, or 400 characters of Chinese, Japanese or Korean. */
export function readingMinutes(text: string): number {
  const plain = text.replace(/```[\s\S]*?```/g, ' ').replace(/\$\$[\s\S]*?\$\$/g, ' ');
  const cjk = plain.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  const words = plain.replace(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / 220 + cjk / 400));
}

/** The first paragraph of a Markdown text, for a summary: no headings, lists, quotes or math blocks. */
export function firstParagraph(text: string): string {
  for (const block of text.split(/\n\s*\n/)) {
    const b = block.trim();
    if (b && !/^(#|[-*+] |\d+\. |>|\$\$|```|!\[|<|\|)/.test(b)) return b.replace(/\s*\n\s*/g, ' ');
  }
  return '';
}

/** Items by the people they belong to, in their order, made once per graph: a department has a thousand people. */
function byPerson<T>(site: Site, kind: string, items: readonly T[], people: (item: T) => readonly string[]): Map<string, T[]> {
  return memoShared(site, `by-person-${kind}`, '', () => {
    const map = new Map<string, T[]>();
    for (const item of items) for (const id of people(item)) (map.get(id) ?? map.set(id, []).get(id)!).push(item);
    return map;
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Pages

/** The pages a person has beside their About, Publications and CV, in tab order. */
export function personPages(site: Site, id: string): SitePage[] {
  const none: SitePage[] = [];
  if (!site.graph.pages.length) return none;
  return memo(site, 'person-pages', id, () => byOrder(site, byPerson(site, 'pages', site.graph.pages, (p) => (p.person ? [p.person] : [])).get(id) ?? none));
}

/** The site's pages that ask for a place in the navigation, in order. */
export function menuPages(site: Site): SitePage[] {
  return memo(site, 'menu-pages', '', () => byOrder(site, site.graph.pages.filter((p) => !p.person && p.menu !== undefined && p.menu !== false)));
}

/** The label of a page in the navigation or among a person's tabs. */
export function menuLabel(site: Site, page: SitePage): string {
  return typeof page.menu === 'string' || (typeof page.menu === 'object' && page.menu) ? localText(site, page.menu) : localText(site, page.title);
}

function byOrder(site: Site, pages: SitePage[]): SitePage[] {
  return [...pages].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || localText(site, a.title).localeCompare(localText(site, b.title)) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------------------------------
// Posts

/** How many posts a page of the list shows, as Hugo's and Jekyll's paginators do. */
export const POSTS_PER_PAGE = 10;

/** The year of a post's date, the first part of its folder. */
export function postYear(post: Post): string {
  return post.date.slice(0, 4);
}

/** A post's page: under the person's folder for a person's post. */
export function postPath(post: Post): string {
  return post.person ? paths.personPost(post.person, postYear(post), post.slug) : paths.post(postYear(post), post.slug);
}

/** A person's posts, newest first. */
export function personPosts(site: Site, id: string): Post[] {
  return byPerson(site, 'posts', site.graph.posts, (p) => (p.person ? [p.person] : [])).get(id) ?? [];
}

/** The posts a post is read among (its list, for previous and next): the person's, or all of the site's. */
export function postStream(site: Site, post: Post): Post[] {
  return post.person ? personPosts(site, post.person) : site.graph.posts;
}

/** Tags by their folder name, each with its posts (newest first), in the order of the tags' names. */
export function postTags(site: Site): Map<string, { tag: string; posts: Post[] }> {
  return memoShared(site, 'post-tags', '', () => {
    const tags = new Map<string, { tag: string; posts: Post[] }>();
    for (const post of site.graph.posts) for (const tag of post.tags) {
      const key = slug(tag);
      const entry = tags.get(key) ?? tags.set(key, { tag, posts: [] }).get(key)!;
      if (!entry.posts.includes(post)) entry.posts.push(post);
    }
    return new Map([...tags].sort((a, b) => a[1].tag.localeCompare(b[1].tag)));
  });
}

/** The number of pages of the site's list of posts. */
export function postPageCount(site: Site): number {
  return Math.max(1, Math.ceil(site.graph.posts.length / POSTS_PER_PAGE));
}

export function tagLinks(site: Site, tags: readonly string[]): Html {
  return html`${tags.map((tag) => html`<a class="tag" href="${url(site, paths.tag(slug(tag)))}">${tag}</a> `)}`;
}

/** Date, reading time and, on a group's site, who wrote it. */
export function postMeta(site: Site, post: Post, options: { authors: boolean }): Html {
  const t = site.t;
  return html`<p class="post-meta"><time datetime="${post.date}">${post.date}</time> · ${t.readingTime(readingMinutes(post.body.text))}${
    options.authors && post.authors.length ? html` · ${t.writtenBy} ${post.authors.map((id, i) => html`${i ? ', ' : ''}${personRef(site, { name: id, person: id })}`)}` : ''
  }</p>`;
}

/** One post in a list: its title, date, reading time, summary and tags. */
export function postItem(site: Site, post: Post): Html {
  const summary = post.summary ?? firstParagraph(post.body.text);
  const lang = writtenLang(site, post.lang);
  return html`<li class="post-item"${lang ? html` lang="${lang}"` : ''}>
<h2 class="post-title"><a href="${url(site, postPath(post))}">${renderInline(post.title)}</a></h2>
${postMeta(site, post, { authors: !site.owner })}
${summary ? html`<div class="post-summary">${renderMarkdown(summary, { rewriteUrl: (u) => projectFileUrl(site, u, post.file.split('/').slice(0, -1).join('/')) })}</div>` : ''}
${post.tags.length ? html`<p class="post-tags">${tagLinks(site, post.tags)}</p>` : ''}
</li>`;
}

export function postList(site: Site, posts: readonly Post[]): Html {
  return posts.length ? html`<ul class="posts">${posts.map((p) => postItem(site, p))}</ul>` : html`<p class="muted">${site.t.noPosts}</p>`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Projects

/** Projects a person works on, in the grid's order. */
export function personProjects(site: Site, id: string): Project[] {
  return byPerson(site, 'projects', site.graph.projects, (p) => p.people).get(id) ?? [];
}

/** Projects a publication belongs to. */
export function publicationProjects(site: Site, key: string): Project[] {
  const byKey = memoShared(site, 'publication-projects', '', () => {
    const map = new Map<string, Project[]>();
    for (const project of site.graph.projects) for (const k of project.publications) (map.get(k) ?? map.set(k, []).get(k)!).push(project);
    return map;
  });
  return byKey.get(key) ?? [];
}

/** Whether a project has ended: its end date is given, is not "present", and is before today. */
export function isPastProject(site: Site, project: Project): boolean {
  if (!project.end || project.end === 'present') return false;
  return project.end < site.now.toISOString().slice(0, project.end.length);
}

/** "2021 – present", "2019 – 2023", "since 2024". */
export function projectPeriod(site: Site, project: Project): string {
  const start = project.start?.slice(0, 4);
  const end = project.end === 'present' ? site.t.present : project.end?.slice(0, 4);
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return `${start} – ${site.t.present}`;
  return end ?? '';
}

/** A project's card in the grid: picture, title, years, summary, tags. */
export function projectCard(site: Site, project: Project, headingLevel: 2 | 3 = 3): Html {
  const title = localText(site, project.title);
  const summary = project.summary ?? firstParagraph(project.body.text);
  const lang = writtenLang(site, project.lang);
  const period = projectPeriod(site, project);
  return html`<li class="project-card"${lang ? html` lang="${lang}"` : ''}>
${project.image ? pictureFor(site, project.image, { alt: '', className: 'project-image', sizes: '(min-width: 45rem) 20rem, 100vw' }) : ''}
<div class="project-text">
${headingLevel === 2
    ? html`<h2 class="project-title"><a href="${url(site, paths.project(project.id))}">${title}</a></h2>`
    : html`<h3 class="project-title"><a href="${url(site, paths.project(project.id))}">${title}</a></h3>`}
${period ? html`<p class="project-period">${period}</p>` : ''}
${summary ? renderMarkdown(summary, { rewriteUrl: (u) => projectFileUrl(site, u, 'projects') }) : ''}
${project.tags.length ? html`<p class="project-tags">${project.tags.map((tag) => html`<span class="tag">${tag}</span> `)}</p>` : ''}
</div>
</li>`;
}

/** Links to projects, for a person's and a publication's pages: "Projects: A, B". */
export function projectLinks(site: Site, projects: readonly Project[]): Html {
  return html`${projects.map((p, i) => html`${i ? ', ' : ''}<a href="${url(site, paths.project(p.id))}">${localText(site, p.title)}</a>`)}`;
}
