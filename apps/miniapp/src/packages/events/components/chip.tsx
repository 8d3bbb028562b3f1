import Choice from '../../../components/choice';

/** A filter or answer chip of 活动报名: a toggle button that says whether it is on (tap again to clear it). */
export default function Chip({ label, active, onClick }: { label: string; active: boolean; onClick: () => void }) {
  return (
    <Choice role='button' className='jc-chip' selected={active} onSelect={onClick}>
      {label}
    </Choice>
  );
}
