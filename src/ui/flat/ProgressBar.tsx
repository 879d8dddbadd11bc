/** A determinate bar when the fraction is known, an indeterminate one otherwise. */
export function ProgressBar({ label, value }: { label: string; value?: number }) {
  return (
    <div className="progress" data-testid="progress">
      <span>{label}</span>
      <div
        className={`progress-track${value === undefined ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === undefined ? undefined : Math.round(value)}
      >
        <div className="progress-fill" style={value === undefined ? undefined : { width: `${value}%` }} />
      </div>
    </div>
  );
}
