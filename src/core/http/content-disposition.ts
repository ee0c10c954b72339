/**
 * A Content-Disposition value (RFC 6266) for a file name in any script: the
 * UTF-8 name in `filename*` (RFC 8187), which current browsers use, and an
 * ASCII stand-in in `filename` for clients that do not read it (Vietnamese
 * letters without their marks, đ as d, anything else outside [A-Za-z0-9._-]
 * as "_"). Node refuses a header holding characters outside Latin-1, so a
 * name is never written there raw: "Báo cáo.pdf" would otherwise be a 500.
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '_') || 'tep';
  // encodeURIComponent leaves ' ( ) * as they are; RFC 8187's attr-char does not allow them.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
