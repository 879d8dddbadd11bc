// The controls help of a zone's intro, generated from its action map (flat: keyboard or touch; in
// the headset: controllers and bare hands), so what the help says is what the devices do.
import type { TFunction } from 'i18next';
import type { ActionMap } from '../../zones/common/controls.ts';

export type HelpDevice = 'keys' | 'touch' | 'controllers' | 'hands';

/** A key's name as printed on it: KeyW → W, Digit1 → 1, arrows and Space from the UI strings. */
export function keyName(code: string, t: TFunction): string {
  const m = /^(?:Key|Digit)(.)$/.exec(code);
  if (m) return m[1]!;
  const k = `controls.key.${code}`;
  const s = t(k);
  return s === k ? code : s;
}

/** The help for one device: one item per thing to do, in the map's order of actions. */
export function controlsHelp<A extends string>(map: ActionMap<A>, device: HelpDevice, t: TFunction): string[] {
  const out: string[] = [];
  const item = (how: string, what: string) => t('controls.item', { how, what });
  if (device === 'keys') {
    // in the map's order of keys: one item per action and direction (W / Up arrow: walk forward)
    const groups = new Map<string, { label: string; names: string[] }>();
    for (const k of map.keys) {
      const d = map.actions[k.action];
      const label = d.kind === 'axis' && d.dir ? d.dir[(k.value ?? 1) > 0 ? 1 : 0] : d.label;
      const g = groups.get(label) ?? { label, names: [] };
      const name = keyName(k.code, t);
      if (!g.names.includes(name)) g.names.push(name);
      groups.set(label, g);
    }
    for (const g of groups.values()) out.push(item(g.names.join(t('controls.or')), t(g.label)));
    if (map.dragLook) out.push(t('controls.dragMouse'));
  } else if (device === 'touch') {
    const held = map.touch.filter((b) => !b.toggle).map((b) => t(b.label));
    if (held.length) out.push(t('controls.holdButtons', { list: held.join(t('controls.listSep')) }));
    for (const b of map.touch.filter((x) => x.toggle)) out.push(t('controls.tapButton', { name: t(b.label), what: t(map.actions[b.action].label) }));
    if (map.dragLook) out.push(t('controls.dragFinger'));
  } else if (device === 'controllers') {
    for (const c of map.controller) out.push(item(`${t(`controls.hand.${c.hand}`)}${t(`controls.input.${c.input}`)}`, t(map.actions[c.action].label)));
    out.push(t('controls.headLook'));
  } else {
    for (const h of map.hands) out.push(item(t(`controls.gesture.${h.gesture}`), t(map.actions[h.action].label)));
  }
  return out;
}

/** The help as one line (items joined). */
export const helpLine = <A extends string>(map: ActionMap<A>, device: HelpDevice, t: TFunction): string => controlsHelp(map, device, t).join(t('controls.sep'));
