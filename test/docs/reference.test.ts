// docs/reference/ is generated from the schemas: it must be up to date, name every field, and give valid examples.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { BIBTEX, BIBTEX_ROWS, EXAMPLE_BY_PATH, HAND_WRITTEN, KINDS, MEANING_BY_PATH, minimalExample, referenceFiles, SHARED, Walker, walkKind } from '../../scripts/reference.js';
import { SCHEMAS, type RecordKind } from '../../src/schema/index.js';

const DIR = 'docs/reference';
const STALE = 'run `npm run reference` (npx tsx scripts/reference.ts) and commit docs/reference/';
const generated = referenceFiles();
const onDisk = (name: string) => (existsSync(join(DIR, name)) ? readFileSync(join(DIR, name), 'utf8') : undefined);

describe('docs/reference', () => {
  it('is up to date with the schemas', () => {
    for (const [name, text] of Object.entries(generated)) {
      assert.ok(onDisk(name) !== undefined, `docs/reference/${name} is missing: ${STALE}`);
      assert.ok(onDisk(name) === text, `docs/reference/${name} is stale: ${STALE}`);
    }
  });

  it('holds only generated pages and the hand-written ones', () => {
    const extra = readdirSync(DIR).filter((f) => !(f in generated) && !HAND_WRITTEN.includes(f));
    assert.deepEqual(extra, [], `pages the generator no longer makes: delete them, or ${STALE}`);
    for (const f of HAND_WRITTEN) assert.ok(existsSync(join(DIR, f)), `docs/reference/${f} is missing`);
  });

  it('names every field of every schema, nested ones too', () => {
    for (const kind of Object.keys(SCHEMAS) as RecordKind[]) {
      const text = onDisk(`${kind}.md`) ?? '';
      for (const path of fieldPaths(SCHEMAS[kind])) {
        assert.ok(text.includes(`| \`${path}\` |`), `docs/reference/${kind}.md has no row for \`${path}\`: ${STALE}`);
      }
    }
    const types = onDisk('types.md') ?? '';
    for (const t of SHARED) {
      const def = t.schema._zod.def as { type: string; options?: typeof t.schema[] };
      const object = def.type === 'object' ? t.schema : def.options?.find((o) => o._zod.def.type === 'object');
      if (!object) continue;
      for (const path of fieldPaths(object)) assert.ok(types.includes(`| \`${path}\` |`), `types.md has no row for ${t.name}'s \`${path}\``);
    }
    assert.ok(KINDS.every((k) => k.kind in SCHEMAS) && Object.keys(SCHEMAS).every((k) => KINDS.some((i) => i.kind === k)), 'every record kind has a page');
  });

  it('gives every field a meaning, and every field that is not a mapping an example or a default', () => {
    for (const k of KINDS) {
      for (const section of walkKind(k.kind).sections) {
        for (const row of section.rows) {
          assert.ok(row.meaning, `${k.kind}: \`${row.path}\` has no meaning: add .describe() to the schema, or a text in scripts/reference.ts`);
          const mapping = /^(list of )?mapping: see/.test(row.type);
          assert.ok(mapping || row.hasDefault || row.examples.length > 0, `${k.kind}: \`${row.path}\` has no example`);
        }
      }
    }
  });

  it('gives examples that the schemas accept', () => {
    const check = (walker: Walker) => {
      for (const section of walker.sections) {
        for (const row of section.rows) {
          for (const example of row.examples) {
            const result = (row.schema as import('zod').ZodType).safeParse(example);
            assert.ok(result.success, `${walker.kind}: the example ${JSON.stringify(example)} of \`${row.path}\` is not valid: ${result.error?.issues[0]?.message}`);
          }
        }
      }
    };
    for (const k of KINDS) check(walkKind(k.kind));
    for (const t of SHARED) assert.ok((t.schema as import('zod').ZodType).safeParse(t.example).success, `the example of ${t.name}`);
  });

  it('has no texts or examples for fields that no longer exist', () => {
    const rows = new Set(KINDS.flatMap((k) => walkKind(k.kind).sections.flatMap((s) => s.rows.map((r) => `${k.kind}:${r.path}`))));
    for (const key of [...Object.keys(MEANING_BY_PATH), ...Object.keys(EXAMPLE_BY_PATH)]) {
      assert.ok(rows.has(key) || key.startsWith('type:'), `scripts/reference.ts has a text or example for \`${key}\`, which is not a field (any more)`);
    }
  });

  it('shows the smallest valid entry of each kind, and it is valid', () => {
    for (const k of KINDS) {
      const example = minimalExample(walkKind(k.kind));
      const result = SCHEMAS[k.kind].safeParse(example);
      assert.ok(result.success, `${k.kind}: ${JSON.stringify(result.error?.issues)}`);
      const shown = /The smallest valid entry:\n\n```yaml\n([\s\S]*?)```/.exec(onDisk(`${k.kind}.md`) ?? '')?.[1];
      assert.ok(shown, `${k.kind}.md shows an example`);
      assert.deepEqual(YAML.parse(shown), k.kind === 'publication' ? [example] : example);
    }
  });

  it('links only to pages and anchors that exist', () => {
    for (const name of readdirSync(DIR)) {
      const text = readFileSync(join(DIR, name), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        const [file, anchor] = target.split('#');
        const page = file ? readFileSync(join(DIR, file), 'utf8') : text;
        if (anchor) assert.ok(page.includes(`<a id="${anchor}"></a>`), `${name}: the link ${target} has no target`);
      }
    }
  });
});

describe('docs/reference/bibtex.md', () => {
  it('documents every field the BibTeX reader reads or ignores (the tables come from the reader itself)', () => {
    const doc = readFileSync('docs/reference/bibtex.md', 'utf8');
    for (const field of [...BIBTEX.usedFields, ...BIBTEX.ignoredFields]) assert.ok(doc.includes(`\`${field}\``), `bibtex.md does not mention ${field}`);
  });

  it('says what becomes of every field the reader uses', () => {
    const described = new Set(BIBTEX_ROWS.flatMap(([fields]) => fields));
    for (const field of BIBTEX.usedFields) assert.ok(described.has(field), `no row of BIBTEX_ROWS says what \`${field}\` becomes`);
    for (const field of described) assert.ok(BIBTEX.usedFields.includes(field), `\`${field}\` is documented but not read`);
    const page = onDisk('bibtex.md') ?? '';
    for (const field of [...BIBTEX.usedFields, ...BIBTEX.ignoredFields]) assert.ok(page.includes(`\`${field}\``), `bibtex.md does not name \`${field}\``);
  });
});

/**
 * Every field path of a schema, found without the generator: through wrappers, pipes (both sides), lists (`[]`) and
 * union options, stopping at the shared types (documented in types.md) and at an object already met (its section is
 * linked, not repeated).
 */
function fieldPaths(root: import('zod').core.$ZodType): string[] {
  const shared = new Set(SHARED.map((t) => t.schema._zod.def as unknown));
  const seen = new Set<unknown>();
  const out: string[] = [];
  const walk = (schema: import('zod').core.$ZodType | undefined, path: string): void => {
    if (!schema) return;
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    if (shared.has(def)) return;
    type S = import('zod').core.$ZodType;
    switch (def.type) {
      case 'object': {
        if (seen.has(def)) return;
        seen.add(def);
        for (const [key, field] of Object.entries(def.shape as Record<string, S>)) {
          const p = path ? `${path}.${key}` : key;
          out.push(p);
          walk(field, p);
        }
        return;
      }
      case 'array':
        return walk(def.element as S, `${path}[]`);
      case 'union':
        for (const option of def.options as S[]) walk(option, path);
        return;
      case 'pipe':
        walk(def.in as S, path);
        return walk(def.out as S, path);
      case 'record':
        return walk(def.valueType as S, `${path}.*`);
      default:
        if ('innerType' in def) walk(def.innerType as S, path);
    }
  };
  walk(root, '');
  return out;
}
