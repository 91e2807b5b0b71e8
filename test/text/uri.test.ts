import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePath } from '../../src/text/uri.js';

test('a "%" that starts no escape is a literal "%", never an exception', () => {
  assert.equal(decodePath('assets/100%.pdf'), 'assets/100%.pdf');
  assert.equal(decodePath('assets/a%zz.jpg'), 'assets/a%zz.jpg');
  assert.equal(decodePath('%'), '%');
  assert.equal(decodePath('50%%20off'), '50% off');
  assert.throws(() => decodeURI('assets/100%.pdf'), URIError, 'what decodePath stands in for');
});

test('escapes are decoded, as decodeURI does; reserved ones stay; bytes that are not UTF-8 stay as written', () => {
  assert.equal(decodePath('my%20paper.pdf'), 'my paper.pdf');
  assert.equal(decodePath('%E5%90%B4.pdf'), '吴.pdf');
  assert.equal(decodePath('a%2Fb'), 'a%2Fb');
  assert.equal(decodePath('%E5%90.pdf'), '%E5%90.pdf');
  assert.equal(decodePath('%C3%28%20x'), '%C3( x');
});
