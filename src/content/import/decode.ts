// Bytes of a CSV file → text, and which encoding it was. Chinese Excel and WPS save plain "CSV" as
// GBK; "CSV UTF-8" adds a BOM; "Unicode text" is UTF-16 with a BOM (tab-separated). UTF-8 is tried
// first and strictly: GBK bytes are almost never valid UTF-8, while UTF-8 Chinese is never valid
// GBK that reads as Chinese — so GBK is used only when the bytes are valid GBK *and* give Chinese
// text; the import says which encoding it used, so a wrong guess would be seen in the preview.
// Uses only TextDecoder, so it runs in Node and in the browser.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

export const UNKNOWN_MESSAGE = "this file is neither UTF-8 nor GBK text: save it as 'CSV UTF-8' (or .xlsx) and import again";

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

function decode(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    // ignoreBOM: a BOM is cut off by the caller; a second one would be content
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // invalid bytes, or a runtime without this decoder (small-ICU builds lack GBK)
    return null;
  }
}

/** UTF-16 without a BOM: text in the Latin and CJK ranges leaves many zero bytes on one side. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.3 && evenZero === 0) return 'utf-16le';
  if (evenZero > half * 0.3 && oddZero === 0) return 'utf-16be';
  return null;
}

export function decodeCsvBytes(input: Uint8Array | ArrayBuffer): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const bom: [number[], Encoding][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [sig, encoding] of bom)
    if (startsWith(bytes, ...sig)) {
      const text = decode(bytes.subarray(sig.length), encoding);
      return text === null ? { ok: false, message: UNKNOWN_MESSAGE } : { ok: true, text, encoding };
    }
  const utf16 = utf16Guess(bytes);
  if (utf16) {
    const text = decode(bytes, utf16);
    if (text !== null) return { ok: true, text, encoding: utf16 };
  }
  const utf8 = decode(bytes, 'utf-8');
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gbk = decode(bytes, 'gbk');
  if (gbk !== null && /\p{Script=Han}/u.test(gbk)) return { ok: true, text: gbk, encoding: 'gbk' };
  return { ok: false, message: UNKNOWN_MESSAGE };
}
