import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { inlineTemplates, templateLiterals } from './testing/template-literals';

const APP = join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every template of the app: the .html files and the inline templates of the components. */
function templates(): { file: string; template: string }[] {
  return filesUnder(APP).flatMap((path) => {
    const file = relative(APP, path);
    if (path.endsWith('.html')) {
      return [{ file, template: readFileSync(path, 'utf8') }];
    }
    if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
      return inlineTemplates(readFileSync(path, 'utf8')).map((template) => ({ file, template }));
    }
    return [];
  });
}

describe('templates', () => {
  it('should hold no literal user-facing string: every one comes from the message catalogue', () => {
    const all = templates();
    const literals = all.flatMap(({ file, template }) =>
      templateLiterals(template, file).map((literal) => `${file} (${literal.where}): "${literal.text}"`),
    );

    expect(all.length).toBeGreaterThan(30);
    expect(literals).toEqual([]);
  });
});

describe(templateLiterals.name, () => {
  it('should find Chinese and English text, read attributes and Chinese literals in bindings', () => {
    const template = `
      <h1>保存</h1>
      <p>Save draft</p>
      <p>共 {{ count }} 项</p>
      <p>{{ done ? '是' : msg.no }}</p>
      <input placeholder="Search projects" nzType="primary" class="wide" />
      <button aria-label="关闭" [nzTooltipTitle]="'提示'" [attr.title]="'x'"></button>
      @if (ready) { <span title="Ready">—</span> } @else { <span>·</span> }
      <span>{{ a }} of {{ b }}</span>
      <span>{{ msg.ok }} %</span>
    `;

    expect(templateLiterals(template)).toEqual([
      { where: 'text', text: '保存' },
      { where: 'text', text: 'Save draft' },
      { where: 'text', text: '共' },
      { where: 'text', text: '项' },
      { where: 'text', text: '是' },
      { where: 'attribute placeholder', text: 'Search projects' },
      { where: 'attribute aria-label', text: '关闭' },
      { where: 'binding nzTooltipTitle', text: '提示' },
      { where: 'attribute title', text: 'Ready' },
      { where: 'text', text: 'of' },
    ]);
  });

  it('should find the inline templates of a component', () => {
    const source = "@Component({ selector: 'x', template: `<b>{{ msg.a }}</b>`, styles: `b {}` })";

    expect(inlineTemplates(source)).toEqual(['<b>{{ msg.a }}</b>']);
  });
});
