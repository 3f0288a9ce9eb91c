import {
  type AST,
  ASTWithSource,
  Interpolation,
  LiteralPrimitive,
  RecursiveAstVisitor,
  type TmplAstBoundAttribute,
  type TmplAstBoundText,
  TmplAstRecursiveVisitor,
  type TmplAstText,
  type TmplAstTextAttribute,
  parseTemplate,
  tmplAstVisitAll,
} from '@angular/compiler';

/** A literal a user would read, found in a template instead of the catalogue. */
export interface TemplateLiteral {
  /** Where: `text`, `attribute <name>` or `binding <name>`. */
  readonly where: string;
  readonly text: string;
}

/** Chinese characters and Chinese (full-width) punctuation. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** A word of two letters or more: English text. */
const WORD = /[A-Za-z]{2,}/;

/** Attributes whose value a user reads or hears; any other static attribute is only checked for Chinese. */
const READ_ATTRIBUTES = new Set(
  [
    'alt',
    'aria-description',
    'aria-label',
    'aria-roledescription',
    'aria-valuetext',
    'label',
    'placeholder',
    'title',
    'nzAddOnAfter',
    'nzAddOnBefore',
    'nzCancelText',
    'nzDescription',
    'nzErrorTip',
    'nzExtra',
    'nzLabel',
    'nzMessage',
    'nzNotFoundContent',
    'nzOkText',
    'nzPlaceHolder',
    'nzPlaceholder',
    'nzPopconfirmTitle',
    'nzSubTitle',
    'nzText',
    'nzTitle',
    'nzTooltipTitle',
  ].map((name) => name.toLowerCase()),
);

const isReadAttribute = (name: string): boolean =>
  READ_ATTRIBUTES.has(name.replace(/^attr\./, '').toLowerCase());

/** String literals of a binding expression that hold Chinese (English literals there are mostly codes). */
function chineseLiterals(ast: AST): string[] {
  const found: string[] = [];
  class Visitor extends RecursiveAstVisitor {
    override visitLiteralPrimitive(literal: LiteralPrimitive): void {
      if (typeof literal.value === 'string' && CJK.test(literal.value)) {
        found.push(literal.value);
      }
    }
  }
  ast.visit(new Visitor());
  return found;
}

/** The static text between the `{{ }}` of an interpolation. */
function interpolationStrings(ast: AST): string[] {
  const inner = ast instanceof ASTWithSource ? ast.ast : ast;
  return inner instanceof Interpolation ? inner.strings : [];
}

/**
 * Every literal user-facing string of a template: text with Chinese or English words, static values of the
 * attributes people read (placeholder, title, aria-label, nzTitle …) with either, any other static attribute
 * with Chinese, and Chinese string literals inside bindings and interpolations.
 */
export function templateLiterals(template: string, url = 'template.html'): TemplateLiteral[] {
  const parsed = parseTemplate(template, url, { preserveWhitespaces: false });
  if (parsed.errors?.length) {
    throw new Error(`${url}: ${parsed.errors.map((error) => error.msg).join('; ')}`);
  }
  const found: TemplateLiteral[] = [];
  const readable = (text: string): boolean => CJK.test(text) || WORD.test(text);

  class Visitor extends TmplAstRecursiveVisitor {
    override visitText(text: TmplAstText): void {
      if (readable(text.value)) {
        found.push({ where: 'text', text: text.value.trim() });
      }
    }

    override visitBoundText(text: TmplAstBoundText): void {
      for (const part of interpolationStrings(text.value)) {
        if (readable(part)) {
          found.push({ where: 'text', text: part.trim() });
        }
      }
      for (const literal of chineseLiterals(text.value)) {
        found.push({ where: 'text', text: literal });
      }
    }

    override visitTextAttribute(attribute: TmplAstTextAttribute): void {
      const value = attribute.value;
      if (CJK.test(value) || (isReadAttribute(attribute.name) && WORD.test(value))) {
        found.push({ where: `attribute ${attribute.name}`, text: value });
      }
    }

    override visitBoundAttribute(attribute: TmplAstBoundAttribute): void {
      for (const part of interpolationStrings(attribute.value)) {
        if (CJK.test(part) || (isReadAttribute(attribute.name) && WORD.test(part))) {
          found.push({ where: `binding ${attribute.name}`, text: part.trim() });
        }
      }
      for (const literal of chineseLiterals(attribute.value)) {
        found.push({ where: `binding ${attribute.name}`, text: literal });
      }
    }
  }

  tmplAstVisitAll(new Visitor(), parsed.nodes);
  return found;
}

/** The inline templates (`template: \`…\``) of a component source file. */
export function inlineTemplates(source: string): string[] {
  return Array.from(source.matchAll(/\btemplate:\s*`([\s\S]*?)`/g), (match) => match[1]);
}
