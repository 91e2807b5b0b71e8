/** Every record kind's schema, by kind. */
export { Config, type ConfigInput } from './config.js';
export { Person, type PersonInput } from './person.js';
export { Publication, type PublicationInput, type AuthorInput } from './publication.js';
export { News, type NewsInput } from './news.js';
export { Series, Event, EventLinks, type SeriesInput, type EventInput, type EventLinksInput } from './seminar.js';
export { SitePage, PAGE_LAYOUTS, type SitePageInput } from './page.js';
export { Post, type PostInput } from './post.js';
export { Project, type ProjectInput } from './project.js';
export * from './common.js';
export { parseAuthorMarks, AUTHOR_ROLES, type AuthorRole } from './author-marks.js';

import { Config } from './config.js';
import { Person } from './person.js';
import { Publication } from './publication.js';
import { News } from './news.js';
import { Series, Event } from './seminar.js';
import { SitePage } from './page.js';
import { Post } from './post.js';
import { Project } from './project.js';

export const SCHEMAS = { config: Config, person: Person, publication: Publication, news: News, series: Series, event: Event, page: SitePage, post: Post, project: Project } as const;
export type RecordKind = keyof typeof SCHEMAS;
