import type { InputHTMLAttributes, ReactNode } from "react";

// A labelled input: the label is the control's accessible name.
export function Field({ label, id, hint, ...input }: { label: string; id: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        {...input}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm placeholder:text-slate-400 focus:border-sky-600"
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

export const buttonPrimary =
  "inline-flex items-center justify-center rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-60";
export const buttonSecondary =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

// The forms that name the field at fault (new proposal, proposal and workshop details): the
// server's message starts with the field's label ("Title: …"), and that control is marked invalid.
export const fieldLabel = "block text-sm font-medium text-slate-800";
export const fieldControl =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-600 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";
export const fieldHint = "text-xs text-slate-500";

/** A label over its control (the label is the control's accessible name), and a hint under it, id `${id}-hint`. */
export function LabelledControl({ id, label, hint, children }: { id: string; label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={fieldLabel}>
        {label}
      </label>
      {children}
      {hint !== undefined && (
        <p id={`${id}-hint`} className={fieldHint}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The field a refusal names: the one whose label starts the message ("Title: enter a title."). */
export function fieldAtFault<F extends string>(message: string, labels: Readonly<Record<F, string>>): F | null {
  return (Object.keys(labels) as F[]).find((f) => message.startsWith(`${labels[f]}:`)) ?? null;
}
