import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { html, join, trustedHtml } from '../../../src/render/site/html.js';

describe('html: long markup in pieces', () => {
  const item = (i: number) => html`<li data-i="${i}">${'<x>'.repeat(50)} ${trustedHtml('<b>ok</b>')}</li>`;

  it('keeps a short fragment as one string', () => {
    const h = html`<p>${'a & b'}</p>`;
    assert.equal(typeof h.markup, 'string');
    assert.equal(h.value, '<p>a &amp; b</p>');
  });

  it('keeps a long list in pieces of bounded size, joined to exactly the same markup', () => {
    const items = Array.from({ length: 5000 }, (_x, i) => item(i));
    const list = html`<ol>${items}</ol>`;
    const whole = '<ol>' + items.map((i) => i.value).join('') + '</ol>';
    assert.ok(list.pieces.length > 10, `${list.pieces.length} pieces`);
    assert.ok(list.pieces.every((p) => p.length <= 2 * 16_384), 'no piece is long enough for V8’s large-object space');
    assert.equal(list.value, whole);
    // Nested in a page, the pieces are carried over, not joined.
    const page = html`<main>${list}</main>`;
    assert.equal(page.value, `<main>${whole}</main>`);
    assert.ok(page.pieces.length >= list.pieces.length);
  });

  it('joins with separators, leaving out empty items, across pieces too', () => {
    assert.equal(join(['a', '', null, html`<i>b</i>`, 'c<'], ', ').value, 'a, <i>b</i>, c&lt;');
    const many = join(Array.from({ length: 3000 }, (_x, i) => item(i)), html`<br>`);
    assert.equal(many.value, Array.from({ length: 3000 }, (_x, i) => item(i).value).join('<br>'));
  });
});
