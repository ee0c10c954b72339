/** Escapes LIKE's wildcards so a typed "%" or "_" matches itself (the repos use `\` as escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
