// The quote pack's schema: assets/quotes/*.json is data, checked by this in the
// build (wxt.config.ts) and in the tests. Errors name the quote and the field.
import { z } from 'zod';

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id');

const section = z.object({
  id,
  number: z.number().int().positive(),
  zh: z.string().min(1),
  en: z.string().min(1),
  pullQuote: bilingual,
});

const answer = z.object({
  id,
  section: id,
  question: bilingual,
  zh: z.string().min(1),
  en: z.string().min(1),
});

const quote = z.object({
  id,
  answer: id,
  zh: z.string().min(1).max(220, 'should be a short remark (at most about 150 characters)'),
  en: z.string().min(1),
  tags: z.array(id).min(1).max(6),
  keywords: z.object({ en: z.array(z.string().min(1)), zh: z.array(z.string().min(1)) }),
});

export const packSchema = z.object({
  source: z.object({
    publication: bilingual,
    title: bilingual,
    author: bilingual,
    interviewer: bilingual,
    speaker: z.object({ zh: z.string(), en: z.string(), affiliation: bilingual }),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
    language: z.literal('zh'),
  }),
  sections: z.array(section).min(1),
  answers: z.array(answer).min(1),
  quotes: z.array(quote).min(1),
});

export type QuotePack = z.infer<typeof packSchema>;
export type Quote = QuotePack['quotes'][number];
export type Answer = QuotePack['answers'][number];
export type Section = QuotePack['sections'][number];

/** Describes where in the pack a problem is: "quote 'scaling-law' (quotes[3]) field en". */
function where(pack: unknown, path: PropertyKey[]): string {
  const [list, index, ...rest] = path;
  if (typeof list === 'string' && typeof index === 'number') {
    const item = (pack as Record<string, { id?: unknown }[]>)?.[list]?.[index];
    const kind = list.replace(/s$/, '');
    const name = typeof item?.id === 'string' ? `'${item.id}' ` : '';
    return `${kind} ${name}(${list}[${index}])${rest.length ? ` field ${rest.join('.')}` : ''}`;
  }
  return path.length ? `field ${path.join('.')}` : 'pack';
}

/**
 * Validates a parsed pack: its shape, then what a schema cannot say (unique
 * ids, references that resolve, tags the lexicon knows). Returns the problems.
 */
export function checkPack(pack: unknown, knownTags: ReadonlySet<string>): string[] {
  const parsed = packSchema.safeParse(pack);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${where(pack, issue.path)}: ${issue.message}`);
  }
  const { sections, answers, quotes } = parsed.data;
  const problems: string[] = [];
  const sectionIds = new Set(sections.map((s) => s.id));
  const answerIds = new Set(answers.map((a) => a.id));
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (!sectionIds.has(a.section)) problems.push(`answer '${a.id}' (answers[${i}]) field section: unknown section '${a.section}'`);
  });
  quotes.forEach((q, i) => {
    const at = `quote '${q.id}' (quotes[${i}])`;
    if (seen.has(q.id)) problems.push(`${at} field id: duplicate id`);
    seen.add(q.id);
    if (!answerIds.has(q.answer)) problems.push(`${at} field answer: unknown answer '${q.answer}'`);
    for (const tag of q.tags) if (!knownTags.has(tag)) problems.push(`${at} field tags: unknown concept '${tag}'`);
  });
  return problems;
}

export function assertValidPack(pack: unknown, knownTags: ReadonlySet<string>, name = 'quote pack'): QuotePack {
  const problems = checkPack(pack, knownTags);
  if (problems.length) throw new Error(`${name} is invalid:\n  ${problems.join('\n  ')}`);
  return pack as QuotePack;
}
