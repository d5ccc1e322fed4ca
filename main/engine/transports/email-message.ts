import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { EmailTransportSettings } from '../../../shared/transports/email.js';

/**
 * The one message an order file travels in: the file as its only attachment, the subject naming the file
 * (and the folder, which tells a merchant's files apart when one address takes several merchants), and
 * a Message-ID derived from the file's name and content.
 */

/** The header that marks Dockhand's own messages (sent copies, Test probes), so none is read back as a WMS file. */
export const DOCKHAND_FILE_HEADER = 'X-Dockhand-File';

/**
 * The same file (same name, same bytes) always gets the same Message-ID, so when Dockhand sends a file
 * again after a crash (the send went through but Dockhand could not record it), the receiver can
 * recognise the second copy: mail systems and many WMS importers drop a Message-ID they already have.
 * What this does NOT guarantee: that the receiver does drop it (plain mailboxes keep both copies, and a
 * WMS that ignores Message-ID imports the file twice); and a file rebuilt with other bytes under the same
 * name is, rightly, a new message.
 */
export function orderFileMessageId(fileName: string, content: Buffer, from: string): string {
  const contentHash = createHash('sha256').update(content).digest('hex');
  const id = createHash('sha256').update(`${fileName}\n${contentHash}`).digest('hex').slice(0, 40);
  const domain = from.slice(from.lastIndexOf('@') + 1).toLowerCase() || 'dockhand.invalid';
  return `<dockhand.${id}@${domain}>`;
}

/** "orders-B17.csv (acme/orders)": the file first, so a person scanning a mailbox sees it. */
export function orderFileSubject(dir: string, name: string): string {
  return dir === '' ? name : `${name} (${dir})`;
}

export interface FileMessage {
  /** The whole message, as sent and as kept in the folder. */
  raw: Buffer;
  messageId: string;
}

/** Builds the message of one file; `date` is the file's time (the same file rebuilt gets the same Date too). */
export async function fileMessage(settings: EmailTransportSettings, dir: string, name: string, content: Buffer, date: Date): Promise<FileMessage> {
  const messageId = orderFileMessageId(name, content, settings.from);
  const composer = new MailComposer({
    from: settings.from,
    to: settings.to,
    subject: orderFileSubject(dir, name),
    messageId,
    date,
    text: `Dockhand sends the file ${name}${dir === '' ? '' : ` (folder ${dir})`} as an attachment of this message.\n`,
    // The type follows the name (.csv, .txt), as the WMS expects of a file it downloads.
    attachments: [{ filename: name, content }],
    headers: { [DOCKHAND_FILE_HEADER]: name },
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const raw = await new Promise<Buffer>((resolve, reject) => composer.compile().build((err, message) => (err ? reject(err) : resolve(message))));
  return { raw, messageId };
}
