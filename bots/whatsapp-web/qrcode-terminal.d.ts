// qrcode-terminal ships no types; this is the one function the QR printout uses.
declare module 'qrcode-terminal' {
  const qrcode: {
    generate(text: string, opts: { small: boolean }, callback: (art: string) => void): void;
  };
  export default qrcode;
}
