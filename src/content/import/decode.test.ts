import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, UNKNOWN_MESSAGE } from './decode.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((p) => [...p]));

// GBK bytes written by hand (TextEncoder only writes UTF-8): 行人 = D0 D0 C8 CB, 红灯 = BA EC B5 C6
const GBK_XINGREN = [0xd0, 0xd0, 0xc8, 0xcb];
const GBK_HONGDENG = [0xba, 0xec, 0xb5, 0xc6];

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const r = decodeCsvBytes(cat([0xef, 0xbb, 0xbf], enc('prompt_zh\n行人')));
    expect(r).toEqual({ ok: true, encoding: 'utf-8', text: 'prompt_zh\n行人' });
  });

  it('reads UTF-8 without a BOM, from a Uint8Array or an ArrayBuffer', () => {
    expect(decodeCsvBytes(enc('a,b\n行人,红灯'))).toEqual({ ok: true, encoding: 'utf-8', text: 'a,b\n行人,红灯' });
    expect(decodeCsvBytes(enc('行人').slice().buffer)).toMatchObject({ ok: true, text: '行人' });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const le = cat([0xff, 0xfe], [0x4c, 0x88, 0xba, 0x4e]); // 行 U+884C, 人 U+4EBA
    expect(decodeCsvBytes(le)).toEqual({ ok: true, encoding: 'utf-16le', text: '行人' });
    const be = cat([0xfe, 0xff], [0x88, 0x4c, 0x4e, 0xba]);
    expect(decodeCsvBytes(be)).toEqual({ ok: true, encoding: 'utf-16be', text: '行人' });
  });

  it('decodes GBK (plain "CSV" from Chinese Excel and WPS) and says so', () => {
    const r = decodeCsvBytes(cat(enc('prompt_zh,difficulty\n'), GBK_XINGREN, GBK_HONGDENG, enc(',1\n')));
    expect(r).toEqual({ ok: true, encoding: 'gbk', text: 'prompt_zh,difficulty\n行人红灯,1\n' });
  });

  it('reads UTF-16 without a BOM when half the bytes are zero', () => {
    const le = new Uint8Array([...'a\tb\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeCsvBytes(le)).toEqual({ ok: true, encoding: 'utf-16le', text: 'a\tb\n' });
  });

  it('refuses bytes that are neither UTF-8 nor GBK giving Chinese, and GBK behind a UTF-8 BOM', () => {
    expect(decodeCsvBytes(new Uint8Array([0x61, 0xff, 0x62]))).toEqual({ ok: false, message: UNKNOWN_MESSAGE });
    expect(decodeCsvBytes(cat([0xef, 0xbb, 0xbf], GBK_XINGREN))).toEqual({ ok: false, message: UNKNOWN_MESSAGE });
  });
});
