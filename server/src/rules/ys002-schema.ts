import { insertKey, removeSeqItem, replaceValue } from '../engine/edits';
import { choice, placeholder, type FixText } from '../engine/fix-render';
import { isObj, kindOfList, objectAtIndex, valueAt, type FrameworkModel } from '../engine/model';
import { pairAt } from '../engine/parse';
import { allowedKeys, enumAt, requiredKeys, schemaAt } from '../engine/schema';
import { didYouMean, onlyCloseCandidate, quoteList } from '../engine/suggest';
import type { Fix, Path } from '../engine/types';
import { isVersionError, schemaErrors, type SchemaError } from '../engine/validate';
import { defineRule, type RuleContext } from './rule';
import { labelOf, show } from './util';

const OTHER_FORMS = ' (or other:<name>, e.g. other:CN)';

const messages = {
  notMapping: 'A framework file must be a mapping of keys (yardstick, framework, stages, indicators, agreements), not {{value}}.',
  missingKey: 'Missing required key "{{key}}".',
  missingKeyIn: 'Missing required key "{{key}}" in {{owner}}.',
  missingOneOf: 'The {{field}}{{location}} needs one of {{keys}}.',
  unknownKey: 'Unknown key "{{key}}"{{location}}; expected one of {{choices}} (or an x- extension key).',
  unknownKeyDidYouMean: 'Unknown key "{{key}}"{{location}}; did you mean "{{suggestion}}"?',
  mergeKey:
    'Unknown key "<<"{{location}}; expected one of {{choices}} (or an x- extension key). Merge keys (<<) are not supported: write the keys out.',
  mergeKeyDidYouMean: 'Unknown key "<<"{{location}}; did you mean "{{suggestion}}"? Merge keys (<<) are not supported: write the keys out.',
  notAllowed: '{{value}} is not a valid {{field}}; expected one of {{choices}}.',
  notAllowedDidYouMean: '{{value}} is not a valid {{field}}; expected one of {{choices}} (did you mean "{{suggestion}}"?).',
  notAllowedOrOther: `{{value}} is not a valid {{field}}; expected one of {{choices}}${OTHER_FORMS}.`,
  notAllowedOrOtherDidYouMean: `{{value}} is not a valid {{field}}; expected one of {{choices}}${OTHER_FORMS} (did you mean "{{suggestion}}"?).`,
  emptyChoice: '{{field}} is empty; expected one of {{choices}}.',
  emptyChoiceOrOther: `{{field}} is empty; expected one of {{choices}}${OTHER_FORMS}.`,
  wrongType: '{{field}}{{location}} must be {{expected}}, not {{value}}.',
  invalid: '{{value}} is not a valid {{field}}{{location}}.',
  invalidDate: '{{value}} is not a valid date for {{field}}{{location}}; write dates as YYYY-MM-DD.',
  invalidReference:
    "{{value}} is not a valid reference for {{field}}{{location}}: write a kebab-case id, or framework-id#object-id for another file's object.",
  invalidId:
    '{{value}} is not a valid {{field}}{{location}}: ids are kebab-case (lower-case letters, digits and single hyphens), e.g. "{{kebab}}".',
  empty: '{{field}}{{location}} must not be empty.',
  tooFew: '{{field}}{{location}} must list at least {{limit}} item(s).',
  other: '{{field}}{{location}}: {{detail}}.',
};

type MessageId = keyof typeof messages;
type Context = RuleContext<MessageId>;

export const ys002 = defineRule({
  meta: {
    id: 'YS002',
    name: 'schema',
    category: 'structure',
    defaultSeverity: 'error',
    description:
      'A value breaks the format v1 JSON Schema: a missing required key, a wrong type, a value outside an enum or an unknown key.',
    sources: [{ title: 'Yardstick format v1 (docs/format.md)', url: 'docs/format.md' }],
    fixable: true,
    messages,
  },
  check(context) {
    const value = context.doc.value;
    // An empty file is YS005's: it has no format version either.
    if (value === null || value === undefined) return;
    if (!isObj(value)) {
      context.report({ messageId: 'notMapping', data: { value: show(value) }, path: [] });
      return;
    }
    for (const error of schemaErrors(context.model)) if (!isVersionError(error)) reportError(context, error);
  },
});

/** "indicator "ae-wait"" for a path inside an object, or "the framework". */
function ownerOf(model: FrameworkModel, path: Path): string {
  if (path[0] === 'framework') return 'the framework';
  const kind = kindOfList(path[0]);
  if (kind && typeof path[1] === 'number') {
    const obj = objectAtIndex(model, kind, path[1]);
    if (obj) return labelOf(obj);
    return `${kind} #${(path[1] as number) + 1}`;
  }
  return 'the file';
}

/** The field name used in messages: the last key, with list indexes shown as [n]. */
function fieldName(path: Path): string {
  const parts: string[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'number') {
      if (i === 1 && kindOfList(path[0])) break;
      parts.unshift(`[${seg}]`);
      continue;
    }
    parts.unshift(seg);
    break;
  }
  return parts.join('').replace(/^\[/, '[') || 'the file';
}

function typeWord(t: string): string {
  return (
    (
      {
        object: 'a mapping of keys',
        array: 'a list',
        string: 'text',
        number: 'a number',
        integer: 'a whole number',
        boolean: 'true or false',
        null: 'empty',
      } as Record<string, string>
    )[t] ?? t
  );
}

function reportError(context: Context, error: SchemaError): void {
  const { model, doc } = context;
  const { path } = error;
  const value = valueAt(doc.value, path);
  const field = fieldName(path);
  const where = ownerOf(model, path);
  const location = path.length > 0 && where !== 'the file' ? ` in ${where}` : '';
  const shown = show(value);

  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const fix = requiredKeyFix(model, path, missing);
      context.report({
        ...(path.length
          ? { messageId: 'missingKeyIn', data: { key: missing, owner: where === 'the file' ? field : where, missingProperty: missing } }
          : { messageId: 'missingKey', data: { key: missing, missingProperty: missing } }),
        path,
        on: 'key',
        fixes: fix ? [fix] : undefined,
      });
      return;
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = allowedKeys(path);
      const suggestion = didYouMean(key, allowed);
      const keyPath = [...path, key];
      const pair = pairAt(doc.root, keyPath);
      const fixes: Fix[] = [];
      if (suggestion && pair && !(isObj(value) && suggestion in value)) {
        fixes.push({
          title: `Rename "${key}" to "${suggestion}"`,
          edits: [{ start: pair.keyStart, end: pair.keyEnd, newText: suggestion }],
          safe: false,
          preferred: true,
        });
      }
      const merge = key === '<<';
      context.report({
        messageId: suggestion ? (merge ? 'mergeKeyDidYouMean' : 'unknownKeyDidYouMean') : merge ? 'mergeKey' : 'unknownKey',
        data: { key, location: location || (path.length ? ` in ${field}` : ''), suggestion, choices: quoteList(allowed), allowed },
        path: keyPath,
        on: 'key',
        fixes,
      });
      return;
    }
    case 'enum':
      reportNotAllowed(context, path, value, (error.params as { allowedValues: unknown[] }).allowedValues, field, false);
      return;
    case 'anyOf': {
      // An object that needs one key of several (a baseline: `value` or `period`).
      const branches = schemaAt(path)?.anyOf ?? [];
      if (isObj(value) && branches.length > 0 && branches.every((br) => br.required?.length === 1)) {
        const keys = branches.map((br) => `"${br.required![0]}"`);
        context.report({
          messageId: 'missingOneOf',
          data: { field, location, keys: `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}` },
          path,
          on: 'key',
        });
        return;
      }
      const info = enumAt(path);
      if (info) {
        reportNotAllowed(context, path, value, info.values, field, !!schemaAt(path)?.anyOf?.some((s) => s.pattern));
        return;
      }
      const types = (schemaAt(path)?.anyOf ?? []).map((s) => s.type).filter((t): t is string => typeof t === 'string');
      if (types.length)
        context.report({
          messageId: 'wrongType',
          data: { field, location, expected: types.map(typeWord).join(' or '), value: shown },
          path,
        });
      else context.report({ messageId: 'invalid', data: { value: shown, field, location }, path });
      return;
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type)
        .split(',')
        .map(typeWord)
        .join(' or ');
      context.report({ messageId: 'wrongType', data: { field, location, expected, value: shown }, path });
      return;
    }
    case 'format':
      context.report({ messageId: 'invalidDate', data: { value: shown, field, location }, path });
      return;
    case 'pattern': {
      const isRef =
        /reference|indicators|stage$/.test(String(path[path.length - 2] ?? '')) ||
        path[path.length - 1] === 'stage' ||
        (path[2] === 'indicators' && path.length === 4);
      if (isRef) {
        context.report({ messageId: 'invalidReference', data: { value: shown, field, location }, path });
        return;
      }
      context.report({
        messageId: 'invalidId',
        data: { value: shown, field, location, kebab: kebab(String(value)) },
        path,
        fixes:
          typeof value === 'string' && kebab(value)
            ? [{ title: `Change to "${kebab(value)}"`, edits: [replaceValue(doc, path, kebab(value))!].filter(Boolean), safe: false }]
            : undefined,
      });
      return;
    }
    case 'minLength':
      context.report({ messageId: 'empty', data: { field, location }, path });
      return;
    case 'minItems':
      context.report({ messageId: 'tooFew', data: { field, location, limit: (error.params as { limit: number }).limit }, path });
      return;
    case 'uniqueItems': {
      // A repeated entry means nothing more the second time: removing it is the only fix.
      const { i, j } = error.params as { i: number; j: number };
      const edit = removeSeqItem(context.doc, path, Math.max(i, j));
      const fixes: Fix[] = edit ? [{ title: 'Remove the repeated entry', edits: [edit], safe: true, preferred: true }] : [];
      context.report({ messageId: 'other', data: { field, location, detail: error.message ?? 'does not match the schema' }, path, fixes });
      return;
    }
    default:
      context.report({ messageId: 'other', data: { field, location, detail: error.message ?? 'does not match the schema' }, path });
  }
}

function reportNotAllowed(context: Context, path: Path, value: unknown, allowed: unknown[], field: string, otherForms: boolean): void {
  const suggestion = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : undefined;
  const fixes: Fix[] = [];
  if (suggestion) {
    const edit = replaceValue(context.doc, path, suggestion);
    // Safe when the typo has one possible correction: no other allowed value is as close.
    const safe = onlyCloseCandidate(String(value), suggestion, allowed.map(String));
    if (edit) fixes.push({ title: `Change to "${suggestion}"`, edits: [edit], safe, preferred: true });
  }
  const messageId =
    value === null
      ? otherForms
        ? 'emptyChoiceOrOther'
        : 'emptyChoice'
      : otherForms
        ? suggestion
          ? 'notAllowedOrOtherDidYouMean'
          : 'notAllowedOrOther'
        : suggestion
          ? 'notAllowedDidYouMean'
          : 'notAllowed';
  context.report({ messageId, data: { value: show(value), field, choices: quoteList(allowed), allowed, suggestion }, path, fixes });
}

/** A skeleton for a missing required key, with a placeholder the user must replace. */
function requiredKeyFix(model: FrameworkModel, path: Path, missing: string): Fix | undefined {
  const schema = schemaAt([...path, missing]);
  let value: FixText | Record<string, FixText>;
  if (schema?.type === 'object' || schema?.properties) {
    const req = requiredKeys([...path, missing]);
    value = req.length ? Object.fromEntries(req.map((k) => [k, placeholderFor([...path, missing, k])])) : '{}';
  } else value = placeholderFor([...path, missing]);
  const edit = insertKey(model.doc, path, missing, value);
  if (!edit) return undefined;
  return { title: `Add required key "${missing}"`, edits: [edit], safe: false, preferred: true };
}

/** A placeholder the schema accepts, so the skeleton itself is valid until the user fills it in. */
function placeholderFor(path: Path): FixText {
  const s = schemaAt(path);
  if (s?.format === 'date') return placeholder('2000-01-01');
  if (s?.enum) return choice(s.enum.map(String));
  if (s?.type === 'array') return '[]';
  if (s?.type === 'number' || s?.type === 'integer') return placeholder('0');
  if (s?.pattern) return placeholder('todo');
  return placeholder('TODO');
}

function kebab(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
