/** Projects: a grid of cards (/projects/), current ones first, and a page for each (/projects/<slug>/). */
import type { Project } from '../../../resolve/graph.js';
import { plainText } from '../../markdown.js';
import { localText, paths, url, type Site } from '../context.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import { projectFileUrl } from '../parts/files.js';
import { personRef } from '../parts/person-name.js';
import { pictureFor } from '../parts/picture.js';
import { firstParagraph, isPastProject, projectCard, projectPeriod, writtenLang, writtenText } from '../parts/writing.js';

export function projectsPage(site: Site): Page {
  const t = site.t;
  const all = site.graph.projects;
  const current = all.filter((p) => !isPastProject(site, p));
  const past = all.filter((p) => isPastProject(site, p));
  // Under "Current projects" and "Past projects" the cards' titles are h3; alone under the page's h1, h2.
  const grid = (projects: Project[], level: 2 | 3) => html`<ul class="project-grid">${projects.map((p) => projectCard(site, p, level))}</ul>`;
  const body = html`<header class="page-head"><h1>${t.projects}</h1></header>
${current.length && past.length ? html`<section id="current"><h2>${t.currentProjects}</h2>${grid(current, 3)}</section>` : current.length ? grid(current, 2) : ''}
${past.length ? html`<section id="past"><h2>${t.pastProjects}</h2>${grid(past, 3)}</section>` : ''}`;
  // A list: the projects' own pages are what search finds.
  return { path: paths.projects(), title: t.projects, body, nav: 'projects', wide: true, unsearchable: true };
}

export function projectPage(site: Site, project: Project): Page {
  const t = site.t;
  const title = localText(site, project.title);
  const lang = writtenLang(site, project.lang);
  const text = writtenText(site, project.body, { lang, listed: project.publications });
  const period = projectPeriod(site, project);
  const links = Object.entries(project.links);
  const body = html`<article class="project"${lang ? html` lang="${lang}"` : ''}>
<header class="page-head">
<p class="kicker"><a href="${url(site, paths.projects())}">${t.projects}</a>${period ? html` · ${period}` : ''}</p>
<h1>${title}</h1>
${project.people.length ? html`<p class="project-people">${project.people.map((id, i) => html`${i ? ', ' : ''}${personRef(site, { name: id, person: id })}`)}</p>` : ''}
${links.length ? html`<p class="pub-actions">${links.map(([kind, href]) => html`<a class="action" href="${projectFileUrl(site, href)}">${t.linkNames[kind] ?? kind}</a>`)}</p>` : ''}
</header>
${project.image ? html`<figure class="project-figure">${pictureFor(site, project.image, { alt: project.imageAlt ?? '', className: 'project-image', sizes: '(min-width: 45rem) 43rem, 100vw', eager: true })}</figure>` : ''}
${text.body}
${text.references ?? ''}
${project.tags.length ? html`<p class="topics"><span class="label">${t.topics}</span> ${project.tags.map((x) => html`<span class="tag">${x}</span> `)}</p>` : ''}
</article>`;
  const summary = project.summary ?? firstParagraph(project.body.text);
  return {
    path: paths.project(project.id),
    title,
    description: summary ? plainText(summary).slice(0, 300) : undefined,
    body,
    nav: 'projects',
    image: project.image && !/^[a-z][a-z0-9+.-]*:/i.test(project.image) ? project.image.replace(/^\/+/, '') : undefined,
  };
}
