import { createHash } from 'node:crypto';
import type { MessageStructureObject } from 'imapflow';
import { attachmentMatches } from '../../../shared/transports/email.js';

/** One attachment of a message that is a file: its MIME part ("2", "1.3") and name. */
export interface MailAttachment {
  part: string;
  fileName: string;
  /** As the server reports the part (transfer-encoded); stable while the message is unchanged. */
  size: number;
}

/** The attachments of a message whose names match the pattern, in message order. */
export function matchingAttachments(structure: MessageStructureObject | undefined, pattern: string): MailAttachment[] {
  const found: MailAttachment[] = [];
  const walk = (node: MessageStructureObject) => {
    if (node.childNodes && node.childNodes.length > 0) {
      for (const child of node.childNodes) walk(child);
      return;
    }
    const fileName = node.dispositionParameters?.filename ?? node.parameters?.name;
    if (!fileName || node.type.startsWith('multipart/')) return;
    if (!attachmentMatches(pattern, fileName)) return;
    found.push({ part: node.part ?? '1', fileName, size: node.size ?? 0 });
  };
  if (structure) walk(structure);
  return found;
}

/**
 * The name a file of a message goes by. Attachments are often called the same every day ("shipped.csv"),
 * so the name carries a short key of the message (its folder, UIDVALIDITY and UID: the IMAP identity of
 * exactly this message); the engine records applied files by name, so the key is what lets a message
 * be recognised as applied after a crash (email-transport.ts). The attachment's own name stays readable
 * at the end, without any folder part.
 */
export function mailFileName(mailbox: string, uidValidity: bigint | number, uid: number, attachment: MailAttachment, sameNameTwice: boolean): string {
  const key = createHash('sha256').update(`${mailbox}\n${uidValidity}\n${uid}`).digest('hex').slice(0, 8);
  // Only the last part of a name with folders in it ("../../stock.csv" → "stock.csv"), as mail programs save it.
  const last = attachment.fileName.split(/[\\/]/).pop() ?? '';
  const safe = last.replace(/^[.~]+/, '').trim() || 'attachment';
  return `mail-${key}${sameNameTwice ? `.${attachment.part}` : ''}-${safe}`;
}
