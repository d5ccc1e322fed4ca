import { randomBytes } from 'node:crypto';
import { ImapFlow, type FetchMessageObject } from 'imapflow';
import nodemailer, { type Transporter } from 'nodemailer';
import { DockhandError } from '../../../shared/errors.js';
import type { EmailTransportSettings } from '../../../shared/transports/email.js';
import type { TransportSecrets } from '../../../shared/transports/index.js';
import { ARCHIVE_FOLDER, ERROR_FOLDER } from '../connectors/wms/csv/merchant-folders.js';
import { pinnedTlsOptions } from '../mail/smtp-certificate.js';
import { isCertificateProblem, smtpConnectionOptions, smtpProblem } from '../mail/smtp-transport.js';
import { emailCertificateRefusal, pinnedOf, probeEmailSmtpCertificate, probeImapCertificate, serverNameOf, type MailConnection } from './email-certificates.js';
import { DOCKHAND_FILE_HEADER, fileMessage } from './email-message.js';
import { imapCommandProblem, imapConnectProblem, type ImapPlace } from './imap-errors.js';
import { mailFileName, matchingAttachments } from './mail-attachments.js';
import type { TransportContext } from './registry.js';
import { baseName, cleanRelative, dirName, isTempName, joinRelative } from './remote-path.js';
import type { AtomicWriteOptions, RemoteFile, Transport } from './transport.js';

/**
 * Files by e-mail, mapped onto the Transport interface:
 *
 * - A folder is an IMAP mailbox ("confirmations", "INBOX", "acme/inventory"; "/" is turned into the
 *   server's own separator). The files in it are the attachments of its messages whose names match the
 *   attachment pattern, each named `mail-<key>-<attachment name>` (mail-attachments.ts). Dockhand's own
 *   messages (sent copies, Test probes) carry a header that keeps them from being read back as files.
 * - `writeAtomic` sends the file to the WMS over SMTP, one message per file, and keeps that very message
 *   in the folder (the orders folder becomes the record of what was sent). It is first stored there as a
 *   draft (the "temporary name"), sent, and then un-drafted (the "rename"), so `exists` tells a file that
 *   was never sent from one that was, as traceDelivery needs. A temporary name (the Test's write probe)
 *   is only stored, never mailed: nothing under such a name is for the other side.
 * - `move` into the dated archive or error folder the connector names moves the message to the
 *   processed or error folder of the settings, once every file of that message is settled (a message
 *   with two matching attachments moves after the second). Any other folder is taken literally.
 * - `remove` deletes the message a file is in (the Test uses it for its probe only), and refuses when
 *   that message holds other files too.
 *
 * Never applied twice: a file whose name the engine recorded as applied (ctx.appliedFiles, written in the
 * same transaction as the file's last rows) is not listed again: its message is moved to the processed
 * folder instead, finishing the move a crash interrupted. A move the server refuses leaves the file to
 * the connector's held files, as for every transport.
 */

type Settled = 'processed' | 'error' | { mailbox: string };

/** One listed file, with where its bytes are. */
interface MailFile extends RemoteFile {
  mailbox: string;
  uid: number;
  part: string;
  messageKey: string;
}

/** The files of one message and how each was settled so far. */
interface MessageFiles {
  mailbox: string;
  uid: number;
  paths: Set<string>;
  settled: Map<string, Settled>;
}

/** A message of a folder as Dockhand sees it. */
interface ScannedMessage {
  uid: number;
  draft: boolean;
  /** The X-Dockhand-File header of Dockhand's own messages; undefined for a message from anyone else. */
  dockhandFile?: string;
  files: MailFile[];
}

export function createEmailTransport(settings: EmailTransportSettings, secrets: TransportSecrets, ctx: TransportContext): Transport {
  const place: ImapPlace = { host: settings.imapHost, port: settings.imapPort, user: settings.imapUser };
  const timeout = ctx.timeoutMs ?? 30_000;
  const log = ctx.log.child({ transport: 'email' });
  let client: ImapFlow | undefined;
  let delimiter = '/';
  const files = new Map<string, MailFile>();
  const messages = new Map<string, MessageFiles>();

  const smtpSettings = { host: settings.smtpHost, port: settings.smtpPort, security: settings.smtpSecurity, user: settings.smtpUser, from: settings.from, accountContacts: [], appUrl: '' };
  let smtp: Transporter | undefined;

  /**
   * The TLS options of one side: none beyond the system's trust, or, with a certificate accepted, that
   * certificate alone, looked at first over a connection that logs in to nothing (email-certificates.ts),
   * so a changed one is refused before any password goes out.
   */
  async function pinnedTls(side: MailConnection): Promise<object> {
    const pinned = pinnedOf(settings, side);
    if (!pinned) return {};
    const probed = side === 'smtp' ? await probeEmailSmtpCertificate(smtpSettings, timeout) : await probeImapCertificate(settings, timeout);
    if (probed.view.sha256 !== pinned.sha256) throw emailCertificateRefusal(settings, side, probed);
    return pinnedTlsOptions(probed, pinned.sha256);
  }

  /**
   * A connection refused on the certificate is refused again in words that show the certificate's
   * fingerprint (and the accepted one it differs from), for the Test to offer it; undefined otherwise.
   */
  async function certificateRefusal(side: MailConnection, err: unknown): Promise<DockhandError | undefined> {
    const security = side === 'smtp' ? settings.smtpSecurity : settings.imapSecurity;
    if (security === 'none' || !isCertificateProblem(err)) return undefined;
    const probed = await (side === 'smtp' ? probeEmailSmtpCertificate(smtpSettings, timeout) : probeImapCertificate(settings, timeout)).catch(() => undefined);
    return probed && (pinnedOf(settings, side) || !probed.trusted) ? emailCertificateRefusal(settings, side, probed) : undefined;
  }

  async function smtpTransport(): Promise<Transporter> {
    smtp ??= nodemailer.createTransport(smtpConnectionOptions({ settings: smtpSettings, password: secrets.smtpPassword, timeoutMs: timeout }, await pinnedTls('smtp')));
    return smtp;
  }

  async function smtpFailure(err: unknown): Promise<DockhandError> {
    if (err instanceof DockhandError) return err;
    return (await certificateRefusal('smtp', err)) ?? smtpProblem(err, smtpSettings);
  }

  async function imap(): Promise<ImapFlow> {
    ctx.signal.throwIfAborted();
    if (client?.usable) return client;
    let tlsPinned: object;
    try {
      tlsPinned = await pinnedTls('imap');
    } catch (err) {
      throw imapConnectProblem(err, place);
    }
    const c = new ImapFlow({
      host: settings.imapHost,
      port: settings.imapPort,
      secure: settings.imapSecurity === 'tls',
      // STARTTLS chosen: required, so the password never crosses in the clear; None: not even tried.
      doSTARTTLS: settings.imapSecurity === 'starttls' ? true : settings.imapSecurity === 'none' ? false : undefined,
      auth: { user: settings.imapUser, pass: secrets.imapPassword ?? '' },
      // imapflow's own logger would print commands (the LOGIN among them) to the console.
      logger: false,
      tls: { rejectUnauthorized: true, servername: serverNameOf(settings.imapHost), ...tlsPinned },
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 4,
      disableAutoIdle: true,
    });
    // A dropped connection is reported on the next command; an unhandled 'error' event would end the engine.
    c.on('error', (err: Error) => log.log('debug', 'IMAP connection error', { server: `${place.host}:${place.port}`, reason: err.message }));
    try {
      await c.connect();
    } catch (err) {
      c.close();
      throw (await certificateRefusal('imap', err)) ?? imapConnectProblem(err, place);
    }
    delimiter = c.namespace?.delimiter || '/';
    client = c;
    return c;
  }

  /**
   * The server's name of a folder ("acme/confirmations" → "acme.confirmations" where "." separates).
   * Only once connected: the separator is the server's answer.
   */
  function mailboxOf(dir: string): string {
    const clean = cleanRelative(dir);
    return clean === '' ? 'INBOX' : clean.split('/').join(delimiter);
  }

  async function command<T>(action: string, run: (c: ImapFlow) => Promise<T>): Promise<T> {
    const c = await imap();
    try {
      return await run(c);
    } catch (err) {
      throw imapCommandProblem(err, place, action);
    }
  }

  async function mailboxExists(c: ImapFlow, mailbox: string): Promise<boolean> {
    const listed = await c.list();
    return listed.some((m) => m.path.toLowerCase() === mailbox.toLowerCase());
  }

  /** Creates the folder when missing (as the FTP and folder transports create theirs); true when it did. */
  async function ensureMailbox(dir: string): Promise<{ mailbox: string; created: boolean }> {
    return command(`creating the folder "${dir}"`, async (c) => {
      const mailbox = mailboxOf(dir);
      if (await mailboxExists(c, mailbox)) return { mailbox, created: false };
      const made = await c.mailboxCreate(mailbox);
      return { mailbox: made.path, created: made.created };
    });
  }

  /**
   * Every message of a folder with what Dockhand needs of it, or with `ownFile` only Dockhand's own
   * messages stored under that name (found by the server's SEARCH, so a folder of many kept copies is not
   * read whole). A missing folder is a config error naming it.
   */
  async function scan(dir: string, ownFile?: string): Promise<ScannedMessage[]> {
    return command(`listing the folder "${dir}"`, async (c) => {
      const mailbox = mailboxOf(dir);
      if (!(await mailboxExists(c, mailbox))) {
        throw new DockhandError('config', `The IMAP folder "${dir}" does not exist on ${place.host}:${place.port} (user ${place.user}): run Test to create it, or correct the folder name.`);
      }
      const opened = await c.mailboxOpen(mailbox);
      if (opened.exists === 0) return [];
      let range = '1:*';
      if (ownFile !== undefined) {
        const uids = (await c.search({ header: { [DOCKHAND_FILE_HEADER]: ownFile } }, { uid: true })) || [];
        if (uids.length === 0) return [];
        range = uids.join(',');
      }
      const fetched = await c.fetchAll(range, { uid: true, flags: true, internalDate: true, bodyStructure: true, headers: [DOCKHAND_FILE_HEADER] }, { uid: ownFile !== undefined });
      const described = fetched.filter((m) => !m.flags?.has('\\Deleted')).map((m) => describeMessage(dir, mailbox, opened.uidValidity, m));
      // SEARCH HEADER matches a part of the value ("orders-1.csv" in "orders-1.csv.bak"): keep exact ones.
      return ownFile === undefined ? described : described.filter((m) => m.dockhandFile === ownFile);
    });
  }

  function describeMessage(dir: string, mailbox: string, uidValidity: bigint, m: FetchMessageObject): ScannedMessage {
    const dockhandFile = headerValue(m.headers, DOCKHAND_FILE_HEADER);
    const attachments = matchingAttachments(m.bodyStructure, settings.attachmentPattern);
    const messageKey = `${mailbox}\n${uidValidity}\n${m.uid}`;
    const modifiedAt = m.internalDate ? new Date(m.internalDate).toISOString() : undefined;
    const mailFiles = attachments.map((a) => {
      const twice = attachments.filter((b) => b.fileName === a.fileName).length > 1;
      const name = mailFileName(mailbox, uidValidity, m.uid, a, twice);
      return { path: joinRelative(dir, name), name, size: a.size, modifiedAt, mailbox, uid: m.uid, part: a.part, messageKey };
    });
    return { uid: m.uid, draft: m.flags?.has('\\Draft') ?? false, dockhandFile, files: mailFiles };
  }

  /** Moves one message out of its folder (the messages of a finished file), by UID. */
  async function moveMessage(mailbox: string, uid: number, to: string, what: string): Promise<void> {
    await command(`moving ${what} to the folder "${to}"`, async (c) => {
      await c.mailboxOpen(mailbox);
      const target = mailboxOf(to);
      if (!(await mailboxExists(c, target))) await c.mailboxCreate(target);
      const moved = await c.messageMove(String(uid), target, { uid: true });
      if (moved === false) throw new DockhandError('config', `The IMAP server ${place.host}:${place.port} did not move ${what} to the folder "${to}" (the message may be gone).`);
    });
  }

  async function list(dir: string): Promise<RemoteFile[]> {
    const scanned = await scan(dir);
    const out: RemoteFile[] = [];
    for (const m of scanned) {
      // Dockhand's own messages (sent copies, probes) and drafts are not the WMS's files.
      if (m.dockhandFile !== undefined || m.draft || m.files.length === 0) continue;
      const key = m.files[0].messageKey;
      const state: MessageFiles = messages.get(key) ?? { mailbox: m.files[0].mailbox, uid: m.uid, paths: new Set(), settled: new Map() };
      messages.set(key, state);
      const fresh: MailFile[] = [];
      for (const f of m.files) {
        state.paths.add(f.path);
        files.set(f.path, f);
        if (ctx.appliedFiles && (await ctx.appliedFiles.wasApplied(f.name))) state.settled.set(f.path, 'processed');
        else if (!state.settled.has(f.path)) fresh.push(f);
      }
      if (fresh.length === 0) {
        // Every file of it applied before, but the message was not moved (a crash between the apply and
        // the move, or a refused move): finish the move rather than hand the files out again.
        await settleMessage(key).catch((err: unknown) => {
          log.log('info', 'An applied message could not be moved yet; its files are not read again', { folder: dir, reason: err instanceof Error ? err.message : String(err) });
        });
        continue;
      }
      out.push(...fresh.map(({ path, name, size, modifiedAt }) => ({ path, name, size, ...(modifiedAt ? { modifiedAt } : {}) })));
    }
    return out;
  }

  /** Moves a message once every one of its files is settled: to the error folder if any was broken. */
  async function settleMessage(key: string): Promise<void> {
    const state = messages.get(key);
    if (!state || [...state.paths].some((p) => !state.settled.has(p))) return;
    const outcomes = [...state.settled.values()];
    const literal = outcomes.find((o): o is { mailbox: string } => typeof o === 'object');
    const to = outcomes.includes('error') ? settings.errorFolder : literal ? literal.mailbox : settings.processedFolder;
    await moveMessage(state.mailbox, state.uid, to, `the message of ${[...state.paths].map(baseName).join(', ')}`);
    messages.delete(key);
    for (const p of state.paths) files.delete(p);
    log.log('info', 'E-mail message moved', { to, files: [...state.paths] });
  }

  /** The listed file at `path`, listing its folder again when this connection has not seen it. */
  async function fileAt(path: string): Promise<MailFile | undefined> {
    if (!files.has(path)) await list(dirName(path));
    return files.get(path);
  }

  async function requireFile(path: string, action: string): Promise<MailFile> {
    const file = await fileAt(path);
    if (!file) throw new DockhandError('data', `The file ${baseName(path)} is not in the IMAP folder "${dirName(path)}" on ${place.host}:${place.port} any more (while ${action}).`);
    return file;
  }

  async function download(file: MailFile) {
    return command(`reading ${file.name} in the folder "${dirName(file.path)}"`, async (c) => {
      await c.mailboxOpen(file.mailbox);
      // The attachment's bytes as sent (only the transfer encoding undone): the file's readers detect its
      // encoding (UTF-8 with or without BOM, Windows-1252) themselves, as for a file from a server.
      const got = await c.download(String(file.uid), file.part, { uid: true, decodeText: false });
      if (!got.content) throw new DockhandError('data', `The file ${file.name} is not in the IMAP folder "${dirName(file.path)}" any more.`);
      return got.content;
    });
  }

  /** Dockhand's own messages in a folder stored under `name` (sent copies, probes). */
  async function ownMessages(dir: string, name: string): Promise<ScannedMessage[]> {
    const c = await imap();
    const mailbox = mailboxOf(dir);
    const present = await mailboxExists(c, mailbox).catch((err: unknown) => {
      throw imapCommandProblem(err, place, `looking for the folder "${dir}"`);
    });
    if (!present) return [];
    return scan(dir, name);
  }

  async function deleteMessages(dir: string, uids: number[]): Promise<void> {
    if (uids.length === 0) return;
    await command(`deleting from the folder "${dir}"`, async (c) => {
      await c.mailboxOpen(mailboxOf(dir));
      await c.messageDelete(uids.join(','), { uid: true });
    });
  }

  /**
   * Mails the file to every WMS address in one message. Delivered when the server took it for at least
   * one address: the addresses it refused come back (with its reason) for a warning, and the file is not
   * sent again, which would give the addresses that took it a second copy. Every address refused fails
   * the send as any refusal does, naming each address and the server's reason.
   */
  async function sendRaw(raw: Buffer, name: string): Promise<{ accepted: string[]; refused: RefusedRecipient[] }> {
    let info: SentInfo;
    try {
      info = (await (await smtpTransport()).sendMail({ envelope: { from: settings.from, to: settings.to }, raw })) as SentInfo;
    } catch (err) {
      const every = refusedRecipients(err as SentInfo);
      if (every.length > 0) {
        const deferred = every.every((r) => r.reason.startsWith('4'));
        throw new DockhandError(
          deferred ? 'transient' : 'config',
          `The SMTP server ${settings.smtpHost}:${settings.smtpPort} refused every WMS address for ${name}, so it was not delivered: ${describeRefused(every)}. ${deferred ? 'It asked to try again later.' : 'Check the WMS addresses.'}`,
          { cause: err },
        );
      }
      throw await smtpFailure(err);
    }
    return { accepted: (info.accepted ?? []).map(String), refused: refusedRecipients(info) };
  }

  return {
    async test(folders) {
      try {
        await (await smtpTransport()).verify();
      } catch (err) {
        throw await smtpFailure(err);
      }
      const made: string[] = [];
      for (const folder of [...folders, settings.processedFolder, settings.errorFolder]) {
        const { created } = await ensureMailbox(folder);
        if (created) made.push(folder);
      }
      if (made.length > 0) log.log('info', 'Created missing IMAP folders', { folders: made });
      // Proves the login may move messages between folders (what every processed file needs): a probe
      // stored in the error folder is moved to the processed folder and deleted there.
      const probe = `.dockhand-move-test-${randomBytes(4).toString('hex')}.part`;
      await writeProbe(settings.errorFolder, probe);
      const [stored] = await ownMessages(settings.errorFolder, probe);
      if (!stored) throw new DockhandError('config', `The IMAP server ${place.host}:${place.port} accepted a test message in "${settings.errorFolder}" but does not show it there.`);
      await moveMessage(mailboxOf(settings.errorFolder), stored.uid, settings.processedFolder, 'a test message');
      await deleteMessages(settings.processedFolder, (await ownMessages(settings.processedFolder, probe)).map((m) => m.uid));
    },

    list,

    async read(path) {
      const file = await requireFile(path, 'reading it');
      const chunks: Buffer[] = [];
      for await (const chunk of await download(file)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },

    async *readStream(path) {
      const file = await requireFile(path, 'reading it');
      const content = await download(file);
      try {
        for await (const chunk of content) yield chunk as Buffer;
      } catch (err) {
        throw imapCommandProblem(err, place, `reading ${file.name}`);
      }
    },

    async writeAtomic(dir, name, content, options?: AtomicWriteOptions) {
      if (isTempName(name)) {
        await writeProbe(dir, name, content);
        await options?.beforeRename?.();
        return;
      }
      const { mailbox } = await ensureMailbox(dir);
      // Replaces an earlier copy of the same file (an unsent draft after a crash, or a resend).
      await deleteMessages(dir, (await ownMessages(dir, name)).map((m) => m.uid));
      const message = await fileMessage(settings, dir, name, content, new Date());
      const appended = await command(`storing ${name} in the folder "${dir}"`, (c) => c.append(mailbox, message.raw, ['\\Seen', '\\Draft']));
      await options?.beforeRename?.();
      const sent = await sendRaw(message.raw, name);
      // Sent: no longer a draft. Should this fail, the file counts as unsent and is sent again, with the
      // same Message-ID (email-message.ts).
      const uid = appended && appended.uid;
      await command(`marking ${name} as sent in the folder "${dir}"`, async (c) => {
        await c.mailboxOpen(mailbox);
        const range = uid ? String(uid) : ((await ownMessages(dir, name)).map((m) => m.uid).join(',') || undefined);
        if (range) await c.messageFlagsRemove(range, ['\\Draft'], { uid: true });
      });
      log.log('info', 'File e-mailed', { file: name, folder: dir, to: sent.accepted, messageId: message.messageId });
      if (sent.refused.length > 0) {
        const warning =
          `${name} was e-mailed to ${sent.accepted.join(', ')}, but the SMTP server ${settings.smtpHost}:${settings.smtpPort} refused ${describeRefused(sent.refused)}. ` +
          `It counts as delivered and is not sent again (the addresses that took it would get it twice): check the refused address in the WMS setup, or send the file to it by hand.`;
        log.log('warn', 'WMS addresses refused', { file: name, refused: sent.refused.map((r) => r.recipient) });
        options?.onWarning?.(warning);
      }
    },

    async move(path, toDir) {
      const file = await requireFile(path, 'moving it');
      const state = messages.get(file.messageKey);
      if (!state) throw new DockhandError('data', `The message of ${file.name} is not in the IMAP folder "${dirName(path)}" any more.`);
      state.settled.set(path, settledAs(path, toDir));
      await settleMessage(file.messageKey);
    },

    async exists(path) {
      const dir = dirName(path);
      const name = baseName(path);
      const temp = /^\.(.+)\.part$/.exec(name);
      const own = await ownMessages(dir, temp ? temp[1] : name);
      if (temp) return own.some((m) => m.draft) || (await ownMessages(dir, name)).length > 0;
      if (own.some((m) => !m.draft)) return true;
      files.delete(path);
      if (!(await mailboxExists(await imap(), mailboxOf(dir)).catch(() => true))) return false;
      return (await fileAt(path)) !== undefined;
    },

    async remove(path) {
      const dir = dirName(path);
      const own = await ownMessages(dir, baseName(path));
      if (own.length > 0) return deleteMessages(dir, own.map((m) => m.uid));
      const file = await requireFile(path, 'deleting it');
      const others = [...(messages.get(file.messageKey)?.paths ?? [])].filter((p) => p !== path);
      if (others.length > 0) {
        // A message is deleted whole: deleting one attachment would take the others with it, unread.
        throw new DockhandError('config', `${file.name} is one of ${others.length + 1} files of one e-mail in "${dir}"; Dockhand deletes whole messages only, so it left this one in place (its other files: ${others.map(baseName).join(', ')}).`);
      }
      await deleteMessages(dir, [file.uid]);
      files.delete(path);
    },

    async close() {
      smtp?.close();
      smtp = undefined;
      const c = client;
      client = undefined;
      if (c) await c.logout().catch(() => c.close());
    },
  };

  /** A file under a temporary name: stored in the folder as a draft of Dockhand's, never mailed. */
  async function writeProbe(dir: string, name: string, content: Buffer = Buffer.from('Dockhand checks it may write here; this message is removed at once.\n')): Promise<void> {
    const { mailbox } = await ensureMailbox(dir);
    const raw = Buffer.concat([
      Buffer.from(`From: ${settings.from}\r\nSubject: Dockhand test ${name}\r\n${DOCKHAND_FILE_HEADER}: ${name}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n`),
      content,
    ]);
    await command(`storing a test message in the folder "${dir}"`, (c) => c.append(mailbox, raw, ['\\Seen', '\\Draft']));
  }
}

/**
 * How the connector's destination reads for a message: its dated archive folder ("<folder>/archive/<day>",
 * merchant-folders.ts) is the processed folder, its error folder the error folder; any other folder is
 * taken as a mailbox of its own (a CSV source's archive folder).
 */
function settledAs(path: string, toDir: string): Settled {
  const from = dirName(path);
  const to = cleanRelative(toDir);
  const under = (kind: string) => to === joinRelative(from, kind) || to.startsWith(`${joinRelative(from, kind)}/`);
  if (under(ERROR_FOLDER)) return 'error';
  if (under(ARCHIVE_FOLDER)) return 'processed';
  return { mailbox: to };
}

/** One WMS address the SMTP server refused, with what it said ("550 5.1.1 No such user"). */
interface RefusedRecipient {
  recipient: string;
  reason: string;
}

/** What nodemailer answers a send with, or throws when every recipient was refused (EENVELOPE). */
interface SentInfo {
  accepted?: unknown[];
  rejected?: unknown[];
  rejectedErrors?: { recipient?: string; response?: string; message?: string }[];
}

function refusedRecipients(info: SentInfo | undefined): RefusedRecipient[] {
  const errors = info?.rejectedErrors ?? [];
  return (info?.rejected ?? []).map((r) => {
    const recipient = String(r);
    const e = errors.find((x) => x.recipient === recipient);
    return { recipient, reason: (e?.response ?? e?.message ?? 'no reason given').replace(/\s+/g, ' ').trim().slice(0, 200) };
  });
}

/** "a@x (it said: 550 No such user); b@x (it said: ...)". */
function describeRefused(refused: RefusedRecipient[]): string {
  return refused.map((r) => `${r.recipient} (it said: ${r.reason})`).join('; ');
}

/** One header's value from the raw header block imapflow returns ("X-Dockhand-File: orders-1.csv"). */
function headerValue(headers: Buffer | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const unfolded = headers.toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
  const found = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return found ? found[1].trim() : undefined;
}
