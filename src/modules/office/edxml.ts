/**
 * edXML packages ("gói tin edXML"): the envelope in which Vietnamese
 * agencies exchange documents through the national document axis and the
 * provincial integration platforms (Decision 28/2018/QĐ-TTg; the format of
 * QCVN 102:2016/BTTTT, namespace http://www.mic.gov.vn/TBT/QCVN_102_2016).
 * Built and read with fast-xml-parser. What of the format could and could
 * not be confirmed is in docs/office.md ("edXML"); in short: the element
 * names and nesting follow the publicly available SDK samples of the
 * platforms, but the standard's own text and XSD were not at hand, so the
 * code tables (DocumentType/Type, OtherInfo/Priority) are sogd's own and
 * the package is not validated against the XSD.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** A bad package: the message says what is wrong and where, in Vietnamese. */
export class BadEdxmlError extends Error {
  override readonly name = 'BadEdxmlError';
}

export interface EdxmlOrgan {
  /** The organ's identifier (sogd writes its unit code; the national OrganId is not recorded). */
  organId: string | null;
  organName: string;
  /** The parent body (cơ quan chủ quản). */
  organizationInCharge: string | null;
}

export interface EdxmlAttachment {
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** The document an edXML package carries, as sogd reads and writes it. */
export interface EdxmlDocument {
  /** The sender's id of the document (sogd writes its UUID). */
  documentId: string | null;
  from: EdxmlOrgan;
  to: EdxmlOrgan[];
  /** "05" and "QĐ-SGDĐT" of "05/QĐ-SGDĐT" (Code/CodeNumber, Code/CodeNotation). */
  codeNumber: string;
  codeNotation: string;
  place: string | null;
  /** yyyy-mm-dd */
  promulgationDate: string;
  /** Annex III abbreviation (QĐ, CV, …): sogd's code, see the module comment. */
  type: string | null;
  typeName: string | null;
  subject: string;
  signer: { fullName: string | null; position: string | null; competence: string | null };
  /** Urgency 0–3 (Thường, Khẩn, Thượng khẩn, Hỏa tốc): sogd's code. */
  priority: number;
  /** When the package was made (TraceHeader/Timestamp). */
  timestamp: Date;
  attachments: EdxmlAttachment[];
}

/** "2026/03/05" as the SDK samples write dates. */
const slashDate = (iso: string) => iso.replaceAll('-', '/');
/** "2026/12/03 17:55:12" in Việt Nam time (UTC+7). */
function vietnamTimestamp(at: Date): string {
  const s = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${slashDate(s.slice(0, 10))} ${s.slice(11, 19)}`;
}

const organ = (o: EdxmlOrgan) => ({
  'edXML:OrganId': o.organId ?? '',
  'edXML:OrganizationInCharge': o.organizationInCharge ?? '',
  'edXML:OrganName': o.organName,
});

/** The package as XML text (UTF-8), attachments base64 in AttachmentEncoded. */
export function buildEdxml(doc: EdxmlDocument): string {
  const ids = doc.attachments.map((_, i) => `${doc.documentId ?? 'edoc'}-${i + 1}`);
  const tree = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    edXML: {
      '@_xmlns': EDXML_NS,
      '@_xmlns:edXML': EDXML_NS,
      '@_xmlns:xlink': XLINK_NS,
      'edXML:edXMLEnvelope': {
        'edXML:edXMLHeader': {
          'edXML:MessageHeader': {
            'edXML:From': organ(doc.from),
            'edXML:To': doc.to.map(organ),
            'edXML:Code': {
              'edXML:CodeNumber': doc.codeNumber,
              'edXML:CodeNotation': doc.codeNotation,
            },
            'edXML:PromulgationInfo': {
              'edXML:Place': doc.place ?? '',
              'edXML:PromulgationDate': slashDate(doc.promulgationDate),
            },
            'edXML:DocumentType': {
              'edXML:Type': doc.type ?? '',
              'edXML:TypeName': doc.typeName ?? '',
            },
            'edXML:Subject': doc.subject,
            'edXML:SignerInfo': {
              'edXML:Competence': doc.signer.competence ?? '',
              'edXML:Position': doc.signer.position ?? '',
              'edXML:FullName': doc.signer.fullName ?? '',
            },
            'edXML:OtherInfo': {
              'edXML:Priority': String(doc.priority),
              'edXML:PageAmount': '',
            },
            'edXML:DocumentId': doc.documentId ?? '',
          },
          'edXML:TraceHeaderList': {
            'edXML:TraceHeader': {
              'edXML:OrganId': doc.from.organId ?? '',
              'edXML:Timestamp': vietnamTimestamp(doc.timestamp),
            },
          },
        },
        'edXML:edXMLBody': {
          'edXML:edXMLManifest': {
            '@_version': '1.0',
            'edXML:Reference': doc.attachments.map((a, i) => ({
              '@_xlink:href': `cid:${ids[i]}`,
              '@_xlink:type': 'simple',
              'edXML:AttachmentName': a.name,
              'edXML:ContentType': a.contentType,
              'edXML:ContentId': `cid:${ids[i]}`,
            })),
          },
        },
      },
      AttachmentEncoded: {
        Attachment: doc.attachments.map((a, i) => ({
          ContentType: a.contentType,
          ContentId: ids[i],
          Description: a.name,
          ContentTransferEncoded: a.bytes.toString('base64'),
          AttachmentName: a.name,
        })),
      },
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: false,
  });
  return builder.build(tree);
}

type Node = Record<string, unknown>;
const LISTS = new Set(['To', 'Reference', 'Attachment', 'AttachmentEncoded']);

function child(node: unknown, name: string): Node | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const v = (node as Node)[name];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
}
function list(node: unknown, name: string): Node[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as Node)[name];
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Node[]) : [];
}
function textOf(node: unknown, name: string): string | null {
  if (!node || typeof node !== 'object') return null;
  const v = (node as Node)[name];
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  // An element with attributes keeps its text under "#text".
  if (v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string')
    return ((v as Node)['#text'] as string).trim() || null;
  return null;
}
function attribute(node: Node, name: string): string | null {
  const v = node[`@_${name}`] ?? node[`@_${name.split(':').pop()!}`];
  return typeof v === 'string' ? v : null;
}
function required(node: unknown, path: string[], what: string): string {
  let n: unknown = node;
  for (const p of path.slice(0, -1)) n = child(n, p);
  const v = textOf(n, path.at(-1)!);
  if (!v) throw new BadEdxmlError(`Gói tin edXML thiếu <${path.join('/')}> (${what}).`);
  return v;
}

/** A date of the package: "2026/03/05" or "2026-03-05", a real day. */
function dateOf(text: string, where: string): string {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})/.exec(text);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    throw new BadEdxmlError(
      `<${where}> "${text.slice(0, 40)}" không phải ngày (cần dạng yyyy/mm/dd).`,
    );
  return iso;
}

/**
 * Reads a package. Refused, with what is wrong: not XML (with the line and
 * column), a DOCTYPE (entities are never expanded), not an edXML envelope,
 * a missing sender, number, notation, date or subject, an attachment whose
 * content is missing or not base64, more than `maxBytes` in one file.
 */
export function parseEdxml(xml: string, options: { maxBytes: number }): EdxmlDocument {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 4096)))
    throw new BadEdxmlError('Gói tin edXML không được có khai báo DOCTYPE hay ENTITY.');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new BadEdxmlError(
      `Tệp không phải XML hợp lệ (dòng ${valid.err.line}, cột ${valid.err.col}): ${valid.err.msg}`,
    );
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => LISTS.has(name),
  }).parse(xml) as Node;
  const root = child(parsed, 'edXML');
  const envelope = child(root, 'edXMLEnvelope');
  const header = child(envelope, 'edXMLHeader');
  const message = child(header, 'MessageHeader');
  if (!root || !message)
    throw new BadEdxmlError(
      'Tệp không phải gói tin edXML (cần <edXML><edXMLEnvelope><edXMLHeader><MessageHeader>).',
    );
  // The parser drops the prefixes and their declarations: the namespaces are read from the text.
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?(?:edXML|edXMLEnvelope)\b[^>]*>/g))
    for (const d of m[0].matchAll(/\sxmlns(?::edXML)?\s*=\s*"([^"]*)"/g))
      if (d[1] !== EDXML_NS)
        throw new BadEdxmlError(`Gói tin edXML có không gian tên ${d[1]}, cần ${EDXML_NS}.`);

  const organOf = (n: Node | undefined): EdxmlOrgan => ({
    organId: textOf(n, 'OrganId'),
    organName: textOf(n, 'OrganName') ?? '',
    organizationInCharge: textOf(n, 'OrganizationInCharge'),
  });
  const from = organOf(child(message, 'From'));
  if (!from.organName) required(message, ['From', 'OrganName'], 'tên cơ quan gửi');
  const codeNumber = required(message, ['Code', 'CodeNumber'], 'số văn bản');
  const codeNotation = required(message, ['Code', 'CodeNotation'], 'ký hiệu văn bản');
  const promulgationDate = dateOf(
    required(message, ['PromulgationInfo', 'PromulgationDate'], 'ngày ban hành'),
    'PromulgationInfo/PromulgationDate',
  );
  const subject = required(message, ['Subject'], 'trích yếu');
  const priorityText = textOf(child(message, 'OtherInfo'), 'Priority');
  const priority = priorityText && /^[0-3]$/.test(priorityText) ? Number(priorityText) : 0;
  const signer = child(message, 'SignerInfo');
  const stamp = textOf(child(child(header, 'TraceHeaderList'), 'TraceHeader'), 'Timestamp');
  const stampMatch = stamp && /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(stamp);
  const timestamp = stampMatch
    ? new Date(`${stampMatch[1]}-${stampMatch[2]}-${stampMatch[3]}T${stampMatch[4]}+07:00`)
    : new Date();

  // Attachments: the manifest names them, AttachmentEncoded carries them, joined by ContentId.
  const encoded = new Map<string, Node>();
  for (const group of list(root, 'AttachmentEncoded'))
    for (const a of list(group, 'Attachment')) {
      const id = textOf(a, 'ContentId');
      if (id) encoded.set(id.replace(/^cid:/, ''), a);
    }
  const references = list(child(child(envelope, 'edXMLBody'), 'edXMLManifest'), 'Reference');
  const entries = references.length
    ? references.map((r) => ({
        id: (textOf(r, 'ContentId') ?? attribute(r, 'xlink:href') ?? '').replace(/^cid:/, ''),
        name: textOf(r, 'AttachmentName'),
        contentType: textOf(r, 'ContentType'),
      }))
    : [...encoded.keys()].map((id) => ({ id, name: null, contentType: null }));
  const attachments = entries.map((e, i) => {
    const a = encoded.get(e.id);
    const name = e.name ?? (a && textOf(a, 'AttachmentName')) ?? `tep-${i + 1}`;
    const base64 = a && textOf(a, 'ContentTransferEncoded');
    if (!base64)
      throw new BadEdxmlError(
        `Tệp đính kèm ${i + 1} (${name}) của gói tin không có nội dung (<AttachmentEncoded>/<Attachment> với ContentId ${e.id || '?'}).`,
      );
    const clean = base64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
      throw new BadEdxmlError(`Nội dung tệp đính kèm ${name} không phải base64.`);
    if ((clean.length / 4) * 3 > options.maxBytes + 3)
      throw new BadEdxmlError(
        `Tệp đính kèm ${name} lớn quá ${Math.round(options.maxBytes / 1024 / 1024)} MB.`,
      );
    return {
      name: name.slice(0, 255),
      contentType: e.contentType ?? (a && textOf(a, 'ContentType')) ?? 'application/octet-stream',
      bytes: Buffer.from(clean, 'base64'),
    };
  });

  const type = child(message, 'DocumentType');
  return {
    documentId: textOf(message, 'DocumentId'),
    from,
    to: list(message, 'To').map(organOf),
    codeNumber,
    codeNotation,
    place: textOf(child(message, 'PromulgationInfo'), 'Place'),
    promulgationDate,
    type: textOf(type, 'Type'),
    typeName: textOf(type, 'TypeName'),
    subject,
    signer: {
      fullName: textOf(signer, 'FullName'),
      position: textOf(signer, 'Position'),
      competence: textOf(signer, 'Competence'),
    },
    priority,
    timestamp,
    attachments,
  };
}
