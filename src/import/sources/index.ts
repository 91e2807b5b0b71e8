/** Every source kind vita imports. */
import type { ImportSource } from '../bundle.js';
import { academicPagesSource } from './academicpages.js';
import { alFolioSource } from './al-folio.js';
import { bibtexSource } from './bibtex.js';
import { icsSource } from './ics.js';
import { seminarDataSource, seminarSiteSource } from './seminar-site.js';
import { hugoBloxSource } from './hugo-blox.js';
import { jemdocSource } from './jemdoc.js';
import { jsonResumeSource } from './json-resume.js';
import { markdownCvSource } from './markdown-cv.js';
import { renderCvSource } from './rendercv.js';
import { ONLINE_SOURCES } from '../online/index.js';

export const SOURCES: readonly ImportSource[] = [bibtexSource, alFolioSource, jsonResumeSource, renderCvSource, hugoBloxSource, academicPagesSource, jemdocSource, markdownCvSource, icsSource, seminarSiteSource, seminarDataSource, ...ONLINE_SOURCES];
