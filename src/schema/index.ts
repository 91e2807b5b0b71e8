/** Every record kind's schema, by kind. */
export { Config, type ConfigInput } from './config.js';
export { Person, type PersonInput } from './person.js';
export { Publication, type PublicationInput, type AuthorInput } from './publication.js';
export { News, type NewsInput } from './news.js';
export { Series, Event, type SeriesInput, type EventInput } from './seminar.js';
export * from './common.js';
export { parseAuthorMarks, AUTHOR_ROLES, type AuthorRole } from './author-marks.js';

import { Config } from './config.js';
import { Person } from './person.js';
import { Publication } from './publication.js';
import { News } from './news.js';
import { Series, Event } from './seminar.js';

export const SCHEMAS = { config: Config, person: Person, publication: Publication, news: News, series: Series, event: Event } as const;
export type RecordKind = keyof typeof SCHEMAS;
