import type { ChatIdRepair } from '../extract.js';

/**
 * Chat messages as they arrive from WhatsApp, Telegram, Viber and CRMs, written the way people and
 * apps write them. The invisible characters are the ones phones really add: Android wraps a copied
 * phone number in U+2068…U+2069, iOS adds U+202A…U+202C in right-to-left contexts, web pages keep
 * zero-width spaces and soft hyphens, and both phones put U+00A0 between the groups of a number.
 */

export interface PositiveMessage {
  text: string;
  id: string;
  repair: ChatIdRepair | null;
}

const p = (text: string, id: string, repair: ChatIdRepair | null = null): PositiveMessage => ({ text, id, repair });

/** Messages that carry exactly one chat ID, with the repair it needed. */
export const POSITIVE_MESSAGES: readonly PositiveMessage[] = [
  // Intact, as the page script wrote it or as a person retyped it.
  p('Номер обращения: CT7KQ2M9XA', 'CT7KQ2M9XA'),
  p('Здравствуйте!\nНомер обращения: CT7KQ2M9XA', 'CT7KQ2M9XA'),
  p('Hello!\nRequest ID: CT4HW8N3RB', 'CT4HW8N3RB'),
  p('ct7kq2m9xa', 'CT7KQ2M9XA'),
  p('Ct7Kq2M9xA', 'CT7KQ2M9XA'),
  p('Добрый день, хочу заказать диван. Номер обращения: CT9P2LX7QF', 'CT9P2LX7QF'),
  p('(CT7KQ2M9XA)', 'CT7KQ2M9XA'),
  p('[CT3VZ5K8MD]', 'CT3VZ5K8MD'),
  p('№CT6TB2R9JH', 'CT6TB2R9JH'),
  p('#CT8MF4Y2WC!', 'CT8MF4Y2WC'),
  p('CT7KQ2M9XA.', 'CT7KQ2M9XA'),
  p('"CT4HW8N3RB",', 'CT4HW8N3RB'),
  p('🔥CT9P2LX7QF🔥', 'CT9P2LX7QF'),
  p('👋 Hi CT3VZ5K8MD 👍🏻', 'CT3VZ5K8MD'),
  p('Номер: СТ7КQ2М9ХА', 'CT7KQ2M9XA'), // С Т К М Х А typed on a Russian layout
  p('номер ст7кq2м9ха', 'CT7KQ2M9XA'), // lower-case Cyrillic look-alikes
  p('Номер: СТ7KQ2M9XA', 'CT7KQ2M9XA'), // the prefix on a Russian layout, the rest after switching
  p('ＣＴ７ＫＱ２Ｍ９ＸＡ', 'CT7KQ2M9XA'), // full-width forms from a Japanese or Chinese keyboard
  p('C\u200BT7KQ\u200C2M9\u200DXA', 'CT7KQ2M9XA'),
  p('\uFEFFCT6TB2R9JH\u2060', 'CT6TB2R9JH'),
  p('/start CT7KQ2M9XA', 'CT7KQ2M9XA'),
  p('/start promo-CT8MF4Y2WC', 'CT8MF4Y2WC'),
  p('/start promo_summer_CT7KQ2M9XA', 'CT7KQ2M9XA'),
  p('/start@ShopBot CT4HW8N3RB', 'CT4HW8N3RB'),
  p('CT7KQ2M9XA CT7KQ2M9XA', 'CT7KQ2M9XA'), // the same ID twice is still one answer
  p('Hello, Request ID: CT7KQ2M9XA\n\nи ещё раз: ct7kq2m9xa', 'CT7KQ2M9XA'),
  p('Номер обращения:CT9P2LX7QF', 'CT9P2LX7QF'),
  p('id=CT3VZ5K8MD&x', 'CT3VZ5K8MD'),
  p('\tCT6TB2R9JH\r\n', 'CT6TB2R9JH'),
  p('«CT7KQ2M9XA»', 'CT7KQ2M9XA'),
  p('„CT4HW8N3RB“', 'CT4HW8N3RB'),
  p('CT9P2LX7QF…', 'CT9P2LX7QF'),
  p('—CT3VZ5K8MD—', 'CT3VZ5K8MD'),
  p('CT6TB2R9JH?!', 'CT6TB2R9JH'),
  p('**CT8MF4Y2WC**', 'CT8MF4Y2WC'), // WhatsApp and Telegram bold
  p('`CT7KQ2M9XA`', 'CT7KQ2M9XA'),
  p('||CT9P2LX7QF||', 'CT9P2LX7QF'), // Telegram spoiler
  p('<CT3VZ5K8MD>', 'CT3VZ5K8MD'),
  p('CT4HW8N3RB’s order', 'CT4HW8N3RB'),
  p('https://t.me/shop_bot?start=CT9P2LX7QF', 'CT9P2LX7QF'),
  p('Номер обращения: CT7KQ2M9XA\nИмя: Иван\nТелефон: +7 916 123-45-67', 'CT7KQ2M9XA'),
  p('> Номер обращения: CT6TB2R9JH\nА можно доставку на завтра?', 'CT6TB2R9JH'),
  // Invisible characters from copying on a phone.
  p('\u2068CT7KQ2M9XA\u2069', 'CT7KQ2M9XA'),
  p('Номер обращения: \u2066CT4HW8N3RB\u2069', 'CT4HW8N3RB'),
  p('C\u200ET9P2LX7QF', 'CT9P2LX7QF'),
  p('CT3VZ5K8MD\u202C', 'CT3VZ5K8MD'),
  p('\u202BНомер: CT6TB2R9JH\u202C', 'CT6TB2R9JH'),
  p('CT8MF4\u00ADY2WC', 'CT8MF4Y2WC'),
  p('\u061CCT7KQ2M9XA', 'CT7KQ2M9XA'),
  p('Номер\u00A0обращения:\u00A0CT4HW8N3RB', 'CT4HW8N3RB'),
  p('CT9P2\u2069LX7QF\u2068', 'CT9P2LX7QF'),
  // A space or a hyphen typed inside.
  p('CT 7KQ2M9XA', 'CT7KQ2M9XA', 'split'),
  p('Номер обращения: CT 7KQ2M9XA', 'CT7KQ2M9XA', 'split'),
  p('CT7KQ-2M9XA', 'CT7KQ2M9XA', 'split'),
  p('Номер обращения: CT7KQ 2M9XA, хочу уточнить доставку', 'CT7KQ2M9XA', 'split'),
  p('Request ID: CT-4HW8N3RB', 'CT4HW8N3RB', 'split'),
  p('ct 9p2lx7qf', 'CT9P2LX7QF', 'split'),
  p('CT9P2 LX7QF', 'CT9P2LX7QF', 'split'),
  p('CT3VZ5–K8MD', 'CT3VZ5K8MD', 'split'), // an editor turned the hyphen into an en dash
  p('CT6TB2R9 JH', 'CT6TB2R9JH', 'split'),
  p('CT\u00A08MF4Y2WC', 'CT8MF4Y2WC', 'split'),
  p('CT8MF4 - Y2WC', 'CT8MF4Y2WC', 'split'),
  p('Здравствуйте, мой номер CT 4HW8N3RB, когда привезёте?', 'CT4HW8N3RB', 'split'),
  p('ID: CT7KQ2M  9XA', 'CT7KQ2M9XA', 'split'),
  p('ＣＴ ７ＫＱ２Ｍ９ＸＡ', 'CT7KQ2M9XA', 'split'),
  p('CT4HW\u20118N3RB', 'CT4HW8N3RB', 'split'), // non-breaking hyphen
  // Glued to a word in another script.
  p('CT7KQ2M9XAспасибо', 'CT7KQ2M9XA', 'glued'),
  p('Номер обращения:CT7KQ2M9XAспасибо большое', 'CT7KQ2M9XA', 'glued'),
  p('ЗаказCT4HW8N3RB', 'CT4HW8N3RB', 'glued'),
  p('номерCT9P2LX7QFпрошу перезвонить', 'CT9P2LX7QF', 'glued'),
  p('CT3VZ5K8MDздравствуйте', 'CT3VZ5K8MD', 'glued'),
  p('Добрый деньCT6TB2R9JH', 'CT6TB2R9JH', 'glued'),
  p('谢谢CT8MF4Y2WC', 'CT8MF4Y2WC', 'glued'),
  p('CT7KQ2M9XAвот', 'CT7KQ2M9XA', 'glued'),
  p('CT4HW8N3RBа когда доставка?', 'CT4HW8N3RB', 'glued'),
  p('\u2068CT9P2LX7QF\u2069хорошо', 'CT9P2LX7QF', 'glued'),
];

/** Chat lines in Russian and English that carry no chat ID: what fills a real inbox. */
export const NATURAL_MESSAGES: readonly string[] = [
  'Здравствуйте! Сколько стоит доставка в Москву?',
  'Добрый день, хочу заказать диван «Честер», есть в наличии?',
  'Мой телефон +7 (916) 123-45-67, перезвоните после 18:00',
  'Мой номер 8 916 123 45 67',
  '\u2068+7 916 123-45-67\u2069',
  '+7\u00A0916\u00A0123\u201145\u201167',
  '\u202A+7 (495) 123-45-67\u202C',
  'Заказ №4582915 от 12.03.2025, когда отправите?',
  'Трек-номер RA123456789RU',
  'Трек CT234567892RU',
  'Посылка EMS EE123456785RU пришла?',
  'ст. 228 УК РФ',
  'Ст. метро Красносельская, д. 23, кв. 45',
  'Старт продаж 23456 рублей',
  'СТАРТ 23456',
  'Ст характер у дивана хороший',
  'Промокод SUMMER25 не работает',
  'Промокод CT2025 не работает',
  'промокод CTSALE25',
  'Use promo CT SUMMER25 at checkout',
  'CT scan results attached',
  'We sell CT scanners and MRI machines',
  'Shipping to Hartford, CT 06106',
  'CTRL+C CTRL+V не работает',
  'Артикул CT-2045-118',
  'Артикул CT-77-BK-XL',
  'Your order #CT-58237714 has shipped',
  'Order CT 58237714',
  'Счёт CT-2024/0587 оплачен',
  'https://shop.example.com/catalog/ct-scanners-2024?utm_source=yandex&yclid=2345678901234567890',
  'https://example.com/p/CT7KQ2M9XAZ',
  'Перейдите по ссылке https://clck.ru/3ABCDE',
  'https://t.me/+79161234567',
  'https://wa.me/79161234567?text=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5',
  'ClientID 1702345678123456789',
  'yclid=6289473625182736451',
  'Почта ivan.petrov@mail.ru',
  'Госномер А123ВС77',
  'Госномер С777ТХ197',
  'Карта 2200 **** **** 4567',
  'ИНН 7707083893, КПП 770701001',
  '3f2b8c1e-9d4a-4b7e-8f6a-2c1d5e7f9a0b',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'd41d8cd98f00b204e9800998ecf8427e',
  '#CTscanner2025',
  'Цена 12 990 ₽, со скидкой 1 299,00 руб.',
  'It costs $49.99 plus shipping',
  'Доставка 2025-03-14T12:30:00+03:00',
  'Hi! Is the sofa still available?',
  'Can you deliver to Brooklyn tomorrow?',
  'My order number is 4582915',
  "I'd like to return item SKU-ABC-1234",
  'Please call me back at (212) 555-0199',
  'The tracking link https://track.example.com/CT/58237714 says delivered',
  '+375 29 123-45-67',
  '+44 20 7946 0958',
  '8 (800) 555-35-35',
  'Спасибо! 👍',
  'Ок',
  'Да, подходит. Когда сможете привезти?',
  'А есть такой же, но в сером цвете?',
  'Скиньте, пожалуйста, реквизиты для оплаты',
  'Оплатил, чек во вложении',
  'Во сколько работает пункт выдачи на Стромынке?',
  'Хочу вернуть товар, не подошёл размер XL',
  'Размер 42-44, рост 176 см',
  'Модель STK-4500, цвет черный',
  'Код из СМС 4827',
  'Wi-Fi: CafeGuest / pass 8842-7731',
  'Перезвоните мне на WhatsApp +7 999 765 43 21',
  'Telegram @ivan_petrov_92',
  'Viber: 89161234567',
  'Номер заказа: 45-829-15',
  'Серия паспорта 45 12 345678',
  'BIC 044525225, счёт 40702810938000012345',
  'Я с сайта, хочу консультацию',
  'Пишу по объявлению на Авито',
  'Скидка 15% по промокоду ВЕСНА2025 ещё действует?',
  'Промокод STRETCH24 принят',
  'Ваш код подтверждения: 582 913',
  'Call me at 212-555-0199 ext. 42',
  'Reference: INV-2025-00042',
  'Booking ref K7QX2P',
  'PNR: 6ZK4TQ',
  'Ticket CT-8841 resolved',
  'Case CT 4412 opened',
  'CTE-2345678',
  'Сертификат СТ-1 № 2345678',
  'Договор № СТ-45/2025',
  'КОД ОКПД2 25.99.29.190',
];

/**
 * Near misses: strings built to look like a chat ID but that must never read as one, because they
 * sit inside a longer Latin word or number, are the wrong length or alphabet, or would need more
 * than one repair or a guess.
 */
export const NEAR_MISSES: readonly string[] = [
  '',
  '/start',
  '/start promo',
  '/start ref_12345',
  'CT7KQ2M9X', // one character short
  'CT7KQ2M9XAB', // one character long: inside a longer word
  'XCT7KQ2M9XA', // a letter before it
  '9CT7KQ2M9XA', // a digit before it
  'CT7KQ2M9XA9',
  'CT0KQ2M9XA', // 0 is not in the alphabet
  'CT1KQ2M9XA', // 1 is not in the alphabet
  'CTOKQ2M9XA', // O is not in the alphabet
  'CTIKQ2M9XA', // I is not in the alphabet
  'AB7KQ2M9XA', // another prefix
  'CTCTCTCTCTCT',
  'CT7KQ2M9XAthanks', // glued to a Latin word
  'thanksCT7KQ2M9XA',
  'CT7KQ2M9XA2025', // glued to a number
  '2025CT7KQ2M9XA',
  'CT7KQ2M9XAé',
  'CT7KQ2M9XA\u0301', // a combining accent on its last letter
  'wifiCT7KQ2M9XAпароль',
  'CT 7KQ 2M9XA', // two slips
  'C T7KQ2M9XA', // a one-letter piece
  'CT7KQ2M9X A',
  'CT    7KQ2M9XA', // more spaces than a slip
  'CT\n7KQ2M9XA', // a line break is not a slip
  'CT - - 7KQ2M9XA',
  'CT_7KQ2M9XA',
  'CT 7KQ2M9XAспасибо', // a slip and a glued word: two repairs
  'СТ 7КQ2М9ХА', // a slip in an ID retyped with Cyrillic letters
  'номерСТ7КQ2М9ХА', // glued, retyped with Cyrillic letters: no visible boundary
  'CT KQWMXABZ', // a slip in something that has no digits
  'CT-23456789', // a slip in something that has no letters
  'CT SUMMER25',
  'CT 2345ABCD', // letters and digits change only once
  'CTKQWMXABZспасибо', // glued, no digits
  'CT2345ABCDспасибо',
  'https://site.ru/CT7KQ2M9XAZZ',
  'CT 7KQ2M9X',
  'CT7KQ2M9XABBBBB',
  'password: CT7kq2m9xaQ',
  'промокод CTSALE25ст. 228', // a Latin code with a Russian abbreviation glued to it
  'CT7KQ2M9Xа', // Latin, then one Cyrillic letter: a word glued on, not a retyped ID
];
