// Bytes of a CSV file → text. Chinese Excel saves "CSV" as GBK by default; importing that as UTF-8
// turns every Chinese word into mojibake, and importing it as GBK would hide the mistake until the
// next editor's machine differs. So GBK is only detected, never imported: the editor is told to save
// as "CSV UTF-8". Uses only TextDecoder, so it runs in Node and in the browser.

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; encoding: 'gbk' | 'unknown'; message: string };

export const GBK_MESSAGE = "this CSV is GBK-encoded (Excel's default for Chinese): save it as 'CSV UTF-8' and import again";
export const UNKNOWN_MESSAGE = "this file is not UTF-8 text: save it as 'CSV UTF-8' and import again";

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

export function decodeCsvBytes(input: Uint8Array | ArrayBuffer): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // Excel's "CSV UTF-8" writes a BOM; "Unicode text" writes UTF-16 with a BOM (tab-separated)
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return decodeStrict(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, 0xff, 0xfe)) return decodeStrict(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, 0xfe, 0xff)) return decodeStrict(bytes.subarray(2), 'utf-16be');
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8.ok) return utf8;
  return looksLikeGbk(bytes) ? { ok: false, encoding: 'gbk', message: GBK_MESSAGE } : utf8;
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): Decoded {
  try {
    // ignoreBOM: the BOM is already cut off above; a second one would be content
    return { ok: true, encoding, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, encoding: 'unknown', message: UNKNOWN_MESSAGE };
  }
}

/** GBK decodes cleanly and yields Chinese characters (not just any bytes that happen to decode). */
function looksLikeGbk(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
  } catch {
    // a runtime without GBK support (small-ICU builds) cannot tell; the generic message still applies
    return false;
  }
  return /\p{Script=Han}/u.test(text);
}
