import { Component, type ReactNode } from 'react';

interface Props {
  fallback: ReactNode;
  children: ReactNode;
  onError?: (error: Error) => void;
  /**
   * When this changes, a boundary showing its fallback tries its children again. Unlike a React
   * `key`, a change does not remount healthy children: the boundary around the whole app resets on
   * every route change, and remounting there would unmount the 3D stage, whose <Canvas> then loses
   * its WebGL context under a running XR session (the headset's frames throw from then on).
   */
  resetKey?: unknown;
}

/**
 * Keeps a failing part (a 3D view, one zone, one screen) from blanking the page around it. `onError`
 * reports it (the device's error log, the fault store); the fallback takes its place until the
 * boundary's key or `resetKey` changes.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null; resetKey: unknown }> {
  override state = { error: null as Error | null, resetKey: this.props.resetKey };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  static getDerivedStateFromProps(props: Props, state: { error: Error | null; resetKey: unknown }) {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }
  override componentDidCatch(error: Error) {
    console.warn('[hall] part of the page failed:', error.message);
    this.props.onError?.(error);
  }
  override render() {
    return this.state.error ? this.props.fallback : this.props.children;
  }
}
