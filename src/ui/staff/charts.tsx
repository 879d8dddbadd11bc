// Charts for the staff console (chart.js through react-chartjs-2). Only the bar chart's pieces are
// registered, and only this lazy chunk imports them: visitor screens never load chart code.
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);
// the bundled font subsets (canvas text uses the page's fonts once loaded); no animation on a kiosk
ChartJS.defaults.font.family = "'Hall Sans TC', 'Hall Sans', system-ui, sans-serif";
ChartJS.defaults.font.size = 14;
ChartJS.defaults.color = '#f3f7fa';
ChartJS.defaults.borderColor = 'rgba(183, 201, 214, 0.25)';
ChartJS.defaults.animation = false;

/** Colours that stay apart under the common colour-vision deficiencies (blue, yellow, orange). */
export const SERIES_COLOURS = ['#4dabf7', '#ffd43b', '#ff922b', '#b197fc'];

export interface Series {
  label: string;
  values: (number | null)[];
}

export function BarChart({
  labels,
  series,
  max,
  horizontal = false,
  label,
  testid,
  unit = '',
}: {
  labels: string[];
  series: Series[];
  max?: number;
  horizontal?: boolean;
  /** what the chart shows, for screen readers (the same figures are in the table beside it) */
  label: string;
  testid: string;
  unit?: string;
}) {
  const data: ChartData<'bar', (number | null)[], string> = {
    labels,
    datasets: series.map((s, i) => ({
      label: s.label,
      data: s.values,
      backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
      borderRadius: 4,
      maxBarThickness: 48,
    })),
  };
  const valueAxis = { beginAtZero: true, ...(max !== undefined ? { max } : {}), ticks: { precision: 0, callback: (v: string | number) => `${v}${unit}` } };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { display: series.length > 1, position: 'bottom' }, tooltip: { enabled: true } },
    scales: horizontal ? { x: valueAxis } : { y: valueAxis },
  };
  return (
    <div className="chart" data-testid={testid}>
      <Bar data={data} options={options} aria-label={label} role="img" fallbackContent={<p>{label}</p>} />
    </div>
  );
}
