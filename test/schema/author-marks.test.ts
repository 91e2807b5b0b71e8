import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUTHOR_ROLES, parseAuthorMarks } from '../../src/schema/author-marks.js';

const cases: [written: string, name: string, roles: string[]][] = [
  ['Yang Song*', 'Yang Song', ['equal']],
  ['Yang Song *', 'Yang Song', ['equal']],
  ['Yang Song＊', 'Yang Song', ['equal']],
  ['Wang, Mingze#', 'Wang, Mingze', ['equal']],
  ['Mingze Wang\\ast', 'Mingze Wang', ['equal']],
  ['Mingze Wang^*', 'Mingze Wang', ['equal']],
  ['Mingze Wang^{*}', 'Mingze Wang', ['equal']],
  ['Mingze Wang$^*$', 'Mingze Wang', ['equal']],
  ['Mingze Wang\\textsuperscript{*}', 'Mingze Wang', ['equal']],
  ['Mingze Wang<sup>*</sup>', 'Mingze Wang', ['equal']],
  ['Mingze Wang†', 'Mingze Wang', ['lead']],
  ['Mingze Wang‡', 'Mingze Wang', ['lead']],
  ['Mingze Wang\\dag', 'Mingze Wang', ['lead']],
  ['Mingze Wang\\dagger', 'Mingze Wang', ['lead']],
  ['Mingze Wang$^\\dagger$', 'Mingze Wang', ['lead']],
  ['Mingze Wang$^{\\dag}$', 'Mingze Wang', ['lead']],
  ['Mingze Wang\\textsuperscript{\\dag}', 'Mingze Wang', ['lead']],
  ['Mingze Wang[†]', 'Mingze Wang', ['lead']],
  ['Mingze Wang [†]', 'Mingze Wang', ['lead']],
  ['Mingze Wang✉', 'Mingze Wang', ['corresponding']],
  ['Mingze Wang ✉️', 'Mingze Wang', ['corresponding']],
  ['Mingze Wang\\Letter', 'Mingze Wang', ['corresponding']],
  ['Mingze Wang\\envelope', 'Mingze Wang', ['corresponding']],
  ['Mingze Wang*,†', 'Mingze Wang', ['equal', 'lead']],
  ['Mingze Wang*†', 'Mingze Wang', ['equal', 'lead']],
  ['Mingze Wang * , †', 'Mingze Wang', ['equal', 'lead']],
  ['Mingze Wang$^{*\\dagger}$', 'Mingze Wang', ['equal', 'lead']],
  ['Mingze Wang$^*$\\textsuperscript{\\dag}', 'Mingze Wang', ['equal', 'lead']],
  ['Mingze Wang[*,†]', 'Mingze Wang', ['equal', 'lead']],
  ['Mingze Wang*✉', 'Mingze Wang', ['equal', 'corresponding']],
];

test('marks in every written form become roles', () => {
  for (const [written, name, roles] of cases) {
    assert.deepEqual(parseAuthorMarks(written), { name, roles }, written);
  }
});

test('names without marks are left exactly as they are', () => {
  for (const name of ['Weinan E', 'Yi-An Ma', 'J. Doe', "Conor O'Brien", 'Jean-Pierre Serre', 'Lei Wu (PKU)', 'Martin Luther King, Jr.', '吴磊', 'Th{\\\'e}o Ryffel']) {
    assert.deepEqual(parseAuthorMarks(name), { name, roles: [] }, name);
  }
});

test('roles come in the order of AUTHOR_ROLES, once each', () => {
  assert.deepEqual(parseAuthorMarks('Mingze Wang✉†*').roles, [...AUTHOR_ROLES]);
  assert.deepEqual(parseAuthorMarks('Mingze Wang**').roles, ['equal']);
  assert.deepEqual(parseAuthorMarks('Mingze Wang*#').roles, ['equal']);
});

test('a command that merely starts like a mark is not one', () => {
  assert.deepEqual(parseAuthorMarks('Mingze Wang\\daggerx'), { name: 'Mingze Wang\\daggerx', roles: [] });
});

test('something that is only marks keeps its text and gets no role', () => {
  assert.deepEqual(parseAuthorMarks('*'), { name: '*', roles: [] });
});

test('spaces are trimmed and collapsed', () => {
  assert.deepEqual(parseAuthorMarks('  Mingze   Wang  * '), { name: 'Mingze Wang', roles: ['equal'] });
});
