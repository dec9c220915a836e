/**
 * How a channel that needs linking (WhatsApp Web: a phone scans a QR code) is doing right now.
 * The adapter updates it; /readyz and the console read it.
 */
export type LinkState = 'starting' | 'linking' | 'ready' | 'disconnected' | 'failed';

export interface ChannelLink {
  channel: 'whatsapp-web';
  state: LinkState;
  /** The QR payload to scan while `state` is `linking`; null otherwise. */
  qr: string | null;
  /** When the state last changed (ISO 8601). */
  since: string;
  /** A short reason for `disconnected` / `failed`. */
  detail?: string;
}

/**
 * The links of the system, wherever their process runs (the worker holding the WhatsApp Web
 * session publishes its state to Redis); empty when no channel needs linking.
 */
export type ChannelStatus = () => Promise<ChannelLink[]>;
