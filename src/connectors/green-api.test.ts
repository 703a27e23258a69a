import assert from 'node:assert/strict';
import { test } from 'node:test';
import { greenApiToken, greenApiWebhook } from './green-api.js';
import { greenEdited, greenExtendedText, greenOutgoing, greenStatus, greenText } from './test-support/fixtures.js';

const NOW = 1_764_460_000;
const AT = NOW - 60;

test('an incoming text is a whatsapp chat with the number of its chatId', () => {
  assert.deepEqual(greenApiWebhook(greenText('79161234567@c.us', 'BAE5F4886F6F2D05', AT, 'Hi CT7KQ2M9XA'), NOW), {
    chats: [
      {
        platform: 'whatsapp',
        dateTime: AT,
        text: 'Hi CT7KQ2M9XA',
        phoneNumber: '+79161234567',
        messageId: 'BAE5F4886F6F2D05',
        edited: false,
        starts: false,
      },
    ],
    ignored: [],
  });
  assert.equal(
    greenApiWebhook(greenExtendedText('79161234567@c.us', 'X1', AT, 'see CT7KQ2M9XA'), NOW).chats[0]?.text,
    'see CT7KQ2M9XA',
  );
});

test('an edit is keyed by the edited message (stanzaId)', () => {
  const r = greenApiWebhook(greenEdited('79161234567@c.us', 'EDIT1', AT + 30, 'BAE5F4886F6F2D05', 'CT7KQ2M9XA'), NOW);
  assert.equal(r.chats[0]?.messageId, 'BAE5F4886F6F2D05');
  assert.equal(r.chats[0]?.edited, true);
});

test('groups, outgoing messages, statuses and unknown webhooks are acknowledged only', () => {
  assert.equal(
    greenApiWebhook(greenText('120363043968066561@g.us', 'G1', AT, 'CT7KQ2M9XA'), NOW).ignored[0]?.reason,
    'group',
  );
  assert.equal(greenApiWebhook(greenOutgoing('79161234567@c.us', 'O1', AT), NOW).ignored[0]?.reason, 'outgoing');
  assert.equal(greenApiWebhook(greenStatus('79161234567@c.us', 'O1', AT), NOW).ignored[0]?.reason, 'status');
  assert.equal(greenApiWebhook({ typeWebhook: 'somethingNew' }, NOW).ignored[0]?.reason, 'unknown_shape');
  assert.equal(greenApiWebhook({ hello: 1 }, NOW).ignored[0]?.reason, 'unknown_shape');
  const image = greenText('79161234567@c.us', 'I1', AT, 'x');
  image.messageData = { typeMessage: 'imageMessage', fileMessageData: { caption: '' } };
  assert.equal(greenApiWebhook(image, NOW).ignored[0]?.reason, 'not_text');
});

test('the webhook token is read from Authorization with or without Bearer', () => {
  assert.equal(greenApiToken('Bearer s3cret-token'), 's3cret-token');
  assert.equal(greenApiToken('s3cret-token'), 's3cret-token');
  assert.equal(greenApiToken(undefined), undefined);
  assert.equal(greenApiToken('Bearer two words'), undefined);
});
