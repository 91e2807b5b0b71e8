/**
 * Typesetting in a real browser (Chromium, see test/chromium.ts; skipped without it): inline math never parts from
 * the text it touches ("$n$-gram" is never "n | -gram" at any width), and Latin punctuation (quotes, daggers) is
 * drawn by a Latin font, not full-width by the CJK font, on a machine without the preferred book serifs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { renderInline, renderMarkdown } from '../../../src/render/markdown.js';
import { CSS } from '../../../src/render/site/assets/style.js';
import { CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM } from '../../chromium.js';
const KATEX_CSS = readFileSync('node_modules/katex/dist/katex.min.css', 'utf8');

describe('typesetting in the browser', { skip: NO_CHROMIUM }, () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
  });

  it('inline math stays on the line of the word it is joined to, at every width', async () => {
    const prose = renderMarkdown(
      'We compare an $n$-gram model with a $k$-nearest-neighbour rule and bound the $L^2$-norm of the error, ' +
        'which is $O(n^{-1/2})$. The $\\ell_1$-penalised estimator ($\\lambda$-path) and the $n$-th iterate, ' +
        'in the $d$-dimensional case ($d \\ge 3$), converge.',
    ).value;
    const title = renderInline('Learning $n$-grams with $\\epsilon$-greedy search').value;
    await page.setContent(`<!doctype html><html lang="en"><head><style>${CSS}</style><style>${KATEX_CSS}</style></head><body><main><div id="box"><p>${prose}</p><h1>${title}</h1></div></main></body></html>`);
    // A string, not a function: the test's transpiler would add helpers the page does not have.
    const parted = (await page.evaluate(`(() => {
      const box = document.getElementById('box');
      const found = [];
      const charRect = (node, i) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect();
      };
      for (let width = 40; width <= 520; width += 2) {
        box.style.width = width + 'px';
        for (const math of box.querySelectorAll('.katex')) {
          const rect = math.getBoundingClientRect();
          const onLine = (r) => r.top + r.height / 2 > rect.top && r.top + r.height / 2 < rect.bottom;
          const next = math.nextSibling;
          if (next instanceof Text && /^\\S/.test(next.data) && !onLine(charRect(next, 0))) found.push(width + 'px: after ' + math.textContent.slice(0, 12) + ': ' + next.data.slice(0, 8));
          const previous = math.previousSibling;
          if (previous instanceof Text && /\\S$/.test(previous.data) && !onLine(charRect(previous, previous.data.length - 1))) found.push(width + 'px: before ' + math.textContent.slice(0, 12) + ': ' + previous.data.slice(-8));
        }
      }
      return found;
    })()`)) as string[];
    assert.deepEqual(parted.slice(0, 10), [], `math parted from its word at ${parted.length} places`);
  });

  it('quotes and daggers are drawn by a Latin font, not full-width', async () => {
    // Not the em dash and the ellipsis: a whole em wide in Latin fonts too.
    const marks = ['“', '”', '‘', '’', '†', '‡', '·', '§'];
    await page.setContent(`<!doctype html><html lang="en"><head><style>${CSS}</style></head><body><main><p id="p">${marks.map((m) => `<span>${m}</span>`).join('')}<span id="em" style="display:inline-block;width:1em"></span> 北京大学</p></main></body></html>`);
    const widths = await page.evaluate(() => {
      const em = document.getElementById('em')!.getBoundingClientRect().width;
      return [...document.querySelectorAll('#p span:not(#em)')].map((s) => ({ mark: s.textContent!, ratio: s.getBoundingClientRect().width / em }));
    });
    const wide = widths.filter((w) => w.ratio > 0.7);
    assert.deepEqual(wide, [], 'marks drawn full-width (by the CJK font)');
  });
});
