/** Horizontal bars in plain SVG: enough for a dashboard, and no chart library in the bundle. */
export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar; defaults to the value. */
  text?: string;
}

const ROW = 28;
const LABEL_WIDTH = 150;
const TEXT_WIDTH = 90;

export function BarChart({ bars, width = 560, max, ariaLabel }: { bars: Bar[]; width?: number; max?: number; ariaLabel: string }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const barSpace = width - LABEL_WIDTH - TEXT_WIDTH;
  return (
    <svg role="img" aria-label={ariaLabel} width="100%" viewBox={`0 0 ${width} ${bars.length * ROW}`} style={{ maxWidth: width }}>
      {bars.map((bar, i) => {
        const length = Math.max(2, (bar.value / top) * barSpace);
        const y = i * ROW;
        return (
          <g key={`${bar.label}-${i}`}>
            <title>{`${bar.label}：${bar.text ?? bar.value}`}</title>
            <text x={LABEL_WIDTH - 8} y={y + 18} textAnchor="end" fontSize={13} fill="#555">
              {bar.label.length > 11 ? `${bar.label.slice(0, 10)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 6} width={length} height={16} rx={3} fill="#c4161c" opacity={0.85} />
            <text x={LABEL_WIDTH + length + 6} y={y + 18} fontSize={12} fill="#333">
              {bar.text ?? bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
