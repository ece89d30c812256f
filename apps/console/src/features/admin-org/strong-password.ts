// A password for an admin to hand over (the person must change it at the first login): 20 characters from an
// alphabet without look-alikes, from the browser's cryptographic random source, in groups of five for reading aloud.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function strongPassword(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const chars: string[] = [];
  // Rejection sampling keeps every character equally likely.
  while (chars.length < 20) {
    for (const byte of random(new Uint8Array(32))) {
      if (byte < 256 - (256 % ALPHABET.length) && chars.length < 20) chars.push(ALPHABET[byte % ALPHABET.length]);
    }
  }
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
