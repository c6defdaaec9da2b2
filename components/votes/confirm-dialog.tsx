"use client";
// Asks before a decision happens, saying what it will do in the rule's own terms. A native
// modal <dialog>: the page behind is inert, Escape cancels, and focus returns to the button
// that asked. Focus starts on "Back", so a stray Enter never confirms.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";

type Props = {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Defaults to "Back" (in the reader's language). */
  backLabel?: string;
  isPending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmDialog({ isOpen, title, children, confirmLabel, backLabel, isPending = false, onConfirm, onCancel }: Props) {
  const t = useTranslations("votes.confirm");
  const ref = useRef<HTMLDialogElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const headingId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      back.current?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
    }
  }, [isOpen]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      aria-describedby={bodyId}
      // Escape (the "cancel" event) and every close end up here: tell the owner, give focus back.
      onClose={() => {
        if (isOpen) onCancel();
        if (opener.current?.isConnected) opener.current.focus();
      }}
      // m-auto: the base styles zero every margin, and a modal dialog is centred by its auto margins.
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="space-y-2 text-base text-slate-800">
          {children}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <button ref={back} type="button" className={buttonSecondary} disabled={isPending} onClick={onCancel}>
            {backLabel ?? t("back")}
          </button>
          <button type="button" className={buttonPrimary} disabled={isPending} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
