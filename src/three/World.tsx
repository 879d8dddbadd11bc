import { useFrame, useThree } from '@react-three/fiber';
import { XROrigin } from '@react-three/xr';
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { CircleGeometry, type Group, Vector3 } from 'three';
import { useStore } from 'zustand';
import { hashFor, type Route } from '../app/routes.ts';
import { faultedOn, faultStore } from '../stores/faults.ts';
import { ErrorBoundary } from '../ui/flat/ErrorBoundary.tsx';
import { FaultPanel3D } from './panels/FaultPanel3D.tsx';
import { useCatalog, useServices, useSession } from '../app/context.tsx';
import { useZoneGame } from '../app/useZoneGame.ts';
import { hasGame } from '../zones/registry.ts';
import { effectiveComfort, SEATED_LIFT_M } from '../xr/comfort.ts';
import { Locomotion, TeleportFloor } from '../xr/Locomotion.tsx';
import type { HallXRStore } from '../xr/store.ts';
import { Vignette } from '../xr/Vignette.tsx';
import { DesktopControls } from './DesktopControls.tsx';
import { Lobby } from './hall/Lobby.tsx';
import { GamePanel3D } from './panels/GamePanel3D.tsx';
import { MenuPanel3D } from './panels/MenuPanel3D.tsx';
import { LivePanel3D } from './panels/LivePanel3D.tsx';
import { ModePanel3D } from './panels/ModePanel3D.tsx';
import { ProfilePanel3D } from './panels/ProfilePanel3D.tsx';
import { ZonePanel3D } from './panels/ZonePanel3D.tsx';
import { ZoneScene } from './zone/ZoneScene.tsx';
import { coloured, propMaterial, releasePropGpu } from './props/materials.ts';
import { fontFor, textScale } from './text.ts';
import { PanelTextContext } from './ui/panelText.ts';

const labs: Record<string, React.LazyExoticComponent<() => React.JSX.Element>> = {
  junction: lazy(() => import('./lab/JunctionLab.tsx')),
};

const head = new Vector3();
const ahead = new Vector3();

/**
 * The 3D panels' anchor: placed 1.3 m in front of the head, facing it, when the session starts,
 * whenever the visitor asks to re-centre, and whenever what the panels show changes (`recenter`
 * is a key of all three).
 */
function PanelAnchor({ children, recenter }: { children: React.ReactNode; recenter: string }) {
  const anchor = useRef<Group>(null);
  const camera = useThree((s) => s.camera);
  const pending = useRef(true);
  useEffect(() => {
    pending.current = true;
  }, [recenter]);
  useFrame(() => {
    const a = anchor.current;
    if (!a || !pending.current) return;
    camera.getWorldPosition(head);
    // wait for the first real head pose
    if (head.lengthSq() === 0) return;
    camera.getWorldDirection(ahead);
    ahead.y = 0;
    if (ahead.lengthSq() < 1e-6) ahead.set(0, 0, -1);
    ahead.normalize();
    a.position.set(head.x + ahead.x * 1.3, head.y - 0.2, head.z + ahead.z * 1.3);
    a.rotation.set(0, Math.atan2(-ahead.x, -ahead.z), 0);
    pending.current = false;
  });
  return <group ref={anchor}>{children}</group>;
}

export function World({ route, keep, inXR, xrStore }: { route: Route; keep: Record<string, string>; inXR: boolean; xrStore: HallXRStore }) {
  const catalog = useCatalog();
  const { hallUi } = useServices();
  const { lang, textSize, visitor } = useSession((s) => ({ lang: s.lang, textSize: s.textSize, visitor: s.visitor }));
  const pickedZone = useStore(hallUi, (s) => s.pickedZone);
  const routeKey = hashFor(route);
  const faulted = useStore(faultStore, (s) => faultedOn(s, routeKey));
  const recenterCount = useStore(hallUi, (s) => s.recenterCount);
  const origin = useRef<Group>(null);
  const walkTo = useRef<Vector3 | null>(null);
  // the props' shared material, the floor's colour as vertex colours: no shader program of its own
  const floor = useMemo(() => coloured(new CircleGeometry(30, 48), '#23394a'), []);
  useEffect(() => () => floor.dispose(), [floor]);
  const comfort = effectiveComfort(catalog.groups.find((g) => g.id === visitor?.group), visitor?.comfort);
  const font = fontFor(lang);
  const scale = textScale(textSize);

  useEffect(() => {
    origin.current?.position.setY(comfort.seated ? SEATED_LIFT_M : 0);
  }, [comfort.seated]);
  // back in the hall (the zone's or lab's scene unmounted in this commit): the shared props' GPU
  // copies go, so the hall holds the same whatever the kiosk showed before (see releasePropGpu)
  const inHall = route.name === 'hall';
  useEffect(() => {
    if (inHall) releasePropGpu();
  }, [inHall]);

  const Lab = route.name === 'lab' ? labs[route.id] : undefined;
  // a zone's game (its module from the registry, its store shared with the flat HUD)
  const gameZone = route.name === 'zone' && route.mode === 'game' && hasGame(route.zoneId) ? route.zoneId : '';
  const game = useZoneGame(gameZone);
  const zoneSlot = gameZone ? catalog.zones.find((z) => z.id === gameZone) : undefined;
  const zoneDef = zoneSlot?.ok ? zoneSlot.zone : undefined;
  // the game's route (its module may still be loading): no lobby, no hall locomotion. A zone whose
  // scene crashed is not played: the fault screen (flat) or panel (headset) shows instead
  const playing = !!(gameZone && zoneDef && visitor) && !faulted;
  const showLobby = !Lab && !playing && (route.name === 'hall' || !inXR);
  return (
    <PanelTextContext.Provider value={{ font, size: scale }}>
      <color attach="background" args={['#0e2130']} />
      <fog attach="fog" args={['#0e2130', 12, 40]} />
      <hemisphereLight args={['#dfefff', '#1a2a33', 1.1]} />
      <directionalLight position={[4, 8, 3]} intensity={1.2} />
      {/* the floor reaches far behind the visitor: SwiftShader draws a plane edge at the head in front of everything.
          Under a street (a zone's game, a lab) it sinks below the lowest street layer (the verge, 4 cm down):
          level with the road, the two fought in depth and the floor's blue showed through the asphalt */}
      <mesh
        name="floor"
        geometry={floor}
        material={propMaterial()}
        position={[0, playing || Lab ? -0.08 : 0, 0]}
        rotation={[-Math.PI / 2, 0, 0]}
        onClick={(e) => {
          if (inXR) return;
          e.stopPropagation();
          walkTo.current = e.point.clone();
        }}
      />
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.005, 0]} raycast={() => null}>
        <ringGeometry args={[5.2, 5.5, 64]} />
        <meshBasicMaterial color="#ffd43b" />
      </mesh>
      <XROrigin name="xr-origin" ref={origin} position={[0, comfort.seated ? SEATED_LIFT_M : 0, 1.5]}>
        {/* a game's panel rides with the visitor, who walks through the street as the player */}
        {inXR && game && zoneDef && (
          <Suspense fallback={null}>
            <group position={[0, 1.35, -1.2]}>
              <GamePanel3D handle={game} zone={zoneDef} />
            </group>
          </Suspense>
        )}
      </XROrigin>
      <Suspense fallback={null}>
        {showLobby && <Lobby font={font} scale={scale} />}
        {Lab && <Lab />}
        {game && !faulted && (
          // a zone that throws (its code, a chunk that failed to load) is logged and contained: the hall and the XR session go on
          <ErrorBoundary key={routeKey} fallback={null} onError={(e) => faultStore.getState().actions.report('zone', routeKey, e)}>
            <ZoneScene key={game.module.id} handle={game} inXR={inXR} origin={origin} />
          </ErrorBoundary>
        )}
        {inXR && (
          // a panel that opens (a portal picked, a new screen) opens in front of the visitor, wherever they have teleported to
          <PanelAnchor recenter={`${recenterCount}|${pickedZone ?? ''}|${route.name}|${route.name === 'zone' ? `${route.zoneId}/${route.mode}` : ''}`}>
            {route.name === 'hall' && pickedZone && <ModePanel3D keep={keep} />}
            {/* settings to the right, on every screen; the left is for a scene question's panel */}
            <group position={[1.05, -0.05, 0.35]} rotation={[0, -0.6, 0]}>
              <MenuPanel3D onExit={() => void xrStore.getState().session?.end()} />
            </group>
            {route.name === 'zone' && faulted && <FaultPanel3D keep={keep} />}
            {route.name === 'zone' && !playing && !faulted && <ZonePanel3D zoneId={route.zoneId} mode={route.mode} keep={keep} />}
            {route.name === 'start' && <ProfilePanel3D />}
            {route.name === 'join' && <LivePanel3D />}
          </PanelAnchor>
        )}
      </Suspense>
      {inXR ? (
        <>
          {/* in a game the visitor walks as the game's player; teleporting would step out of the world */}
          {!playing && <Locomotion origin={origin} comfort={comfort} />}
          {!playing && <TeleportFloor origin={origin} seated={comfort.seated} />}
          <Vignette origin={origin} enabled={comfort.vignette} />
        </>
      ) : (
        !playing && <DesktopControls target={[0, 1.3, -3]} walkTo={walkTo} />
      )}
    </PanelTextContext.Provider>
  );
}
