/**
 * Webhook payloads as each platform sends them, built field by field from the platform's own
 * documentation (named above each builder), with the values a test needs put in. Shared by the
 * parser tests and the collector's end-to-end tests.
 */

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Telegram Bot API, https://core.telegram.org/bots/api — Update (business_connection,
// business_message, edited_business_message, deleted_business_messages), Message
// (business_connection_id, sender_business_bot, date, edit_date), User, Chat, BusinessConnection,
// BusinessMessagesDeleted. The API page gives field tables, not sample JSON: these follow them.
// ---------------------------------------------------------------------------------------------

export const TG_CONNECTION_ID = 'AbCdEfGh_business-1';
export const TG_OWNER = { id: 700000001, is_bot: false, first_name: 'Anna', username: 'anna_flowers' };
export const TG_BOT = { id: 800000001, is_bot: true, first_name: 'Shop helper', username: 'shop_helper_bot' };

export interface TelegramCustomer {
  id: number;
  username?: string;
}

const privateChat = (c: TelegramCustomer): Json => ({
  id: c.id,
  type: 'private',
  first_name: 'Ivan',
  ...(c.username ? { username: c.username } : {}),
});
const user = (c: TelegramCustomer): Json => ({
  id: c.id,
  is_bot: false,
  first_name: 'Ivan',
  ...(c.username ? { username: c.username } : {}),
  language_code: 'ru',
});

/** `business_connection`: the owner connected the bot in Settings → Telegram Business → Chatbots. */
export function tgBusinessConnection(updateId: number, date: number): Json {
  return {
    update_id: updateId,
    business_connection: {
      id: TG_CONNECTION_ID,
      user: TG_OWNER,
      user_chat_id: TG_OWNER.id,
      date,
      rights: { can_reply: true, can_read_messages: true },
      is_enabled: true,
    },
  };
}

/** A `business_message` in the customer's private chat, from whoever `from` says. */
function tgInCustomerChat(updateId: number, customer: TelegramCustomer, messageId: number, date: number, fields: Json) {
  return {
    update_id: updateId,
    business_message: {
      message_id: messageId,
      business_connection_id: TG_CONNECTION_ID,
      chat: privateChat(customer),
      date,
      ...fields,
    },
  };
}

/** `business_message` from the customer in the owner's personal chat with them. */
export function tgBusinessMessage(
  updateId: number,
  customer: TelegramCustomer,
  messageId: number,
  date: number,
  text: string,
): Json {
  return tgInCustomerChat(updateId, customer, messageId, date, { from: user(customer), text });
}

/** `edited_business_message`: the same message_id and date, plus edit_date. */
export function tgEditedBusinessMessage(
  updateId: number,
  customer: TelegramCustomer,
  messageId: number,
  date: number,
  editDate: number,
  text: string,
): Json {
  const update = tgBusinessMessage(updateId, customer, messageId, date, text);
  return {
    update_id: updateId,
    edited_business_message: { ...(update.business_message as Json), edit_date: editDate },
  };
}

/** The owner answering in the customer's chat (`from` is the owner, `chat` stays the customer's). */
export function tgOwnerReply(updateId: number, customer: TelegramCustomer, messageId: number, date: number): Json {
  return tgInCustomerChat(updateId, customer, messageId, date, { from: TG_OWNER, text: 'Hello! How can we help?' });
}

/** The bot answering on the owner's behalf: `sender_business_bot` is set. */
export function tgBotReplyForOwner(
  updateId: number,
  customer: TelegramCustomer,
  messageId: number,
  date: number,
): Json {
  return tgInCustomerChat(updateId, customer, messageId, date, {
    from: TG_OWNER,
    sender_business_bot: TG_BOT,
    text: 'We are open 9 to 21.',
  });
}

export function tgDeletedBusinessMessages(updateId: number, customer: TelegramCustomer, ids: number[]): Json {
  return {
    update_id: updateId,
    deleted_business_messages: {
      business_connection_id: TG_CONNECTION_ID,
      chat: privateChat(customer),
      message_ids: ids,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// WhatsApp Cloud API webhooks, Meta for Developers: "Webhooks" reference and the payload examples
// of "messages" (text, button, interactive button_reply / list_reply) and "statuses".
// https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
// ---------------------------------------------------------------------------------------------

export const WA_BUSINESS_ACCOUNT_ID = '102290129340398';
export const WA_PHONE_NUMBER_ID = '106540352242922';

function waEnvelope(value: Json): Json {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WA_BUSINESS_ACCOUNT_ID,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: WA_PHONE_NUMBER_ID },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** One customer message in a `messages` change, with the contact it comes from. */
function waMessage(waId: string, wamid: string, timestamp: number, fields: Json): Json {
  return waEnvelope({
    contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: waId }],
    messages: [{ from: waId, id: wamid, timestamp: String(timestamp), ...fields }],
  });
}

/** A text message: `messages[].type: "text"`, `text.body`; `timestamp` is a string of Unix seconds. */
export function waText(waId: string, wamid: string, timestamp: number, body: string): Json {
  return waMessage(waId, wamid, timestamp, { text: { body }, type: 'text' });
}

/** A template's quick-reply button tapped: `type: "button"`, `button.text` and `button.payload`. */
export function waButton(waId: string, wamid: string, timestamp: number, text: string): Json {
  return waMessage(waId, wamid, timestamp, {
    context: { from: '15550783881', id: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1QjJGRjI1QjdCQjVDQzY1ODYA' },
    type: 'button',
    button: { payload: 'Yes, book it', text },
  });
}

/** An interactive list row tapped: `type: "interactive"`, `interactive.list_reply.title`. */
export function waListReply(waId: string, wamid: string, timestamp: number, title: string): Json {
  return waMessage(waId, wamid, timestamp, {
    context: { from: '15550783881', id: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIyNTRBMjdCNDRGMzlGOTZBNUEA' },
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: { id: 'row-1', title, description: 'Delivery tomorrow' } },
  });
}

/** An image without a caption: no text. */
export function waImage(waId: string, wamid: string, timestamp: number): Json {
  return waMessage(waId, wamid, timestamp, {
    type: 'image',
    image: { mime_type: 'image/jpeg', sha256: 'KVu2mT7BnlvA0a1jqtDU2/Yx8XwNaEmkvK4Ep+gcFqw=', id: '1003383421387256' },
  });
}

/** A delivery report of a message the business sent: `statuses[]`. */
export function waStatus(waId: string, wamid: string, timestamp: number): Json {
  return waEnvelope({
    statuses: [
      {
        id: wamid,
        status: 'delivered',
        timestamp: String(timestamp),
        recipient_id: waId,
        pricing: { billable: true, pricing_model: 'PMP', category: 'service' },
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Green-API, https://green-api.com/en/docs/api/receiving/notifications-format/ — incoming text
// (TextMessage), text with URL (ExtendedTextMessage), edited (EditedMessage), outgoing
// (Webhook-OutgoingMessageReceived), outgoing status (OutgoingMessageStatus), group chats.
// ---------------------------------------------------------------------------------------------

const greenInstance = { idInstance: 1101000001, wid: '79001234567@c.us', typeInstance: 'whatsapp' };

function greenIncoming(chatId: string, idMessage: string, timestamp: number, messageData: Json): Json {
  return {
    typeWebhook: 'incomingMessageReceived',
    instanceData: greenInstance,
    timestamp,
    idMessage,
    senderData: {
      chatId,
      chatName: 'Ivan',
      sender: chatId.endsWith('@g.us') ? '79161110000@c.us' : chatId,
      senderName: 'Ivan',
      senderContactName: 'Ivan',
    },
    messageData,
  };
}

export function greenText(chatId: string, idMessage: string, timestamp: number, text: string): Json {
  return greenIncoming(chatId, idMessage, timestamp, {
    typeMessage: 'textMessage',
    textMessageData: { textMessage: text },
  });
}

export function greenExtendedText(chatId: string, idMessage: string, timestamp: number, text: string): Json {
  return greenIncoming(chatId, idMessage, timestamp, {
    typeMessage: 'extendedTextMessage',
    extendedTextMessageData: {
      text,
      description: '',
      title: 'Flowers — shop',
      previewType: 'None',
      jpegThumbnail: '',
      forwardingScore: 0,
      isForwarded: false,
    },
  });
}

/** `editedMessage`: its own idMessage and timestamp; `stanzaId` is the edited message's ID. */
export function greenEdited(
  chatId: string,
  idMessage: string,
  timestamp: number,
  stanzaId: string,
  text: string,
): Json {
  return greenIncoming(chatId, idMessage, timestamp, {
    typeMessage: 'editedMessage',
    editedMessageData: { textMessage: text, stanzaId },
  });
}

export function greenOutgoing(chatId: string, idMessage: string, timestamp: number): Json {
  return {
    typeWebhook: 'outgoingMessageReceived',
    instanceData: greenInstance,
    timestamp,
    idMessage,
    senderData: { chatId, chatName: 'Ivan', sender: greenInstance.wid, senderName: 'Shop', senderContactName: '' },
    messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: 'Hello! How can we help?' } },
  };
}

export function greenStatus(chatId: string, idMessage: string, timestamp: number): Json {
  return {
    typeWebhook: 'outgoingMessageStatus',
    instanceData: greenInstance,
    timestamp,
    idMessage,
    status: 'delivered',
    chatId,
    sendByApi: true,
  };
}

// ---------------------------------------------------------------------------------------------
// Wazzup API v3, https://wazzup24.com/help/api-documentation-en/webhooks/ — the test request
// `{"test": true}`, "Webhook about new messages" (`messages[]`) and "statuses".
// ---------------------------------------------------------------------------------------------

export const WAZZUP_CHANNEL_ID = 'e5c8a2a9-7a8e-4c44-9a61-2b3c4d5e6f70';

export interface WazzupMessageFields {
  messageId: string;
  dateTime: string;
  chatType: string;
  chatId: string;
  text?: string;
  type?: string;
  isEcho?: boolean;
  isEdited?: boolean;
  contact?: Json;
}

export function wazzupMessages(...messages: WazzupMessageFields[]): Json {
  return {
    messages: messages.map((m) => ({
      messageId: m.messageId,
      dateTime: m.dateTime,
      channelId: WAZZUP_CHANNEL_ID,
      chatType: m.chatType,
      chatId: m.chatId,
      type: m.type ?? 'text',
      isEcho: m.isEcho ?? false,
      contact: m.contact ?? { name: 'Ivan', avatarUri: 'https://store.wazzup24.com/avatar.jpg' },
      ...(m.text === undefined ? {} : { text: m.text }),
      status: m.isEcho ? 'sent' : 'inbound',
      ...(m.isEdited ? { isEdited: true } : {}),
    })),
  };
}

export function wazzupStatuses(messageId: string, timestamp: string): Json {
  return { statuses: [{ messageId, timestamp, status: 'delivered' }] };
}
