import { describe, expect, it } from 'vitest';
import { toInbound } from '../../../bots/telegram/inbound.js';
import { cut, render, toTelegramHtml } from '../../../bots/telegram/render.js';

describe('telegram rendering', () => {
  it.each([
    ['Toko *Maju* Jaya', 'Toko <b>Maju</b> Jaya'],
    ['Budi_Santoso <script>', 'Budi_Santoso &lt;script&gt;'],
    ['A & B', 'A &amp; B'],
    ['*PD-3214-2026-0001* sudah', '<b>PD-3214-2026-0001</b> sudah'],
    ['2 * 3 = 6', '2 * 3 = 6'],
    ['a*b\nc*d', 'a*b\nc*d'],
  ])('%j is safe HTML', (text, html) => {
    expect(toTelegramHtml(text)).toBe(html);
  });

  it('cuts labels by characters, never inside an emoji', () => {
    expect(cut('🙏'.repeat(70), 60)).toBe(`${'🙏'.repeat(59)}…`);
    expect(cut('pendek', 60)).toBe('pendek');
  });

  it('renders options as a numbered inline keyboard, two a row for long lists', () => {
    const short = render({
      type: 'options',
      text: 'Pilih',
      options: [
        { id: 'yes', label: 'Ya' },
        { id: 'no', label: 'Tidak' },
      ],
    });
    expect(short.extra.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: '1. Ya', callback_data: 'yes' }],
        [{ text: '2. Tidak', callback_data: 'no' }],
      ],
    });
    const long = render({
      type: 'options',
      text: 'Kecamatan',
      options: Array.from({ length: 17 }, (_, i) => ({ id: `d${i}`, label: `Kec ${i}` })),
    });
    const rows = (long.extra.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard;
    expect(rows).toHaveLength(9);
    expect(rows[0]).toHaveLength(2);
  });

  it('sends documents by URL with a caption', () => {
    expect(
      render({
        type: 'document',
        caption: 'SP *1*',
        filename: 'x.pdf',
        mimeType: 'application/pdf',
        url: 'https://x/y.pdf',
      }),
    ).toMatchObject({
      method: 'sendDocument',
      document: 'https://x/y.pdf',
      caption: 'SP <b>1</b>',
    });
  });
});

describe('telegram updates', () => {
  const from = { id: 42, is_bot: false, first_name: 'Siti', last_name: 'A' };
  const chat = { id: 42, type: 'private' as const, first_name: 'Siti' };

  it('turns a text message into an Inbound keyed by update_id', () => {
    expect(
      toInbound({
        update_id: 7,
        message: { message_id: 1, date: 1_700_000_000, chat, from, text: 'halo' },
      } as never),
    ).toMatchObject({
      channel: 'telegram',
      externalUserId: '42',
      messageId: 'u7',
      text: 'halo',
      displayName: 'Siti A',
    });
  });

  it('turns a button tap into an option', () => {
    const update = {
      update_id: 8,
      callback_query: {
        id: 'cb1',
        from,
        chat_instance: 'x',
        data: 't:5:quote',
        message: { message_id: 3, date: 1, chat },
      },
    };
    expect(toInbound(update as never)).toMatchObject({
      externalUserId: '42',
      optionId: 't:5:quote',
      messageId: 'u8',
    });
  });

  it('trusts only the sender’s own shared contact as their phone', () => {
    const own = {
      update_id: 9,
      message: {
        message_id: 4,
        date: 1,
        chat,
        from,
        contact: { phone_number: '+628123', first_name: 'Siti', user_id: 42 },
      },
    };
    const other = {
      update_id: 10,
      message: {
        message_id: 5,
        date: 1,
        chat,
        from,
        contact: { phone_number: '+628999', first_name: 'X', user_id: 7 },
      },
    };
    expect(toInbound(own as never)?.phone).toBe('+628123');
    expect(toInbound(other as never)?.phone).toBeUndefined();
  });

  it('keeps the largest photo and ignores group chats', () => {
    const photo = {
      update_id: 11,
      message: {
        message_id: 6,
        date: 1,
        chat,
        from,
        photo: [{ file_id: 'small' }, { file_id: 'big' }],
        caption: 'sampai',
      },
    };
    expect(toInbound(photo as never)?.media).toMatchObject({
      kind: 'photo',
      fileId: 'big',
      caption: 'sampai',
    });
    const group = {
      update_id: 12,
      message: { message_id: 7, date: 1, chat: { id: -5, type: 'group' }, from, text: 'hi' },
    };
    expect(toInbound(group as never)).toBeNull();
  });
});
