import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { AgentPools, type AgentSource } from './agentPools.ts';
import { AGENT_POOLS } from './agentModels.ts';

export interface AgentsRendererProps {
  world: AgentSource;
  /** instances per agent kind (default 128); agents beyond it are not drawn */
  maxAgents?: number;
  /** draw the visitor's own agent (default false: in first person the camera is the visitor) */
  showPlayer?: boolean;
}

/**
 * The world's moving agents, re-placed every frame from `world.agents`: one InstancedMesh per kind
 * (car, bus, truck, semi tractor, semi trailer, e-bike with rider, pedestrian), so any amount of
 * traffic costs seven draw calls. Body paint (shirts for people) varies per agent, seeded by its id.
 */
export function AgentsRenderer({ world, maxAgents = 128, showPlayer = false }: AgentsRendererProps) {
  const pools = useMemo(() => new AgentPools({ capacity: maxAgents }), [maxAgents]);
  useEffect(() => () => pools.dispose(), [pools]);
  useEffect(() => {
    pools.showPlayer = showPlayer;
  }, [pools, showPlayer]);
  useFrame(() => pools.update(world));
  return (
    <group name="agents">
      {AGENT_POOLS.map((pool) => (
        <primitive key={pool} object={pools.meshes[pool]} dispose={null} />
      ))}
    </group>
  );
}
