/**
 * Copied text by shingles: a paragraph's word 5-grams (diacritics- and
 * case-insensitive) and the share of them found in another text.
 */
import { searchKey } from '../../lib/vietnamese.ts';

export const SHINGLE_WORDS = 5;
/** Paragraphs shorter than this many words are not compared (headings, "Không có"). */
export const MIN_WORDS = 12;
/** A paragraph is flagged when this share of its shingles is in another school's text. */
export const FLAG_SIMILARITY = 0.6;

export function shingles(text: string): Set<string> {
  const words = searchKey(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(
      (p) =>
        searchKey(p)
          .split(/[^a-z0-9]+/)
          .filter(Boolean).length >= MIN_WORDS,
    );
}

/** Share of `paragraph`'s shingles present in `other` (0–1). */
export function containment(paragraph: Set<string>, other: Set<string>): number {
  if (paragraph.size === 0) return 0;
  let found = 0;
  for (const s of paragraph) if (other.has(s)) found += 1;
  return found / paragraph.size;
}
