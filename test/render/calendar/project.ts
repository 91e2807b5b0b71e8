// A small seminar project written to a temporary folder, for the calendar, announcement and resolver tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openProject, type ProjectResult } from '../../../src/index.js';

/** Writes `files` (path -> text) into a fresh folder, opens it as a project, and deletes the folder. */
export function projectFrom(files: Record<string, string>): ProjectResult {
  const root = mkdtempSync(join(tmpdir(), 'vita-seminars-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return openProject(root, { today: new Date('2026-01-01') });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const LONG_ABSTRACT = [
  'We study the training dynamics of two-layer networks $f(x) = \\sum_{k=1}^m a_k \\sigma(w_k^\\top x)$ in the mean-field',
  'regime and show that the loss decays like $\\mathcal{O}(t^{-\\alpha})$ with an exponent that depends on the spectrum',
  'of the kernel, $\\lambda_k \\asymp k^{-\\beta}$.',
  '',
  'In the second part, *joint work* with the group at **Peking University** (北京大学), we turn to transformers and',
  'explain why [sharpness](https://example.org/sharpness) differs across blocks. ',
].join('\n');

/** A group with a New York series (DST changes), a cancelled and a postponed talk, CJK text and an online link. */
export const SEMINAR_PROJECT: Record<string, string> = {
  'vita.yaml': ['title: Test Group', 'baseUrl: https://seminars.example.edu/group/', 'languages: [en, zh]', ''].join('\n'),
  'people/ada-li.yaml': [
    'name: {en: Ada Li, zh: 李雅}',
    'email: ada@example.edu',
    'affiliations:',
    '  - name: Department of Mathematics',
    '    institution: Example University',
    'bio: Ada Li works on the theory of deep learning.',
    'talks:',
    '  - title: Scaling laws, revisited',
    '    event: Workshop on Learning Theory',
    '    host: Institute for Advanced Study',
    '    place: Princeton, NJ',
    '    date: 2025-05-20',
    '  - event: Annual Meeting',
    '    date: 2024-10',
    '',
  ].join('\n'),
  'seminars/nyc-seminar/series.yaml': [
    'name: {en: Applied Math Seminar, zh: 应用数学讨论班}',
    'short: AM Seminar',
    'host:',
    '  name: {en: Courant Institute, zh: 柯朗研究所}',
    '  address: 251 Mercer Street, New York, NY',
    '  email: seminar@example.edu',
    '  phone: +1 212 998 3000',
    'timezone: America/New_York',
    'duration: 60',
    'venue:',
    '  name: Warren Weaver Hall 1302',
    '  address: 251 Mercer Street, New York',
    '',
  ].join('\n'),
  // Before the spring change (EST, UTC-5).
  'seminars/nyc-seminar/2025-03-07-ada-li.yaml': [
    'title: Mean-field dynamics of two-layer networks',
    'speaker: ada-li',
    "start: '2025-03-07 14:00'",
    "end: '2025-03-07 15:00'",
    'abstract: |-',
    ...LONG_ABSTRACT.split('\n').map((l) => (l ? `  ${l}` : '')),
    '',
  ].join('\n'),
  // After the spring change (EDT, UTC-4).
  'seminars/nyc-seminar/2025-03-14-grace.yaml': [
    'title: Optimal transport, regularised; with commas, semicolons and a backslash \\ in it',
    'speaker:',
    '  name: Grace Hopper',
    '  affiliation: Yale University',
    "start: '2025-03-14 14:00'",
    'sequence: 2',
    'venue:',
    '  name: Online',
    '  online: https://zoom.example.com/j/123456789',
    '',
  ].join('\n'),
  'seminars/nyc-seminar/2025-04-04-cancelled.yaml': [
    'title: A talk that will not happen',
    'speaker: {name: Alan Turing, affiliation: University of Manchester}',
    "start: '2025-04-04 14:00'",
    'status: cancelled',
    'sequence: 1',
    '',
  ].join('\n'),
  'seminars/nyc-seminar/2025-04-11-postponed.yaml': [
    'title: A talk moved to a later date',
    'speaker: {name: Emmy Noether}',
    "start: '2025-04-11 14:00'",
    'status: postponed',
    '',
  ].join('\n'),
  // After the autumn change (EST again).
  'seminars/nyc-seminar/2025-11-07-ada-li.yaml': [
    'title: 深度学习的数学理论：一个很长的中文标题，用来检验按字节折行是否正确，不会把一个汉字切成两半',
    'speaker: {person: ada-li, affiliation: 北京大学数学科学学院}',
    "start: '2025-11-07 14:00'",
    'abstract: 我们研究两层神经网络的训练动力学，并说明损失以多项式速度下降。这一段文字足够长，可以检验折行。',
    '',
  ].join('\n'),
};

/** Two talks with links: one with all four (its slides a PDF of the project), one with slides in the older place. */
export const LINKED_TALKS: Record<string, string> = {
  ...SEMINAR_PROJECT,
  'seminars/nyc-seminar/2025-05-02-links.yaml': [
    'title: A talk with its links',
    'speaker: {name: Katherine Johnson}',
    "start: '2025-05-02 14:00'",
    'links:',
    '  page: https://indico.example.org/event/7/',
    '  slides: seminars/nyc-seminar/slides/johnson.pdf',
    '  video: https://video.example.org/johnson',
    '  paper: https://arxiv.org/abs/2505.00001',
    '',
  ].join('\n'),
  'seminars/nyc-seminar/slides/johnson.pdf': '%PDF-1.4\n%%EOF\n',
  'seminars/nyc-seminar/2025-05-09-older.yaml': [
    'title: Slides in the older place',
    'speaker: {name: Dorothy Vaughan}',
    "start: '2025-05-09 14:00'",
    'slides: https://example.org/vaughan.pdf',
    '',
  ].join('\n'),
};
