"use client";
// Refusals, in the reader's language: give a server refusal ({code, message}: an action's
// failure, a socket ack's error) as `error` and it is worded by useErrorText(); a sentence of the
// component's own is given already translated (as children, or as a string `error`).
import { useErrorText, type ServerError } from "@/components/i18n/use-error-text";

export function ErrorAlert({ children, error }: { children?: React.ReactNode; error?: ServerError | null }) {
  const errorText = useErrorText();
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {error ? errorText(error) : children}
    </p>
  );
}

/**
 * A refusal beside the control that caused it (a card's, a panel's), announced; nothing when there
 * is none. A server refusal ({code, message}) is worded in the reader's language; a string is
 * shown as given (already translated by the caller).
 */
export function InlineError({ error }: { error: string | ServerError | null | undefined }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-800">
      {typeof error === "string" ? error : errorText(error)}
    </p>
  );
}
