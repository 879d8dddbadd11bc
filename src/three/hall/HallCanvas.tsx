import { Canvas, useThree } from '@react-three/fiber';
import { Suspense, useEffect } from 'react';
import { useCatalog, useSession } from '../../app/context.tsx';
import { text } from '../../content/ids.ts';
import type { ZoneId } from '../../content/ids.ts';
import { fontFor, textScale } from '../text.ts';
import { Portal } from './Portal.tsx';

/** Tests and the benchmark read renderer figures through this handle. */
function ExposeRenderer() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    const w = window as unknown as { __hall3d?: unknown };
    w.__hall3d = { gl, scene, camera };
    return () => {
      if ((w.__hall3d as { gl?: unknown } | undefined)?.gl === gl) delete w.__hall3d;
    };
  }, [gl, scene, camera]);
  return null;
}

function Lobby({ onPick }: { onPick: (id: ZoneId) => void }) {
  const catalog = useCatalog();
  const { lang, textSize } = useSession((s) => ({ lang: s.lang, textSize: s.textSize }));
  const radius = catalog.hall?.portalRadius ?? 6;
  const n = catalog.zones.length;
  const font = fontFor(lang);
  const scale = textScale(textSize);
  return (
    <>
      {catalog.zones.map((z, i) => {
        // an arc of 120° in front of the visitor, first zone on the left
        const a = (-60 + (120 * i) / Math.max(1, n - 1)) * (Math.PI / 180);
        const position: [number, number, number] = [Math.sin(a) * radius, 0, -Math.cos(a) * radius];
        return (
          <Portal
            key={z.id}
            zoneId={z.id}
            position={position}
            rotationY={-a}
            color={z.ok ? z.zone.color : '#666666'}
            title={z.ok ? text(z.zone.title, lang) : z.id}
            summary={z.ok ? text(z.zone.summary, lang) : '⚠'}
            font={font}
            scale={scale}
            broken={!z.ok}
            onPick={() => onPick(z.id)}
          />
        );
      })}
    </>
  );
}

export default function HallCanvas({ onPick }: { onPick: (id: ZoneId) => void }) {
  return (
    <Canvas
      camera={{ position: [0, 2.4, 4.2], fov: 62, near: 0.05, far: 200 }}
      dpr={[1, 2]}
      gl={{ antialias: true, powerPreference: 'high-performance' }}
      onCreated={({ camera }) => camera.lookAt(0, 1.3, -4)}
      aria-label="hall-3d"
      data-testid="hall-canvas"
    >
      <color attach="background" args={['#0e2130']} />
      <fog attach="fog" args={['#0e2130', 12, 40]} />
      <hemisphereLight args={['#dfefff', '#1a2a33', 1.1]} />
      <directionalLight position={[4, 8, 3]} intensity={1.2} />
      {/* the floor reaches far behind the visitor: SwiftShader draws a plane edge at the head in front of everything */}
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0, 0]}>
        <circleGeometry args={[30, 48]} />
        <meshStandardMaterial color="#23394a" />
      </mesh>
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.005, 0]}>
        <ringGeometry args={[5.2, 5.5, 64]} />
        <meshBasicMaterial color="#ffd43b" />
      </mesh>
      <Suspense fallback={null}>
        <Lobby onPick={onPick} />
      </Suspense>
      <ExposeRenderer />
    </Canvas>
  );
}
