// Placeholder until the street kit lands: replaced by the demo junction with live traffic.
export default function JunctionLab() {
  return (
    <mesh position={[0, 0.5, -4]}>
      <boxGeometry args={[1, 1, 1]} />
      <meshStandardMaterial color="#888888" />
    </mesh>
  );
}
