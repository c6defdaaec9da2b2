export function ErrorAlert({ children }: { children: React.ReactNode }) {
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {children}
    </p>
  );
}

/** A refusal beside the control that caused it (a card's, a panel's), announced; nothing when there is none. */
export function InlineError({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-800">
      {error}
    </p>
  );
}
