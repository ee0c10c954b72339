import type { UnitBrief } from '../../../../src/modules/indicators/contract.ts';

/** A unit's name as a link that drills the page down to it (the URL keeps ?don-vi=). */
export function UnitLink({ unit, onDrill }: { unit: UnitBrief; onDrill: (u: UnitBrief) => void }) {
  return (
    <a
      href={`?don-vi=${unit.id}`}
      onClick={(e) => {
        e.preventDefault();
        onDrill(unit);
      }}
    >
      {unit.name}
    </a>
  );
}
