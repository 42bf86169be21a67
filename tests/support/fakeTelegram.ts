import { Api, type TelegramClient } from 'telegram';
import { _handleUpdate } from 'telegram/client/updates.js';
import { RPCMessageToError } from 'telegram/errors/index.js';
import bigInt from 'big-integer';
import type { Clock } from '../../electron/core/sources/createRequestLimiter.ts';
import { createSrpServer } from './fakeTelegramSrp.ts';
import sharp from 'sharp';
import { DEMO_VIDEO, DEMO_VOICE } from '../../electron/core/sources/demo/demoMediaClips.ts';

/** The account behind the fake's login methods. */
export interface FakeAccount {
  phone: string;
  code: string;
  /** Two-step verification, when the account has it. */
  password?: { value: string; hint: string };
  user: { id: number; firstName: string };
  /** The QR code counts as scanned after this many ExportLoginToken calls. */
  qrScannedAfter?: number;
  /** SendCode answers FLOOD_WAIT after this many calls. */
  sendCodeLimit?: number;
}

/** A peer of the fake world. */
export interface FakePeer {
  type: 'user' | 'chat' | 'channel';
  id: number;
  accessHash: number;
}

export interface FakeChat {
  peer: FakePeer;
  title: string;
  /** Oldest first; ids ascending. Deleted ids come back as messageEmpty. A forum's topics begin with a service message. */
  messages: Array<Api.Message | Api.MessageService>;
  /** A forum's topics (channels.getForumTopics), each named after its first message's id. */
  topics?: Array<{ id: number; title: string; iconColor: number }>;
  deleted: Set<number>;
  pinned?: boolean;
  /** In the account's archive (peer folder 1). */
  archived?: boolean;
  /** A broadcast channel (not a supergroup). */
  broadcast?: boolean;
  /** A private chat with a bot. */
  bot?: boolean;
  /** A channel one has left: not in the dialogs, listed by channels.getLeftChannels (inside a takeout). */
  left?: boolean;
  /** A basic group upgraded to the supergroup of this channel id (deactivated, `migrated_to` set). */
  migratedTo?: number;
}

/** The traps of the real service, each switchable (see ../shared/notes/telegram-api.md). */
export interface FakeTraps {
  /** Every n-th history call answers a third of the page (short pages in mid-history). */
  shortPageEvery?: number;
  /** History call numbers (1-based) that fail with FLOOD_WAIT_<seconds>. */
  floodWaits?: Map<number, number>;
  /** History call numbers whose connection drops. */
  drops?: Set<number>;
  /** Users left out of the `users` array of results. */
  missingUsers?: Set<number>;
  /** Dialog pages repeat the last dialog of the previous page. */
  duplicateDialogs?: boolean;
  /** From this history call on, the session is refused as if used from two places at once. */
  authKeyDuplicatedFrom?: number;
  /** InitTakeoutSession answers TAKEOUT_INIT_DELAY this many times before the user "allows" it. */
  takeoutDelays?: number;
  /** upload.getFile call numbers (1-based) that fail with FLOOD_WAIT_<seconds>. */
  fileFloodWaits?: Map<number, number>;
  /** Every file's first reference is refused once with FILE_REFERENCE_EXPIRED (renewed by fetching the message). */
  expireFileReferences?: boolean;
  /** How long each upload.getFile part takes to arrive, ms (read at each call, so a test may change it). */
  fileLatencyMs?: number;
}

export interface FakeTelegram {
  invoke(request: unknown): Promise<unknown>;
  /** History calls that came wrapped in InvokeWithTakeout. */
  takeoutHistoryCalls: number;
  readonly log: Array<{ at: number; request: string; offsetId?: number; addOffset?: number }>;
  /** Requests that arrived while a flood wait was still running (must stay empty). */
  readonly floodViolations: Array<{ at: number; until: number }>;
  readonly maxInFlight: number;
  historyCalls: number;
  fileCalls: number;
  /** The bytes each file of the fake world is (for checking what was downloaded): `photo:<id>:<type>`, `document:<id>:`… */
  fileBytes(key: string): Promise<Buffer>;
  /** A client that receives this world's pushed updates (fakeTelegramClient attaches each it makes). */
  attach(client: TelegramClient): void;
  /**
   * History changing at the source, as people use Telegram: each change is stored in the chat's history and
   * pushed to attached clients as the real update objects, in the update sequence (pts) of its box. With
   * `unseen`, nothing is pushed (an update lost on the way): the next one pushed shows the gap.
   */
  postMessage(chat: FakeChat, text: string, options?: { unseen?: boolean }): Api.Message;
  editMessage(chat: FakeChat, id: number, text: string, options?: { unseen?: boolean }): void;
  deleteMessages(chat: FakeChat, ids: number[], options?: { unseen?: boolean }): void;
  /** Updates pushed so far. */
  readonly updatesPushed: number;
}

const USERS = [
  { id: 101, first: 'Ana', last: 'Costa' },
  { id: 102, first: 'Ben', last: 'Okafor' },
  { id: 103, first: 'Chen', last: 'Wei 陈伟' },
  { id: 104, first: '', last: '', deleted: true },
];

/**
 * A chat of `count` messages: texts with astral emoji and entities on them, replies, edits, photos,
 * albums, service messages, and a few deleted ids.
 */
export function seedFakeChat(
  peer: FakePeer,
  title: string,
  count: number,
  options: { start?: number; deletedEvery?: number } = {},
): FakeChat {
  const start = options.start ?? Date.UTC(2019, 0, 1) / 1000;
  const messages: Api.Message[] = [];
  const deleted = new Set<number>();
  const peerId =
    peer.type === 'user'
      ? new Api.PeerUser({ userId: bigInt(peer.id) })
      : peer.type === 'chat'
        ? new Api.PeerChat({ chatId: bigInt(peer.id) })
        : new Api.PeerChannel({ channelId: bigInt(peer.id) });
  for (let id = 1; id <= count; id++) {
    if (options.deletedEvery && id % options.deletedEvery === 0) {
      deleted.add(id);
      continue;
    }
    const user = USERS[id % USERS.length]!;
    const text = id % 5 === 0 ? `😀 bold ${id} 👍🏽 link` : `message ${id}`;
    messages.push(
      new Api.Message({
        id,
        peerId,
        fromId: new Api.PeerUser({ userId: bigInt(user.id) }),
        date: start + id * 97,
        message: text,
        out: id % 7 === 0,
        entities:
          id % 5 === 0
            ? [
                new Api.MessageEntityBold({ offset: 3, length: 4 + String(id).length + 1 }),
                new Api.MessageEntityTextUrl({ offset: text.length - 4, length: 4, url: 'https://example.com' }),
              ]
            : undefined,
        replyTo: id % 11 === 0 ? new Api.MessageReplyHeader({ replyToMsgId: id - 1 }) : undefined,
        editDate: id % 13 === 0 ? start + id * 97 + 30 : undefined,
        media: id % 17 === 0 ? fakePhoto(id) : id % 23 === 0 ? fakeVideo(id) : id % 29 === 0 ? fakeVoice(id) : undefined,
        groupedId: id % 17 === 0 ? bigInt(id) : undefined,
      }),
    );
  }
  return { peer, title, messages, deleted };
}

/**
 * A forum supergroup of `count` messages: topics begin at ids 2, 5 and 9 (a topic-create service message
 * each); then each message is in the General topic (no forum reply) or in a topic, replying to its first
 * message, or every third to the topic's message before it (reply_to_top_id then names the topic).
 * Returns the chat and each message's topic id (null: General).
 */
export function seedFakeForum(peer: FakePeer, title: string, count: number): { chat: FakeChat; topicOf: Map<number, number | null> } {
  const start = Date.UTC(2023, 0, 1) / 1000;
  const peerId = new Api.PeerChannel({ channelId: bigInt(peer.id) });
  const topics = [
    { id: 2, title: 'Q&A', iconColor: 0x6fb9f0 },
    { id: 5, title: 'Announcements', iconColor: 0xffd67e },
    { id: 9, title: 'Off-topic', iconColor: 0xcb86db },
  ];
  const messages: Array<Api.Message | Api.MessageService> = [];
  const topicOf = new Map<number, number | null>();
  const lastOf = new Map<number, number>();
  for (let id = 1; id <= count; id++) {
    const user = USERS[id % 3]!;
    const fromId = new Api.PeerUser({ userId: bigInt(user.id) });
    const topic = topics.find((candidate) => candidate.id === id);
    if (topic) {
      messages.push(
        new Api.MessageService({
          id,
          peerId,
          fromId,
          date: start + id * 60,
          action: new Api.MessageActionTopicCreate({ title: topic.title, iconColor: topic.iconColor }),
        }),
      );
      topicOf.set(id, id);
      lastOf.set(id, id);
      continue;
    }
    const open = topics.filter((candidate) => candidate.id < id);
    const choice = id % (open.length + 1);
    const inTopic = choice === 0 ? null : open[choice - 1]!.id;
    const answersLast = inTopic !== null && id % 3 === 0 && lastOf.get(inTopic) !== inTopic;
    messages.push(
      new Api.Message({
        id,
        peerId,
        fromId,
        date: start + id * 60,
        message: `forum message ${id}`,
        replyTo:
          inTopic === null
            ? undefined
            : answersLast
              ? new Api.MessageReplyHeader({ forumTopic: true, replyToMsgId: lastOf.get(inTopic)!, replyToTopId: inTopic })
              : new Api.MessageReplyHeader({ forumTopic: true, replyToMsgId: inTopic }),
      }),
    );
    topicOf.set(id, inTopic);
    if (inTopic !== null) lastOf.set(inTopic, id);
  }
  return { chat: { peer, title, messages, deleted: new Set(), topics }, topicOf };
}

/** A stripped preview (a sun on a blue sky) in Telegram's format, made once with imageCodec's encodeStrippedPreview. */
const STRIPPED = Buffer.from(
  'ARcobuPqaNx9TSUV1GBLDG8rYBxjqadNA8S7t24UW0wiY7uhqS5uEePYnOeprFufPZbFpR5fMq7j6mikorYgdsb0o2N6UUUrjsGxvSjY3pRRRcLBsb0oooouFj8=',
  'base64',
);

/** A photo with Telegram's sizes: the stripped preview (inline), `m` for the list and `x` whole. */
function fakePhoto(id: number): Api.MessageMediaPhoto {
  return new Api.MessageMediaPhoto({
    photo: new Api.Photo({
      id: bigInt(id),
      accessHash: bigInt(1),
      fileReference: Buffer.from(`ref-photo-${id}-1`),
      date: 0,
      sizes: [
        new Api.PhotoStrippedSize({ type: 'i', bytes: STRIPPED }),
        new Api.PhotoSize({ type: 'm', w: 320, h: 180, size: 9000 }),
        new Api.PhotoSize({ type: 'x', w: 1280, h: 720, size: 60000 }),
      ],
      dcId: 2,
    }),
  });
}

/**
 * A video with a thumbnail of its own: an odd id is a real, playable WebM clip (one part); an even one is
 * larger than two download parts (noise), for the part rules.
 */
function fakeVideo(id: number): Api.MessageMediaDocument {
  const playable = id % 2 === 1;
  return new Api.MessageMediaDocument({
    document: new Api.Document({
      id: bigInt(100_000 + id),
      accessHash: bigInt(2),
      fileReference: Buffer.from(`ref-document-${100_000 + id}-1`),
      date: 0,
      mimeType: playable ? DEMO_VIDEO.mimeType : 'video/mp4',
      size: bigInt(playable ? Buffer.from(DEMO_VIDEO.base64, 'base64').length : FAKE_VIDEO_BYTES),
      dcId: 2,
      thumbs: [new Api.PhotoStrippedSize({ type: 'i', bytes: STRIPPED }), new Api.PhotoSize({ type: 'm', w: 320, h: 180, size: 9000 })],
      attributes: [
        new Api.DocumentAttributeVideo({ duration: 12, w: 1280, h: 720 }),
        new Api.DocumentAttributeFilename({ fileName: `clip${id}.mp4` }),
      ],
    }),
  });
}

function fakeVoice(id: number): Api.MessageMediaDocument {
  return new Api.MessageMediaDocument({
    document: new Api.Document({
      id: bigInt(200_000 + id),
      accessHash: bigInt(3),
      fileReference: Buffer.from(`ref-document-${200_000 + id}-1`),
      date: 0,
      mimeType: 'audio/ogg',
      size: bigInt(Buffer.from(DEMO_VOICE.base64, 'base64').length),
      dcId: 2,
      attributes: [new Api.DocumentAttributeAudio({ voice: true, duration: 7, waveform: Buffer.from([0x1f, 0x8c, 0x31, 0xc6, 0x18]) })],
    }),
  });
}

/** 1.3 MB: three parts of 512 KB, the last one short. */
export const FAKE_VIDEO_BYTES = 1_300_000;

/** Deterministic bytes (a linear congruential sequence from the seed). */
function pseudoRandomBytes(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function userObjects(missing: Set<number> | undefined): Api.User[] {
  return USERS.filter((user) => !missing?.has(user.id)).map(
    (user) =>
      new Api.User({
        id: bigInt(user.id),
        accessHash: bigInt(user.id * 1000),
        firstName: user.first || undefined,
        lastName: user.last || undefined,
        deleted: user.deleted ?? false,
        photo: user.deleted ? undefined : new Api.UserProfilePhoto({ photoId: bigInt(user.id), strippedThumb: STRIPPED, dcId: 2 }),
      }),
  );
}

/**
 * Telegram as the API behaves, for the methods Scrollback calls, with its traps. It answers with real
 * GramJS TL objects, and fails with the errors GramJS itself builds from an rpc_error.
 */
export function createFakeTelegram(world: { chats: FakeChat[]; clock: Clock; traps?: FakeTraps; account?: FakeAccount }): FakeTelegram {
  const traps = world.traps ?? {};
  let inFlight = 0;
  let floodUntil = 0;
  let takeoutAsked = 0;
  // Update sequences: private chats and basic groups share the account's pts; each channel has its own.
  let commonPts = 1000;
  const channelPts = new Map<number, number>();
  const ptsOfChannel = (chat: FakeChat) => channelPts.get(chat.peer.id) ?? 500;
  const clients = new Set<TelegramClient>();
  const fake: FakeTelegram = {
    updatesPushed: 0,
    attach: (client) => void clients.add(client),
    postMessage: (chat, text, options) => postMessage(chat, text, options?.unseen === true),
    editMessage: (chat, id, text, options) => editMessage(chat, id, text, options?.unseen === true),
    deleteMessages: (chat, ids, options) => deleteMessages(chat, ids, options?.unseen === true),
    log: [],
    floodViolations: [],
    maxInFlight: 0,
    historyCalls: 0,
    fileCalls: 0,
    fileBytes: () => Promise.reject(new Error('not ready')),
    takeoutHistoryCalls: 0,
    async invoke(request) {
      inFlight++;
      (fake as { maxInFlight: number }).maxInFlight = Math.max(fake.maxInFlight, inFlight);
      try {
        // The network: answers come back on a later turn of the event loop.
        await new Promise((resolve) => setImmediate(resolve));
        const now = world.clock.now();
        if (now < floodUntil) fake.floodViolations.push({ at: now, until: floodUntil });
        if (request instanceof Api.account.InitTakeoutSession) {
          fake.log.push({ at: now, request: 'InitTakeoutSession' });
          if (takeoutAsked++ < (traps.takeoutDelays ?? 0))
            throw RPCMessageToError(new Api.RpcError({ errorCode: 420, errorMessage: 'TAKEOUT_INIT_DELAY_86400' }), request);
          return new Api.account.Takeout({ id: bigInt(9001) });
        }
        if (request instanceof Api.InvokeWithTakeout) {
          if (request.takeoutId.toJSNumber() !== 9001)
            throw RPCMessageToError(new Api.RpcError({ errorCode: 400, errorMessage: 'TAKEOUT_INVALID' }), request);
          if (request.query instanceof Api.messages.GetHistory) fake.takeoutHistoryCalls++;
          if (request.query instanceof Api.channels.GetLeftChannels) {
            fake.log.push({ at: now, request: 'GetLeftChannels' });
            return leftChannels(request.query);
          }
          inFlight--;
          try {
            return await fake.invoke(request.query);
          } finally {
            inFlight++;
          }
        }
        if (request instanceof Api.messages.GetHistory) {
          fake.historyCalls++;
          fake.log.push({ at: now, request: 'GetHistory', offsetId: request.offsetId, addOffset: request.addOffset });
          if (traps.drops?.has(fake.historyCalls)) throw new Error('Not connected');
          if (traps.authKeyDuplicatedFrom !== undefined && fake.historyCalls >= traps.authKeyDuplicatedFrom) {
            throw RPCMessageToError(new Api.RpcError({ errorCode: 406, errorMessage: 'AUTH_KEY_DUPLICATED' }), request);
          }
          const flood = traps.floodWaits?.get(fake.historyCalls);
          if (flood !== undefined) {
            floodUntil = now + flood * 1000;
            throw RPCMessageToError(new Api.RpcError({ errorCode: 420, errorMessage: `FLOOD_WAIT_${flood}` }), request);
          }
          return history(request);
        }
        if (request instanceof Api.upload.GetFile) {
          fake.fileCalls++;
          fake.log.push({ at: now, request: 'GetFile', offsetId: request.offset.toJSNumber() });
          const flood = traps.fileFloodWaits?.get(fake.fileCalls);
          if (flood !== undefined) {
            floodUntil = now + flood * 1000;
            throw RPCMessageToError(new Api.RpcError({ errorCode: 420, errorMessage: `FLOOD_WAIT_${flood}` }), request);
          }
          return getFile(request);
        }
        if (request instanceof Api.messages.GetMessages || request instanceof Api.channels.GetMessages) {
          fake.log.push({ at: now, request: 'GetMessages' });
          return getMessages(request);
        }
        if (request instanceof Api.messages.Search) {
          fake.log.push({ at: now, request: 'Search', offsetId: request.offsetId });
          return search(request);
        }
        if (request instanceof Api.channels.GetForumTopics) {
          fake.log.push({ at: now, request: 'GetForumTopics' });
          return forumTopics(request);
        }
        if (request instanceof Api.messages.SearchGlobal) {
          fake.log.push({ at: now, request: 'SearchGlobal', offsetId: request.offsetId });
          return searchGlobal(request);
        }
        if (request instanceof Api.updates.GetState) {
          fake.log.push({ at: now, request: 'GetState' });
          return new Api.updates.State({ pts: commonPts, qts: 0, date: Math.floor(now / 1000), seq: 0, unreadCount: 0 });
        }
        if (request instanceof Api.users.GetUsers) {
          const self = world.account?.user ?? { id: 100, firstName: 'Me' };
          return [new Api.User({ id: bigInt(self.id), accessHash: bigInt(7), firstName: self.firstName, self: true })];
        }
        if (request instanceof Api.channels.GetLeftChannels)
          throw RPCMessageToError(new Api.RpcError({ errorCode: 403, errorMessage: 'TAKEOUT_REQUIRED' }), request);
        if (request instanceof Api.messages.GetDialogs) {
          fake.log.push({ at: now, request: 'GetDialogs' });
          return dialogs(request);
        }
        if (
          (request && typeof request === 'object' && 'className' in request && String(request.className).startsWith('auth.')) ||
          request instanceof Api.account.GetPassword
        ) {
          fake.log.push({ at: now, request: String((request as { className: string }).className) });
          return login(request as Api.AnyRequest);
        }
        throw RPCMessageToError(new Api.RpcError({ errorCode: 400, errorMessage: 'METHOD_INVALID' }), request as Api.AnyRequest);
      } finally {
        inFlight--;
      }
    },
  };

  const files = new Map<string, Promise<Buffer>>();
  /** Files whose first reference was already refused (their messages now carry the second). */
  const renewed = new Set<string>();

  function fileBytes(key: string): Promise<Buffer> {
    let bytes = files.get(key);
    if (!bytes) {
      const [type, id, thumb] = key.split(':');
      const seed = Number(id);
      const colour = { r: (seed * 53) % 256, g: (seed * 101) % 256, b: (seed * 197) % 256 };
      if (type === 'document' && seed >= 200_000) bytes = Promise.resolve(Buffer.from(DEMO_VOICE.base64, 'base64'));
      else if (type === 'document' && thumb === '')
        bytes = Promise.resolve(seed % 2 === 1 ? Buffer.from(DEMO_VIDEO.base64, 'base64') : pseudoRandomBytes(seed, FAKE_VIDEO_BYTES));
      else {
        // Noise, so the whole photo is a real JPEG of several download parts.
        const [width, height] = thumb === 'x' ? [1280, 720] : type === 'peerPhoto' ? [160, 160] : [320, 180];
        const noise = pseudoRandomBytes(seed, width * height * 3);
        for (let i = 0; i < noise.length; i += 3) {
          noise[i] = (noise[i]! >> 2) + colour.r * 0.75;
          noise[i + 1] = (noise[i + 1]! >> 2) + colour.g * 0.75;
          noise[i + 2] = (noise[i + 2]! >> 2) + colour.b * 0.75;
        }
        bytes = sharp(noise, { raw: { width, height, channels: 3 } })
          .jpeg({ quality: 95 })
          .toBuffer();
      }
      files.set(key, bytes);
    }
    return bytes;
  }
  fake.fileBytes = fileBytes;

  function rpc(message: string, request: Api.AnyRequest, code = 400): Error {
    return RPCMessageToError(new Api.RpcError({ errorCode: code, errorMessage: message }), request);
  }

  /** The media object a file belongs to, to renew its reference. */
  function mediaHolding(key: string): { fileReference: Buffer } | null {
    for (const chat of world.chats)
      for (const message of chat.messages) {
        const media = message.media;
        if (media instanceof Api.MessageMediaPhoto && media.photo instanceof Api.Photo && key === `photo:${media.photo.id}`)
          return media.photo;
        if (media instanceof Api.MessageMediaDocument && media.document instanceof Api.Document && key === `document:${media.document.id}`)
          return media.document;
      }
    return null;
  }

  /** upload.getFile with Telegram's part rules (without `precise`), and its expiring file references. */
  async function getFile(request: Api.upload.GetFile): Promise<Api.upload.File> {
    const offset = request.offset.toJSNumber();
    const limit = request.limit;
    if (offset % 4096 !== 0 || offset < 0) throw rpc('OFFSET_INVALID', request);
    if (limit <= 0 || limit % 4096 !== 0 || (1024 * 1024) % limit !== 0) throw rpc('LIMIT_INVALID', request);
    if (Math.floor(offset / (1024 * 1024)) !== Math.floor((offset + limit - 1) / (1024 * 1024))) throw rpc('LIMIT_INVALID', request);
    const location = request.location;
    let key: string;
    if (location instanceof Api.InputPhotoFileLocation || location instanceof Api.InputDocumentFileLocation) {
      const type = location instanceof Api.InputPhotoFileLocation ? 'photo' : 'document';
      const file = `${type}:${location.id.toString()}`;
      const reference = Buffer.from(location.fileReference).toString();
      const holder = mediaHolding(file);
      if (!holder) throw rpc('FILE_ID_INVALID', request);
      if (traps.expireFileReferences && !renewed.has(file)) {
        renewed.add(file);
        holder.fileReference = Buffer.from(`ref-${type}-${location.id.toString()}-2`);
      }
      if (reference !== Buffer.from(holder.fileReference).toString()) throw rpc('FILE_REFERENCE_EXPIRED', request);
      key = `${file}:${location.thumbSize}`;
    } else if (location instanceof Api.InputPeerPhotoFileLocation) {
      key = `peerPhoto:${location.photoId.toString()}:`;
    } else throw rpc('LOCATION_INVALID', request);
    const bytes = await fileBytes(key);
    if (traps.fileLatencyMs) await new Promise((resolve) => setTimeout(resolve, traps.fileLatencyMs));
    return new Api.upload.File({ type: new Api.storage.FilePartial(), mtime: 0, bytes: bytes.subarray(offset, offset + limit) });
  }

  function getMessages(request: Api.messages.GetMessages | Api.channels.GetMessages): Api.messages.TypeMessages {
    const ids = new Set(request.id.map((input) => (input instanceof Api.InputMessageID ? input.id : -1)));
    const channel = request instanceof Api.channels.GetMessages ? (request.channel as Api.InputChannel).channelId.toJSNumber() : null;
    const messages = world.chats
      .filter((chat) => (channel === null ? chat.peer.type !== 'channel' : chat.peer.type === 'channel' && chat.peer.id === channel))
      .flatMap((chat) => chat.messages.filter((message) => ids.has(message.id)));
    // As Telegram does: an id the chat does not have comes back as messageEmpty, in the order asked.
    const found = new Map(messages.map((message) => [message.id, message]));
    const answer = [...ids].map((id) => found.get(id) ?? new Api.MessageEmpty({ id }));
    return new Api.messages.Messages({ messages: answer, chats: [], users: userObjects(undefined) });
  }

  const srp = world.account?.password ? createSrpServer(world.account.password.value) : null;
  let codesSent = 0;
  let signedInHalfway = false;
  let qrExports = 0;
  const rpcError = (code: number, message: string, request: Api.AnyRequest) =>
    RPCMessageToError(new Api.RpcError({ errorCode: code, errorMessage: message }), request);
  const authorization = () => {
    const account = world.account!;
    return new Api.auth.Authorization({
      user: new Api.User({
        id: bigInt(account.user.id),
        accessHash: bigInt(7),
        firstName: account.user.firstName,
        phone: account.phone.replace('+', ''),
      }),
    });
  };

  function login(request: Api.AnyRequest): unknown {
    const account = world.account;
    if (!account) throw rpcError(400, 'API_ID_INVALID', request);
    if (request instanceof Api.auth.SendCode || request instanceof Api.auth.ResendCode) {
      if (request.phoneNumber !== account.phone) throw rpcError(400, 'PHONE_NUMBER_INVALID', request);
      codesSent++;
      signedInHalfway = false;
      if (account.sendCodeLimit !== undefined && codesSent > account.sendCodeLimit) throw rpcError(420, 'FLOOD_WAIT_75', request);
      return new Api.auth.SentCode({
        type:
          request instanceof Api.auth.ResendCode
            ? new Api.auth.SentCodeTypeSms({ length: 5 })
            : new Api.auth.SentCodeTypeApp({ length: 5 }),
        phoneCodeHash: `hash${codesSent}`,
      });
    }
    if (request instanceof Api.auth.SignIn) {
      if (request.phoneCodeHash !== `hash${codesSent}`) throw rpcError(400, 'PHONE_CODE_EXPIRED', request);
      if (request.phoneCode !== account.code) throw rpcError(400, 'PHONE_CODE_INVALID', request);
      if (srp) {
        signedInHalfway = true;
        throw rpcError(401, 'SESSION_PASSWORD_NEEDED', request);
      }
      return authorization();
    }
    if (request instanceof Api.account.GetPassword) {
      if (!srp)
        return new Api.account.Password({
          hasPassword: false,
          newAlgo: new Api.PasswordKdfAlgoUnknown(),
          newSecureAlgo: new Api.SecurePasswordKdfAlgoUnknown(),
          secureRandom: Buffer.alloc(8),
        });
      return new Api.account.Password({
        hasPassword: true,
        hint: world.account!.password!.hint,
        currentAlgo: new Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow({
          salt1: srp.salt1,
          salt2: srp.salt2,
          g: srp.g,
          p: srp.p,
        }),
        srp_B: srp.challenge(),
        srpId: bigInt(1),
        newAlgo: new Api.PasswordKdfAlgoUnknown(),
        newSecureAlgo: new Api.SecurePasswordKdfAlgoUnknown(),
        secureRandom: Buffer.alloc(8),
      });
    }
    if (request instanceof Api.auth.CheckPassword) {
      const check = request.password as Api.InputCheckPasswordSRP;
      if (!srp || !signedInHalfway || !srp.verify(Buffer.from(check.A), Buffer.from(check.M1)))
        throw rpcError(400, 'PASSWORD_HASH_INVALID', request);
      return authorization();
    }
    if (request instanceof Api.auth.ExportLoginToken) {
      qrExports++;
      if (qrExports === 1) signedInHalfway = false;
      if (account.qrScannedAfter !== undefined && qrExports > account.qrScannedAfter) {
        if (srp && !signedInHalfway) {
          signedInHalfway = true;
          throw rpcError(401, 'SESSION_PASSWORD_NEEDED', request);
        }
        return new Api.auth.LoginTokenSuccess({ authorization: authorization() });
      }
      // A new token each time, valid 30 s, as Telegram renews them.
      return new Api.auth.LoginToken({ expires: Math.floor(world.clock.now() / 1000) + 30, token: Buffer.from(`token-${qrExports}`) });
    }
    if (request instanceof Api.auth.LogOut) return new Api.auth.LoggedOut({});
    throw rpcError(400, 'METHOD_INVALID', request);
  }

  function chatOf(peer: Api.TypeInputPeer): FakeChat {
    const chat = world.chats.find((candidate) =>
      peer instanceof Api.InputPeerUser
        ? candidate.peer.type === 'user' &&
          candidate.peer.id === peer.userId.toJSNumber() &&
          candidate.peer.accessHash === peer.accessHash.toJSNumber()
        : peer instanceof Api.InputPeerChannel
          ? candidate.peer.type === 'channel' &&
            candidate.peer.id === peer.channelId.toJSNumber() &&
            candidate.peer.accessHash === peer.accessHash.toJSNumber()
          : peer instanceof Api.InputPeerChat && candidate.peer.type === 'chat' && candidate.peer.id === peer.chatId.toJSNumber(),
    );
    if (!chat)
      throw RPCMessageToError(new Api.RpcError({ errorCode: 400, errorMessage: 'PEER_ID_INVALID' }), new Api.messages.GetHistory({}));
    return chat;
  }

  function history(request: Api.messages.GetHistory): Api.messages.TypeMessages {
    const chat = chatOf(request.peer as Api.TypeInputPeer);
    const maxId = chat.messages.length === 0 ? 0 : Math.max(chat.messages[chat.messages.length - 1]!.id, ...chat.deleted);
    // Newest first, deleted ids included (as messageEmpty): the list offsets count in.
    const ids = Array.from({ length: maxId }, (_, i) => maxId - i);
    const byId = new Map(chat.messages.map((message) => [message.id, message]));
    let position: number;
    if (request.offsetId) {
      position = ids.findIndex((id) => id < request.offsetId);
      if (position < 0) position = ids.length;
    } else if (request.offsetDate) {
      position = ids.findIndex((id) => (byId.get(id)?.date ?? Number.MAX_SAFE_INTEGER) < request.offsetDate);
      if (position < 0) position = ids.length;
    } else position = 0;
    const limit = Math.min(100, request.limit);
    const start = Math.max(0, position + request.addOffset);
    let slice = ids.slice(start, Math.max(start, position + request.addOffset + limit));
    if (traps.shortPageEvery && fake.historyCalls % traps.shortPageEvery === 0 && slice.length > 3)
      slice = slice.slice(0, Math.ceil(slice.length / 3));
    if (request.maxId) slice = slice.filter((id) => id < request.maxId);
    if (request.minId) slice = slice.filter((id) => id > request.minId);
    const messages = slice.map((id) => byId.get(id) ?? new Api.MessageEmpty({ id }));
    const users = userObjects(traps.missingUsers);
    // Where the page starts among the chat's messages (deleted ones not counted): how many are newer.
    const offsetIdOffset = slice.length === 0 ? undefined : chat.messages.filter((message) => message.id > slice[0]!).length;
    if (chat.peer.type === 'channel') {
      return new Api.messages.ChannelMessages({
        pts: ptsOfChannel(chat),
        count: chat.messages.length,
        offsetIdOffset,
        messages,
        topics: [],
        chats: [channelObject(chat)],
        users,
        inexact: false,
      });
    }
    // A chat that fits in one page comes back as messages.messages; otherwise a slice with an inexact count.
    if (ids.length <= limit && start === 0) return new Api.messages.Messages({ messages, chats: [], users });
    return new Api.messages.MessagesSlice({ count: ids.length + 3, inexact: true, offsetIdOffset, messages, chats: [], users });
  }

  /** messages.search: whole words, case-insensitive, within min_date ≤ date < max_date; newest first. */
  function search(request: Api.messages.Search): Api.messages.TypeMessages {
    if (!request.q && request.filter instanceof Api.InputMessagesFilterEmpty)
      throw RPCMessageToError(new Api.RpcError({ errorCode: 400, errorMessage: 'SEARCH_QUERY_EMPTY' }), request);
    const chat = chatOf(request.peer as Api.TypeInputPeer);
    const matching = [...chat.messages].reverse().filter((message) => searchMatches(request, message));
    const start = request.offsetId ? matching.findIndex((message) => message.id < request.offsetId) : 0;
    const page = start < 0 ? [] : matching.slice(start, start + Math.min(100, request.limit));
    const users = userObjects(traps.missingUsers);
    return chat.peer.type === 'channel'
      ? new Api.messages.ChannelMessages({
          pts: 1,
          count: matching.length,
          messages: page,
          topics: [],
          chats: [channelObject(chat)],
          users,
          inexact: false,
        })
      : new Api.messages.MessagesSlice({ count: matching.length, messages: page, chats: [], users });
  }

  /** Whole words, case-insensitive, within min_date ≤ date < max_date (messages.search and searchGlobal). */
  function searchMatches(request: { q: string; minDate?: number; maxDate?: number }, message: Api.Message | Api.MessageService): boolean {
    if (!(message instanceof Api.Message)) return false;
    if ((request.minDate && message.date < request.minDate) || (request.maxDate && message.date >= request.maxDate)) return false;
    const words = new Set(message.message.toLowerCase().split(/[^\p{L}\p{N}]+/u));
    return request.q
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => words.has(word));
  }

  /**
   * messages.searchGlobal: every chat's matches, newest first (ties: by chat, then id, descending), paged by
   * (offset_rate, offset_peer, offset_id) of the previous page's last message; `next_rate` is its date.
   * Pages are 20 long whatever the limit, as Telegram's own are often shorter than asked.
   */
  function searchGlobal(request: Api.messages.SearchGlobal): Api.messages.TypeMessages {
    if (!request.q) throw RPCMessageToError(new Api.RpcError({ errorCode: 400, errorMessage: 'SEARCH_QUERY_EMPTY' }), request);
    const rank = (chat: FakeChat) => world.chats.indexOf(chat);
    const matching = world.chats
      .flatMap((chat) => chat.messages.filter((message) => searchMatches(request, message)).map((message) => ({ chat, message })))
      .sort((a, b) => b.message.date - a.message.date || rank(b.chat) - rank(a.chat) || b.message.id - a.message.id);
    let start = 0;
    if (request.offsetRate || request.offsetId) {
      const offsetPeer = request.offsetPeer as Api.TypeInputPeer;
      const offsetChat = offsetPeer instanceof Api.InputPeerEmpty ? null : chatOf(offsetPeer);
      const offsetRank = offsetChat ? rank(offsetChat) : Number.POSITIVE_INFINITY;
      start = matching.findIndex(
        ({ chat, message }) =>
          message.date < request.offsetRate ||
          (message.date === request.offsetRate &&
            (rank(chat) < offsetRank || (rank(chat) === offsetRank && message.id < request.offsetId))),
      );
      if (start < 0) start = matching.length;
    }
    const page = matching.slice(start, start + Math.min(20, request.limit));
    const chats = [...new Set(page.map(({ chat }) => chat))];
    return new Api.messages.MessagesSlice({
      count: matching.length,
      ...(page.length > 0 ? { nextRate: page.at(-1)!.message.date } : {}),
      messages: page.map(({ message }) => message),
      chats: chats.filter((chat) => chat.peer.type === 'channel').map(channelObject),
      users: [...userObjects(traps.missingUsers), ...chats.filter((chat) => chat.peer.type === 'user').map(privateChatUser)],
    });
  }

  function privateChatUser(chat: FakeChat): Api.User {
    return new Api.User({
      id: bigInt(chat.peer.id),
      accessHash: bigInt(chat.peer.accessHash),
      firstName: chat.title,
      photo: new Api.UserProfilePhoto({ photoId: bigInt(chat.peer.id), strippedThumb: STRIPPED, dcId: 2 }),
      ...(chat.bot ? { bot: true } : {}),
    });
  }

  /** A basic group as Telegram describes it (deactivated, with `migrated_to`, once upgraded). */
  function basicGroupObject(chat: FakeChat): Api.Chat {
    return new Api.Chat({
      id: bigInt(chat.peer.id),
      title: chat.title,
      photo: new Api.ChatPhotoEmpty(),
      participantsCount: 3,
      date: 0,
      version: 1,
      ...(chat.migratedTo !== undefined
        ? { deactivated: true, migratedTo: new Api.InputChannel({ channelId: bigInt(chat.migratedTo), accessHash: bigInt(0) }) }
        : {}),
    });
  }

  /** channels.getLeftChannels: the channels one has left, a page of two from `offset`, with the total. */
  function leftChannels(request: Api.channels.GetLeftChannels): Api.messages.ChatsSlice {
    const left = world.chats.filter((chat) => chat.left);
    return new Api.messages.ChatsSlice({ count: left.length, chats: left.slice(request.offset, request.offset + 2).map(channelObject) });
  }

  function channelObject(chat: FakeChat): Api.Channel {
    return new Api.Channel({
      id: bigInt(chat.peer.id),
      accessHash: bigInt(chat.peer.accessHash),
      title: chat.title,
      photo: new Api.ChatPhoto({ photoId: bigInt(chat.peer.id), strippedThumb: STRIPPED, dcId: 2 }),
      date: 0,
      ...(chat.broadcast ? { broadcast: true } : { megagroup: true }),
      ...(chat.topics ? { forum: true } : {}),
    });
  }

  /**
   * channels.getForumTopics: newest-created first, two a page whatever the limit (so paging is exercised),
   * after the topic named by offset_topic; each page carries the topics' top messages.
   */
  function forumTopics(request: Api.channels.GetForumTopics): Api.messages.ForumTopics {
    const input = request.channel as Api.InputChannel;
    const chat = chatOf(new Api.InputPeerChannel({ channelId: input.channelId, accessHash: input.accessHash }));
    if (!chat.topics) throw RPCMessageToError(new Api.RpcError({ errorCode: 400, errorMessage: 'CHANNEL_FORUM_MISSING' }), request);
    const ordered = [...chat.topics].sort((a, b) => b.id - a.id);
    const start = request.offsetTopic ? ordered.findIndex((topic) => topic.id < request.offsetTopic) : 0;
    const page = start < 0 ? [] : ordered.slice(start, start + Math.min(2, request.limit));
    const top = (topicId: number) =>
      [...chat.messages]
        .reverse()
        .find(
          (message) => message.id === topicId || message.replyTo?.replyToTopId === topicId || message.replyTo?.replyToMsgId === topicId,
        ) ?? chat.messages[0]!;
    return new Api.messages.ForumTopics({
      count: ordered.length,
      topics: page.map(
        (topic) =>
          new Api.ForumTopic({
            id: topic.id,
            date: chat.messages.find((message) => message.id === topic.id)?.date ?? 0,
            title: topic.title,
            iconColor: topic.iconColor,
            topMessage: top(topic.id).id,
            readInboxMaxId: 0,
            readOutboxMaxId: 0,
            unreadCount: 0,
            unreadMentionsCount: 0,
            unreadReactionsCount: 0,
            fromId: new Api.PeerUser({ userId: bigInt(USERS[0]!.id) }),
            notifySettings: new Api.PeerNotifySettings({}),
          }),
      ),
      messages: page.map((topic) => top(topic.id)),
      chats: [channelObject(chat)],
      users: userObjects(undefined),
      pts: ptsOfChannel(chat),
    });
  }

  function peerIdOf(chat: FakeChat): Api.TypePeer {
    return chat.peer.type === 'user'
      ? new Api.PeerUser({ userId: bigInt(chat.peer.id) })
      : chat.peer.type === 'chat'
        ? new Api.PeerChat({ chatId: bigInt(chat.peer.id) })
        : new Api.PeerChannel({ channelId: bigInt(chat.peer.id) });
  }

  /** The next place in the chat's update sequence, taking `count` steps. */
  function nextPts(chat: FakeChat, count: number): number {
    if (chat.peer.type !== 'channel') return (commonPts += count);
    const pts = ptsOfChannel(chat) + count;
    channelPts.set(chat.peer.id, pts);
    return pts;
  }

  /** Pushes one update to every attached client on a later turn, through GramJS's own update handling. */
  function push(chat: FakeChat, update: Api.TypeUpdate): void {
    const updates = new Api.Updates({
      updates: [update],
      users: userObjects(undefined),
      chats: chat.peer.type === 'channel' ? [channelObject(chat)] : [],
      date: Math.floor(world.clock.now() / 1000),
      seq: 0,
    });
    (fake as { updatesPushed: number }).updatesPushed++;
    setImmediate(() => {
      // GramJS types the argument as one update, but its network layer passes whole Updates containers.
      for (const client of clients) _handleUpdate(client, updates as unknown as Api.TypeUpdate);
    });
  }

  function postMessage(chat: FakeChat, text: string, unseen: boolean): Api.Message {
    const id = Math.max(0, ...chat.messages.map((message) => message.id), ...chat.deleted) + 1;
    const user = USERS[id % 3]!;
    const message = new Api.Message({
      id,
      peerId: peerIdOf(chat),
      fromId: new Api.PeerUser({ userId: bigInt(user.id) }),
      date: Math.max(Math.floor(world.clock.now() / 1000), chat.messages.at(-1)?.date ?? 0),
      message: text,
    });
    chat.messages.push(message);
    const pts = nextPts(chat, 1);
    if (!unseen)
      push(
        chat,
        chat.peer.type === 'channel'
          ? new Api.UpdateNewChannelMessage({ message, pts, ptsCount: 1 })
          : new Api.UpdateNewMessage({ message, pts, ptsCount: 1 }),
      );
    return message;
  }

  function editMessage(chat: FakeChat, id: number, text: string, unseen: boolean): void {
    const index = chat.messages.findIndex((message) => message.id === id);
    if (index < 0) throw new Error(`the fake chat has no message ${id}`);
    const old = chat.messages[index]!;
    const message = new Api.Message({
      id,
      peerId: old.peerId,
      fromId: old.fromId,
      date: old.date,
      message: text,
      editDate: Math.max(Math.floor(world.clock.now() / 1000), old.date + 1),
      replyTo: old.replyTo,
      media: old.media,
    });
    chat.messages[index] = message;
    const pts = nextPts(chat, 1);
    if (!unseen)
      push(
        chat,
        chat.peer.type === 'channel'
          ? new Api.UpdateEditChannelMessage({ message, pts, ptsCount: 1 })
          : new Api.UpdateEditMessage({ message, pts, ptsCount: 1 }),
      );
  }

  function deleteMessages(chat: FakeChat, ids: number[], unseen: boolean): void {
    chat.messages = chat.messages.filter((message) => !ids.includes(message.id));
    for (const id of ids) chat.deleted.add(id);
    const pts = nextPts(chat, ids.length);
    if (!unseen)
      push(
        chat,
        chat.peer.type === 'channel'
          ? new Api.UpdateDeleteChannelMessages({ channelId: bigInt(chat.peer.id), messages: ids, pts, ptsCount: ids.length })
          : new Api.UpdateDeleteMessages({ messages: ids, pts, ptsCount: ids.length }),
      );
  }

  function dialogs(request: Api.messages.GetDialogs): Api.messages.TypeDialogs {
    const ordered = [...world.chats].sort(
      (a, b) => Number(b.pinned ?? false) - Number(a.pinned ?? false) || (b.messages.at(-1)?.date ?? 0) - (a.messages.at(-1)?.date ?? 0),
    );
    const listed = ordered.filter((chat) => !chat.left);
    const visible = request.excludePinned ? listed.filter((chat) => !chat.pinned) : listed;
    let from = 0;
    if (request.offsetId) {
      const index = visible.findIndex(
        (chat) => chat.messages.at(-1)?.id === request.offsetId && (chat.messages.at(-1)?.date ?? 0) === request.offsetDate,
      );
      from = index < 0 ? 0 : index + (traps.duplicateDialogs ? 0 : 1);
    }
    const page = visible.slice(from, from + Math.min(2, request.limit));
    return new Api.messages.DialogsSlice({
      count: listed.length,
      dialogs: page.map(
        (chat) =>
          new Api.Dialog({
            peer: chat.messages.at(-1)!.peerId,
            topMessage: chat.messages.at(-1)!.id,
            readInboxMaxId: 0,
            readOutboxMaxId: 0,
            unreadCount: 0,
            unreadMentionsCount: 0,
            unreadReactionsCount: 0,
            notifySettings: new Api.PeerNotifySettings({}),
            pinned: chat.pinned,
            ...(chat.archived ? { folderId: 1 } : {}),
          }),
      ),
      messages: page.map((chat) => chat.messages.at(-1)!),
      chats: [
        ...page.filter((chat) => chat.peer.type === 'channel').map(channelObject),
        ...page.filter((chat) => chat.peer.type === 'chat').map(basicGroupObject),
      ],
      users: [...userObjects(undefined), ...page.filter((chat) => chat.peer.type === 'user').map(privateChatUser)],
    });
  }

  return fake;
}
