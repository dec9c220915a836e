/**
 * The chats PesanDesa speaks in. The one list: the TypeScript type, the web chat API's schema and
 * the store derive from it. (The database's check on the column was written by migration 0001; a
 * new channel also needs a migration that widens it.)
 */
export const CHANNELS = ['telegram', 'whatsapp', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];
