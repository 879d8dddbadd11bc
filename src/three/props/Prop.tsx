import type { PropId } from '../../content/props.ts';
import { isSignProp, PROP_MODELS } from './catalog.ts';
import type { PropProps } from './PropBody.tsx';
import { SignPost } from './SignPost.tsx';

/**
 * Any catalogue prop by id: a PROP_IDS entry or `sign:<SIGNS id>`. Unknown ids draw nothing (content
 * is validated against the same catalogue, so this only happens with unchecked data).
 */
export function Prop({ id, ...props }: PropProps & { id: string }) {
  if (isSignProp(id)) return <SignPost sign={id.slice(5)} {...props} />;
  const model = (PROP_MODELS as Record<string, (typeof PROP_MODELS)[PropId] | undefined>)[id];
  if (!model) return null;
  const { Component } = model;
  return <Component {...props} />;
}
